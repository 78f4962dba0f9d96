"""Spans that always point at the text, any Unicode, and work linear in the length."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.feedback import PLATFORMS, critique
from bot.feedback import length as length_module
from bot.feedback.length import split_thread, x_weighted_length

WORDS = [
    "I",
    "just",
    "think",
    "maybe",
    "İstanbul",
    "ﬁx",
    "ß",
    "was",
    "broken",
    "by",
    "guys",
    "crazy",
    "synergy",
    "SPIN",
    "HUGE",
    "Dr.",
    "https://ex.com/a?utm_source=x",
    "#socialmediatips",
    "@ana",
    "🚀",
    "👨‍👩‍👧",
    "中文",
    "\r\n",
    "\n\n",
    ".",
    "!!!",
    "?",
    '"',
    "\u201c",
    "\u2019",
    "\ud83d",
]
FILLER = ["the", "and", "we", "to", "it", "a", "of", "team", "shipped", "cache", "is", "you"]


def assert_spans_hold(text: str, platform: str) -> None:
    result = critique(text, platform)
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text), finding
        assert text[finding.start : finding.end] == finding.excerpt, finding
    for note in result.notes:
        assert note.count == len(note.findings)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(WORDS), st.sampled_from(FILLER), st.sampled_from(WORDS), st.text()
        ),
        max_size=40,
    ).map(" ".join),
    st.sampled_from(sorted(PLATFORMS)),
)
def test_every_span_points_at_its_excerpt_over_generated_unicode(text: str, platform: str) -> None:
    assert_spans_hold(text, platform)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=300))
def test_any_text_at_all_is_critiqued_without_raising(text: str) -> None:
    assert_spans_hold(text, "x")


def test_dotted_capital_i_does_not_shift_later_spans() -> None:
    text = "İstanbul: I just think the cache helped."
    hedges = [f for f in critique(text, "x").findings if f.rule == "confidence.hedge"]
    assert [f.excerpt for f in hedges] == ["just", "I think"] or [f.excerpt for f in hedges] == [
        "just"
    ]
    assert_spans_hold("İİİ " * 50 + "I just think maybe it works.", "linkedin")


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_lone_surrogates_never_make_critique_raise(platform: str) -> None:
    for text in ("x\ud83d", "\udc00 just a test", "We shipped it \ud83d\ud83d today. " * 30):
        assert_spans_hold(text, platform)


def test_thread_splitting_weighs_the_text_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    weighed = 0
    real_length, real_weights = length_module.x_weighted_length, length_module.char_weights

    def counting_length(text: str) -> int:
        nonlocal weighed
        weighed += len(text)
        return real_length(text)

    def counting_weights(text: str) -> list[int]:
        nonlocal weighed
        weighed += len(text)
        return real_weights(text)

    monkeypatch.setattr(length_module, "x_weighted_length", counting_length)
    monkeypatch.setattr(length_module, "char_weights", counting_weights)
    for text in ("中" * 3900, "é" * 3900, "word " * 800, "长文本没有空格" * 600, "a" * 5000):
        weighed = 0
        parts = split_thread(text)
        # Each character is weighed a bounded number of times: a binary search over
        # prefixes weighs the same characters again at every step.
        assert weighed <= 2 * len(text), (text[:5], weighed, len(text))
        assert all(real_length(part) <= 280 for part in parts)


def test_a_thread_part_never_splits_an_emoji() -> None:
    text = "👨‍👩‍👧" * 400
    parts = split_thread(text)
    assert all(x_weighted_length(part) <= 280 for part in parts)
    assert "".join(part.rsplit(" ", 1)[0] for part in parts) == text
