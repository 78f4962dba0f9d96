"""Voice: a point of view, and saying it with confidence."""

from __future__ import annotations

from collections.abc import Iterator

from bot.feedback import lexicon_openings
from bot.feedback.model import Hit
from bot.feedback.rules.base import rule
from bot.feedback.text import Draft

HABITUAL_HEDGES_PER_100 = 2.0
MIN_WORDS_FOR_STANCE = 8
MIN_WORDS_TO_PUBLISH = 4


def per_100(count: int, draft: Draft) -> float:
    """How many per hundred words of prose."""
    return round(100 * count / draft.word_count, 1) if draft.word_count else 0.0


@rule("point_of_view.too_short", "point_of_view")
def too_short(draft: Draft) -> Iterator[Hit]:
    """There is almost nothing to read: a few words, emoji or tags with no sentence that
    says what happened or what you think. A post earns attention with at least one line of
    substance."""
    if draft.urls or draft.word_count >= MIN_WORDS_TO_PUBLISH or not draft.text.strip():
        return
    yield Hit(
        "warning",
        "There's almost nothing to read here yet.",
        0,
        len(draft.text),
        "Write one or two sentences: what happened, and what you think of it.",
    )


@rule("point_of_view.no_stance", "point_of_view")
def no_stance(draft: Draft) -> Iterator[Hit]:
    """The post shares a link, facts or an announcement but never says what you think of it
    and why. Your view is the reason to follow you rather than a news feed. (An update on a
    company channel is news colleagues need; it doesn't need a view.)"""
    if draft.platform.name == "internal":
        return
    short = not draft.urls and draft.word_count < MIN_WORDS_FOR_STANCE
    if short and not lexicon_openings.TEASER_ONLY.fullmatch(draft.lower):
        return  # a short post with no link; too_short speaks for the emptiest
    # A link with a word or two ("Must read:", "Thoughts?") has no room for a view, whatever
    # the words are: it is a bare link with a caption.
    captioned_link = bool(draft.urls) and draft.word_count < MIN_WORDS_TO_PUBLISH
    if draft.stance and not captioned_link:
        return
    questions = sum(1 for sentence in draft.sentences if sentence.text.endswith("?"))
    if questions * 2 >= len(draft.sentences) and not captioned_link:
        return  # a post that asks is not a post that only announces
    yield Hit(
        "info" if "?" in draft.prose and not captioned_link else "warning",  # it asks, at least
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
    hedges = [h for h in draft.hedges if h.kind == "hedge"]
    rate = per_100(len(hedges), draft)
    habitual = len(hedges) >= 3 or (len(hedges) >= 2 and rate >= HABITUAL_HEDGES_PER_100)
    severity = "warning" if habitual else "info"
    for hedge in hedges:
        word = draft.excerpt(hedge.start, hedge.end)
        if len(hedges) == 1:
            message = f'"{word}" softens what follows.'
            advice = f'Delete "{word}" and read the sentence again: it usually says the same'
        else:
            message = f"Hedges soften what you say: {rate:g} per 100 words."
            advice = "Delete them and read each sentence again: it usually says the same"
        yield Hit(severity, message, hedge.start, hedge.end, advice + ", with more conviction.")


@rule("confidence.apology", "confidence")
def apology(draft: Draft) -> Iterator[Hit]:
    """Apologising for posting ("sorry for the long post") asks readers to value it less."""
    apologies = [s for s in draft.hedges if s.kind == "apology"]
    for span in apologies:
        yield Hit(
            "warning",
            "You apologise for sharing. You don't need to: the post earns its space."
            if len(apologies) == 1
            else f"You apologise {len(apologies)} times. The post earns its space without it.",
            span.start,
            span.end,
            "Drop the apology; if it is long, say why it's worth reading instead.",
        )


@rule("confidence.self_deprecation", "confidence")
def self_deprecation(draft: Draft) -> Iterator[Hit]:
    """Putting yourself down first ("I'm no expert", "this is probably a dumb question",
    "I might be wrong") invites readers to discount you. Saying where you come from ("I'm a
    marketer, not an engineer, so...") is different: that is transparency, and it builds
    trust."""
    found = [s for s in draft.hedges if s.kind == "self_deprecation"]
    rate = per_100(len(found), draft)
    for span in found:
        said = draft.excerpt(span.start, span.end)
        yield Hit(
            "warning",
            f'"{said}" talks you down before you start ({rate:g} per 100 words).'
            if len(found) == 1
            else f"You talk yourself down {len(found)} times ({rate:g} per 100 words).",
            span.start,
            span.end,
            "Say where you're coming from instead: 'I'm new to this, so here is what I "
            "noticed' is honest and confident.",
        )
