"""What a command needs: the store, the time, the user's time zone, and where it was said."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from storage import Store, User


@dataclass(frozen=True)
class Context:
    """The store, the current time, the server's zone, and the channel a command came from."""

    store: Store
    now: datetime
    default_zone: tzinfo
    channel: str | None = None

    def zone(self, user: User) -> tzinfo:
        """The user's own time zone, or the server's when they never told us."""
        return ZoneInfo(user.tz) if user.tz else self.default_zone

    def zone_name(self, user: User) -> str:
        """The IANA name of the user's time zone."""
        return user.tz or str(getattr(self.default_zone, "key", "UTC"))

    def local_now(self, user: User) -> datetime:
        """The current time where the user is."""
        return self.now.astimezone(self.zone(user))
