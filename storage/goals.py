"""Goals, confidence check-ins, and the activity that makes a streak."""

from __future__ import annotations

from datetime import UTC, date, datetime

from storage.backend import day, moment
from storage.queries import Queries
from storage.records import Checkin, Goal, User


class GoalQueries(Queries):
    """Goals and check-ins."""

    def add_goal(
        self,
        user: User,
        kind: str,
        text: str,
        now: datetime,
        target: int | None = None,
        platform: str | None = None,
        due: date | None = None,
    ) -> Goal:
        """Store a new goal."""
        row = self._one(
            "INSERT INTO goals (user_ref, kind, target, platform, due, text, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (user.id, kind, target, platform, due, text, now),
        )
        created = now.astimezone(UTC).replace(microsecond=0)
        return Goal(int(row[0]) if row else 0, kind, target, platform, due, text, created, None)

    def goals(self, user: User, include_done: bool = False) -> list[Goal]:
        """The user's goals, oldest first."""
        sql = (
            "SELECT id, kind, target, platform, due, text, created, done_at FROM goals"
            " WHERE user_ref = ?" + ("" if include_done else " AND done_at IS NULL")
        )
        return [
            Goal(r[0], r[1], r[2], r[3], day(r[4]), r[5], moment(r[6]), moment(r[7]))  # type: ignore[arg-type]
            for r in self._x(sql + " ORDER BY id", (user.id,)).rows
        ]

    def complete_goal(self, user: User, goal_id: int, now: datetime) -> bool:
        """Mark one of the user's open goals done; False if there is no such goal."""
        return (
            self._x(
                "UPDATE goals SET done_at = ? WHERE id = ? AND user_ref = ? AND done_at IS NULL",
                (now, goal_id, user.id),
            ).rowcount
            == 1
        )

    def add_checkin(self, user: User, level: int, now: datetime) -> None:
        """Store a confidence check-in."""
        self._x(
            "INSERT INTO confidence_checkins (user_ref, level, created) VALUES (?, ?, ?)",
            (user.id, level, now),
        )

    def checkins(self, user: User, limit: int = 20) -> list[Checkin]:
        """The user's check-ins, newest first."""
        rows = self._x(
            "SELECT level, created FROM confidence_checkins WHERE user_ref = ?"
            " ORDER BY created DESC, id DESC LIMIT ?",
            (user.id, limit),
        ).rows
        return [Checkin(r[0], moment(r[1])) for r in rows]  # type: ignore[arg-type]

    def activity(self, user: User, since: datetime) -> list[datetime]:
        """When the user critiqued a draft, checked in or did a nudge, since `since`."""
        rows = self._x(
            "SELECT created FROM critiques WHERE user_ref = ? AND created >= ?"
            " UNION ALL SELECT created FROM confidence_checkins"
            " WHERE user_ref = ? AND created >= ?"
            " UNION ALL SELECT done_at FROM deliveries"
            " WHERE kind = 'nudge' AND owner = ? AND done_at >= ?",
            (user.id, since, user.id, since, user.id, since),
        ).rows
        return sorted(moment(r[0]) for r in rows)  # type: ignore[type-var]
