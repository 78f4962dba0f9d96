"""Voice: a point of view, and saying it with confidence."""

from __future__ import annotations

from collections.abc import Iterator

from bot.feedback import lexicon
from bot.feedback.model import Hit
from bot.feedback.rules.base import rule
from bot.feedback.text import Draft

HABITUAL_HEDGES_PER_100 = 2.0
MIN_WORDS_FOR_STANCE = 8


@rule("point_of_view.no_stance", "point_of_view")
def no_stance(draft: Draft) -> Iterator[Hit]:
    """The post shares a link, facts or an announcement but never says what you think of it
    and why. Your view is the reason to follow you rather than a news feed."""
    bare_link = bool(draft.urls) and draft.word_count < 4
    if not bare_link and draft.word_count < MIN_WORDS_FOR_STANCE:
        return
    if draft.stance:
        return
    questions = sum(1 for sentence in draft.sentences if sentence.text.endswith("?"))
    if questions * 2 > len(draft.sentences):
        return  # a post that asks is not a post that only announces
    yield Hit(
        "warning",
        "I can't find your own view here: it's facts or a link with no 'I think... because...'.",
        0,
        draft.sentences[0].end if draft.sentences else len(draft.text),
        "Add one sentence that says what you think and why, e.g. 'What surprised me: ...' or "
        "'I'd use this for ... because ...'.",
    )


@rule("confidence.hedge", "confidence")
def hedging(draft: Draft) -> Iterator[Hit]:
    """Hedges and minimisers (I think, just, maybe, kind of) used out of habit make a sound
    point sound unsure. One reasoned 'I think X because Y' is fine."""
    hedges = [
        h
        for h in draft.hedges
        if lexicon.HEDGES.fullmatch(h.text) and not lexicon.SELF_DEPRECATION.fullmatch(h.text)
    ]
    habitual = len(hedges) >= 3 or (
        len(hedges) >= 2 and draft.hedges_per_100_words >= HABITUAL_HEDGES_PER_100
    )
    severity = "warning" if habitual else "info"
    for hedge in hedges:
        word = draft.excerpt(hedge.start, hedge.end)
        yield Hit(
            severity,
            f'"{word}" softens what follows.'
            + (f" That's {draft.hedges_per_100_words} hedges per 100 words." if habitual else ""),
            hedge.start,
            hedge.end,
            f'Delete "{word}" and read the sentence again: it usually says the same, with more '
            "conviction.",
        )


@rule("confidence.apology", "confidence")
def apology(draft: Draft) -> Iterator[Hit]:
    """Apologising for posting ("sorry for the long post") asks readers to value it less."""
    for span in draft.hedges:
        if lexicon.APOLOGIES.fullmatch(span.text):
            yield Hit(
                "warning",
                "You apologise for sharing. You don't need to: the post earns its space.",
                span.start,
                span.end,
                "Drop the apology; if it is long, say why it's worth reading instead.",
            )


@rule("confidence.self_deprecation", "confidence")
def self_deprecation(draft: Draft) -> Iterator[Hit]:
    """Putting yourself down first ("I'm no expert") invites readers to discount you.
    Saying where you come from ("I'm a marketer, not an engineer, so...") is different:
    that is transparency, and it builds trust."""
    for span in draft.hedges:
        if lexicon.SELF_DEPRECATION.fullmatch(span.text):
            yield Hit(
                "warning",
                f'"{draft.excerpt(span.start, span.end)}" talks you down before you start.',
                span.start,
                span.end,
                "Say where you're coming from instead: 'I'm new to this, so here is what I "
                "noticed' is honest and confident.",
            )
