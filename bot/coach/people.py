"""What the coach needs to know about a colleague, and the messages it sends to third people."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.coach.reply import Reply
from storage import UserKey


@dataclass(frozen=True)
class Person:
    """A colleague as the chat platform describes them (the adapter looks them up)."""

    key: UserKey
    name: str = ""
    tz: str | None = None
    is_bot: bool = False
    deleted: bool = False
    in_workspace: bool = True
    reachable: bool = True  # Teams: Chorus has a personal chat with them

    @property
    def label(self) -> str:
        """How to call them in a message."""
        return self.name or "your colleague"


@dataclass(frozen=True)
class Message:
    """A message for someone other than the person who spoke: a user's DM or a channel."""

    reply: Reply
    to: UserKey | None = None
    channel: str | None = None  # with to=None: a channel in the speaker's workspace
    request_id: int | None = None  # an expert request the adapter may render its own way


FormKind = Literal["ask", "suggest", "campaign_brief", "settings"]


@dataclass(frozen=True)
class Form:
    """A form the adapter should open (Slack modal, Teams card)."""

    kind: FormKind
    ref: int = 0
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """The speaker's reply, messages for others, and perhaps a form to open."""

    reply: Reply
    messages: tuple[Message, ...] = ()
    form: Form | None = None
