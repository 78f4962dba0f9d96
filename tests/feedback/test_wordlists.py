"""The vendored word lists and how Chorus reads them: every entry Chorus ignores is one the list
has, every Joblint pattern turns into phrases, and a pattern that can't is an error, not a
silent gap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.feedback import intensify, jargon
from bot.feedback.match import expand

DATA = Path(intensify.__file__).parent / "data"


def test_every_ignored_hedge_is_an_entry_of_the_lists() -> None:
    data = json.loads((DATA / "intensify.json").read_text(encoding="utf-8"))
    entries = {e.lower() for e in (*data["hedges"], *data["weasels"])}
    assert entries >= intensify.IGNORED, sorted(intensify.IGNORED - entries)


def test_the_applied_hedges_are_the_ones_that_only_hedge() -> None:
    applied = set(intensify.applied())
    assert {"apparently", "presumably", "supposedly", "arguably", "reportedly"} <= applied
    assert not applied & {"can", "most", "clearly", "found", "think", "just"}


def test_every_ignored_jargon_entry_is_in_the_lists() -> None:
    phrases = json.loads((DATA / "jargon.json").read_text(encoding="utf-8"))["lists"]
    joblint = json.loads((DATA / "joblint.json").read_text(encoding="utf-8"))["rules"]
    entries = {p.lower() for found in phrases.values() for p in found}
    entries |= set(joblint["Visionary"]["tokens"])
    assert entries >= jargon.JARGON_IGNORED, sorted(jargon.JARGON_IGNORED - entries)


def test_every_joblint_pattern_expands_to_phrases() -> None:
    rules = json.loads((DATA / "joblint.json").read_text(encoding="utf-8"))["rules"]
    for rule in rules.values():
        for token in rule["tokens"]:
            assert expand(token), token


@pytest.mark.parametrize(
    ("pattern", "phrases"),
    [
        ("gurus?", {"guru", "gurus"}),
        ("rock[ -]*stars?", {"rock star", "rock stars", "rockstar", "rockstars"}),
        ("motherfuck(?:ers?|ing)", {"motherfucker", "motherfuckers", "motherfucking"}),
        ("lad(y|ies)?", {"lad", "lady", "ladies"}),
        ("gentlem[ae]n", {"gentleman", "gentlemen"}),
        ("reach(?:ed|ing)? out", {"reach out", "reached out", "reaching out"}),
    ],
)
def test_a_simple_pattern_expands_to_every_phrase_it_matches(
    pattern: str, phrases: set[str]
) -> None:
    assert set(expand(pattern)) == phrases


@pytest.mark.parametrize("pattern", ["a+b", "w.rd", r"\bword", "x{2}"])
def test_a_pattern_that_is_not_simple_is_an_error(pattern: str) -> None:
    with pytest.raises(ValueError, match="can't expand"):
        expand(pattern)
