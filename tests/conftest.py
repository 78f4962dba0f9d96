"""Shared fixtures: a real store on disk (or in a real PostgreSQL), the real tips library, a
clock tests control."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.coach import Coach, CoachSettings, TipLibrary
from bot.config import PROMPTS_DIR
from storage import Store, UserKey
from tests.fakes.openai_api import FakeOpenAI
from tests.fakes.slack_api import FakeSlack
from tests.pg import PostgresServer, PostgresUnavailable

FIXTURES = Path(__file__).parent / "fixtures"
LOOPBACK = ("127.", "::1", "localhost")


@pytest.fixture(autouse=True, scope="session")
def no_internet() -> Iterator[None]:
    """Fail any test that tries to reach beyond this machine."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else str(address)
        if self.family in (socket.AF_INET, socket.AF_INET6) and not str(host).startswith(LOOPBACK):
            raise RuntimeError(f"test tried to reach {host}")
        return real_connect(self, address)

    socket.socket.connect = guarded  # type: ignore[method-assign]
    yield
    socket.socket.connect = real_connect  # type: ignore[method-assign]


@dataclass
class Clock:
    """A clock that moves only when the test says so."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 16, 9, 30, tzinfo=UTC))  # a Monday


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "chorus.db")
    s.migrate()
    yield s
    s.close()


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One real PostgreSQL for the whole session, started here; a clear failure if it can't."""
    if os.environ.get("CHORUS_TEST_POSTGRES") == "skip" and not os.environ.get("CI"):
        pytest.skip("CHORUS_TEST_POSTGRES=skip (never honoured in CI)")
    try:
        server = PostgresServer.start()
    except PostgresUnavailable as error:
        pytest.fail(f"PostgreSQL tests can't run: {error}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres: PostgresServer) -> Iterator[str]:
    """A URL into a fresh, empty schema of the session's PostgreSQL."""
    schema = postgres.new_schema()
    yield postgres.url(schema)
    postgres.drop_schema(schema)


def location_for(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's store lives: an SQLite file, or a fresh PostgreSQL schema."""
    if backend == "sqlite":
        return str(tmp_path / "chorus.db")
    return str(request.getfixturevalue("pg_url"))


def migrated(location: str) -> Iterator[Store]:
    """A migrated store at `location`, closed afterwards."""
    s = Store(location)
    s.migrate()
    yield s
    s.close()


@pytest.fixture(scope="session")
def tips() -> TipLibrary:
    return TipLibrary.from_file(PROMPTS_DIR / "tips.yaml")


@pytest.fixture
def coach(store: Store, tips: TipLibrary, clock: Clock) -> Coach:
    return Coach(store, tips, CoachSettings(companies=("Acme",)), clock=clock, default_zone=UTC)


@pytest.fixture
def alice() -> UserKey:
    return UserKey("slack", "T1", "U_ALICE")


@pytest.fixture
def bob() -> UserKey:
    return UserKey("slack", "T1", "U_BOB")


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    """A fake Slack Web API (chorus serve needs one to point at even when Slack is unused)."""
    slack = FakeSlack().start()
    yield slack
    slack.stop()


@pytest.fixture
def fake_ai() -> Iterator[FakeOpenAI]:
    """A fake OpenAI-compatible server."""
    server = FakeOpenAI().start()
    yield server
    server.stop()
