"""The corpus files are well-formed: valid JSON, known labels, counts, unique ids, licences.

Every directory is checked: tests/corpus (the cases Chorus is tuned on), tests/corpus/heldout
(cases kept out of tuning, since read for the second round), tests/corpus/heldout2 (a second
held-out set, since read for the third round), tests/corpus/heldout3 (a third set, since read
for fixes), tests/corpus/heldout4 (a fourth set) and tests/corpus/heldout5 (a fifth, blind set,
written without reading the engine); the held-out sets have no floors on their figures, and none
repeats an earlier set's texts.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.feedback.model import CATEGORIES
from bot.feedback.platforms import PLATFORMS
from tests.corpus.evaluate import CORPUS, FILES, HELDOUT, load, tip_ids

HELDOUT2 = CORPUS / "heldout2"  # a second held-out set; no floors
LATER_SETS = (3, 4, 5)  # heldout3, heldout4 and heldout5 (the blind one): the same minimums


@dataclass(frozen=True)
class Corpus:
    """A corpus directory and the least it must hold."""

    name: str
    path: Path
    min_cases: dict[str, int]
    min_per_rating: int
    min_per_category: int  # must_flag and must_not_flag, each


CORPORA = (
    Corpus(
        "tuning",
        CORPUS,
        {"routing": 100, "questions": 100, "critique": 450, "rated": 70, "pairs": 35},
        min_per_rating=10,
        min_per_category=15,
    ),
    Corpus(
        "heldout",
        HELDOUT,
        {"routing": 50, "questions": 50, "critique": 220, "rated": 35, "pairs": 15},
        min_per_rating=7,
        min_per_category=12,
    ),
    Corpus(
        "heldout2",
        HELDOUT2,
        {"routing": 50, "questions": 50, "critique": 250, "rated": 40, "pairs": 15},
        min_per_rating=8,
        min_per_category=12,
    ),
    *(
        Corpus(
            f"heldout{n}",
            CORPUS / f"heldout{n}",
            {"routing": 50, "questions": 50, "critique": 400, "rated": 40, "pairs": 15},
            min_per_rating=8,
            min_per_category=12,
        )
        for n in LATER_SETS
    ),
)
BY_NAME = {c.name: c for c in CORPORA}
EVERY_FILE = [(c.name, name) for c in CORPORA for name in FILES]
FIELDS = {
    "routing": {"id", "text", "label", "source", "licence", "note"},
    "questions": {"id", "text", "tips", "source", "licence"},
    "critique": {
        "id",
        "text",
        "platform",
        "companies",
        "policy_terms",
        "must_flag",
        "must_not_flag",
        "source",
        "licence",
        "note",
    },
    "rated": {"id", "text", "platform", "companies", "rating", "source", "licence", "note"},
    "pairs": {"id", "before", "after", "platform", "companies", "source", "note"},
}
HAND_WRITTEN = "chorus (hand-written)"


@pytest.mark.parametrize(("corpus", "name"), EVERY_FILE)
def test_every_line_is_a_json_object_with_the_fields(corpus: str, name: str) -> None:
    path = BY_NAME[corpus].path / f"{name}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        case = json.loads(line)
        assert isinstance(case, dict), f"{path} line {number}"
        missing = FIELDS[name] - case.keys()
        assert not missing, f"{path} line {number} lacks {sorted(missing)}"
        assert all(isinstance(case[k], str) and case[k] for k in ("id", "source")), number


@pytest.mark.parametrize(("corpus", "name"), EVERY_FILE)
def test_ids_are_unique_and_counts_are_met(corpus: str, name: str) -> None:
    cases = load(name, BY_NAME[corpus].path)
    repeated = [i for i, n in Counter(c["id"] for c in cases).items() if n > 1]
    assert not repeated, f"repeated ids in {corpus} {name}.jsonl: {repeated}"
    assert len(cases) >= BY_NAME[corpus].min_cases[name]


@pytest.mark.parametrize(("corpus", "name"), [(c, n) for c, n in EVERY_FILE if n != "pairs"])
def test_every_case_names_its_source_and_licence(corpus: str, name: str) -> None:
    unlicensed = [c["id"] for c in load(name, BY_NAME[corpus].path) if not c.get("licence")]
    assert not unlicensed, unlicensed


@pytest.mark.parametrize("corpus", BY_NAME)
def test_borrowed_cases_have_their_licence_text_beside_them(corpus: str) -> None:
    licence_files = {p.stem for p in (CORPUS / "licences").glob("*.txt")}
    missing = set()
    for name in ("critique", "routing", "questions", "rated"):
        for case in load(name, BY_NAME[corpus].path):
            if case["source"] != HAND_WRITTEN:
                repository = case["source"].split()[0]
                if repository.replace("/", "-") not in licence_files:
                    missing.add(repository)
    assert not missing, f"no licence text in tests/corpus/licences for {sorted(missing)}"


@pytest.mark.parametrize("corpus", BY_NAME)
def test_critique_labels_are_known_categories_and_never_contradict(corpus: str) -> None:
    bad = []
    for case in load("critique", BY_NAME[corpus].path):
        labels = case["must_flag"] + case["must_not_flag"]
        if not labels or set(labels) - set(CATEGORIES):
            bad.append(case["id"])
        if set(case["must_flag"]) & set(case["must_not_flag"]):
            bad.append(case["id"])
        if case["platform"] not in PLATFORMS:
            bad.append(case["id"])
    assert not bad, bad


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda c: c.name)
def test_every_category_has_enough_cases_each_way(corpus: Corpus) -> None:
    cases = load("critique", corpus.path)
    flags = Counter(k for c in cases for k in c["must_flag"])
    clears = Counter(k for c in cases for k in c["must_not_flag"])
    least = corpus.min_per_category
    judged = [k for k in CATEGORIES if k != "authenticity"]  # campaign drafts only: its own set
    thin = [k for k in judged if flags[k] < least or clears[k] < least]
    assert not thin, f"fewer than {least} must_flag or must_not_flag cases: {thin}"


def critique_key(case: dict) -> tuple:
    """What makes two critique cases the same case."""
    return (case["text"], case["platform"], tuple(case["companies"]), tuple(case["policy_terms"]))


@pytest.mark.parametrize("corpus", BY_NAME)
def test_critique_cases_are_not_repeated(corpus: str) -> None:
    keys = Counter(critique_key(c) for c in load("critique", BY_NAME[corpus].path))
    assert all(n == 1 for n in keys.values())


# (a held-out set, an earlier set it must not repeat)
# Every held-out set shares no text with any set before it (the tuning corpus included).
DISJOINT = [
    (later.name, earlier.name) for i, later in enumerate(CORPORA) for earlier in CORPORA[:i]
]


@pytest.mark.parametrize(("held_out", "earlier"), DISJOINT)
@pytest.mark.parametrize("name", FILES)
def test_heldout_cases_are_not_in_an_earlier_corpus(name: str, held_out: str, earlier: str) -> None:
    def texts(corpus: Path) -> set[str]:
        fields = ("before", "after") if name == "pairs" else ("text",)
        return {" ".join(c[f].split()).lower() for c in load(name, corpus) for f in fields}

    shared = texts(BY_NAME[held_out].path) & texts(BY_NAME[earlier].path)
    assert not shared, f"{len(shared)} {held_out} {name} texts are also in the {earlier} corpus"


@pytest.mark.parametrize("corpus", BY_NAME)
def test_routing_labels_are_known(corpus: str) -> None:
    cases = load("routing", BY_NAME[corpus].path)
    assert {c["label"] for c in cases} == {"draft", "question", "command"}


@pytest.mark.parametrize("corpus", BY_NAME)
def test_questions_name_real_tips(corpus: str) -> None:
    known = tip_ids()
    questions = load("questions", BY_NAME[corpus].path)
    unknown = {c["id"]: t for c in questions for t in c["tips"] if t not in known}
    empty = [c["id"] for c in questions if not c["tips"]]
    assert not unknown, f"tip ids not in prompts/tips.yaml: {unknown}"
    assert not empty, empty


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda c: c.name)
def test_ratings_cover_every_level(corpus: Corpus) -> None:
    cases = load("rated", corpus.path)
    per_rating = Counter(c["rating"] for c in cases)
    assert set(per_rating) == {1, 2, 3, 4, 5}
    assert all(n >= corpus.min_per_rating for n in per_rating.values()), per_rating
    assert all(c["platform"] in PLATFORMS for c in cases)


@pytest.mark.parametrize("corpus", BY_NAME)
def test_pairs_change_the_draft(corpus: str) -> None:
    pairs = load("pairs", BY_NAME[corpus].path)
    unchanged = [p["id"] for p in pairs if p["before"].strip() == p["after"].strip()]
    assert not unchanged
    assert all(p["platform"] in PLATFORMS for p in pairs)
