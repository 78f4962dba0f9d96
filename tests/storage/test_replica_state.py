"""State any replica must see: the Teams SDK's turn state through our Storage, Slack's OAuth
installations and state, and the settings that choose the database."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from microsoft_agents.hosting.core.state.agent_state import CachedAgentState
from slack_sdk.oauth.installation_store import Installation

from bot.adapters.slack.installs import installation_stores, sqlalchemy_url
from bot.adapters.teams.storage import StoreStorage
from bot.config import load_settings
from bot.errors import ChorusError
from storage import Store
from tests.fakes.chorus_server import clean_env

NOW = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


def test_teams_turn_state_written_by_one_replica_is_read_by_another(store: Store) -> None:
    one = StoreStorage(store, lambda: NOW)
    other_store = Store(store.location)
    other = StoreStorage(other_store, lambda: NOW)
    key = "msteams/app/conversations/19:abc"
    asyncio.run(one.write({key: CachedAgentState({"step": 2, "draft": {"platform": "x"}})}))
    found = asyncio.run(other.read([key, "msteams/app/users/nobody"], target_cls=CachedAgentState))
    assert list(found) == [key]
    assert found[key].store_item_to_json() == {"step": 2, "draft": {"platform": "x"}}
    asyncio.run(other.delete([key]))
    assert asyncio.run(one.read([key], target_cls=CachedAgentState)) == {}
    with pytest.raises(ValueError):
        asyncio.run(one.read([""], target_cls=CachedAgentState))
    with pytest.raises(ValueError):
        asyncio.run(one.write({}))
    other_store.close()


def test_a_slack_installation_saved_by_one_replica_is_found_by_another(store: Store) -> None:
    installs, states = installation_stores(store.location, "client-1")
    installs.save(
        Installation(
            app_id="A1",
            team_id="T9",
            bot_token="xoxb-installed",
            bot_id="B1",
            bot_user_id="UBOT",
            user_id="U1",
            installed_at=NOW.timestamp(),
        )
    )
    state = states.issue()
    again, other_states = installation_stores(store.location, "client-1")  # another replica
    found = again.find_installation(enterprise_id=None, team_id="T9")
    assert found is not None and found.bot_token == "xoxb-installed"
    assert other_states.consume(state)
    assert not states.consume(state)  # OAuth state is good once, whichever replica checks


def test_sqlalchemy_gets_the_psycopg_driver_whatever_the_url_scheme() -> None:
    assert sqlalchemy_url("postgres://u:p@h:5432/db") == "postgresql+psycopg://u:p@h:5432/db"
    assert sqlalchemy_url("postgresql://u@h/db?x=1") == "postgresql+psycopg://u@h/db?x=1"


def test_database_url_wins_over_chorus_db_and_must_be_postgres() -> None:
    url = "postgresql://chorus@db/chorus"
    settings = load_settings({"DATABASE_URL": url, "CHORUS_DB": "x.db"})
    assert settings.store_location == url
    assert url not in repr(settings)  # it may carry a password
    assert load_settings({"CHORUS_DB": "x.db"}).store_location == "x.db"
    with pytest.raises(ChorusError, match="postgresql://"):
        load_settings({"DATABASE_URL": "mysql://db/chorus"})


def test_chorus_db_migrate_creates_and_then_keeps_the_postgres_schema(
    pg_url: str, tmp_path: Path
) -> None:
    env = clean_env(DATABASE_URL=pg_url, SLACK_CLIENT_ID="1.2", SLACK_CLIENT_SECRET="s")
    command = [sys.executable, "-m", "bot", "db", "migrate"]
    first = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("PostgreSQL (DATABASE_URL): applied m001_")
    assert "m008_replicas" in first.stdout and "@" not in first.stdout  # no credentials
    again = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True)
    assert again.stdout.strip() == "PostgreSQL (DATABASE_URL): up to date"
    installs, _ = installation_stores(pg_url, "1.2")
    assert installs.find_installation(enterprise_id=None, team_id="T1") is None
    assert not (tmp_path / "chorus.db").exists()  # nothing went to SQLite
