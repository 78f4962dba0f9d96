"""The curated tips library and offline retrieval over it (BM25 via bm25s, snowball stems).

Each tip is indexed with its title, step, why, tags (twice: curated keywords weigh more) and the
example questions users ask that it answers. Words after a negation ("I don't have time",
"nobody reads my posts") also count as negated terms, so a worry finds the tip for that worry.
A match "fits" when the tip covers most of what the question is about (by IDF weight); when
none does, the coach says so and offers the closest tips."""

from __future__ import annotations

import logging
import math
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
import yaml

from bot.coach.router import about_posting, sentences
from bot.errors import ChorusError

MAX_TIP_MINUTES = 15
EXTRA_STOPWORDS = frozenset(
    (
        "tip",
        "tips",
        "advice",
        "anyone",
        "get",
        "make",
        "really",
        "thing",
        "things",
        "even",
        "one",
        "ever",
        "also",
        "still",
        "much",
        "many",
        "lot",
        "like",
        "feel",
        "feels",
        "want",
        "need",
        "okay",
        "ok",
        "please",
        "someone",
        "something",
        "anything",
        "way",
    )
)
# Words that keep their meaning in a question about posting, though search engines drop them.
KEPT_WORDS = frozenset(("when", "after", "same", "own", "about", "more"))
NEGATORS = frozenset(
    ("no", "not", "never", "nobody", "nothing", "none", "noone", "without", "cannot", "nor")
)
NEGATION_SCOPE = 2  # content words after a negator that it negates
WORD = regex.compile(r"[\p{L}\p{N}]+(?:'[\p{L}]+)?|[,.;:!?]")
CLAUSE_END = frozenset((",", ".", ";", ":", "!", "?", "but", "because", "so", "and"))
# The share of the question's IDF weight the best tip must contain to fit: half, or a quarter
# when the question is plainly about posting or a writer's worry ("I ran out of ideas").
MIN_COVERAGE = 0.5
MIN_COVERAGE_ON_TOPIC = 0.25
UNKNOWN_WORD_IDF = 4.0  # a word no tip uses weighs like a rare one: the question is elsewhere


@dataclass(frozen=True)
class Tip:
    """One doable step, 15 minutes or less, with why it helps."""

    id: str
    title: str
    step: str
    why: str
    minutes: int
    tags: tuple[str, ...]
    questions: tuple[str, ...] = ()

    @property
    def document(self) -> str:
        """The text retrieval indexes; tags count twice so curated keywords weigh more."""
        tags = " ; ".join(self.tags)
        questions = " ; ".join(self.questions)
        return f"{self.title} . {self.step} . {self.why} . {tags} ; {tags} . {questions}"


@dataclass(frozen=True)
class Match:
    """A tip, how well it matched the question, and whether it really answers it."""

    tip: Tip
    score: float
    fits: bool = True


def load_tips(path: Path) -> tuple[Tip, ...]:
    """Read and validate the tips library."""
    return _load(path)[0]


def _load(path: Path) -> tuple[tuple[Tip, ...], tuple[str, ...]]:
    try:
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        start_here = tuple(str(i) for i in data.get("start_here", ()))
        tips = tuple(
            Tip(
                id=str(t["id"]),
                title=str(t["title"]),
                step=str(t["step"]),
                why=str(t["why"]),
                minutes=int(t["minutes"]),
                tags=tuple(str(tag) for tag in t.get("tags", ())),
                questions=tuple(str(q) for q in t.get("questions", ())),
            )
            for t in data["tips"]
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as error:
        raise ChorusError(f"The tips library at {path} can't be read: {error}") from error
    ids = [t.id for t in tips]
    if len(set(ids)) != len(ids):
        raise ChorusError(f"The tips library at {path} repeats a tip id.")
    too_long = [t.id for t in tips if t.minutes > MAX_TIP_MINUTES]
    if too_long:
        raise ChorusError(f"These tips take more than {MAX_TIP_MINUTES} minutes: {too_long}")
    unknown = [i for i in start_here if i not in ids]
    if unknown:
        raise ChorusError(f"start_here names tips the library at {path} doesn't have: {unknown}")
    return tips, start_here


class Analyzer:
    """Text to search terms: lowercase words, stop words out, stems, and negated terms."""

    def __init__(self) -> None:
        # snowballstemmer and bm25s load with the first question, not with the coach.
        import snowballstemmer
        from bm25s.stopwords import STOPWORDS_EN_PLUS

        self.stemmer = snowballstemmer.stemmer("english")
        self.stopwords = (frozenset(STOPWORDS_EN_PLUS) | EXTRA_STOPWORDS) - KEPT_WORDS
        self._stems: dict[str, str] = {}  # snowballstemmer is pure Python: stem each word once

    def terms(self, text: str) -> list[str]:
        """The terms of a text; a word within reach of a negation also gives `not_<stem>`."""
        terms: list[str] = []
        negated = 0
        for raw in WORD.findall(text.lower().replace("’", "'")):
            if raw in CLAUSE_END:
                negated = 0
                continue
            word, _, suffix = raw.partition("'")
            if word in NEGATORS or suffix == "t" or raw in ("can't", "won't"):
                negated = NEGATION_SCOPE
                continue
            if word in self.stopwords or (len(word) < 2 and word != "x"):
                continue
            stem = self._stems.get(word)
            if stem is None:
                stem = self._stems[word] = self.stemmer.stemWord(word)
            terms.append(stem)
            if negated:
                terms.append(f"not_{stem}")
                negated -= 1
        return terms


class TipLibrary:
    """The tips and a BM25 index over them, built on the first question."""

    def __init__(self, tips: tuple[Tip, ...], start_here: tuple[str, ...] = ()) -> None:
        self.tips = tips
        self.by_id = {t.id: t for t in tips}
        self.start_here = tuple(self.by_id[i] for i in start_here)
        self._lock = threading.Lock()
        self._index: tuple[Any, Analyzer, list[frozenset[str]], dict[str, float]] | None = None

    @classmethod
    def from_file(cls, path: Path) -> TipLibrary:
        """Load the library from YAML."""
        return cls(*_load(path))

    def _retriever(self) -> tuple[Any, Analyzer, list[frozenset[str]], dict[str, float]]:
        with self._lock:
            if self._index is None:
                # bm25s and numpy cost about 0.15 s to import; only questions need them.
                import bm25s

                logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets DEBUG on import
                analyzer = Analyzer()
                documents = [analyzer.terms(t.document) for t in self.tips]
                index = bm25s.BM25()
                index.index(documents, show_progress=False)
                vocabularies = [frozenset(d) for d in documents]
                self._index = (index, analyzer, vocabularies, _idf(vocabularies))
        return self._index

    def search(self, question: str, limit: int = 2) -> list[Match]:
        """The tips that best answer the question, best first; empty when no word matches.

        When the best tip covers less than half of what any sentence of the question is about,
        every match has `fits=False`: the closest tips, not an answer."""
        index, analyzer, vocabularies, idf = self._retriever()
        terms = analyzer.terms(question)
        known = [t for t in terms if t in idf]
        if not known:
            return []
        found, scores = index.retrieve([known], k=min(limit, len(self.tips)), show_progress=False)
        matches = [(int(i), float(s)) for i, s in zip(found[0], scores[0], strict=True) if s > 0]
        if not matches:
            return []
        best = vocabularies[matches[0][0]]  # a question with chat around it still fits
        coverage = max(_coverage(analyzer.terms(s), best, idf) for s in sentences(question))
        least = MIN_COVERAGE_ON_TOPIC if about_posting(question) else MIN_COVERAGE
        fits = coverage >= least
        return [Match(self.tips[i], s, fits) for i, s in matches]


def _idf(vocabularies: list[frozenset[str]]) -> dict[str, float]:
    count = len(vocabularies)
    frequency: dict[str, int] = {}
    for vocabulary in vocabularies:
        for term in vocabulary:
            frequency[term] = frequency.get(term, 0) + 1
    return {t: math.log(1 + (count - n + 0.5) / (n + 0.5)) for t, n in frequency.items()}


def _coverage(terms: list[str], vocabulary: frozenset[str], idf: dict[str, float]) -> float:
    """The share of the question's weight (plain words, not negations) the tip contains."""
    words = {t for t in terms if not t.startswith("not_")}
    total = sum(idf.get(t, UNKNOWN_WORD_IDF) for t in words)
    covered = sum(idf[t] for t in words if t in vocabulary)
    return covered / total if total else 0.0
