"""What Chorus learns from Slack: users' DM channels (stored, so no replica or restart opens
them again), time zones, and which workspaces offer the agent status."""

from __future__ import annotations

import logging
import threading

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.coach import Coach
from storage import UserKey

log = logging.getLogger(__name__)


class Directory:
    """DM channels (kept in the store) and time zones, looked up once per user."""

    def __init__(self, coach: Coach) -> None:
        self.coach = coach
        self._lock = threading.Lock()
        self._dm: dict[UserKey, str] = {}
        self._tz: dict[UserKey, str | None] = {}
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
            stored = self.coach.store.find_user(key)
            if stored is not None and stored.tz:  # another replica (or a restart) learnt it
                with self._lock:
                    self._tz[key] = stored.tz
                return
            try:
                tz = client.users_info(user=key.user_id)["user"].get("tz")
            except SlackApiError as error:
                log.warning("users.info failed for a user: %s", error.response.get("error"))
            with self._lock:
                self._tz[key] = tz
        if tz:
            self.coach.remember_tz(key, tz)

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
