"""What the coach says back, before any adapter turns it into Block Kit, a card or text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.coach.editor import EditorView
from bot.coach.tips import Tip
from bot.feedback import Critique

ReplyKind = Literal["critique", "answer", "command", "confirm", "invalid", "error"]


@dataclass(frozen=True)
class Action:
    """A button: its label, and the command the coach runs when it is pressed."""

    label: str
    command: str
    style: Literal["default", "primary", "danger"] = "default"


@dataclass(frozen=True)
class Image:
    """A picture that goes with a reply, and the words that stand in for it."""

    png: bytes
    alt: str
    title: str
    filename: str


@dataclass(frozen=True)
class Reply:
    """A platform-neutral answer; `text` always reads well on its own."""

    kind: ReplyKind
    text: str
    critique: Critique | None = None
    critique_id: int | None = None
    tips: tuple[Tip, ...] = ()
    actions: tuple[Action, ...] = field(default=())
    image: Image | None = None
    editor: EditorView | None = None
    note: str = ""
