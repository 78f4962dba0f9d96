"""Users: created on first contact, their settings, what is kept about them, and forget-me."""

from __future__ import annotations

from datetime import datetime

from storage.backend import moment
from storage.queries import Queries
from storage.records import DataSummary, NudgeSettings, User, UserKey


class UserQueries(Queries):
    """Users keyed by (platform, team, user)."""

    def ensure_user(self, key: UserKey, now: datetime, tz: str | None = None) -> User:
        """The user's row, created on first contact."""
        self._x(
            "INSERT INTO users (platform, team_id, user_id, tz, created) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (platform, team_id, user_id) DO NOTHING",
            (key.platform, key.team_id, key.user_id, tz, now),
        )
        user = self.find_user(key)
        assert user is not None
        return user

    def find_user(self, key: UserKey) -> User | None:
        """The user's row, or None if they never talked to Chorus."""
        row = self._one(
            "SELECT id, tz, default_platform, created, nudges_enabled, nudge_time, nudge_days,"
            " snoozed_until, welcomed FROM users"
            " WHERE platform = ? AND team_id = ? AND user_id = ?",
            (key.platform, key.team_id, key.user_id),
        )
        if row is None:
            return None
        nudges = NudgeSettings(bool(row[4]), row[5], tuple(row[6].split(",")), moment(row[7]))
        created = moment(row[3])
        assert created is not None
        return User(row[0], key, row[1], row[2], created, nudges, bool(row[8]))

    def set_tz(self, user: User, tz: str) -> None:
        """Remember the user's IANA time zone."""
        self._x("UPDATE users SET tz = ? WHERE id = ?", (tz, user.id))

    def set_nudges(self, user: User, nudges: NudgeSettings) -> None:
        """Store when (and whether) the user wants nudges."""
        self._x(
            "UPDATE users SET nudges_enabled = ?, nudge_time = ?, nudge_days = ?,"
            " snoozed_until = ? WHERE id = ?",
            (
                int(nudges.enabled),
                nudges.time,
                ",".join(nudges.days),
                nudges.snoozed_until,
                user.id,
            ),
        )

    def mark_welcomed(self, user: User, now: datetime) -> bool:
        """Record the first welcome; True only the first time."""
        return (
            self._x(
                "UPDATE users SET welcomed = ? WHERE id = ? AND welcomed IS NULL", (now, user.id)
            ).rowcount
            == 1
        )

    def set_default_platform(self, user: User, platform: str) -> None:
        """Remember the platform the user writes for most."""
        self._x("UPDATE users SET default_platform = ? WHERE id = ?", (platform, user.id))

    def delete_user(self, key: UserKey) -> int:
        """Delete the user and everything stored about them; return rows deleted."""
        user = self.find_user(key)
        if user is None:
            return 0
        deleted = 0
        with self._tx():
            for table in ("critiques", "goals", "confidence_checkins"):
                deleted += self._x(f"DELETE FROM {table} WHERE user_ref = ?", (user.id,)).rowcount
            self._x("DELETE FROM llm_usage WHERE user_ref = ?", (user.id,))
            self._x(
                "DELETE FROM conversation_refs WHERE platform = ? AND team_id = ? AND kind = 'user'"
                " AND owner = ?",
                (key.platform, key.team_id, key.user_id),
            )
            for kind in ("nudge", "weekly"):
                self._x("DELETE FROM schedules WHERE kind = ? AND owner = ?", (kind, user.id))
                deleted += self._x(
                    "DELETE FROM deliveries WHERE kind = ? AND owner = ?", (kind, user.id)
                ).rowcount
            deleted += self._x("DELETE FROM users WHERE id = ?", (user.id,)).rowcount
        return deleted

    def summary(self, user: User) -> DataSummary:
        """Counts of everything stored about the user."""
        critiques, with_text = self._one(
            "SELECT count(*), count(text) FROM critiques WHERE user_ref = ?", (user.id,)
        ) or (0, 0)
        goals = self._one("SELECT count(*) FROM goals WHERE user_ref = ?", (user.id,))
        checkins = self._one(
            "SELECT count(*) FROM confidence_checkins WHERE user_ref = ?", (user.id,)
        )
        return DataSummary(
            critiques,
            with_text,
            goals[0] if goals else 0,
            checkins[0] if checkins else 0,
            user.created,
        )
