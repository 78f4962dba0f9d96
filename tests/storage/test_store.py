"""The store on both backends: migrations from every earlier version, connections, threads,
tenants, retries, forget-me, and the state replicas share."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from storage import NewCritique, Store, UserKey
from storage.deliveries import Deliveries
from storage.migrations import migrations
from storage.pg_migrations import NAMES
from tests.conftest import BACKENDS, location_for

NOW = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


def test_both_backends_have_the_same_migrations_in_the_same_order() -> None:
    assert [m.name for m in migrations._migrations] == list(NAMES)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("version", NAMES)
def test_a_database_at_every_earlier_version_upgrades_and_keeps_its_rows(
    backend: str, version: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """`version` is the first migration the old database lacks."""
    location = location_for(backend, request, tmp_path)
    old = Store(location)
    assert old.migrate(stop_before=version) == list(NAMES[: NAMES.index(version)])
    if version != NAMES[0]:
        old.backend.execute(
            "INSERT INTO users (platform, team_id, user_id, created) VALUES (?, ?, ?, ?)",
            ("slack", "T1", "U1", NOW),
        )
    old.close()

    store = Store(location)
    assert store.migrate() == list(NAMES[NAMES.index(version) :])
    assert store.migrate() == []
    user = store.ensure_user(UserKey("slack", "T1", "U1"), NOW)
    assert user.created == NOW
    store.add_goal(user, "text", "post weekly", NOW)
    assert [g.text for g in store.goals(user)] == ["post weekly"]
    assert Deliveries(store).claim("nudge", user.id, NOW.date(), NOW, NOW) is not None
    store.close()


def test_a_shipped_sqlite_database_keeps_its_migration_records(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store(path).migrate(stop_before="m008_replicas")  # as Chorus shipped before replicas
    store = Store(path)
    assert store.migrate() == ["m008_replicas", "m009_experts_campaigns_workspaces"]
    rows = sqlite3.connect(path).execute("SELECT name FROM _sqlite_migrations").fetchall()
    assert [r[0] for r in rows] == list(NAMES)


def test_sqlite_connections_use_wal_busy_timeout_and_normal_sync(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.db")
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert store.ping() and store.backend.name == "sqlite"


def test_postgres_sessions_are_utc_and_pooled(pg_url: str) -> None:
    store = Store(pg_url)
    store.migrate()
    assert store.ping() and store.backend.name == "postgresql"
    assert store.backend.execute("SHOW TimeZone").one() == ("UTC",)
    with pytest.raises(TypeError):
        assert store.db
    store.close()


def test_many_threads_write_at_once_and_every_write_is_kept(store: Store) -> None:
    user = store.ensure_user(UserKey("teams", "T", "U"), NOW)
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for _ in range(20):
                store.add_checkin(user, 3, NOW)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=write) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(store.checkins(user, limit=1000)) == 80


def test_a_transaction_commits_together_or_not_at_all(store: Store) -> None:
    user = store.ensure_user(UserKey("slack", "T1", "U1"), NOW)
    with pytest.raises(RuntimeError), store.backend.transaction():
        store.add_checkin(user, 3, NOW)
        store.add_checkin(user, 4, NOW)
        raise RuntimeError("the process fails halfway")
    assert store.checkins(user) == []


def test_the_same_user_id_in_two_tenants_is_two_users(store: Store) -> None:
    a = store.ensure_user(UserKey("slack", "T1", "U1"), NOW)
    b = store.ensure_user(UserKey("slack", "T2", "U1"), NOW)
    c = store.ensure_user(UserKey("teams", "T1", "U1"), NOW)
    assert len({a.id, b.id, c.id}) == 3
    assert store.ensure_user(UserKey("slack", "T1", "U1"), NOW).id == a.id


def test_an_event_is_seen_once_and_old_ones_are_purged(store: Store) -> None:
    assert store.first_sighting("slack", "Ev1", NOW)
    assert not store.first_sighting("slack", "Ev1", NOW)
    assert store.first_sighting("teams", "Ev1", NOW)
    assert store.first_sighting("slack", "Ev2", NOW + timedelta(hours=2))
    assert store.purge_events(NOW + timedelta(hours=1)) == 2
    assert store.first_sighting("slack", "Ev1", NOW + timedelta(hours=3))  # forgotten
    assert not store.first_sighting("slack", "Ev2", NOW + timedelta(hours=3))  # kept


def test_zero_retention_never_stores_draft_text(store: Store) -> None:
    store.retention = timedelta(0)
    user = store.ensure_user(UserKey("shell", "local", "me"), NOW)
    store.record_critique(user, NewCritique("x", 50, {}, (), 0.0, 3, "secret draft"), NOW)
    [record] = store.critiques(user)
    assert record.text is None and len(record.text_hash) == 64


def test_moments_and_dates_come_back_as_they_went_in(store: Store) -> None:
    user = store.ensure_user(UserKey("slack", "T1", "U1"), NOW)
    later = NOW + timedelta(days=2, microseconds=999)
    goal = store.add_goal(user, "confidence", "feel 4", later, 4, None, date(2027, 3, 31))
    [stored] = store.goals(user)
    assert stored == goal
    assert stored.created == later.replace(microsecond=0) and stored.due == date(2027, 3, 31)
    store.add_usage(user, date(2026, 11, 16), 120)
    store.add_usage(user, date(2026, 11, 16), 30)
    assert store.usage_on(user, date(2026, 11, 16)) == 150
    assert store.usage_by_day(7) == [("2026-11-16", 1, 2, 150)]


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
    assert store.backend.execute("SELECT count(*) FROM critiques").one() == (1,)


def test_a_rate_bucket_is_one_budget_for_every_process(store: Store) -> None:
    """GCRA: `burst` sends at once, then one every interval; a quiet spell refills it."""
    other_replica = Store(store.location)
    t = 1_000_000.0
    starts = [s.reserve_slot("slack:T1", t, 0.5, burst=2) for s in (store, other_replica) * 3]
    assert [round(start - t, 3) for start in starts] == [-0.5, 0.0, 0.5, 1.0, 1.5, 2.0]
    assert store.reserve_slot("slack:T2", t, 0.5, burst=2) == t - 0.5  # another workspace
    assert store.reserve_slot("slack:T1", t + 60, 0.5, burst=2) == t + 60 - 0.5
    other_replica.close()


def test_a_rate_limit_holds_the_bucket_for_every_process(store: Store) -> None:
    """A 429's Retry-After pushes the workspace's next slot out, never pulls it in."""
    other_replica = Store(store.location)
    t = 1_000_000.0
    store.hold_slot("slack:T1", t + 30)
    assert other_replica.reserve_slot("slack:T1", t, 0.5) == t + 30
    assert store.reserve_slot("slack:T1", t, 0.5) == t + 30.5
    store.hold_slot("slack:T1", t + 5)  # an older, shorter hold changes nothing
    assert other_replica.reserve_slot("slack:T1", t, 0.5) == t + 31
    assert store.reserve_slot("slack:T2", t, 0.5) == t  # another workspace
    other_replica.close()


def test_agent_state_is_shared_and_deletable(store: Store) -> None:
    store.state_write({"a/conversations/1": '{"n": 1}', "a/users/2": '{"n": 2}'}, NOW)
    store.state_write({"a/conversations/1": '{"n": 3}'}, NOW)
    assert store.state_read(["a/conversations/1", "a/users/2", "missing"]) == {
        "a/conversations/1": '{"n": 3}',
        "a/users/2": '{"n": 2}',
    }
    store.state_delete(["a/users/2", "missing"])
    assert store.state_read(["a/users/2"]) == {}


def test_a_literal_percent_sign_survives_the_placeholders(store: Store) -> None:
    user = store.ensure_user(UserKey("slack", "T1", "U1"), NOW)
    store.add_goal(user, "text", "100% of my drafts, really?", NOW)
    found = store.backend.execute(
        "SELECT text FROM goals WHERE text LIKE '100%' AND user_ref = ?", (user.id,)
    ).rows
    assert found == [("100% of my drafts, really?",)]
