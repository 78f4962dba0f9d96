"""Shorten what a chat message can't hold, and always say what was left out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bot.feedback import Note

TALLY_ITEMS = 3  # distinct excerpts named in a repeated note; the rest are counted
SUGGESTION_LINES = 4  # lines of a long suggestion (a thread split) shown under a note
SUGGESTION_CHARACTERS = 600
QUOTE_CHARACTERS = 120
AGAIN = "Fix the ones above and send the draft again to see them."


@dataclass(frozen=True)
class Shown:
    """The lines that fit, and how many were left out."""

    lines: tuple[str, ...]
    left_out: int


def tally(note: Note, items: int = TALLY_ITEMS) -> str:
    """'"just" ×4, "maybe" ×2 and 5 others' for a repeated note; empty for a single finding."""
    if note.count == 1:
        return ""
    counts = Counter(" ".join(f.excerpt.split()).lower()[:40] for f in note.findings)
    named = [f'"{text}" ×{n}' if n > 1 else f'"{text}"' for text, n in counts.most_common(items)]
    others = len(counts) - len(named)
    return ", ".join(named) + (f" and {others} other{'s' if others != 1 else ''}" if others else "")


def quote(note: Note) -> str:
    """The first finding's excerpt on one line, short enough to quote; empty for whole-draft."""
    excerpt = " ".join(note.first.excerpt.split())
    if not excerpt or len(excerpt) >= 400:
        return ""
    return clip(excerpt, QUOTE_CHARACTERS)


def suggestion(text: str) -> Shown:
    """A suggestion's lines, cut after a few (a long thread split), counting the rest."""
    lines = [line for line in text.splitlines() if line.strip()]
    shown: list[str] = []
    size = 0
    for line in lines:
        if len(shown) == SUGGESTION_LINES or size + len(line) > SUGGESTION_CHARACTERS:
            break
        shown.append(line)
        size += len(line)
    if not shown and lines:
        shown = [clip(lines[0], SUGGESTION_CHARACTERS)]
    return Shown(tuple(shown), len(lines) - len(shown))


def more_lines(left_out: int) -> str:
    """The line that stands for the lines of a suggestion that were not shown."""
    return f"… and {left_out} more line{'s' if left_out != 1 else ''}."


def more_notes(left_out: int) -> str:
    """The line that stands for the notes that did not fit."""
    notes = "note" if left_out == 1 else "notes"
    return f"… and {left_out} more minor {notes}. {AGAIN}"


def clip(text: str, limit: int) -> str:
    """Shorten text to `limit` characters at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"
