"""A coach, not a linter: confidence at sentence level, honest strengths, severity, the score."""

from __future__ import annotations

import re

import pytest

from bot.feedback import critique

HUMBLE = (
    "I don't want to suggest that those experiences make me an expert. None of us are really "
    "experts. I spent ten years building payment systems and I learned to test the boring parts "
    "first."
)
HEDGED_VIEW = (
    "I think maybe engineers should probably start networking before they need a job. "
    "Most of my best roles came from people who knew my work."
)
STRONG = (
    "We cut our CI time from 40 minutes to 9.\n\n"
    "The fix wasn't a faster machine. It was caching the dependency install, which we had "
    "skipped because it looked risky.\n\n"
    "Lesson: measure before you buy hardware.\n\n"
    "What's the slowest step in your pipeline?"
)


def quoted(strength: str) -> list[str]:
    return re.findall(r'"([^"]+)"', strength)


def test_self_deprecation_as_whole_sentences_is_found_and_never_called_confident() -> None:
    result = critique(HUMBLE)
    found = [f for f in result.findings if f.rule == "confidence.self_deprecation"]
    assert len(found) == 2
    assert "per 100 words" in found[0].message
    assert not any("confiden" in s.lower() for s in result.strengths)


def test_a_reasoned_view_stays_fine_and_transparency_is_a_strength() -> None:
    reasoned = critique("I think remote work wins because focus time matters for deep work.")
    assert not {f.rule for f in reasoned.findings} & {
        "confidence.hedge",
        "confidence.self_deprecation",
    }
    open_about = critique(
        "I'm a marketer, not an engineer, so here's my question: how do you explain caching?"
    )
    assert not any(f.category == "confidence" for f in open_about.findings)
    assert any("where you're coming from" in s for s in open_about.strengths)


def test_strengths_never_praise_what_a_finding_flags() -> None:
    result = critique(HEDGED_VIEW)
    flagged = [(f.start, f.end) for f in result.findings]
    for strength in result.strengths:
        for quote in quoted(strength):
            start = HEDGED_VIEW.find(quote)
            assert start >= 0, strength
            end = start + len(quote)
            assert not any(s < end and start < e for s, e in flagged), strength


@pytest.mark.parametrize(
    "text",
    [
        HEDGED_VIEW,
        STRONG,
        "You should try it. We did, and it worked for us. Would you?",
        "Caching matters because installs are slow. What do you cache?",
        "We shipped it. Should we? What do you think?",
    ],
)
def test_strengths_quote_at_least_four_words(text: str) -> None:
    for strength in critique(text).strengths:
        for quote in quoted(strength):
            assert len(quote.split()) >= 4, strength


def test_a_strong_post_is_still_praised() -> None:
    strengths = critique(STRONG).strengths
    assert any("say what you think" in s for s in strengths)
    assert any("conversation" in s for s in strengths)


@pytest.mark.parametrize(
    ("rule", "text", "platform"),
    [
        ("emoji.too_many", "Launch day " + "🚀🎉🔥" * 5 + " what a week", "linkedin"),
        (
            "jargon.buzzword",
            "We leverage synergy to disrupt the market with holistic, best-in-class thought "
            "leadership. What do you think?",
            "linkedin",
        ),
        (
            "links_mentions.tracking",
            "My notes on caching: https://ex.com/a?utm_source=linkedin What do you cache?",
            "linkedin",
        ),
        ("inclusive.term", "Hey guys, what do you cache in CI?", "linkedin"),
        (
            "readability.passive",
            "The report was written by the team. The data was collected by interns. "
            "The results were reviewed by managers. What would you change?",
            "linkedin",
        ),
    ],
)
def test_harm_and_density_make_warnings_that_can_be_priorities(
    rule: str, text: str, platform: str
) -> None:
    result = critique(text, platform)
    severities = {f.severity for f in result.findings if f.rule == rule}
    assert severities == {"warning"}
    assert rule in result.priorities


def test_one_buzzword_or_one_passive_stays_a_minor_note() -> None:
    result = critique(
        "We used a robust cache. The install step was skipped on Mondays. I think it helped "
        "because installs were slow. What do you cache?"
    )
    assert {f.severity for f in result.findings if f.category in ("jargon", "readability")} <= {
        "info"
    }


def test_a_bare_link_scores_at_most_50() -> None:
    assert critique("https://example.com/report").score <= 50


def test_sixteen_emoji_and_no_content_score_low() -> None:
    assert critique("🚀" * 16).score <= 50


WALL = (
    "We moved our builds to a shared cache this quarter and it changed how the team works. "
    "Before the move, every pull request waited forty minutes for a full install, so people "
    "batched their changes and reviews got bigger and slower. After the move, the same checks "
    "take nine minutes, reviews are small again, and we ship twice a day instead of twice a "
    "week. The lesson for me is that speed is a feature of the team, not only of the code. "
    "What is the slowest step in your pipeline?"
)

REVISIONS = [
    (WALL, WALL.replace("works. ", "works.\n\n").replace("slower. ", "slower.\n\n")),
    (
        "https://example.com/state-of-ci-2026",
        "This report changed how I plan our CI budget: most teams wait longer for installs than "
        "for tests. https://example.com/state-of-ci-2026 What does your team wait on most?",
    ),
    (
        "Hey guys, our booth is manned all day and the demo is crazy fast. Come and see it, "
        "because the cache makes every build quicker. What would you build with it?",
        "Hi everyone, our booth is staffed all day and the demo is very fast. Come and see it, "
        "because the cache makes every build quicker. What would you build with it?",
    ),
]


@pytest.mark.parametrize(("draft", "revision"), REVISIONS)
def test_every_honest_revision_scores_strictly_higher(draft: str, revision: str) -> None:
    before, after = critique(draft), critique(revision)
    assert after.score > before.score, (before.score, after.score, after.priorities)


def test_a_long_draft_is_a_handful_of_notes_not_dozens_of_findings() -> None:
    text = (
        "I just think we should maybe try it. It was kind of hard, I guess, but probably "
        "worth it. Hey guys, it was crazy. "
    ) * 25
    result = critique(text)
    assert len(result.findings) > 30
    assert len(result.notes) <= 12
    hedges = next(n for n in result.notes if n.rule == "confidence.hedge")
    assert '"just" ×25' in hedges.tally
    assert "per 100 words" in hedges.first.message
    assert '"' not in hedges.first.message.split("per 100 words")[0]  # tally names the words
