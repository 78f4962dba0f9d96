"""Character-level helpers that keep every position where it was."""

from __future__ import annotations

import re
from collections.abc import Iterable

SURROGATE = re.compile("[\ud800-\udfff]")
# A full stop after a title or an initial ("Dr.", "e.g.", "J.") does not end a sentence.
ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sr|Jr|St|Mt|Gen|Capt|Rev|Hon|[A-Z])"
    r"|\b(?i:vs|cf|approx|e\.g|i\.e))\.[\"'”’)]*$"
)


def ends_with_abbreviation(text: str, end: int) -> bool:
    """True when text[:end] ends with "Dr.", "e.g." or an initial, which end no sentence."""
    return ABBREVIATION.search(text, max(0, end - 10), end) is not None


def fold(text: str) -> str:
    """Lower case that keeps every character where it was ("İ" lowers to two code points)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # U+0130 is the only code point (Unicode 15) whose lower case is two; the general path
    # stays for any a later Unicode adds.
    lowered = text.replace("\u0130", "i").lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c.lower()[0] for c in text)


def without_surrogates(text: str) -> str:
    """Lone surrogates (JSON can carry "\\ud83d") as U+FFFD, so every codec can handle the text."""
    return SURROGATE.sub("\ufffd", text) if SURROGATE.search(text) else text


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, with overlapping or touching ones joined."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined
