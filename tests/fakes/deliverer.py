"""A stand-in for a chat platform at the scheduler's port: records sends, fails on cue."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.coach import Reply
from storage import UserKey


class Crash(BaseException):
    """The process dies mid-send (not an Exception, so nothing catches it)."""


@dataclass
class RecordingDeliverer:
    """Records every send; `fail` decides, per send, whether to raise instead."""

    platform: str = "slack"
    to_users: list[tuple[UserKey, Reply]] = field(default_factory=list)
    to_channels: list[tuple[str, str, Reply]] = field(default_factory=list)
    fail: Callable[[object, Reply], None] = lambda target, reply: None

    def to_user(self, key: UserKey, reply: Reply) -> None:
        self.fail(key, reply)
        self.to_users.append((key, reply))

    def to_channel(self, team_id: str, channel_id: str, reply: Reply) -> None:
        self.fail(channel_id, reply)
        self.to_channels.append((team_id, channel_id, reply))
