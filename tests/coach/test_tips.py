"""The curated tips library: size, shape, coverage, and how retrieval answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.coach import TipLibrary
from bot.coach.tips import load_tips
from bot.errors import ChorusError

REQUIRED_TOPICS = {
    "pov-one-sentence": "having a point of view",
    "publish-before-perfect": "publishing before it's perfect",
    "engagement-over-followers": "engagement over follower counts",
    "no-bought-followers": "bought followers are worthless",
    "write-what-you-dont-know": "asking questions, writing about what you don't know",
    "groups-profession": "your profession's groups",
    "groups-industry": "your industry's groups",
    "listen-first": "listening first",
    "sme-review": "asking a subject-matter expert",
    "time-linkedin-groups": "15-20 minutes a day in LinkedIn groups",
    "time-x": "5-10 minutes on X",
    "profile-consistent": "consistent profiles and photos",
    "profile-resume": "LinkedIn profile as your resume",
    "blog-cadence": "blog only at 3-4 posts a week",
    "facebook-personal": "keep Facebook personal",
    "network-while-employed": "network while happily employed",
    "team-chorus": "a team works as a chorus",
}


def test_library_has_at_least_40_small_steps(tips: TipLibrary) -> None:
    assert len(tips.tips) >= 40
    for tip in tips.tips:
        assert 1 <= tip.minutes <= 15, tip.id
        assert tip.why and tip.step and tip.tags, tip.id


def test_library_covers_the_required_topics(tips: TipLibrary) -> None:
    assert set(REQUIRED_TOPICS) <= set(tips.by_id)


@pytest.mark.parametrize(
    ("question", "tip"),
    [
        ("how do I grow my followers?", "engagement-over-followers"),
        ("should I buy followers?", "no-bought-followers"),
        ("I don't have time", "time-tiny-step"),
        ("should I start a blog?", "blog-cadence"),
        ("I'm a marketer talking to engineers", "transparency-background"),
        ("how do I deal with negative comments?", "handle-negative"),
        ("how often should I post?", "consistency-weekly"),
        ("how do I write a better first line?", "hook-first-line"),
    ],
)
def test_questions_find_the_right_tip(tips: TipLibrary, question: str, tip: str) -> None:
    assert tips.search(question)[0].tip.id == tip


def test_nothing_matches_gibberish_or_stopwords(tips: TipLibrary) -> None:
    assert tips.search("qwzx blorf") == []
    assert tips.search("what is the") == []


def test_a_broken_library_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "tips.yaml"
    broken.write_text("tips:\n  - id: a\n    title: missing fields\n")
    with pytest.raises(ChorusError, match="can't be read"):
        load_tips(broken)
    too_long = tmp_path / "long.yaml"
    too_long.write_text("tips:\n  - {id: a, title: t, step: s, why: w, minutes: 30, tags: [x]}\n")
    with pytest.raises(ChorusError, match="more than 15 minutes"):
        load_tips(too_long)
