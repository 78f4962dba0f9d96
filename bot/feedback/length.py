"""Length by each platform's own counting, the "see more" fold, and X thread splits."""

from __future__ import annotations

from functools import cache
from types import ModuleType

import regex

from bot.feedback.model import LengthInfo
from bot.feedback.platforms import Platform

GRAPHEME = regex.compile(r"\X")
URL_HINT = regex.compile(r"[.:/]\w")  # anything twitter-text might read as a link
FOLD_LINES = 3  # LinkedIn and Instagram cut after about three lines, whichever comes first


@cache
def _twitter_text() -> ModuleType:
    # Imported on first X use: compiling its TLD patterns costs about 0.3 s.
    import twitter_text

    return twitter_text


def x_weighted_length(text: str) -> int:
    """Length as X counts it (twitter-text v3: URLs 23, CJK and emoji weighted)."""
    if text.isascii() and not URL_HINT.search(text):
        return len(text)  # every ASCII character weighs 1 in v3, and there is no URL to shorten
    return int(_twitter_text().parse_tweet(text).weightedLength)


def grapheme_count(text: str) -> int:
    """User-perceived characters: a ZWJ family emoji or a flag counts as one."""
    return len(GRAPHEME.findall(text))


def count(text: str, platform: Platform) -> int:
    """Length of `text` in the platform's unit."""
    if platform.unit == "weighted":
        return x_weighted_length(text)
    if platform.unit == "graphemes":
        return grapheme_count(text)
    return len(text)


def above_fold(text: str, fold: int | None) -> str | None:
    """The text a reader sees before "see more": `fold` characters or three lines."""
    if fold is None:
        return None
    lines = text.split("\n")
    shown = "\n".join(lines[:FOLD_LINES])
    return shown[:fold] if len(shown) > fold else shown


def measure(text: str, platform: Platform) -> LengthInfo:
    """Length facts for the draft on the platform."""
    used = count(text, platform)
    over = max(0, used - platform.limit) if platform.limit else 0
    return LengthInfo(used, platform.limit, platform.unit, over, above_fold(text, platform.fold))


def split_thread(text: str, limit: int = 280) -> list[str]:
    """Split a long post into a numbered X thread at sentence, then word, boundaries."""
    pieces = [chunk for piece in _sentences(text) for chunk in _fit(piece, limit - 10)]
    weights = [x_weighted_length(piece) for piece in pieces]
    for reserve in (4, 6, 8):  # room for " 1/9", " 10/99", " 100/999"
        parts = _pack(pieces, weights, limit - reserve)
        if len(str(len(parts))) * 2 + 2 <= reserve:
            break
    return [f"{part} {i}/{len(parts)}" for i, part in enumerate(parts, 1)]


def _sentences(text: str) -> list[str]:
    sentences = regex.split(r"(?<=[.!?…])\s+|(?<=[。！？])|\n+", text.strip())
    return [s.strip() for s in sentences if s.strip()]


def _pack(pieces: list[str], weights: list[int], budget: int) -> list[str]:
    """Greedy packing; a joining space weighs 1, so weights add up without re-parsing."""
    parts: list[str] = []
    current: list[str] = []
    used = 0
    for piece, weight in zip(pieces, weights, strict=True):
        if current and used + 1 + weight > budget:
            parts.append(" ".join(current))
            current, used = [], 0
        used += weight + (1 if current else 0)
        current.append(piece)
    if current:
        parts.append(" ".join(current))
    return parts


def _fit(piece: str, budget: int) -> list[str]:
    """A sentence too long for one post, cut at word boundaries (or anywhere, for CJK)."""
    if x_weighted_length(piece) <= budget:
        return [piece]
    words = [chunk for word in piece.split() for chunk in _cut(word, budget)]
    return _pack(words, [x_weighted_length(word) for word in words], budget)


def _cut(word: str, budget: int) -> list[str]:
    """Cut a run with no spaces into the longest prefixes that fit (binary search)."""
    chunks: list[str] = []
    while x_weighted_length(word) > budget:
        low, high = 1, len(word)
        while low < high:
            middle = (low + high + 1) // 2
            if x_weighted_length(word[:middle]) <= budget:
                low = middle
            else:
                high = middle - 1
        chunks.append(word[:low])
        word = word[low:]
    return [*chunks, word] if word else chunks
