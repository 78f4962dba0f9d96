"""Whole critiques: the JSON contract, scoring that rewards honest revision, goldens."""

from __future__ import annotations

import json
import os

import pytest

from bot.feedback import CATEGORIES, PLATFORMS, critique
from tests.conftest import FIXTURES

GOLDEN = FIXTURES / "golden"
UPDATE = os.environ.get("CHORUS_UPDATE_GOLDEN") == "1"

SAMPLES = {
    "linkedin_announcement": (
        "linkedin",
        "I'm excited to announce that our team just shipped the new Acme search!!! "
        "It's kind of a game-changer, I think. Check it out: "
        "https://acme.example/search?utm_source=linkedin #search #productlaunch #AcmeLife",
    ),
    "linkedin_strong": (
        "linkedin",
        "We cut our CI time from 40 minutes to 9.\n\n"
        "The fix wasn't a faster machine. It was caching the dependency install, which we had "
        "skipped because it looked risky.\n\n"
        "Lesson: measure before you buy hardware.\n\n"
        "What's the slowest step in your pipeline?",
    ),
    "x_too_long": (
        "x",
        "Hot take: most teams don't need microservices. "
        * 5
        + "Start with a modular monolith, split only where scaling or ownership forces you to. "
        "What made your team split?",
    ),
    "bluesky_hedgy": (
        "bluesky",
        "Sorry, this is probably a dumb question, but I guess I'm kind of wondering whether "
        "anyone maybe uses property-based testing at work?",
    ),
    "internal_update": (
        "internal",
        "Quick update: the Q3 roadmap is confidential until Friday. Hey guys, please don't "
        "share the numbers outside this channel.",
    ),
}

# (draft, honest revision that fixes its main problem)
REVISIONS = [
    (
        "I'm excited to announce we moved CI to a shared cache. What do you cache?",
        "We moved CI to a shared cache and builds dropped to 9 minutes. What do you cache?",
    ),
    (
        "I think maybe caching sort of helped us, kind of. What do you cache?",
        "Caching cut our build time by 70%, because installs were the slow step. "
        "What do you cache?",
    ),
    (
        "Our new course is out. Buy now, limited time, 20% off!!! What do you think?",
        "Our new course is out. I wrote it because onboarding took us weeks. What do you think?",
    ),
    (
        "Shipped the new exporter today. It supports CSV, JSON and Parquet files for all plans.",
        "Shipped the new exporter today. I think Parquet matters most because analysts "
        "asked for it. What format do you use?",
    ),
    (
        "Loving the new Acme dashboard, the best release this year. What do you think?",
        "I work at Acme. Loving the new Acme dashboard, the best release this year. "
        "What do you think?",
    ),
]


def test_json_has_exactly_the_documented_shape_on_every_platform() -> None:
    for platform in PLATFORMS:
        data = critique("We shipped it. What do you think? #DevTools", platform).to_dict()
        assert set(data) == {
            "platform",
            "score",
            "subscores",
            "length",
            "findings",
            "notes",
            "priorities",
            "strengths",
            "stats",
        }
        assert data["platform"] == platform
        assert set(data["subscores"]) == set(CATEGORIES)
        assert set(data["length"]) == {"count", "limit", "unit", "over_by", "above_fold"}
        assert set(data["stats"]) == {"words", "sentences", "hedges_per_100_words", "grade"}
        assert 0 <= data["score"] <= 100
        json.dumps(data)


@pytest.mark.parametrize(("draft", "revision"), REVISIONS)
def test_an_honest_revision_scores_higher(draft: str, revision: str) -> None:
    before = critique(draft, "linkedin", ("Acme",))
    after = critique(revision, "linkedin", ("Acme",))
    assert after.score > before.score, (before.priorities, after.priorities)


def test_priorities_are_at_most_three_distinct_rules_errors_first() -> None:
    result = critique(SAMPLES["linkedin_announcement"][1], "linkedin", ("Acme",))
    assert 1 <= len(result.priorities) <= 3
    assert len(set(result.priorities)) == len(result.priorities)
    assert result.priorities[0] == "disclosure.missing"


def test_a_strength_is_named_whenever_there_is_one() -> None:
    result = critique(SAMPLES["linkedin_strong"][1], "linkedin")
    assert any("conversation" in s for s in result.strengths)
    assert any("say what you think" in s for s in result.strengths)


def test_non_english_text_gets_length_but_no_english_checks() -> None:
    french = (
        "Je pense que nous avons peut-être lancé le meilleur produit de l'année pour les "
        "équipes, et je suis très fier de cette équipe. " * 5
    )
    result = critique(french, "x")
    rules = {f.rule for f in result.findings}
    assert "platform_fit.over_limit" in rules
    assert not rules & {"confidence.hedge", "engagement.no_invitation", "point_of_view.no_stance"}
    text = "新しい検索機能を公開しました。ぜひ使ってみてください。" * 10
    japanese = critique(text, "x")
    assert japanese.length.count == 2 * len(text)  # twitter-text v3 weighs CJK as 2
    assert japanese.length.over_by == 2 * len(text) - 280


def test_linkedin_reports_the_text_above_the_fold() -> None:
    text = "Line one.\nLine two.\nLine three.\nLine four is hidden."
    assert critique(text, "linkedin").length.above_fold == "Line one.\nLine two.\nLine three."
    long = "word " * 100
    assert critique(long, "linkedin").length.above_fold == long[:210].rstrip()
    assert critique(long, "x").length.above_fold is None


def test_critique_is_pure() -> None:
    text = SAMPLES["bluesky_hedgy"][1]
    assert critique(text, "bluesky") == critique(text, "bluesky")


def test_unknown_platform_is_a_kind_error() -> None:
    from bot.errors import ChorusError

    with pytest.raises(ChorusError, match="Try one of"):
        critique("hello", "myspace")


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_golden_critique(name: str) -> None:
    platform, text = SAMPLES[name]
    got = critique(text, platform, ("Acme",)).to_dict()
    path = GOLDEN / f"{name}.json"
    if UPDATE or not path.exists():
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"wrote missing golden {path.name}; review it and run again")
    assert got == json.loads(path.read_text(encoding="utf-8"))


def test_findings_of_one_rule_are_one_note_with_a_count_and_every_span() -> None:
    text = (
        "I just think maybe we should just try it. It's just a small change, maybe. "
        "Honestly it might just work, and I hope you agree with the plan we wrote."
    )
    result = critique(text, "linkedin")
    hedges = [f for f in result.findings if f.rule == "confidence.hedge"]
    (note,) = [n for n in result.notes if n.rule == "confidence.hedge"]
    assert note.count == len(hedges) >= 4
    assert note.findings == tuple(hedges)
    assert '"just" ×4' in note.tally
    assert len({n.rule for n in result.notes}) == len(result.notes)
    assert [n.rule for n in result.priority_notes] == list(result.priorities)
    data = result.to_dict()
    (as_json,) = [n for n in data["notes"] if n["rule"] == "confidence.hedge"]
    assert as_json["count"] == note.count
    assert [s["excerpt"] for s in as_json["spans"]] == [f.excerpt for f in hedges]
    assert len(data["findings"]) == len(result.findings)  # JSON keeps every finding
