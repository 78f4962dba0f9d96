"""State that replicas must share: send-rate buckets, and the Teams SDK's stored state."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from storage.queries import Queries


class SharedQueries(Queries):
    """Rate buckets (one row per workspace and method) and key-value agent state."""

    def reserve_slot(self, bucket: str, now: float, interval: float, burst: int = 1) -> float:
        """Take the next send slot of a shared bucket (GCRA); return when it may go.

        One row per bucket holds its theoretical arrival time (epoch seconds); each call moves
        it on by `interval` in one atomic statement, so every replica draws from the same
        budget. Up to `burst` sends may go at once after a quiet spell."""
        row = self._one(
            "INSERT INTO rate_buckets (bucket, tat) VALUES (?, ?) ON CONFLICT (bucket) DO UPDATE"
            f" SET tat = {self.backend.dialect.greatest}(rate_buckets.tat, ?) + ? RETURNING tat",
            (bucket, now + interval, now, interval),
        )
        assert row is not None
        return float(row[0]) - interval * burst

    def release_slot(self, bucket: str, interval: float) -> None:
        """Give back a slot that was reserved but not used (the send was recorded missed), so
        an overflowing cohort doesn't push the next one's slots further out."""
        self._x("UPDATE rate_buckets SET tat = tat - ? WHERE bucket = ?", (interval, bucket))

    def hold_slot(self, bucket: str, until: float) -> None:
        """Let no send of a shared bucket go before `until` (epoch seconds): Slack answered
        429 with Retry-After, so every replica waits, not only the one that was told."""
        self._x(
            "INSERT INTO rate_buckets (bucket, tat) VALUES (?, ?) ON CONFLICT (bucket) DO UPDATE"
            f" SET tat = {self.backend.dialect.greatest}(rate_buckets.tat, excluded.tat)",
            (bucket, until),
        )

    def state_read(self, keys: Sequence[str]) -> dict[str, str]:
        """Stored values by key (missing keys are left out)."""
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        rows = self._x(f"SELECT key, value FROM agent_state WHERE key IN ({marks})", keys).rows
        return {r[0]: r[1] for r in rows}

    def state_write(self, items: Mapping[str, str], now: datetime) -> None:
        """Create or replace values by key, together."""
        with self._tx():
            for key, value in items.items():
                self._x(
                    "INSERT INTO agent_state (key, value, updated) VALUES (?, ?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                    " updated = excluded.updated",
                    (key, value, now),
                )

    def state_delete(self, keys: Sequence[str]) -> None:
        """Delete values by key (missing keys are ignored)."""
        if keys:
            marks = ",".join("?" * len(keys))
            self._x(f"DELETE FROM agent_state WHERE key IN ({marks})", keys)
