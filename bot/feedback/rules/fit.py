"""Platform fit and the hook: will the post fit, and will the first line earn a click."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.feedback import lexicon_openings
from bot.feedback.length import split_thread
from bot.feedback.model import Hit
from bot.feedback.rules.base import rule
from bot.feedback.text import Draft


def _limit_suggestion(draft: Draft, over_by: int) -> str:
    unit = {"weighted": "characters (as X counts them)"}.get(
        draft.platform.unit, draft.platform.unit
    )
    advice = f"Cut about {over_by} {unit}: drop a sentence that repeats the point."
    if draft.platform.name == "x":
        parts = split_thread(draft.text, draft.platform.limit)
        thread = "\n".join(f"• {p}" for p in parts)
        advice += f" Or post it as a thread of {len(parts)}:\n{thread}"
    return advice


@rule("platform_fit.over_limit", "platform_fit", english_only=False)
def over_limit(draft: Draft) -> Iterator[Hit]:
    """The post is longer than the platform accepts, so it cannot be published as it is."""
    length = draft.length
    if length.over_by:
        message = (
            f"This is {length.count} {length.unit} and {draft.platform.label} takes "
            f"{length.limit}, so it's {length.over_by} over."
        )
        yield Hit("error", message, 0, len(draft.text), _limit_suggestion(draft, length.over_by))


@rule("hook.generic_opening", "hook")
def generic_opening(draft: Draft) -> Iterator[Hit]:
    """The first words are throat-clearing ("I'm excited to announce", "Hi all") that every
    feed is full of; readers decide in one line whether to stop scrolling."""
    if not draft.sentences:
        return
    first = draft.sentences[0]
    match = lexicon_openings.GENERIC_OPENINGS.match(draft.lower, first.start)
    if match and draft.is_own(*match.span("opening")) and not _not_an_apology(draft, match):
        yield Hit(
            "warning",
            f'"{draft.excerpt(*match.span("opening"))}" is how many posts start, so it reads '
            "as background noise.",
            *match.span("opening"),
            "Open with the news itself, a surprising number, or the problem it solves; "
            "the excitement shows without saying it.",
        )


def _not_an_apology(draft: Draft, match: re.Match[str]) -> bool:
    """'Sorry for the outage' opens with news, not an apology for posting (the same reading
    as the apology rule's)."""
    start = match.start("opening")
    if not draft.lower.startswith(("sorry", "apologies"), start):
        return False
    return not any(s.kind == "apology" and s.start == start for s in draft.hedges)


@rule("hook.below_fold", "hook")
def first_sentence_below_fold(draft: Draft) -> Iterator[Hit]:
    """The first sentence runs past the "see more" fold on a phone, where most people read,
    so they never see its point."""
    fold, mobile = draft.platform.fold, draft.platform.fold_mobile
    if fold is None or mobile is None or not draft.sentences:
        return
    first = draft.sentences[0]
    if first.end > mobile and not _promise_above_the_fold(draft, first.start, mobile):
        yield Hit(
            "warning",
            f"Your opening sentence is {first.end - first.start} characters; "
            f"{draft.platform.label} shows about {mobile} before 'see more' on a phone "
            f"({fold} on a desktop).",
            first.start,
            first.end,
            "Make the first line one short sentence that stands on its own, then break the line.",
        )


# "Here's what I learned in my first six months as a designer: most users don't read..." A
# promise that ends in a colon above the fold is a line that stands on its own: the reader sees
# it and the lesson starts straight after.
PROMISE = re.compile(
    r"(?:here's|here\s+is|here\s+are|what|the\s+(?:one\s+)?(?:\w+\s+)?(?:thing|things|lesson|lessons"
    r"|mistake|mistakes|rule|rules))\b[^:\n]{10,}?:\s"
)


def _promise_above_the_fold(draft: Draft, start: int, mobile: int) -> bool:
    """True when the first sentence opens with a clause ending in a colon above the fold."""
    promise = PROMISE.match(draft.lower, start, start + mobile + 1)
    return bool(promise) and lexicon_openings.GENERIC_OPENINGS.match(draft.lower, start) is None
