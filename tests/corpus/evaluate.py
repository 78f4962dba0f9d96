"""Quality figures for Chorus, computed from the labelled corpus and the real code.

Pure functions: load the JSONL files, run `critique`, `classify` and `TipLibrary.search` over
them, and count. `benchmarks/quality.py` prints these figures; `test_floors.py` holds them to
the floors of issue 10. Nothing here touches the network or the clock.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from statistics import mean
from typing import Any

CORPUS = Path(__file__).resolve().parent
HELDOUT = CORPUS / "heldout"  # held-out cases nobody tuning Chorus has seen; no floors
ROOT = CORPUS.parent.parent
TIPS_FILE = ROOT / "prompts" / "tips.yaml"
FILES = ("critique", "routing", "questions", "rated", "pairs")
ANSWER_LIMIT = 3  # the coach searches for three tips per question

Case = dict[str, Any]
Flagger = Callable[[Case], set[str]]


def load(name: str, corpus: Path = CORPUS) -> list[Case]:
    """One file (`critique`, `routing`, `questions`, `rated` or `pairs`) of a corpus directory,
    a dict a line."""
    path = corpus / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


# ------------------------------------------------------------------ critique categories


@dataclass(frozen=True)
class CategoryFigures:
    """How one tool did on one category: the labelled cases and what it reported on them."""

    category: str
    flag_ids: tuple[str, ...]  # labelled must_flag
    clear_ids: tuple[str, ...]  # labelled must_not_flag
    missed_ids: tuple[str, ...]  # must_flag, not reported
    false_alarm_ids: tuple[str, ...]  # must_not_flag, reported

    @property
    def cases(self) -> int:
        """How many cases carry a label for this category."""
        return len(self.flag_ids) + len(self.clear_ids)

    @property
    def true_positives(self) -> int:
        """must_flag cases the tool reported."""
        return len(self.flag_ids) - len(self.missed_ids)

    @property
    def recall(self) -> float:
        """Share of must_flag cases reported (1.0 when there are none)."""
        return self.true_positives / len(self.flag_ids) if self.flag_ids else 1.0

    @property
    def false_alarm_rate(self) -> float:
        """Share of must_not_flag cases reported anyway (0.0 when there are none)."""
        return len(self.false_alarm_ids) / len(self.clear_ids) if self.clear_ids else 0.0

    @property
    def precision(self) -> float:
        """Of the labelled cases the tool reported, the share labelled must_flag."""
        reported = self.true_positives + len(self.false_alarm_ids)
        return self.true_positives / reported if reported else 1.0


def category_figures(
    cases: Sequence[Case], flagged: Sequence[set[str]], categories: Iterable[str]
) -> list[CategoryFigures]:
    """Per-category figures, given the set of categories a tool reported for each case."""
    figures = []
    for category in categories:
        flag = [c["id"] for c in cases if category in c["must_flag"]]
        clear = [c["id"] for c in cases if category in c["must_not_flag"]]
        reported = {c["id"] for c, found in zip(cases, flagged, strict=True) if category in found}
        figures.append(
            CategoryFigures(
                category=category,
                flag_ids=tuple(flag),
                clear_ids=tuple(clear),
                missed_ids=tuple(i for i in flag if i not in reported),
                false_alarm_ids=tuple(i for i in clear if i in reported),
            )
        )
    return figures


@dataclass(frozen=True)
class Overall:
    """Recall and false-alarm rate pooled over every labelled (case, category)."""

    flags: int
    hits: int
    clears: int
    false_alarms: int

    @property
    def recall(self) -> float:
        """Pooled recall."""
        return self.hits / self.flags if self.flags else 1.0

    @property
    def false_alarm_rate(self) -> float:
        """Pooled false-alarm rate."""
        return self.false_alarms / self.clears if self.clears else 0.0


def overall(figures: Iterable[CategoryFigures]) -> Overall:
    """Pool per-category figures."""
    figures = list(figures)
    return Overall(
        flags=sum(len(f.flag_ids) for f in figures),
        hits=sum(f.true_positives for f in figures),
        clears=sum(len(f.clear_ids) for f in figures),
        false_alarms=sum(len(f.false_alarm_ids) for f in figures),
    )


def chorus_flagger(case: Case) -> set[str]:
    """The categories Chorus reports (any severity) for a critique case."""
    return {f.category for f in _critique(case).findings}


def _critique(case: Case) -> Any:
    from bot.feedback import critique

    return critique(
        case["text"],
        case["platform"],
        tuple(case.get("companies", ())),
        tuple(case.get("policy_terms", ())),
    )


def score(text: str, platform: str, companies: Sequence[str] = ()) -> int:
    """Chorus's 0-100 score for a draft."""
    from bot.feedback import critique

    return critique(text, platform, tuple(companies)).score


# ------------------------------------------------------------------ score against rating


def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties given the average of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        average = (start + end) / 2 + 1
        for k in range(start, end + 1):
            result[order[k]] = average
        start = end + 1
    return result


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson correlation; 0.0 when either side has no spread."""
    mx, my = mean(xs), mean(ys)
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return cov / (sx * sy) if sx and sy else 0.0


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rank correlation (Pearson on ranks, ties averaged)."""
    return pearson(ranks(xs), ranks(ys))


@dataclass(frozen=True)
class RatingBand:
    """Scores of the drafts that share one rating."""

    rating: int
    scores: tuple[tuple[str, int], ...]  # (id, score)

    @property
    def low(self) -> int:
        """The lowest score."""
        return min(s for _, s in self.scores)

    @property
    def high(self) -> int:
        """The highest score."""
        return max(s for _, s in self.scores)

    @property
    def average(self) -> float:
        """The mean score."""
        return mean(s for _, s in self.scores)


def rating_bands(rated: Sequence[Case], scores: Mapping[str, int]) -> list[RatingBand]:
    """Scores grouped by rating, lowest rating first."""
    ratings = sorted({r["rating"] for r in rated})
    return [
        RatingBand(n, tuple((r["id"], scores[r["id"]]) for r in rated if r["rating"] == n))
        for n in ratings
    ]


def is_bare_link(text: str) -> bool:
    """True when the draft is nothing but one link."""
    words = text.split()
    return len(words) == 1 and words[0].lower().startswith(("http://", "https://", "www."))


@dataclass(frozen=True)
class PairResult:
    """One honest revision and the scores before and after it."""

    id: str
    before: int
    after: int

    @property
    def won(self) -> bool:
        """True when the revision scores strictly higher."""
        return self.after > self.before


# ------------------------------------------------------------------ routing and answers


@dataclass(frozen=True)
class RoutingMiss:
    """A message routed to the wrong kind."""

    id: str
    text: str
    expected: str
    got: str


@dataclass(frozen=True)
class AnswerResult:
    """The tips the coach found for one question, beside the tips that answer it."""

    id: str
    text: str
    expected: tuple[str, ...]
    found: tuple[str, ...]

    @property
    def top1(self) -> bool:
        """True when the first tip found answers the question."""
        return bool(self.found) and self.found[0] in self.expected

    @property
    def top3(self) -> bool:
        """True when any of the first three tips answers the question."""
        return any(tip in self.expected for tip in self.found[:3])


def routing_misses(cases: Sequence[Case]) -> list[RoutingMiss]:
    """Every routing case `classify` gets wrong."""
    from bot.coach.router import classify

    misses = []
    for case in cases:
        got = classify(case["text"]).kind
        if got != case["label"]:
            misses.append(RoutingMiss(case["id"], case["text"], case["label"], got))
    return misses


@cache
def tip_library() -> Any:
    """The tips library the coach ships with."""
    from bot.coach.tips import TipLibrary

    return TipLibrary.from_file(TIPS_FILE)


def tip_ids() -> frozenset[str]:
    """Every tip id in prompts/tips.yaml."""
    return frozenset(tip.id for tip in tip_library().tips)


def answers(cases: Sequence[Case]) -> list[AnswerResult]:
    """What the tip search returns (limit 3) for every question."""
    library = tip_library()
    return [
        AnswerResult(
            case["id"],
            case["text"],
            tuple(case["tips"]),
            tuple(m.tip.id for m in library.search(case["text"], limit=ANSWER_LIMIT)),
        )
        for case in cases
    ]


# ------------------------------------------------------------------ everything at once


@dataclass(frozen=True)
class Report:
    """Every quality figure of issue 10 for Chorus."""

    categories: tuple[CategoryFigures, ...]
    overall: Overall
    spearman: float
    bands: tuple[RatingBand, ...]
    bare_links: tuple[tuple[str, int], ...]  # rated drafts that are one link: (id, score)
    pairs: tuple[PairResult, ...]
    routing_total: int
    routing_misses: tuple[RoutingMiss, ...]
    answers: tuple[AnswerResult, ...]

    @property
    def pair_wins(self) -> int:
        """Revisions that score strictly higher than their draft."""
        return sum(p.won for p in self.pairs)

    @property
    def routing_accuracy(self) -> float:
        """Share of routing cases classified as labelled."""
        return 1 - len(self.routing_misses) / self.routing_total if self.routing_total else 1.0

    @property
    def answer_top1(self) -> float:
        """Share of questions whose first tip answers them."""
        return sum(a.top1 for a in self.answers) / len(self.answers) if self.answers else 1.0

    @property
    def answer_top3(self) -> float:
        """Share of questions answered by one of the first three tips."""
        return sum(a.top3 for a in self.answers) / len(self.answers) if self.answers else 1.0


def evaluate(corpus: Path = CORPUS) -> Report:
    """Run Chorus over every file of a corpus directory (the tuning corpus unless told) and
    gather every figure."""
    from bot.feedback.model import CATEGORIES

    cases = load("critique", corpus)
    figures = category_figures(cases, [chorus_flagger(c) for c in cases], CATEGORIES)
    rated = load("rated", corpus)
    scores = {r["id"]: score(r["text"], r["platform"], r["companies"]) for r in rated}
    pairs = tuple(
        PairResult(
            p["id"],
            score(p["before"], p["platform"], p["companies"]),
            score(p["after"], p["platform"], p["companies"]),
        )
        for p in load("pairs", corpus)
    )
    routing = load("routing", corpus)
    return Report(
        categories=tuple(figures),
        overall=overall(figures),
        spearman=spearman([scores[r["id"]] for r in rated], [r["rating"] for r in rated]),
        bands=tuple(rating_bands(rated, scores)),
        bare_links=tuple((r["id"], scores[r["id"]]) for r in rated if is_bare_link(r["text"])),
        pairs=pairs,
        routing_total=len(routing),
        routing_misses=tuple(routing_misses(routing)),
        answers=tuple(answers(load("questions", corpus))),
    )


@cache
def cached_report() -> Report:
    """The report, computed once per process (the floor tests share it)."""
    return evaluate()
