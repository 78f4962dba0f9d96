"""A fake Bot Connector and a running `chorus serve` in Teams' anonymous local mode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes.bot_connector import FakeConnector
from tests.fakes.chorus_server import ChorusServer
from tests.fakes.slack_api import FakeSlack


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    fake = FakeConnector().start()
    yield fake
    fake.stop()


@pytest.fixture
def teams(tmp_path: Path, fake: FakeSlack) -> Iterator[ChorusServer]:
    chorus = ChorusServer(tmp_path, fake, CHORUS_TEAMS="anonymous")
    yield chorus
    chorus.stop()
