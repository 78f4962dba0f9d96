"""The SQLite store: one connection per thread, WAL, and every query Chorus runs."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from storage.migrations import migrations
from storage.records import (
    ChannelTips,
    Checkin,
    CritiqueRecord,
    DataSummary,
    Goal,
    NewCritique,
    NudgeSettings,
    User,
    UserKey,
)

BUSY_TIMEOUT_MS = 5000
UPSERT_CHANNEL_TIPS = """
    INSERT INTO channel_tips (platform, team_id, channel_id, cadence, weekday, local_time, tz,
                              enabled, set_by, created)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (platform, team_id, channel_id) DO UPDATE SET
        cadence = excluded.cadence, weekday = excluded.weekday, local_time = excluded.local_time,
        tz = excluded.tz, enabled = excluded.enabled, set_by = excluded.set_by
"""


def stamp(moment: datetime) -> str:
    """A sortable UTC timestamp string."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def text_hash(text: str) -> str:
    """A stable fingerprint of a draft, kept after the text itself is deleted."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Forget-me hooks: each deletes (or strips the user's id and text from) its own tables, in
# delete_user's transaction, and returns rows changed. storage/__init__.py registers them.
ForgetHook = Callable[[Database, UserKey], int]
FORGET_HOOKS: list[ForgetHook] = []


def _scrub_channel_references(db: Database, key: UserKey) -> int:
    """Remove the user (id, name, AAD object id) from channel references they last spoke in."""
    scrubbed = 0
    rows = db.execute(
        "SELECT owner, reference FROM conversation_refs"
        " WHERE platform = ? AND team_id = ? AND kind = 'channel' AND instr(reference, ?) > 0",
        (key.platform, key.team_id, key.user_id),
    ).fetchall()
    for owner, reference in rows:
        try:
            data = json.loads(reference)
        except ValueError:
            continue
        person = data.get("user") if isinstance(data, dict) else None
        ids = (person.get("id"), person.get("aadObjectId")) if isinstance(person, dict) else ()
        if key.user_id in ids:
            del data["user"]
            scrubbed += db.execute(
                "UPDATE conversation_refs SET reference = ? WHERE platform = ? AND team_id = ?"
                " AND kind = 'channel' AND owner = ?",
                (json.dumps(data), key.platform, key.team_id, owner),
            ).rowcount
    return scrubbed


def _scrub_installer(db: Database, key: UserKey) -> int:
    """Forget the user as the installer of a workspace (slack_sdk's SQLite installation store
    shares this file); the bot's own token and the installation stay."""
    if "slack_installations" not in db.table_names():
        return 0
    return db.execute(
        "UPDATE slack_installations SET user_id = '', user_token = NULL, user_scopes = NULL,"
        " user_refresh_token = NULL, user_token_expires_at = NULL"
        " WHERE team_id = ? AND user_id = ?",
        (key.team_id, key.user_id),
    ).rowcount


class Store:
    """All persistence for Chorus; safe to share across threads."""

    def __init__(self, path: str | Path, retention_days: int = 30) -> None:
        self.path = str(path)
        self.retention = timedelta(days=retention_days)
        self._local = threading.local()

    @property
    def db(self) -> Database:
        """This thread's connection, opened on first use."""
        db = getattr(self._local, "db", None)
        if db is None:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            db = self._local.db = Database(conn)
        return db

    def migrate(self) -> list[str]:
        """Apply pending migrations; return the names applied."""
        pending = [m.name for m in migrations.pending(self.db)]
        migrations.apply(self.db)
        return pending

    def ping(self) -> bool:
        """True when the database answers."""
        return self.db.execute("SELECT 1").fetchone() == (1,)

    def close(self) -> None:
        """Close this thread's connection."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.conn.close()
            self._local.db = None

    @contextmanager
    def _tx(self) -> Iterator[Database]:
        with self.db.atomic():
            yield self.db

    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
        return self.db.execute(sql, params).fetchone()

    # users

    def ensure_user(self, key: UserKey, now: datetime, tz: str | None = None) -> User:
        """The user's row, created on first contact."""
        with self._tx() as db:
            db.execute(
                "INSERT INTO users (platform, team_id, user_id, tz, created) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (platform, team_id, user_id) DO NOTHING",
                (key.platform, key.team_id, key.user_id, tz, stamp(now)),
            )
        user = self.find_user(key)
        assert user is not None
        return user

    def find_user(self, key: UserKey) -> User | None:
        """The user's row, or None if they never talked to Chorus."""
        row = self._one(
            "SELECT id, tz, default_platform, created, nudges_enabled, nudge_time, nudge_days,"
            " snoozed_until, welcomed FROM users"
            " WHERE platform = ? AND team_id = ? AND user_id = ?",
            (key.platform, key.team_id, key.user_id),
        )
        if row is None:
            return None
        nudges = NudgeSettings(bool(row[4]), row[5], tuple(row[6].split(",")), _moment(row[7]))
        return User(
            row[0], key, row[1], row[2], datetime.fromisoformat(row[3]), nudges, bool(row[8])
        )

    def set_tz(self, user: User, tz: str) -> None:
        """Remember the user's IANA time zone."""
        with self._tx() as db:
            db.execute("UPDATE users SET tz = ? WHERE id = ?", (tz, user.id))

    def set_nudges(self, user: User, nudges: NudgeSettings) -> None:
        """Store when (and whether) the user wants nudges."""
        with self._tx() as db:
            db.execute(
                "UPDATE users SET nudges_enabled = ?, nudge_time = ?, nudge_days = ?,"
                " snoozed_until = ? WHERE id = ?",
                (
                    int(nudges.enabled),
                    nudges.time,
                    ",".join(nudges.days),
                    stamp(nudges.snoozed_until) if nudges.snoozed_until else None,
                    user.id,
                ),
            )

    def mark_welcomed(self, user: User, now: datetime) -> bool:
        """Record the first welcome; True only the first time."""
        with self._tx() as db:
            return (
                db.execute(
                    "UPDATE users SET welcomed = ? WHERE id = ? AND welcomed IS NULL",
                    (stamp(now), user.id),
                ).rowcount
                == 1
            )

    def set_default_platform(self, user: User, platform: str) -> None:
        """Remember the platform the user writes for most."""
        with self._tx() as db:
            db.execute(
                "UPDATE users SET default_platform = ?, platform_chosen = 1 WHERE id = ?",
                (platform, user.id),
            )

    def delete_user(self, key: UserKey) -> int:
        """Delete the user and everything stored about them; return rows deleted or scrubbed.

        Rows that belong to others keep working without the user in them: a channel's tip
        schedule loses who set it up, a channel's conversation reference loses who last spoke
        there, a workspace's Slack installation loses its installer (the bot token stays), and
        the forget hooks take the user out of expert requests and campaigns. One transaction."""
        user = self.find_user(key)
        with self._tx() as db:
            deleted = sum(hook(db, key) for hook in FORGET_HOOKS)
            if user is not None:
                for table in ("critiques", "goals", "confidence_checkins", "llm_usage"):
                    deleted += db.execute(
                        f"DELETE FROM {table} WHERE user_ref = ?", (user.id,)
                    ).rowcount
                for kind in ("nudge", "weekly"):
                    db.execute(
                        "DELETE FROM schedules WHERE kind = ? AND owner = ?", (kind, user.id)
                    )
                    deleted += db.execute(
                        "DELETE FROM deliveries WHERE kind = ? AND owner = ?", (kind, user.id)
                    ).rowcount
                deleted += db.execute("DELETE FROM users WHERE id = ?", (user.id,)).rowcount
            deleted += db.execute(
                "DELETE FROM conversation_refs WHERE platform = ? AND team_id = ? AND kind = 'user'"
                " AND owner = ?",
                (key.platform, key.team_id, key.user_id),
            ).rowcount
            deleted += db.execute(
                "UPDATE channel_tips SET set_by = '' WHERE platform = ? AND team_id = ?"
                " AND set_by = ?",
                (key.platform, key.team_id, key.user_id),
            ).rowcount
            deleted += _scrub_channel_references(db, key)
            if key.platform == "slack":
                deleted += _scrub_installer(db, key)
        return deleted

    def summary(self, user: User) -> DataSummary:
        """Counts of everything stored about the user."""
        critiques, with_text = self._one(
            "SELECT count(*), count(text) FROM critiques WHERE user_ref = ?", (user.id,)
        ) or (0, 0)
        goals = self._one("SELECT count(*) FROM goals WHERE user_ref = ?", (user.id,))
        checkins = self._one(
            "SELECT count(*) FROM confidence_checkins WHERE user_ref = ?", (user.id,)
        )
        return DataSummary(
            critiques,
            with_text,
            goals[0] if goals else 0,
            checkins[0] if checkins else 0,
            user.created,
        )

    # critiques

    def record_critique(self, user: User, critique: NewCritique, now: datetime) -> int:
        """Store a critique; the draft text is kept only for the retention window."""
        self.purge_expired_text(now)
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO critiques (user_ref, created, platform, score, subscores, categories,"
                " hedges_per_100_words, words, text_hash, text, text_expires)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    user.id,
                    stamp(now),
                    critique.platform,
                    critique.score,
                    json.dumps(critique.subscores),
                    json.dumps(list(critique.categories)),
                    critique.hedges_per_100_words,
                    critique.words,
                    text_hash(critique.text),
                    critique.text if self.retention else None,
                    stamp(now + self.retention),
                ),
            )
        return int(cursor.lastrowid or 0)

    def purge_expired_text(self, now: datetime) -> int:
        """Forget draft text older than the retention window; keep the numbers."""
        with self._tx() as db:
            return db.execute(
                "UPDATE critiques SET text = NULL WHERE text IS NOT NULL AND text_expires <= ?",
                (stamp(now),),
            ).rowcount

    def critiques(
        self, user: User, since: datetime | None = None, limit: int = 50
    ) -> list[CritiqueRecord]:
        """The user's critiques, newest first."""
        return self._critique_rows(
            "user_ref = ? AND created >= ? ORDER BY created DESC, id DESC LIMIT ?",
            (user.id, stamp(since) if since else "", limit),
        )

    def _critique_rows(self, where: str, params: tuple[Any, ...]) -> list[CritiqueRecord]:
        rows = self.db.execute(
            "SELECT id, created, platform, score, subscores, categories, hedges_per_100_words,"
            " words, text_hash, text, helpful FROM critiques WHERE " + where,
            params,
        ).fetchall()
        return [
            CritiqueRecord(
                id=r[0],
                created=datetime.fromisoformat(r[1]),
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
        found = [c for c in self._critique_rows("id = ? AND user_ref = ?", (critique_id, user.id))]
        return found[0] if found else None

    def set_helpful(self, user: User, critique_id: int, helpful: bool) -> bool:
        """Record whether the user found their critique helpful; False if it isn't theirs."""
        with self._tx() as db:
            return (
                db.execute(
                    "UPDATE critiques SET helpful = ? WHERE id = ? AND user_ref = ?",
                    (int(helpful), critique_id, user.id),
                ).rowcount
                == 1
            )

    # goals

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
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO goals (user_ref, kind, target, platform, due, text, created)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    user.id,
                    kind,
                    target,
                    platform,
                    due.isoformat() if due else None,
                    text,
                    stamp(now),
                ),
            )
        return Goal(
            int(cursor.lastrowid or 0),
            kind,
            target,
            platform,
            due,
            text,
            now.astimezone(UTC).replace(microsecond=0),
            None,
        )

    def goals(self, user: User, include_done: bool = False) -> list[Goal]:
        """The user's goals, oldest first."""
        sql = (
            "SELECT id, kind, target, platform, due, text, created, done_at FROM goals"
            " WHERE user_ref = ?" + ("" if include_done else " AND done_at IS NULL")
        )
        return [
            Goal(
                r[0],
                r[1],
                r[2],
                r[3],
                date.fromisoformat(r[4]) if r[4] else None,
                r[5],
                datetime.fromisoformat(r[6]),
                _moment(r[7]),
            )
            for r in self.db.execute(sql + " ORDER BY id", (user.id,)).fetchall()
        ]

    def complete_goal(self, user: User, goal_id: int, now: datetime) -> bool:
        """Mark one of the user's open goals done; False if there is no such goal."""
        with self._tx() as db:
            return (
                db.execute(
                    "UPDATE goals SET done_at = ?"
                    " WHERE id = ? AND user_ref = ? AND done_at IS NULL",
                    (stamp(now), goal_id, user.id),
                ).rowcount
                == 1
            )

    # check-ins

    def add_checkin(self, user: User, level: int, now: datetime) -> None:
        """Store a confidence check-in."""
        with self._tx() as db:
            db.execute(
                "INSERT INTO confidence_checkins (user_ref, level, created) VALUES (?, ?, ?)",
                (user.id, level, stamp(now)),
            )

    def checkins(self, user: User, limit: int = 20) -> list[Checkin]:
        """The user's check-ins, newest first."""
        rows = self.db.execute(
            "SELECT level, created FROM confidence_checkins WHERE user_ref = ?"
            " ORDER BY created DESC, id DESC LIMIT ?",
            (user.id, limit),
        ).fetchall()
        return [Checkin(r[0], datetime.fromisoformat(r[1])) for r in rows]

    def activity(self, user: User, since: datetime) -> list[datetime]:
        """When the user critiqued a draft, checked in or did a nudge, since `since`."""
        rows = self.db.execute(
            "SELECT created FROM critiques WHERE user_ref = ? AND created >= ?"
            " UNION ALL SELECT created FROM confidence_checkins"
            " WHERE user_ref = ? AND created >= ?"
            " UNION ALL SELECT done_at FROM deliveries"
            " WHERE kind = 'nudge' AND owner = ? AND done_at >= ?",
            (user.id, stamp(since), user.id, stamp(since), user.id, stamp(since)),
        ).fetchall()
        return sorted(datetime.fromisoformat(r[0]) for r in rows)

    # channel tips

    def set_channel_tips(self, tips: ChannelTips, now: datetime) -> None:
        """Create or replace a channel's tip schedule."""
        with self._tx() as db:
            db.execute(
                UPSERT_CHANNEL_TIPS,
                (
                    tips.platform,
                    tips.team_id,
                    tips.channel_id,
                    tips.cadence,
                    tips.weekday,
                    tips.local_time,
                    tips.tz,
                    int(tips.enabled),
                    tips.set_by,
                    stamp(now),
                ),
            )

    def channel_tips(self, platform: str, team_id: str, channel_id: str) -> ChannelTips | None:
        """A channel's tip schedule, if it has one."""
        row = self._one(
            "SELECT id FROM channel_tips WHERE platform = ? AND team_id = ? AND channel_id = ?",
            (platform, team_id, channel_id),
        )
        return self.channel_tips_by_id(row[0]) if row else None

    def channel_tips_by_id(self, tips_id: int) -> ChannelTips | None:
        """A channel's tip schedule by its id."""
        row = self._one(
            "SELECT platform, team_id, channel_id, cadence, weekday, local_time, tz, enabled,"
            " set_by FROM channel_tips WHERE id = ?",
            (tips_id,),
        )
        if row is None:
            return None
        return ChannelTips(*row[:7], bool(row[7]), row[8], tips_id)

    def disable_channel_tips(self, tips_id: int) -> None:
        """Stop a channel's tips (Chorus left the channel, or it was archived)."""
        with self._tx() as db:
            db.execute("UPDATE channel_tips SET enabled = 0 WHERE id = ?", (tips_id,))
            db.execute("DELETE FROM schedules WHERE kind = 'tip' AND owner = ?", (tips_id,))

    # language-model usage

    def add_usage(self, user: User, day: date, tokens: int) -> None:
        """Count one model request and its tokens against the user's day."""
        with self._tx() as db:
            db.execute(
                "INSERT INTO llm_usage (user_ref, day, tokens, requests) VALUES (?, ?, ?, 1)"
                " ON CONFLICT (user_ref, day) DO UPDATE SET tokens = tokens + excluded.tokens,"
                " requests = requests + 1",
                (user.id, day.isoformat(), tokens),
            )

    def usage_on(self, user: User, day: date) -> int:
        """Tokens the user spent on `day`."""
        row = self._one(
            "SELECT tokens FROM llm_usage WHERE user_ref = ? AND day = ?",
            (user.id, day.isoformat()),
        )
        return int(row[0]) if row else 0

    def usage_by_day(self, days: int) -> list[tuple[str, int, int, int]]:
        """(day, users, requests, tokens) for the last `days` days with any use, newest first."""
        return [
            tuple(r)
            for r in self.db.execute(
                "SELECT day, count(*), sum(requests), sum(tokens) FROM llm_usage"
                " GROUP BY day ORDER BY day DESC LIMIT ?",
                (days,),
            ).fetchall()
        ]

    # proactive conversation references

    def save_reference(
        self, platform: str, team_id: str, kind: str, owner: str, reference: str, now: datetime
    ) -> None:
        """Remember how to reach a user's chat or a channel later."""
        with self._tx() as db:
            db.execute(
                "INSERT INTO conversation_refs (platform, team_id, kind, owner, reference, updated)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, team_id, kind, owner)"
                " DO UPDATE SET reference = excluded.reference, updated = excluded.updated",
                (platform, team_id, kind, owner, reference, stamp(now)),
            )

    def reference(self, platform: str, team_id: str, kind: str, owner: str) -> str | None:
        """The stored conversation reference, if any."""
        row = self._one(
            "SELECT reference FROM conversation_refs"
            " WHERE platform = ? AND team_id = ? AND kind = ? AND owner = ?",
            (platform, team_id, kind, owner),
        )
        return str(row[0]) if row else None

    # chat-platform retries

    def first_sighting(self, source: str, event_id: str, now: datetime) -> bool:
        """Record an event id; True only the first time it is seen."""
        with self._tx() as db:
            return (
                db.execute(
                    "INSERT INTO events_seen (source, event_id, seen) VALUES (?, ?, ?)"
                    " ON CONFLICT DO NOTHING",
                    (source, event_id, stamp(now)),
                ).rowcount
                == 1
            )
