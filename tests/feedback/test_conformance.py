"""X length counting against the official twitter-text conformance suite."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.feedback import critique
from bot.feedback.length import grapheme_count, x_weighted_length
from tests.conftest import FIXTURES

SUITE = yaml.safe_load((FIXTURES / "twitter-text" / "validate.yml").read_text(encoding="utf-8"))
SECTIONS = ("WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest")
CASES = [
    pytest.param(case, id=f"{section}: {case['description']}")
    for section in SECTIONS
    for case in SUITE["tests"][section]
]


def test_suite_sections_are_not_empty() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES)
def test_x_weighted_length_matches_twitter_text(case: dict[str, Any]) -> None:
    assert x_weighted_length(case["text"]) == case["expected"]["weightedLength"]


@pytest.mark.parametrize("case", CASES)
def test_x_over_limit_matches_validity(case: dict[str, Any]) -> None:
    length = critique(case["text"], "x").length
    assert length.count == case["expected"]["weightedLength"]
    assert length.over_by == max(0, case["expected"]["weightedLength"] - 280)


def test_bluesky_counts_a_zwj_family_as_one() -> None:
    assert grapheme_count("👨‍👩‍👧‍👦") == 1
    assert grapheme_count("🇫🇷🇩🇪") == 2
    assert grapheme_count("e\u0301") == 1
    assert critique("👨‍👩‍👧‍👦" * 300, "bluesky").length.over_by == 0
    assert critique("👨‍👩‍👧‍👦" * 301, "bluesky").length.over_by == 1


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII words, punctuation! And (brackets) & symbols #tag @user $CASH",
        "Short",
        "e.g. this uses Node.js and example.com without a scheme",
        "See https://example.com/a?b=c and http://x.co plus www.example.org/path",
        "ratio 3:1, path a/b, time 10:30, version 1.2.3",
        "tab\tand\nnewline and trailing space ",
        "x" * 400,
    ],
)
def test_ascii_fast_path_agrees_with_twitter_text(text: str) -> None:
    import twitter_text

    assert x_weighted_length(text) == twitter_text.parse_tweet(text).weightedLength


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                " ",
                "\n",
                "\r\n",
                "中",
                "é",
                "e\u0301",
                "🚀",
                "👨‍👩‍👧",
                "🇫🇷",
                "1️⃣",
                "©",
                "🏻",
                "\u200d",
                "\u2019",
                "https://example.com/a",
                "example.com",
                "t.co/abc",
                "ok.",
            ]
        )
        | st.text(max_size=4),
        max_size=30,
    ).map("".join)
)
def test_one_pass_weighing_agrees_with_twitter_text_over_generated_text(text: str) -> None:
    import twitter_text

    assert x_weighted_length(text) == twitter_text.parse_tweet(text).weightedLength
