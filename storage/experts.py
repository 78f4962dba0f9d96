"""Ask an expert: requests from a writer to a colleague, and who asked not to be asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.backend import Backend, moment
from storage.queries import StorePart
from storage.records import UserKey

COLUMNS = (
    "id, platform, team_id, writer_id, expert_id, expert_tz, critique_ref, draft, question,"
    " state, comment, created, remind_at, expires, reminded, answered"
)
OPEN = "open"
ANSWERS = ("looks_right", "suggested", "not_mine")


@dataclass(frozen=True)
class ExpertRequest:
    """One writer's request for one colleague to check one draft."""

    id: int
    platform: str
    team_id: str
    writer_id: str
    expert_id: str | None  # None once the expert asked Chorus to forget them
    expert_tz: str
    critique_ref: int | None
    draft: str | None
    question: str
    state: str
    comment: str | None
    created: datetime
    remind_at: datetime
    expires: datetime
    reminded: datetime | None
    answered: datetime | None

    @property
    def writer(self) -> UserKey:
        """The writer's key."""
        return UserKey(self.platform, self.team_id, self.writer_id)

    @property
    def expert(self) -> UserKey | None:
        """The expert's key, unless they were forgotten."""
        if self.expert_id is None:
            return None
        return UserKey(self.platform, self.team_id, self.expert_id)


def _request(row: tuple[object, ...]) -> ExpertRequest:
    r = list(row)
    return ExpertRequest(*r[:11], *(moment(v) for v in r[11:]))  # type: ignore[arg-type]


class ExpertRequests(StorePart):
    """Queries over expert requests, on the store's backend."""

    def add(
        self,
        writer: UserKey,
        expert_id: str,
        expert_tz: str,
        critique_ref: int | None,
        draft: str,
        question: str,
        now: datetime,
        remind_at: datetime,
        expires: datetime,
    ) -> ExpertRequest:
        """Store an open request."""
        row = self._one(
            "INSERT INTO expert_requests (platform, team_id, writer_id, expert_id, expert_tz,"
            " critique_ref, draft, question, state, created, remind_at, expires)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id",
            (
                writer.platform,
                writer.team_id,
                writer.user_id,
                expert_id,
                expert_tz,
                critique_ref,
                draft,
                question,
                now,
                remind_at,
                expires,
            ),
        )
        assert row is not None
        found = self.get(int(row[0]))
        assert found is not None
        return found

    def get(self, request_id: int) -> ExpertRequest | None:
        """One request by id."""
        row = self._one(f"SELECT {COLUMNS} FROM expert_requests WHERE id = ?", (request_id,))
        return _request(row) if row else None

    def open_count(self, writer: UserKey) -> int:
        """How many of the writer's requests wait for an answer."""
        row = self._one(
            "SELECT count(*) FROM expert_requests WHERE platform = ? AND team_id = ?"
            " AND writer_id = ? AND state = 'open'",
            (writer.platform, writer.team_id, writer.user_id),
        )
        return int(row[0]) if row else 0

    def answer(self, request_id: int, state: str, comment: str | None, now: datetime) -> bool:
        """Record the expert's answer; False if the request is no longer open."""
        return (
            self._x(
                "UPDATE expert_requests SET state = ?, comment = ?, answered = ?"
                " WHERE id = ? AND state = 'open'",
                (state, comment, now, request_id),
            ).rowcount
            == 1
        )

    def made_by(self, writer: UserKey, limit: int = 20) -> list[ExpertRequest]:
        """The writer's requests, newest first."""
        return self._select(
            "platform = ? AND team_id = ? AND writer_id = ? ORDER BY created DESC, id DESC LIMIT ?",
            (writer.platform, writer.team_id, writer.user_id, limit),
        )

    def received_by(self, expert: UserKey, limit: int = 20) -> list[ExpertRequest]:
        """Requests the user was asked to answer, newest first."""
        return self._select(
            "platform = ? AND team_id = ? AND expert_id = ? ORDER BY created DESC, id DESC LIMIT ?",
            (expert.platform, expert.team_id, expert.user_id, limit),
        )

    def checked_count(self, writer: UserKey) -> int:
        """How many of the writer's drafts an expert answered (looks right or a suggestion)."""
        row = self._one(
            "SELECT count(*) FROM expert_requests WHERE platform = ? AND team_id = ?"
            " AND writer_id = ? AND state IN ('looks_right', 'suggested')",
            (writer.platform, writer.team_id, writer.user_id),
        )
        return int(row[0]) if row else 0

    # the sweep

    def due_reminders(self, now: datetime, limit: int = 500) -> list[ExpertRequest]:
        """Open requests past their reminder time that were not reminded yet."""
        return self._select(
            "state = 'open' AND remind_at <= ? AND reminded IS NULL AND expert_id IS NOT NULL"
            " ORDER BY remind_at LIMIT ?",
            (now, limit),
        )

    def claim_reminder(self, request_id: int, now: datetime) -> bool:
        """Mark the one reminder as sent before sending it; False if another sweep did."""
        return (
            self._x(
                "UPDATE expert_requests SET reminded = ? WHERE id = ? AND reminded IS NULL",
                (now, request_id),
            ).rowcount
            == 1
        )

    def due_expiries(self, now: datetime, limit: int = 500) -> list[ExpertRequest]:
        """Open requests past their expiry."""
        return self._select(
            "state = 'open' AND expires <= ? ORDER BY expires LIMIT ?", (now, limit)
        )

    def expire(self, request_id: int, now: datetime) -> bool:
        """Close an open request as expired (its draft is deleted); False if already closed."""
        return (
            self._x(
                "UPDATE expert_requests SET state = 'expired', draft = NULL, answered = ?"
                " WHERE id = ? AND state = 'open'",
                (now, request_id),
            ).rowcount
            == 1
        )

    # blocks

    def block(self, expert: UserKey, writer_id: str, now: datetime) -> None:
        """The expert asked not to get requests from this writer."""
        self._x(
            "INSERT INTO expert_blocks (platform, team_id, expert_id, writer_id, created)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (expert.platform, expert.team_id, expert.user_id, writer_id, now),
        )

    def blocked(self, expert: UserKey, writer_id: str) -> bool:
        """True when the expert asked not to get requests from this writer."""
        return (
            self._one(
                "SELECT 1 FROM expert_blocks WHERE platform = ? AND team_id = ?"
                " AND expert_id = ? AND writer_id = ?",
                (expert.platform, expert.team_id, expert.user_id, writer_id),
            )
            is not None
        )

    def _select(self, where: str, params: tuple[object, ...]) -> list[ExpertRequest]:
        rows = self._x(f"SELECT {COLUMNS} FROM expert_requests WHERE " + where, params).rows
        return [_request(r) for r in rows]

    @staticmethod
    def forget(backend: Backend, key: UserKey) -> int:
        """Forget-me: delete the user's requests (and their drafts), drop their comments and
        name from requests they answered, and their blocks either way."""
        scope = (key.platform, key.team_id, key.user_id)
        deleted = backend.execute(
            "DELETE FROM expert_requests WHERE platform = ? AND team_id = ? AND writer_id = ?",
            scope,
        ).rowcount
        deleted += backend.execute(
            "UPDATE expert_requests SET expert_id = NULL, comment = NULL"
            " WHERE platform = ? AND team_id = ? AND expert_id = ?",
            scope,
        ).rowcount
        deleted += backend.execute(
            "DELETE FROM expert_blocks WHERE platform = ? AND team_id = ?"
            " AND (expert_id = ? OR writer_id = ?)",
            (*scope, key.user_id),
        ).rowcount
        return deleted
