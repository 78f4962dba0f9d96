"""Critiques: the numbers kept for good, the draft text only for the retention window."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from storage.backend import moment
from storage.queries import Queries
from storage.records import CritiqueRecord, NewCritique, User

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def text_hash(text: str) -> str:
    """A stable fingerprint of a draft, kept after the text itself is deleted."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CritiqueQueries(Queries):
    """Stored critiques and the user's verdict on them."""

    def record_critique(self, user: User, critique: NewCritique, now: datetime) -> int:
        """Store a critique; the draft text is kept only for the retention window."""
        self.purge_expired_text(now)
        row = self._one(
            "INSERT INTO critiques (user_ref, created, platform, score, subscores, categories,"
            " hedges_per_100_words, words, text_hash, text, text_expires)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                user.id,
                now,
                critique.platform,
                critique.score,
                json.dumps(critique.subscores),
                json.dumps(list(critique.categories)),
                critique.hedges_per_100_words,
                critique.words,
                text_hash(critique.text),
                critique.text if self.retention else None,
                now + self.retention,
            ),
        )
        return int(row[0]) if row else 0

    def purge_expired_text(self, now: datetime) -> int:
        """Forget draft text older than the retention window; keep the numbers."""
        return self._x(
            "UPDATE critiques SET text = NULL WHERE text IS NOT NULL AND text_expires <= ?",
            (now,),
        ).rowcount

    def critiques(
        self, user: User, since: datetime | None = None, limit: int = 50
    ) -> list[CritiqueRecord]:
        """The user's critiques, newest first."""
        return self._critique_rows(
            "user_ref = ? AND created >= ? ORDER BY created DESC, id DESC LIMIT ?",
            (user.id, since or EPOCH, limit),
        )

    def _critique_rows(self, where: str, params: Sequence[Any]) -> list[CritiqueRecord]:
        rows = self._x(
            "SELECT id, created, platform, score, subscores, categories, hedges_per_100_words,"
            " words, text_hash, text, helpful FROM critiques WHERE " + where,
            params,
        ).rows
        return [
            CritiqueRecord(
                id=r[0],
                created=moment(r[1]) or EPOCH,
                platform=r[2],
                score=r[3],
                subscores=json.loads(r[4]),
                categories=tuple(json.loads(r[5])),
                hedges_per_100_words=r[6],
                words=r[7],
                text_hash=r[8],
                text=r[9],
                helpful=None if r[10] is None else bool(r[10]),
            )
            for r in rows
        ]

    def find_critique(self, user: User, critique_id: int) -> CritiqueRecord | None:
        """One of the user's own critiques; None for anyone else's."""
        found = self._critique_rows("id = ? AND user_ref = ?", (critique_id, user.id))
        return found[0] if found else None

    def set_helpful(self, user: User, critique_id: int, helpful: bool) -> bool:
        """Record whether the user found their critique helpful; False if it isn't theirs."""
        return (
            self._x(
                "UPDATE critiques SET helpful = ? WHERE id = ? AND user_ref = ?",
                (int(helpful), critique_id, user.id),
            ).rowcount
            == 1
        )
