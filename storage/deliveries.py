"""Schedules and deliveries: what is due, and a claim on each send that can only happen once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.backend import day, moment
from storage.queries import StorePart
from storage.records import UserKey


@dataclass(frozen=True)
class Due:
    """A schedule whose time has come."""

    kind: str
    owner: int
    due: datetime


@dataclass(frozen=True)
class Delivery:
    """One claimed send."""

    id: int
    kind: str
    owner: int
    local_date: date
    due: datetime
    state: str
    attempts: int
    content_id: str | None


@dataclass(frozen=True)
class Recipient:
    """Who a user-owned delivery goes to."""

    user_ref: int
    key: UserKey
    tz: str | None


class Deliveries(StorePart):
    """Scheduling queries on the store's backend."""

    # schedules

    def due(self, now: datetime, limit: int) -> list[Due]:
        """Schedules due at or before `now`, oldest first (an index range scan)."""
        rows = self._x(
            "SELECT kind, owner, next_due FROM schedules WHERE next_due <= ?"
            " ORDER BY next_due LIMIT ?",
            (now, limit),
        ).rows
        return [Due(r[0], r[1], _moment(r[2])) for r in rows]

    def lease(
        self,
        kinds: tuple[str, ...],
        now: datetime,
        until: datetime,
        limit: int,
        holder: str,
    ) -> list[Due]:
        """Take up to `limit` due schedules of `kinds` until `until`, oldest first; other sweeps
        skip them meanwhile (FOR UPDATE SKIP LOCKED on PostgreSQL). set_next() releases one."""
        sql = self.backend.dialect.lease_due.format(kinds=",".join("?" * len(kinds)))
        rows = self._x(sql, (holder, until, now, now, *kinds, limit)).rows
        return sorted((Due(r[0], r[1], _moment(r[2])) for r in rows), key=lambda d: d.due)

    def set_next(self, kind: str, owner: int, next_due: datetime | None) -> None:
        """Schedule the next run (releasing any lease), or remove the schedule (None)."""
        if next_due is None:
            self._x("DELETE FROM schedules WHERE kind = ? AND owner = ?", (kind, owner))
        else:
            self._x(
                "INSERT INTO schedules (kind, owner, next_due) VALUES (?, ?, ?)"
                " ON CONFLICT (kind, owner) DO UPDATE SET next_due = excluded.next_due,"
                " leased_by = NULL, lease_until = NULL",
                (kind, owner, next_due),
            )

    def unscheduled_users(
        self, platforms: tuple[str, ...], limit: int, after: int = 0
    ) -> tuple[list[int], int]:
        """Active users on these platforms with no nudge schedule yet, among ids above `after`;
        and how far that looked: the last id returned when `limit` were found, else the
        highest user id (so the next look starts there instead of at the beginning)."""
        top = self._x("SELECT max(id) FROM users").one()
        upto = int(top[0]) if top and top[0] is not None else 0
        marks = ",".join("?" * len(platforms))
        rows = self._x(
            f"SELECT u.id FROM users u LEFT JOIN schedules s ON s.kind = 'nudge' AND s.owner = u.id"
            f" WHERE u.id > ? AND u.id <= ? AND s.owner IS NULL AND u.active = 1"
            f" AND u.platform IN ({marks}) ORDER BY u.id LIMIT ?",
            (after, upto, *platforms, limit),
        ).rows
        found = [r[0] for r in rows]
        return found, (found[-1] if len(found) == limit else upto)

    def unscheduled_channels(self, platforms: tuple[str, ...]) -> list[int]:
        """Enabled channel tip schedules with no due time yet."""
        marks = ",".join("?" * len(platforms))
        rows = self._x(
            f"SELECT c.id FROM channel_tips c LEFT JOIN schedules s ON s.kind = 'tip'"
            f" AND s.owner = c.id WHERE s.owner IS NULL AND c.enabled = 1"
            f" AND c.platform IN ({marks})",
            platforms,
        ).rows
        return [r[0] for r in rows]

    # deliveries

    def claim(
        self,
        kind: str,
        owner: int,
        local_date: date,
        due: datetime,
        now: datetime,
        content_id: str | None = None,
        holder: str | None = None,
    ) -> Delivery | None:
        """Claim the one send of `kind` for `owner` on `local_date`; None if already claimed.

        The claim is committed before anything is sent, so a crash can't lead to a resend;
        `holder` names the process that claimed it (see reconcile)."""
        row = self._x(
            "INSERT INTO deliveries (kind, owner, local_date, due, state, attempts, content_id,"
            " claimed, claimed_by) VALUES (?, ?, ?, ?, 'sending', 1, ?, ?, ?)"
            " ON CONFLICT (kind, owner, local_date) DO NOTHING RETURNING id",
            (kind, owner, local_date, due, content_id, now, holder),
        ).one()
        if row is None:
            return None
        return Delivery(int(row[0]), kind, owner, local_date, due, "sending", 1, content_id)

    def record(
        self,
        kind: str,
        owner: int,
        local_date: date,
        due: datetime,
        now: datetime,
        state: str,
        error: str | None = None,
    ) -> bool:
        """Record a delivery that was not attempted (missed); False if one exists."""
        return (
            self._x(
                "INSERT INTO deliveries (kind, owner, local_date, due, state, attempts, error,"
                " claimed, finished) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)"
                " ON CONFLICT (kind, owner, local_date) DO NOTHING",
                (kind, owner, local_date, due, state, error, now, now),
            ).rowcount
            == 1
        )

    def finish(
        self,
        delivery_id: int,
        state: str,
        now: datetime,
        error: str | None = None,
        content_id: str | None = None,
    ) -> None:
        """Set a claimed delivery's outcome: sent, retry or failed."""
        self._x(
            "UPDATE deliveries SET state = ?, error = ?, finished = ?,"
            " content_id = COALESCE(?, content_id) WHERE id = ?",
            (state, error, now, content_id, delivery_id),
        )

    def retry_claim(self, delivery_id: int, now: datetime, holder: str | None = None) -> bool:
        """Take a 'retry' delivery back to 'sending' for one more attempt."""
        return (
            self._x(
                "UPDATE deliveries SET state = 'sending', attempts = attempts + 1, claimed = ?,"
                " claimed_by = ? WHERE id = ? AND state = 'retry'",
                (now, holder, delivery_id),
            ).rowcount
            == 1
        )

    def retryable(self, before: datetime, limit: int) -> list[Delivery]:
        """Deliveries waiting for another attempt that failed before `before` (so a failure
        is retried on a later sweep, not straight away)."""
        return self._select(
            "state = 'retry' AND finished < ? ORDER BY due LIMIT ?", (before, limit)
        )

    def reconcile(self, now: datetime, holder: str | None, stale_before: datetime) -> int:
        """Sends left 'sending' by a process that stopped may or may not have gone out: never
        resend them; record them as 'unknown'. Only `holder`'s own claims (from before its
        restart) and claims older than `stale_before` are touched, never another live
        process's send in flight. Returns how many."""
        return self._x(
            "UPDATE deliveries SET state = 'unknown', finished = ?,"
            " error = 'interrupted while sending'"
            " WHERE state = 'sending' AND (claimed_by = ? OR claimed < ?)",
            (now, holder, stale_before),
        ).rowcount

    def recent_content(self, kind: str, owner: int, since: datetime) -> list[str]:
        """Content ids sent (or being sent) to an owner since a moment, newest first."""
        rows = self._x(
            "SELECT content_id FROM deliveries WHERE kind = ? AND owner = ? AND claimed >= ?"
            " AND content_id IS NOT NULL AND state IN ('sending', 'sent', 'unknown', 'retry')"
            " ORDER BY claimed DESC",
            (kind, owner, since),
        ).rows
        return [r[0] for r in rows]

    def mark_done(self, user_ref: int, delivery_id: int, now: datetime) -> bool:
        """The user pressed Done on their nudge; False if it isn't theirs."""
        return (
            self._x(
                "UPDATE deliveries SET done_at = COALESCE(done_at, ?)"
                " WHERE id = ? AND owner = ? AND kind = 'nudge'",
                (now, delivery_id, user_ref),
            ).rowcount
            == 1
        )

    def states(self, kind: str | None = None) -> list[tuple[str, int, str, str]]:
        """(kind, owner, local_date, state) of every delivery, for reports and tests."""
        sql = "SELECT kind, owner, local_date, state FROM deliveries"
        rows = self._x(
            sql + (" WHERE kind = ?" if kind else "") + " ORDER BY id", (kind,) if kind else ()
        ).rows
        return [(r[0], r[1], str(day(r[2])), r[3]) for r in rows]

    # recipients

    def recipient(self, user_ref: int) -> Recipient | None:
        """The user a nudge or summary goes to, if they are still active."""
        row = self._x(
            "SELECT platform, team_id, user_id, tz FROM users WHERE id = ? AND active = 1",
            (user_ref,),
        ).one()
        return Recipient(user_ref, UserKey(row[0], row[1], row[2]), row[3]) if row else None

    def deactivate(self, user_ref: int) -> None:
        """The chat platform says the user is gone: stop scheduling them."""
        with self._tx():
            self._x("UPDATE users SET active = 0 WHERE id = ?", (user_ref,))
            self._x(
                "DELETE FROM schedules WHERE owner = ? AND kind IN ('nudge', 'weekly')", (user_ref,)
            )

    def _select(self, where: str, params: tuple[object, ...]) -> list[Delivery]:
        rows = self._x(
            "SELECT id, kind, owner, local_date, due, state, attempts, content_id"
            " FROM deliveries WHERE " + where,
            params,
        ).rows
        return [Delivery(r[0], r[1], r[2], _day(r[3]), _moment(r[4]), *r[5:8]) for r in rows]


def _moment(value: object) -> datetime:
    found = moment(value)  # type: ignore[arg-type]
    assert found is not None
    return found


def _day(value: object) -> date:
    found = day(value)  # type: ignore[arg-type]
    assert found is not None
    return found
