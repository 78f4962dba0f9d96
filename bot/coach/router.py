"""Decide what a message is: a command, a question for the coach, or a draft to critique."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

# A command word only counts when what follows has the command's shape, so a draft that
# starts "Progress over perfection." or "Feedback is a gift." stays a draft.
ARGUMENT_SHAPES: dict[str, regex.Pattern[str]] = {
    "help": regex.compile(r"^$"),
    "draft": regex.compile(r"^$"),
    "chart": regex.compile(r"^$"),
    "done": regex.compile(r"^\d+$"),
    "progress": regex.compile(r"^$"),
    "data": regex.compile(r"^$"),
    "platform": regex.compile(r"^\S*$"),
    "checkin": regex.compile(r"^\S*$"),
    "goal": regex.compile(r"^[^\n]{0,240}$"),
    "forget": regex.compile(r"^me(?:\s+confirm)?$", regex.IGNORECASE),
    "review": regex.compile(r"^.*$", regex.DOTALL),
    "recheck": regex.compile(r"^\d+\s+\w+$"),
    "feedback": regex.compile(r"^(?:\d+|answer)\s+[\w-]+$"),
    "nudges": regex.compile(
        r"^(?:(?:on|off|stop)|(?:at|days|snooze|pause)\s+[\w:, -]{1,40})?$", regex.IGNORECASE
    ),
    "tips": regex.compile(
        r"^(?:off|(?:here\s+)?(?:daily|weekly)\s+[\w: ]{1,20})?$", regex.IGNORECASE
    ),
    # issue 13: ask an expert, campaigns, settings (bot/coach/together.py)
    "ask": regex.compile(r"^(?:\d+|@\S+.*)$", regex.DOTALL),
    "expert": regex.compile(r"^\d+\s+(?:looks-right|suggest|not-mine)\b.*$", regex.DOTALL),
    "stop": regex.compile(r"^requests\s+from\s+\S+$", regex.IGNORECASE),
    "campaign": regex.compile(
        r"^(?:start\s.+|status|stop|(?:join|posted|check)\s+\d+|draft\s.+)$",
        regex.DOTALL | regex.IGNORECASE,
    ),
    "settings": regex.compile(
        r"^(?:|edit|(?:companies|company|policy|platform)\s[^\n]*|admin\s+(?:add|remove)\s+\S+)$",
        regex.IGNORECASE,
    ),
}
ALIASES = {
    "goals": "goal",
    "nudge": "nudges",
    "tip": "tips",
    "check-in": "checkin",
    "critique": "review",
    "start": "help",
}
QUESTION_START = regex.compile(
    r"^(?:how|what|why|when|where|which|who|whom|should|shall|can|could|would|will|do|does|"
    r"did|is|are|am|any|tips?|advice|help me|i don'?t have time|i'?m (?:nervous|scared|afraid|"
    r"worried|anxious|stuck|not sure)|i (?:can'?t|never|don'?t know))\b",
    regex.IGNORECASE,
)
DRAFT_SIGNAL = regex.compile(r"\n|https?://|www\.|(?<!\w)[#@]\w", regex.IGNORECASE)
QUESTION_MAX_WORDS = 30
SHORT_MESSAGE_WORDS = 6

Kind = Literal["command", "question", "draft"]


@dataclass(frozen=True)
class Intent:
    """What the message is, and for commands, which one and its arguments."""

    kind: Kind
    command: str = ""
    args: str = ""


def split_command(text: str) -> tuple[str, str]:
    """(command word, its arguments), aliases resolved."""
    first, _, rest = text.strip().partition(" ")
    name = first.lower().lstrip("/")
    name = ALIASES.get(name, name)
    rest = rest.strip()
    if name == "check" and rest.lower().startswith("in"):
        name, rest = "checkin", rest[2:].strip()
    if name == "my" and rest.lower().startswith("data"):
        name, rest = "data", rest[4:].strip()
    return name, rest


def command_name(text: str) -> str | None:
    """The command a text starts with, whatever follows it; None if it starts with none."""
    name, _ = split_command(text)
    return name if name in ARGUMENT_SHAPES else None


def _command(text: str) -> Intent | None:
    name, rest = split_command(text)
    shape = ARGUMENT_SHAPES.get(name)
    if shape is None or not shape.match(rest):
        return None
    return Intent("command", name, rest)


def classify(text: str) -> Intent:
    """Route a message: commands by their first word, short questions to the tips, else a draft."""
    stripped = text.strip()
    command = _command(stripped)
    if command:
        return command
    if DRAFT_SIGNAL.search(stripped):
        return Intent("draft")
    words = len(stripped.split())
    sentences = len([s for s in regex.split(r"[.!?]+\s", stripped) if s.strip()])
    asks = stripped.endswith("?") or QUESTION_START.match(stripped)
    if words <= QUESTION_MAX_WORDS and sentences <= 2 and asks:
        return Intent("question")
    if words <= SHORT_MESSAGE_WORDS and sentences == 1:
        return Intent("question")
    return Intent("draft")
