"""The port to an optional language-model editor, and what Chorus accepts back from it.

The model never scores: the rule engine stays the source of the score, the lengths and every
countable fact. Whatever the model returns is validated here; anything invalid is dropped."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from bot.feedback import CATEGORIES, EDITOR_RULE, Critique, Finding

MAX_NOTES = 3


class EditorUnavailable(Exception):
    """The model couldn't help this time (no answer, an error, a refusal, invalid output)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class EditorNote:
    """One note as the model gave it: a quote from the draft and what to do about it."""

    quote: str
    category: str
    note: str
    suggestion: str


@dataclass(frozen=True)
class EditorResult:
    """What the model returned for a draft, and the tokens it cost."""

    notes: tuple[EditorNote, ...]
    opening_line: str
    question: str
    tokens: int


@dataclass(frozen=True)
class Streamed:
    """A streamed answer: text pieces as they arrive; `tokens` is known once it ends."""

    pieces: Iterator[str]
    usage: list[int] = field(default_factory=list)


class Editor(Protocol):
    """A language model behind Chorus (bot/llm.py implements it with the openai package)."""

    def edit(self, system: str, prompt: str) -> EditorResult:
        """Notes on a draft, or raise EditorUnavailable."""

    def answer(self, system: str, prompt: str) -> Streamed:
        """A streamed answer to a question, or raise EditorUnavailable (also mid-stream)."""


@dataclass(frozen=True)
class EditorView:
    """What the model added to a critique, after validation."""

    notes: tuple[Finding, ...]
    opening_line: str
    question: str


def accept(result: EditorResult, critique: Critique, draft: str) -> EditorView:
    """Keep only notes that quote the draft exactly, use a known category and don't repeat a
    rule finding; at most three. The opening line and question are kept if they say something."""
    kept: list[Finding] = []
    for note in result.notes:
        quote = note.quote.strip()
        start = draft.find(quote) if quote else -1
        if start < 0 or note.category not in CATEGORIES or not note.note.strip():
            continue
        end = start + len(quote)
        if any(
            _overlaps(f, start, end) and f.category == note.category
            for f in (*critique.findings, *kept)
        ):
            continue
        kept.append(
            Finding(
                EDITOR_RULE,
                note.category,
                "info",
                note.note.strip(),
                start,
                end,
                quote,
                note.suggestion.strip(),
            )
        )
        if len(kept) == MAX_NOTES:
            break
    opening = result.opening_line.strip()
    question = result.question.strip()
    return EditorView(
        tuple(kept), opening if len(opening) > 3 else "", question if question.endswith("?") else ""
    )


def _overlaps(finding: Finding, start: int, end: int) -> bool:
    return finding.start < end and start < finding.end
