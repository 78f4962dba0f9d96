"""Readability: sentence length, grade level, passive voice, walls of text."""

from __future__ import annotations

from collections.abc import Iterator

from bot.feedback import grammar
from bot.feedback.model import Hit
from bot.feedback.rules.base import rule
from bot.feedback.text import MAX_GRADE, Draft

LONG_SENTENCE_WORDS = 25
MIN_WORDS_FOR_GRADE = 20
MIN_WORDS_FOR_SHORT_GRADE = 8
WALL_CHARACTERS = 400
MOSTLY_PASSIVE_MIN = 3  # passives, in at least this share of the sentences:
MOSTLY_PASSIVE_SHARE = 0.4


@rule("readability.long_sentence", "readability")
def long_sentence(draft: Draft) -> Iterator[Hit]:
    """Sentences over about 25 words are hard to follow on a phone screen."""
    for sentence in draft.sentences:
        words = draft.words_in(sentence.start, sentence.end)
        if words > LONG_SENTENCE_WORDS:
            yield Hit(
                "warning",
                f"This sentence is {words} words long.",
                sentence.start,
                sentence.end,
                "Split it in two where the 'and' or the comma is; one idea per sentence.",
            )


@rule("readability.grade", "readability")
def grade_level(draft: Draft) -> Iterator[Hit]:
    """The reading level is above what works on the platform: long words and long sentences
    make busy readers scroll on. Plain is not simple-minded; it is considerate."""
    target = draft.platform.target_grade
    # A short post's grade is a rough estimate: only one off the scale says it is too hard.
    hard = (draft.word_count >= MIN_WORDS_FOR_GRADE and draft.grade > target + 2) or (
        draft.word_count >= MIN_WORDS_FOR_SHORT_GRADE and draft.grade >= MAX_GRADE
    )
    if hard:
        yield Hit(
            "info",
            f"Reading level is about grade {draft.grade}; around {target:g} works best on "
            f"{draft.platform.label}.",
            0,
            len(draft.text),
            "Swap long words for short ones and split the longest sentences.",
        )


@rule("readability.passive", "readability")
def passive_voice(draft: Draft) -> Iterator[Hit]:
    """Passive voice ("mistakes were made") hides who did what; active voice is shorter and
    sounds like you. One passive is a minor note; a mostly passive post is a warning.
    States ("I was surprised", "we are prepared to lead") are not passive."""
    found = [
        (start, end)
        for start, end in grammar.passives(draft.tokens, draft.text)
        if draft.is_own(start, end)
    ]
    sentences = {draft.sentence_at(start) for start, _ in found}
    mostly = len(found) >= MOSTLY_PASSIVE_MIN and len(sentences) >= MOSTLY_PASSIVE_SHARE * len(
        draft.sentences
    )
    for start, end in found:
        said = draft.excerpt(start, end)
        yield Hit(
            "warning" if mostly else "info",
            f'"{said}" is passive.'
            if len(found) == 1
            else f"{len(sentences)} of {len(draft.sentences)} sentences are passive.",
            start,
            end,
            "Say who did it: 'we shipped it' rather than 'it was shipped'.",
        )


@rule("readability.wall_of_text", "readability", english_only=False)
def wall_of_text(draft: Draft) -> Iterator[Hit]:
    """A long block with no line breaks looks like work before anyone reads a word; short
    paragraphs with white space get read, especially on LinkedIn."""
    most = draft.platform.max_paragraph_words
    for paragraph in draft.paragraphs:
        words = draft.words_in(paragraph.start, paragraph.end)
        no_breaks = "\n" not in paragraph.text and len(paragraph.text) > WALL_CHARACTERS
        # a few words over the limit in short sentences and under 400 characters reads easily
        over = words > most and (len(paragraph.text) > WALL_CHARACTERS or words > most * 5 // 4)
        if over or (no_breaks and draft.platform.name == "linkedin"):
            yield Hit(
                "warning",
                f"A block of {words} words with no break.",
                paragraph.start,
                paragraph.end,
                "Break it into paragraphs of one to three sentences with a blank line between.",
            )
