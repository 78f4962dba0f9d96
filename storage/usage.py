"""Language-model tokens spent, per user per day."""

from __future__ import annotations

from datetime import date

from storage.backend import day as as_day
from storage.queries import Queries
from storage.records import User


class UsageQueries(Queries):
    """Token counts for the daily limit and `chorus usage`."""

    def add_usage(self, user: User, day: date, tokens: int) -> None:
        """Count one model request and its tokens against the user's day."""
        self._x(
            "INSERT INTO llm_usage (user_ref, day, tokens, requests) VALUES (?, ?, ?, 1)"
            " ON CONFLICT (user_ref, day) DO UPDATE SET tokens = llm_usage.tokens"
            " + excluded.tokens, requests = llm_usage.requests + 1",
            (user.id, day, tokens),
        )

    def usage_on(self, user: User, day: date) -> int:
        """Tokens the user spent on `day`."""
        row = self._one(
            "SELECT tokens FROM llm_usage WHERE user_ref = ? AND day = ?", (user.id, day)
        )
        return int(row[0]) if row else 0

    def usage_by_day(self, days: int) -> list[tuple[str, int, int, int]]:
        """(day, users, requests, tokens) for the last `days` days with any use, newest first."""
        rows = self._x(
            "SELECT day, count(*), sum(requests), sum(tokens) FROM llm_usage"
            " GROUP BY day ORDER BY day DESC LIMIT ?",
            (days,),
        ).rows
        return [(str(as_day(r[0])), int(r[1]), int(r[2]), int(r[3])) for r in rows]
