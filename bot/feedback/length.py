"""Length by each platform's own counting, the "see more" fold, and X thread splits."""

from __future__ import annotations

from functools import cache
from types import ModuleType

import regex

from bot.feedback.model import LengthInfo
from bot.feedback.platforms import Platform

GRAPHEME = regex.compile(r"\X")
FOLD_LINES = 3  # LinkedIn and Instagram cut after about three lines, whichever comes first


@cache
def _twitter_text() -> ModuleType:
    # Imported on first X use: compiling its TLD patterns costs about 0.3 s.
    import twitter_text

    return twitter_text


def x_weighted_length(text: str) -> int:
    """Length as X counts it (twitter-text v3: URLs 23, CJK and emoji weighted)."""
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
    pieces = _pieces(text)
    for reserve in (6, 8, 10):  # room for " 1/9", " 10/99", " 100/999"
        parts = _pack(pieces, limit - reserve)
        if len(str(len(parts))) * 2 + 2 <= reserve:
            return [f"{part} {i}/{len(parts)}" for i, part in enumerate(parts, 1)]
    return parts


def _pieces(text: str) -> list[str]:
    sentences = regex.split(r"(?<=[.!?…])\s+|\n+", text.strip())
    return [s.strip() for s in sentences if s.strip()]


def _pack(pieces: list[str], budget: int) -> list[str]:
    parts: list[str] = []
    current = ""
    for piece in pieces:
        for chunk in _fit(piece, budget):
            joined = f"{current} {chunk}".strip()
            if x_weighted_length(joined) <= budget:
                current = joined
            else:
                parts.append(current)
                current = chunk
    if current:
        parts.append(current)
    return [p for p in parts if p]


def _fit(piece: str, budget: int) -> list[str]:
    if x_weighted_length(piece) <= budget:
        return [piece]
    chunks: list[str] = []
    current = ""
    for word in piece.split():
        joined = f"{current} {word}".strip()
        if x_weighted_length(joined) <= budget or not current:
            current = joined
        else:
            chunks.append(current)
            current = word
    chunks.append(current)
    return chunks
