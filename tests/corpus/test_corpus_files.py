"""The corpus files are well-formed: valid JSON, known labels, counts, unique ids, licences."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from bot.feedback.model import CATEGORIES
from bot.feedback.platforms import PLATFORMS
from tests.corpus.evaluate import CORPUS, FILES, load, tip_ids

MIN_CASES = {"routing": 100, "questions": 100, "critique": 450, "rated": 70, "pairs": 35}
MIN_PER_RATING = 10
MIN_PER_CATEGORY = 15  # must_flag and must_not_flag, each
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


@pytest.mark.parametrize("name", FILES)
def test_every_line_is_a_json_object_with_the_fields(name: str) -> None:
    lines = (CORPUS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        case = json.loads(line)
        assert isinstance(case, dict), f"{name}.jsonl line {number}"
        missing = FIELDS[name] - case.keys()
        assert not missing, f"{name}.jsonl line {number} lacks {sorted(missing)}"
        assert all(isinstance(case[k], str) and case[k] for k in ("id", "source")), number


@pytest.mark.parametrize("name", FILES)
def test_ids_are_unique_and_counts_are_met(name: str) -> None:
    cases = load(name)
    repeated = [i for i, n in Counter(c["id"] for c in cases).items() if n > 1]
    assert not repeated, f"repeated ids in {name}.jsonl: {repeated}"
    assert len(cases) >= MIN_CASES[name]


@pytest.mark.parametrize("name", [n for n in FILES if n != "pairs"])
def test_every_case_names_its_source_and_licence(name: str) -> None:
    unlicensed = [c["id"] for c in load(name) if not c.get("licence")]
    assert not unlicensed, unlicensed


def test_borrowed_cases_have_their_licence_text_beside_them() -> None:
    licence_files = {p.stem for p in (CORPUS / "licences").glob("*.txt")}
    missing = set()
    for name in ("critique", "routing", "questions", "rated"):
        for case in load(name):
            if case["source"] != HAND_WRITTEN:
                repository = case["source"].split()[0]
                if repository.replace("/", "-") not in licence_files:
                    missing.add(repository)
    assert not missing, f"no licence text in tests/corpus/licences for {sorted(missing)}"


def test_critique_labels_are_known_categories_and_never_contradict() -> None:
    bad = []
    for case in load("critique"):
        labels = case["must_flag"] + case["must_not_flag"]
        if not labels or set(labels) - set(CATEGORIES):
            bad.append(case["id"])
        if set(case["must_flag"]) & set(case["must_not_flag"]):
            bad.append(case["id"])
        if case["platform"] not in PLATFORMS:
            bad.append(case["id"])
    assert not bad, bad


def test_every_category_has_enough_cases_each_way() -> None:
    cases = load("critique")
    flags = Counter(k for c in cases for k in c["must_flag"])
    clears = Counter(k for c in cases for k in c["must_not_flag"])
    judged = [k for k in CATEGORIES if k != "authenticity"]  # campaign drafts only: its own set
    thin = [k for k in judged if flags[k] < MIN_PER_CATEGORY or clears[k] < MIN_PER_CATEGORY]
    assert not thin, f"fewer than {MIN_PER_CATEGORY} must_flag or must_not_flag cases: {thin}"


def test_critique_cases_are_not_repeated() -> None:
    keys = Counter(
        (c["text"], c["platform"], tuple(c["companies"]), tuple(c["policy_terms"]))
        for c in load("critique")
    )
    assert all(n == 1 for n in keys.values())


def test_routing_labels_are_known() -> None:
    cases = load("routing")
    assert {c["label"] for c in cases} == {"draft", "question", "command"}


def test_questions_name_real_tips() -> None:
    known = tip_ids()
    unknown = {c["id"]: t for c in load("questions") for t in c["tips"] if t not in known}
    empty = [c["id"] for c in load("questions") if not c["tips"]]
    assert not unknown, f"tip ids not in prompts/tips.yaml: {unknown}"
    assert not empty, empty


def test_ratings_cover_every_level() -> None:
    cases = load("rated")
    per_rating = Counter(c["rating"] for c in cases)
    assert set(per_rating) == {1, 2, 3, 4, 5}
    assert all(n >= MIN_PER_RATING for n in per_rating.values()), per_rating
    assert all(c["platform"] in PLATFORMS for c in cases)


def test_pairs_change_the_draft() -> None:
    unchanged = [p["id"] for p in load("pairs") if p["before"].strip() == p["after"].strip()]
    assert not unchanged
    assert all(p["platform"] in PLATFORMS for p in load("pairs"))
