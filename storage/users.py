"""Users: created on first contact, their settings, what is kept about them, and forget-me."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from storage.backend import Backend, moment
from storage.queries import Queries
from storage.records import DataSummary, NudgeSettings, User, UserKey

# Forget-me hooks: each deletes (or strips the user's id and text from) its own tables, in
# delete_user's transaction, and returns rows changed. storage/__init__.py registers them.
ForgetHook = Callable[[Backend, UserKey], int]
FORGET_HOOKS: list[ForgetHook] = []
# slack_sdk's installation store (SQLite3InstallationStore, or SQLAlchemyInstallationStore on
# PostgreSQL) keeps the installing user in this table of the same database.
SLACK_INSTALLATIONS = "slack_installations"


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
        self._x(
            "UPDATE users SET default_platform = ?, platform_chosen = 1 WHERE id = ?",
            (platform, user.id),
        )

    def delete_user(self, key: UserKey) -> int:
        """Delete the user and everything stored about them; return rows deleted or scrubbed.

        Rows that belong to others keep working without the user in them: a channel's tip
        schedule loses who set it up, a channel's conversation reference loses who last spoke
        there, a workspace's Slack installation loses its installer (the bot token stays), and
        the forget hooks take the user out of expert requests and campaigns. One transaction."""
        user = self.find_user(key)
        with self._tx():
            deleted = sum(hook(self.backend, key) for hook in FORGET_HOOKS)
            if user is not None:
                for table in ("critiques", "goals", "confidence_checkins", "llm_usage"):
                    deleted += self._x(
                        f"DELETE FROM {table} WHERE user_ref = ?", (user.id,)
                    ).rowcount
                for kind in ("nudge", "weekly"):
                    self._x("DELETE FROM schedules WHERE kind = ? AND owner = ?", (kind, user.id))
                    deleted += self._x(
                        "DELETE FROM deliveries WHERE kind = ? AND owner = ?", (kind, user.id)
                    ).rowcount
                deleted += self._x("DELETE FROM users WHERE id = ?", (user.id,)).rowcount
            deleted += self._x(
                "DELETE FROM conversation_refs WHERE platform = ? AND team_id = ? AND kind = 'user'"
                " AND owner = ?",
                (key.platform, key.team_id, key.user_id),
            ).rowcount
            deleted += self._x(
                "UPDATE channel_tips SET set_by = '' WHERE platform = ? AND team_id = ?"
                " AND set_by = ?",
                (key.platform, key.team_id, key.user_id),
            ).rowcount
            deleted += _scrub_channel_references(self.backend, key)
            if key.platform == "slack":
                deleted += _scrub_installer(self.backend, key)
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


def _scrub_channel_references(backend: Backend, key: UserKey) -> int:
    """Remove the user (id, name, AAD object id) from channel references they last spoke in."""
    scrubbed = 0
    rows = backend.execute(
        "SELECT owner, reference FROM conversation_refs WHERE platform = ? AND team_id = ?"
        f" AND kind = 'channel' AND {backend.dialect.find}(reference, ?) > 0",
        (key.platform, key.team_id, key.user_id),
    ).rows
    for owner, reference in rows:
        try:
            data = json.loads(reference)
        except ValueError:
            continue
        person = data.get("user") if isinstance(data, dict) else None
        ids = (person.get("id"), person.get("aadObjectId")) if isinstance(person, dict) else ()
        if key.user_id in ids:
            del data["user"]
            scrubbed += backend.execute(
                "UPDATE conversation_refs SET reference = ? WHERE platform = ? AND team_id = ?"
                " AND kind = 'channel' AND owner = ?",
                (json.dumps(data), key.platform, key.team_id, owner),
            ).rowcount
    return scrubbed


def _scrub_installer(backend: Backend, key: UserKey) -> int:
    """Forget the user as the installer of a workspace; the bot's own token and the
    installation stay."""
    if not backend.has_table(SLACK_INSTALLATIONS):
        return 0
    return backend.execute(
        f"UPDATE {SLACK_INSTALLATIONS} SET user_id = '', user_token = NULL, user_scopes = NULL,"
        " user_refresh_token = NULL, user_token_expires_at = NULL"
        " WHERE team_id = ? AND user_id = ?",
        (key.team_id, key.user_id),
    ).rowcount
