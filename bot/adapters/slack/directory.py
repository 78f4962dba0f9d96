"""What Chorus learns from Slack: users' DM channels (stored, so no replica or restart opens
them again), time zones, and which workspaces offer the agent status."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import Any, Generic, TypeVar

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.coach import Coach
from storage import UserKey

log = logging.getLogger(__name__)
CACHED_USERS = 10_000  # per cache: a busy process keeps its regulars, not everyone ever seen

K = TypeVar("K")
V = TypeVar("V")


class Recent(OrderedDict[K, V], Generic[K, V]):
    """A dict that keeps only the `size` keys set most recently."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __setitem__(self, key: K, value: V) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)


class Directory:
    """DM channels (kept in the store) and time zones, looked up once per user; what this
    process remembers besides is bounded."""

    def __init__(self, coach: Coach) -> None:
        self.coach = coach
        self._lock = threading.Lock()
        self._profiles: Recent[UserKey, dict[str, Any]] = Recent(CACHED_USERS)
        self._dm: Recent[UserKey, str] = Recent(CACHED_USERS)
        self._tz: Recent[UserKey, str | None] = Recent(CACHED_USERS)
        self._no_status: set[str] = set()

    def offers_status(self, team: str) -> bool:
        """False once the workspace refused assistant.threads.setStatus."""
        with self._lock:
            return team not in self._no_status

    def refused_status(self, team: str) -> None:
        """Remember that the workspace doesn't offer the agent status."""
        with self._lock:
            self._no_status.add(team)

    def learn_tz(self, client: WebClient, key: UserKey) -> None:
        """Give the coach the user's time zone (users.info once per user, unless stored)."""
        with self._lock:
            known = key in self._tz
            tz = self._tz.get(key)
        if not known:
            stored = self.coach.known_tz(key)
            if stored:  # another replica (or a restart) learnt it
                with self._lock:
                    self._tz[key] = stored
                return
            tz = (self.profile(client, key, fresh=True) or {}).get("tz")
            with self._lock:
                self._tz[key] = tz
        if tz:
            self.coach.remember_tz(key, tz)

    def profile(
        self, client: WebClient, key: UserKey, fresh: bool = False
    ) -> dict[str, Any] | None:
        """The user's users.info record (cached unless `fresh`); None if Slack doesn't know them."""
        with self._lock:
            cached = self._profiles.get(key)
        if cached is not None and not fresh:
            return cached
        try:
            found = dict(client.users_info(user=key.user_id)["user"])
        except SlackApiError as error:
            log.warning("users.info failed for a user: %s", error.response.get("error"))
            return None
        with self._lock:
            self._profiles[key] = found
        return found

    def dm_channel(self, client: WebClient, key: UserKey) -> str:
        """The user's DM channel with Chorus: remembered, stored, or opened (conversations.open,
        a Tier 3 method of about 50 calls a minute) once and then stored."""
        with self._lock:
            cached = self._dm.get(key)
        if cached:
            return cached
        channel = self.coach.conversation(key.platform, key.team_id, "user", key.user_id)
        if channel is None:
            channel = str(client.conversations_open(users=key.user_id)["channel"]["id"])
            self.coach.remember_conversation(key, "user", key.user_id, channel)
        with self._lock:
            self._dm[key] = channel
        return channel
