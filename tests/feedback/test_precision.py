"""Linguistic precision: what issue 10 saw flagged wrongly or missed, one case per behaviour."""

from __future__ import annotations

import pytest

from bot.feedback import critique
from tests.feedback.hits import rules_hit


def excerpts(text: str, rule: str, platform: str = "linkedin") -> list[str]:
    return [f.excerpt for f in critique(text, platform).findings if f.rule == rule]


# (rule, text): each was missed before.
MUST_FLAG = [
    ("jargon.buzzword", "Thought leaders were everywhere at the summit this year."),
    ("jargon.buzzword", "Three game changers for our team came out of that week."),
    ("jargon.buzzword", "We circled back on the pricing question twice."),
    ("readability.passive", "The build was broken by a bad merge last night."),
    ("readability.passive", "The tests were written after the release went out."),
    ("readability.passive", "Mistakes were made, and the release slipped a week."),
    ("confidence.self_deprecation", "None of us are really experts in this, and that is fine."),
    (
        "confidence.self_deprecation",
        "I don't want to suggest that those experiences make me an expert.",
    ),
    ("confidence.self_deprecation", "This is probably a dumb question, but how do you plan?"),
    ("confidence.self_deprecation", "I might be wrong, but remote work is here to stay."),
    ("confidence.self_deprecation", "I'm by no means an expert on pricing."),
    ("confidence.hedge", "I would argue that we all learn best by doing the work."),
    ("hook.generic_opening", "I am super excited to announce our new product today."),
    ("hook.generic_opening", "We're so thrilled to share the results of our survey."),
    ("salesy.hard_sell", "Download them together for a discount price!"),
    ("salesy.shouting", "This release is HUGE AND AMAZING for every data team."),
    ("salesy.shouting", "ABSOLUTELY everyone on the team pitched in."),
    ("inclusive.term", "Our old billing system was crippled by years of shortcuts."),
    ("inclusive.term", "My OCD makes me check every pull request twice."),
    ("inclusive.term", "Our anorexic marketing budget will not cover a booth."),
    ("inclusive.term", "We hired a cameraman for the launch video."),
    ("inclusive.term", "She is the best lady lawyer in town."),
    ("inclusive.term", "Thanks dude, that review really helped."),
    ("inclusive.term", "Hey guys, the booth opens at nine."),
    ("inclusive.term", "Calling that plan retarded was unkind of me."),
    ("inclusive.term", "The conference was staffed by the chairman's office."),
    ("inclusive.profanity", "This release is fucking great and I love it."),
]

# (rule, text): each was a false alarm before, or is a trap the fixes must not fall into.
MUST_NOT_FLAG = [
    ("salesy.shouting", "I spoke at the Boston SPIN group last week."),
    ("salesy.shouting", "Our STEM learners built a robot arm."),
    ("salesy.shouting", "The HEAL Initiative funds pain research."),
    ("confidence.hedge", "We hired just as many engineers as last year."),
    ("confidence.hedge", "Our retention is just as high as it was before the move."),
    ("readability.passive", "This sentence is indeed active, and so is this one."),
    ("readability.passive", "I was surprised by how fast the team moved."),
    ("readability.passive", "Most of our graduates are happily employed now."),
    ("readability.passive", "They are prepared to lead the next project."),
    ("readability.passive", "We are excited about what comes next."),
    ("inclusive.term", "I finally watched Crazy Rich Asians on the flight."),
    ("inclusive.term", "A documentary called Muppet Guys Talking made me laugh."),
    ("inclusive.term", 'My manager said "hey guys" in every meeting, and it stuck.'),
    ("inclusive.term", "The fire retardant coating passed every test."),
    ("inclusive.term", "My wife and I run a small bakery together."),
    ("inclusive.term", "Women in tech meetups changed my career."),
    ("inclusive.term", "I took six weeks of paternity leave this spring."),
    ("inclusive.term", "Our alumni network hired three of our interns."),
    ("inclusive.term", "I finished my master's degree while working full time."),
    ("inclusive.term", "Special thanks to the host of the podcast, Maria."),
    ("inclusive.term", "He said the demo was the best part of his day."),
    ("inclusive.profanity", "We analysed the class assignment in Scunthorpe."),
    (
        "jargon.buzzword",
        "To me, the phrases thought leadership, personal branding reek of marketing.",
    ),
    ("jargon.buzzword", 'I hate the word "synergy" more than any other.'),
    ("jargon.buzzword", "Buzzwords like leverage and synergy lose readers."),
    ("confidence.self_deprecation", "I'm a marketer, not an engineer, so here's my question."),
]


@pytest.mark.parametrize(("rule", "text"), MUST_FLAG)
def test_must_flag(rule: str, text: str) -> None:
    assert rule in rules_hit(text)


@pytest.mark.parametrize(("rule", "text"), MUST_NOT_FLAG)
def test_must_not_flag(rule: str, text: str) -> None:
    assert rule not in rules_hit(text)


def test_just_as_a_minimiser_is_still_a_hedge() -> None:
    assert excerpts("I just wanted to say the cache helped.", "confidence.hedge") == ["just"]


def test_the_passive_span_is_the_verb_group() -> None:
    assert excerpts("The build was broken by a bad merge.", "readability.passive") == [
        "was broken by"
    ]


def test_a_shouted_run_flags_its_short_words_too() -> None:
    shouted = excerpts("BUY NOW and SAVE today.", "salesy.shouting")
    assert shouted == ["BUY NOW", "SAVE"] or shouted == ["BUY", "NOW", "SAVE"]


def test_inclusive_suggestions_come_from_retext_equality() -> None:
    (finding,) = [
        f
        for f in critique("We hired a cameraman for the shoot.").findings
        if f.rule == "inclusive.term"
    ]
    assert finding.excerpt == "cameraman"
    assert "camera operator" in finding.suggestion


def test_a_quoted_term_is_not_the_writers_own() -> None:
    text = "Someone called our plan \u201ca game changer\u201d and we laughed."
    assert "jargon.buzzword" not in rules_hit(text)
    assert "jargon.buzzword" in rules_hit("Our plan is a game changer and we laughed.")


def test_i_would_argue_is_not_praised_as_a_stance() -> None:
    result = critique("I would argue that we all learn best by doing the work ourselves.")
    assert not any("say what you think" in s for s in result.strengths)


@pytest.mark.parametrize(
    "text",
    [
        "The ideal candidate knows Go, and he or she will be on call.",
        "Our chairmen and chairwomen met in Lisbon.",
        "I put him on the guest list and he said yes.",
    ],
)
def test_retext_equality_or_pairs_and_conditions_stay_quiet(text: str) -> None:
    assert "inclusive.term" not in rules_hit(text)


def test_a_generic_he_for_a_candidate_is_flagged() -> None:
    text = "The ideal candidate knows Go. He should be comfortable being on call."
    assert excerpts(text, "inclusive.term") == ["He"]


def test_word_lists_load_once_and_only_when_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.feedback import inclusive, profanity

    loaded: list[str] = []
    real = inclusive.load

    def counting(name: str) -> dict[str, object]:
        loaded.append(name)
        return real(name)

    monkeypatch.setattr(inclusive, "load", counting)
    inclusive.equality_book.cache_clear()
    profanity.profanity_book.cache_clear()
    assert loaded == []
    critique("Hey guys, this release is great.")
    critique("Hey guys, this release is great again.")
    assert loaded.count("equality.json") == 1
    assert loaded.count("profanities.json") == 1


def test_the_first_critique_in_a_fresh_process_finds_the_loaded_lists() -> None:
    # The word lists load on first use; the first draft must not be read before they are.
    import subprocess
    import sys

    code = (
        "from bot.feedback import critique\n"
        "found = critique('Our chairman said this bullshit plan is a game changer, guys.')\n"
        "print(sorted({f.rule for f in found.findings}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    for rule in ("inclusive.term", "inclusive.profanity", "jargon.buzzword"):
        assert rule in out.stdout, out.stdout
