"""Settings per workspace (Slack team, Teams tenant): values, admins, and who changed what."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from storage.backend import Backend, moment
from storage.queries import StorePart
from storage.records import UserKey


@dataclass(frozen=True)
class Change:
    """One line of the audit log."""

    platform: str
    team_id: str
    actor_id: str | None  # None once the admin asked Chorus to forget them
    name: str
    old: object
    new: object
    at: datetime


class Workspaces(StorePart):
    """Per-workspace settings, admins and the audit log, on the store's backend."""

    def values(self, platform: str, team_id: str) -> dict[str, object]:
        """Every setting stored for the workspace (absent ones fall back to the defaults)."""
        rows = self._x(
            "SELECT name, value FROM workspace_settings WHERE platform = ? AND team_id = ?",
            (platform, team_id),
        ).rows
        return {r[0]: json.loads(r[1]) for r in rows}

    def change(
        self, actor: UserKey, name: str, value: object, now: datetime, audit_value: object = None
    ) -> bool:
        """Set one setting and record who changed it and when; False if nothing changed."""
        old = self.values(actor.platform, actor.team_id).get(name)
        if old == value:
            return False
        with self._tx():
            self._x(
                "INSERT INTO workspace_settings (platform, team_id, name, value)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (platform, team_id, name)"
                " DO UPDATE SET value = excluded.value",
                (actor.platform, actor.team_id, name, json.dumps(value)),
            )
            self._audit(actor, name, old, value, now)
        return True

    def admins(self, platform: str, team_id: str) -> list[str]:
        """Users an admin added as Chorus admins."""
        rows = self._x(
            "SELECT user_id FROM workspace_admins WHERE platform = ? AND team_id = ?"
            " ORDER BY added, user_id",
            (platform, team_id),
        ).rows
        return [r[0] for r in rows]

    def is_admin(self, user: UserKey) -> bool:
        """True when an admin added this user."""
        return user.user_id in self.admins(user.platform, user.team_id)

    def add_admin(self, actor: UserKey, user_id: str, now: datetime) -> bool:
        """Make a user a Chorus admin of the workspace; False if they already were."""
        with self._tx():
            added = (
                self._x(
                    "INSERT INTO workspace_admins (platform, team_id, user_id, added_by, added)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (actor.platform, actor.team_id, user_id, actor.user_id, now),
                ).rowcount
                == 1
            )
            if added:
                self._audit(actor, "admin added", None, user_id, now)
        return added

    def remove_admin(self, actor: UserKey, user_id: str, now: datetime) -> bool:
        """Take a user off the workspace's Chorus admins; False if they weren't one."""
        with self._tx():
            removed = (
                self._x(
                    "DELETE FROM workspace_admins WHERE platform = ? AND team_id = ?"
                    " AND user_id = ?",
                    (actor.platform, actor.team_id, user_id),
                ).rowcount
                == 1
            )
            if removed:
                self._audit(actor, "admin removed", user_id, None, now)
        return removed

    def _audit(self, actor: UserKey, name: str, old: object, new: object, now: datetime) -> None:
        self._x(
            "INSERT INTO settings_audit (platform, team_id, actor_id, name, old_value, new_value,"
            " at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                actor.platform,
                actor.team_id,
                actor.user_id,
                name,
                json.dumps(old),
                json.dumps(new),
                now,
            ),
        )

    def audit(self, platform: str | None = None, team_id: str | None = None) -> list[Change]:
        """The audit log, oldest first, of one workspace or all of them."""
        where, params = ("WHERE platform = ? AND team_id = ?", (platform, team_id))
        if platform is None:
            where, params = "", ()
        rows = self._x(
            "SELECT platform, team_id, actor_id, name, old_value, new_value, at"
            f" FROM settings_audit {where} ORDER BY at, id",
            params,
        ).rows
        return [
            Change(
                r[0],
                r[1],
                r[2],
                r[3],
                json.loads(r[4]) if r[4] else None,
                json.loads(r[5]) if r[5] else None,
                moment(r[6]),  # type: ignore[arg-type]
            )
            for r in rows
        ]

    def workspaces(self) -> list[tuple[str, str]]:
        """Every (platform, team) with a setting, an admin or an audit line."""
        rows = self._x(
            "SELECT platform, team_id FROM workspace_settings"
            " UNION SELECT platform, team_id FROM workspace_admins"
            " UNION SELECT platform, team_id FROM settings_audit ORDER BY 1, 2"
        ).rows
        return [(r[0], r[1]) for r in rows]

    def platform_chosen(self, user_ref: int) -> bool:
        """True when the user picked their platform themselves (`platform NAME`)."""
        found = self._one("SELECT platform_chosen FROM users WHERE id = ?", (user_ref,))
        return bool(found and found[0])

    def active(self, user_ref: int) -> bool:
        """False once the chat platform said the user is gone."""
        found = self._one("SELECT active FROM users WHERE id = ?", (user_ref,))
        return bool(found and found[0])

    def user_references(self, platform: str, team_id: str) -> list[tuple[str, str]]:
        """(user id, conversation reference) of every user chat kept in the workspace."""
        rows = self._x(
            "SELECT owner, reference FROM conversation_refs WHERE platform = ? AND team_id = ?"
            " AND kind = 'user'",
            (platform, team_id),
        ).rows
        return [(r[0], r[1]) for r in rows]

    @staticmethod
    def forget(backend: Backend, key: UserKey) -> int:
        """Forget-me: off the admins, and their id out of the audit log (admins added by them
        stay admins)."""
        scope = (key.platform, key.team_id, key.user_id)
        deleted = backend.execute(
            "DELETE FROM workspace_admins WHERE platform = ? AND team_id = ? AND user_id = ?",
            scope,
        ).rowcount
        backend.execute(
            "UPDATE workspace_admins SET added_by = NULL"
            " WHERE platform = ? AND team_id = ? AND added_by = ?",
            scope,
        )
        forgotten = json.dumps(key.user_id)
        deleted += backend.execute(
            "UPDATE settings_audit SET actor_id = NULL"
            " WHERE platform = ? AND team_id = ? AND actor_id = ?",
            scope,
        ).rowcount
        backend.execute(
            "UPDATE settings_audit SET old_value = NULL WHERE platform = ? AND team_id = ?"
            " AND old_value = ?",
            (key.platform, key.team_id, forgotten),
        )
        backend.execute(
            "UPDATE settings_audit SET new_value = NULL WHERE platform = ? AND team_id = ?"
            " AND new_value = ?",
            (key.platform, key.team_id, forgotten),
        )
        return deleted
