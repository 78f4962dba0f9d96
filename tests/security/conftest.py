"""A running `chorus serve` per test against a fake Slack, and a fake Bot Connector."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes.bot_connector import FakeConnector
from tests.fakes.chorus_server import ChorusServer
from tests.fakes.slack_api import FakeSlack


@pytest.fixture
def server(tmp_path: Path, fake: FakeSlack) -> Iterator[ChorusServer]:
    chorus = ChorusServer(tmp_path, fake)
    yield chorus
    chorus.stop()


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    fake = FakeConnector().start()
    yield fake
    fake.stop()
