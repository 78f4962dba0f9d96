"""The port the scheduler sends through; each chat platform's adapter implements it."""

from __future__ import annotations

from typing import Literal, Protocol

from bot.coach.reply import Reply
from storage import UserKey

Outcome = Literal["retry", "gone", "failed"]


class DeliveryError(Exception):
    """A send that didn't happen: try again later, the recipient is gone, or it failed for good."""

    def __init__(self, outcome: Outcome, code: str) -> None:
        super().__init__(f"{outcome}: {code}")
        self.outcome = outcome
        self.code = code


class Deliverer(Protocol):
    """Sends scheduled messages on one chat platform."""

    platform: str

    def to_user(self, key: UserKey, reply: Reply) -> None:
        """Send a reply to the user's direct conversation with Chorus, or raise DeliveryError."""

    def to_channel(self, team_id: str, channel_id: str, reply: Reply) -> None:
        """Post a reply in a channel, or raise DeliveryError."""
