"""Where to reach a user or channel unasked: Teams conversation references, Slack DM ids."""

from __future__ import annotations

from datetime import datetime

from storage.queries import Queries


class ReferenceQueries(Queries):
    """Conversation references, shared by every replica."""

    def save_reference(
        self, platform: str, team_id: str, kind: str, owner: str, reference: str, now: datetime
    ) -> None:
        """Remember how to reach a user's chat or a channel later."""
        self._x(
            "INSERT INTO conversation_refs (platform, team_id, kind, owner, reference, updated)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, team_id, kind, owner)"
            " DO UPDATE SET reference = excluded.reference, updated = excluded.updated",
            (platform, team_id, kind, owner, reference, now),
        )

    def reference(self, platform: str, team_id: str, kind: str, owner: str) -> str | None:
        """The stored conversation reference, if any."""
        row = self._one(
            "SELECT reference FROM conversation_refs"
            " WHERE platform = ? AND team_id = ? AND kind = ? AND owner = ?",
            (platform, team_id, kind, owner),
        )
        return str(row[0]) if row else None
