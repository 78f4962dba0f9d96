"""A fake OpenAI-compatible server and a coach that uses it."""

from __future__ import annotations

from datetime import UTC

import pytest

from bot.coach import Coach, TipLibrary
from bot.config import ModelSettings
from bot.llm import OpenAIEditor, build_client
from storage import Store
from tests.conftest import Clock
from tests.fakes.openai_api import FakeOpenAI


@pytest.fixture
def editor(fake_ai: FakeOpenAI) -> OpenAIEditor:
    settings = ModelSettings(base_url=fake_ai.base_url, timeout=1.0)
    return OpenAIEditor(build_client(settings, max_retries=1), "fake-model")


@pytest.fixture
def smart_coach(store: Store, tips: TipLibrary, clock: Clock, editor: OpenAIEditor) -> Coach:
    return Coach(store, tips, clock=clock, default_zone=UTC, editor=editor, daily_token_limit=1000)
