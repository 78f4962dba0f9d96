"""The small things `chorus review` showed: counts, the fold, line endings, abbreviations."""

from __future__ import annotations

from bot.adapters.text import Painter, render_critique
from bot.feedback import critique


def test_one_sentence_is_not_one_sentences() -> None:
    text = "We shipped it."
    shown = render_critique(critique(text), Painter(color=False), text)
    assert "1 sentence ·" in shown
    assert "1 sentences" not in shown
    assert "3 words" in shown
    one_word = render_critique(critique("Shipped."), Painter(color=False), "Shipped.")
    assert "1 word ·" in one_word


def test_the_fold_is_cut_at_a_word_boundary() -> None:
    text = (
        "To me, the phrases thought leadership, personal branding and growth hacking all reek "
        "of marketing, and the people who use them most are the ones who have the least to "
        "say about the work itself, which is a shame."
    )
    fold = critique(text).length.above_fold
    assert fold is not None
    assert len(fold) <= 210
    assert text.startswith(fold.rstrip("…").rstrip())
    cut = len(fold.rstrip("…").rstrip())
    assert text[cut] == " ", fold  # the next character starts a new word


def test_crlf_leaves_no_carriage_return_above_the_fold() -> None:
    text = "Line one.\r\nLine two.\r\nLine three.\r\nLine four is hidden."
    assert critique(text).length.above_fold == "Line one.\nLine two.\nLine three."


def test_a_sentence_is_not_cut_at_an_abbreviation() -> None:
    result = critique("Dr. Smith gave a talk on caching, e.g. what to cache. It was great.")
    assert result.stats.sentences == 2
    assert not any(s.endswith('"Dr."') for s in result.strengths)
