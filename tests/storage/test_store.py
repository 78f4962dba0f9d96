"""The store: migrations on an old database, pragmas, threads, tenants, retries."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from storage import NewCritique, Store, UserKey
from storage.migrations import migrations

NOW = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


def test_migrating_an_old_database_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m002_goals_checkins")
    old["users"].insert(
        {"platform": "slack", "team_id": "T1", "user_id": "U1", "created": NOW.isoformat()}
    )
    old["critiques"].insert(
        {
            "user_ref": 1,
            "created": NOW.isoformat(),
            "platform": "x",
            "score": 61,
            "subscores": "{}",
            "categories": "[]",
            "hedges_per_100_words": 2.5,
            "words": 40,
            "text_hash": "abc",
            "text": None,
            "text_expires": None,
        }
    )
    old.conn.close()

    store = Store(path)
    assert store.migrate() == [
        "m002_goals_checkins",
        "m003_critique_feedback",
        "m004_nudge_settings_channel_tips",
        "m005_schedules_deliveries",
        "m006_llm_usage",
        "m007_conversation_references",
        "m008_experts_campaigns_workspaces",
    ]
    assert store.migrate() == []
    user = store.find_user(UserKey("slack", "T1", "U1"))
    assert user is not None
    [record] = store.critiques(user)
    assert (record.score, record.helpful, record.text) == (61, None, None)
    store.add_goal(user, "text", "post weekly", NOW)
    assert [g.text for g in store.goals(user)] == ["post weekly"]


def test_connections_use_wal_busy_timeout_and_normal_sync(store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert store.ping()


def test_each_thread_gets_its_own_connection_and_writes_are_all_kept(store: Store) -> None:
    user = store.ensure_user(UserKey("teams", "T", "U"), NOW)
    connections: list[sqlite3.Connection] = []
    errors: list[BaseException] = []

    def write() -> None:
        try:
            connections.append(store.db.conn)
            for _ in range(20):
                store.add_checkin(user, 3, NOW)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            store.close()

    threads = [threading.Thread(target=write) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len({id(c) for c in connections}) == 4
    assert len(store.checkins(user, limit=1000)) == 80


def test_the_same_user_id_in_two_tenants_is_two_users(store: Store) -> None:
    a = store.ensure_user(UserKey("slack", "T1", "U1"), NOW)
    b = store.ensure_user(UserKey("slack", "T2", "U1"), NOW)
    c = store.ensure_user(UserKey("teams", "T1", "U1"), NOW)
    assert len({a.id, b.id, c.id}) == 3
    assert store.ensure_user(UserKey("slack", "T1", "U1"), NOW).id == a.id


def test_an_event_is_seen_once(store: Store) -> None:
    assert store.first_sighting("slack", "Ev1", NOW)
    assert not store.first_sighting("slack", "Ev1", NOW)
    assert store.first_sighting("teams", "Ev1", NOW)


def test_zero_retention_never_stores_draft_text(tmp_path: Path) -> None:
    store = Store(tmp_path / "r.db", retention_days=0)
    store.migrate()
    user = store.ensure_user(UserKey("shell", "local", "me"), NOW)
    store.record_critique(user, NewCritique("x", 50, {}, (), 0.0, 3, "secret draft"), NOW)
    [record] = store.critiques(user)
    assert record.text is None and len(record.text_hash) == 64


def test_deleting_a_user_deletes_only_their_rows(store: Store) -> None:
    me = store.ensure_user(UserKey("slack", "T", "me"), NOW)
    other = store.ensure_user(UserKey("slack", "T", "other"), NOW)
    for user in (me, other):
        store.record_critique(user, NewCritique("x", 50, {}, (), 0.0, 3, "draft"), NOW)
        store.add_goal(user, "text", "goal", NOW)
        store.add_checkin(user, 4, NOW)
    assert store.delete_user(me.key) == 4
    assert store.find_user(me.key) is None
    assert store.summary(other).critiques == 1
    raw = sqlite3.connect(store.path)
    assert raw.execute("SELECT count(*) FROM critiques").fetchone()[0] == 1
