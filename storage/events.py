"""Chat-platform event ids already handled, shared by every replica, purged when old."""

from __future__ import annotations

from datetime import datetime

from storage.queries import Queries


class EventQueries(Queries):
    """Deduplication of retried events."""

    def first_sighting(self, source: str, event_id: str, now: datetime) -> bool:
        """Record an event id; True only the first time it is seen (by any replica)."""
        return (
            self._x(
                "INSERT INTO events_seen (source, event_id, seen) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (source, event_id, now),
            ).rowcount
            == 1
        )

    def purge_events(self, before: datetime) -> int:
        """Forget event ids seen before `before` (platforms stop retrying within the hour)."""
        return self._x("DELETE FROM events_seen WHERE seen < ?", (before,)).rowcount
