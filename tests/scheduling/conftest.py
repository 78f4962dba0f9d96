"""The sweeper over a real store (SQLite and PostgreSQL, every test on both), with a recording
deliverer and a controllable clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest

from bot.coach import Coach, TipLibrary
from bot.coach.nudges import load_nudges
from bot.coach.outreach import Outreach
from bot.config import PROMPTS_DIR
from bot.scheduler import Sweeper
from storage import Store
from tests.conftest import BACKENDS, Clock, location_for, migrated
from tests.fakes.deliverer import RecordingDeliverer


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from migrated(location_for(request.param, request, tmp_path))


@pytest.fixture
def deliverer() -> RecordingDeliverer:
    return RecordingDeliverer()


@pytest.fixture
def outreach(store: Store, tips: TipLibrary, clock: Clock) -> Outreach:
    return Outreach(store, tips, load_nudges(PROMPTS_DIR / "nudges.yaml"), UTC, clock)


@pytest.fixture
def sweeper(outreach: Outreach, deliverer: RecordingDeliverer) -> Sweeper:
    return Sweeper(outreach, {"slack": deliverer})


@pytest.fixture
def coach(store: Store, tips: TipLibrary, clock: Clock) -> Coach:
    return Coach(store, tips, clock=clock, default_zone=UTC)
