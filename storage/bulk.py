"""Bulk loading for benchmarks: many users at once, each with a nudge schedule and (if given)
a stored DM channel, in a few statements instead of one round trip per user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from storage.store import Store

CHUNK = 10_000


def add_scheduled_users(
    store: Store,
    team_id: str,
    count: int,
    created: datetime,
    due: Callable[[int], datetime],
    dm_channel: Callable[[int], str] | None = None,
    tz: str = "UTC",
) -> None:
    """Slack users U0000001.. in `team_id`, user n due at due(n), its DM at dm_channel(n)."""
    backend = store.backend
    for start in range(1, count + 1, CHUNK):
        numbers = range(start, min(count, start + CHUNK - 1) + 1)
        ids = [f"U{n:07d}" for n in numbers]
        backend.executemany(
            "INSERT INTO users (platform, team_id, user_id, tz, created)"
            " VALUES ('slack', ?, ?, ?, ?)",
            [(team_id, user_id, tz, created) for user_id in ids],
        )
        refs = dict(
            backend.execute(
                "SELECT user_id, id FROM users WHERE platform = 'slack' AND team_id = ?"
                " AND user_id >= ? AND user_id <= ?",
                (team_id, ids[0], ids[-1]),
            ).rows
        )
        backend.executemany(
            "INSERT INTO schedules (kind, owner, next_due) VALUES ('nudge', ?, ?)",
            [(refs[user_id], due(n)) for n, user_id in zip(numbers, ids, strict=True)],
        )
        if dm_channel is not None:
            backend.executemany(
                "INSERT INTO conversation_refs (platform, team_id, kind, owner, reference,"
                " updated) VALUES ('slack', ?, 'user', ?, ?, ?)",
                [
                    (team_id, user_id, dm_channel(n), created)
                    for n, user_id in zip(numbers, ids, strict=True)
                ],
            )
