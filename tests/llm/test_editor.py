"""The openai-package editor against a fake server: every failure becomes EditorUnavailable."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.coach.editor import EditorUnavailable
from bot.config import ModelSettings
from bot.llm import OpenAIEditor, build_client, build_editor
from storage import Store, UserKey
from tests.fakes.chorus_server import clean_env
from tests.fakes.openai_api import FakeOpenAI, Scripted, notes

FAST_RETRY = {"retry-after-ms": "10"}


def test_structured_notes_are_parsed(fake_ai: FakeOpenAI, editor: OpenAIEditor) -> None:
    fake_ai.script(notes(("kind of cool", "confidence", "It hedges.", "Say 'cool'.")))
    result = editor.edit("system text", "prompt text")
    assert result.notes[0].quote == "kind of cool"
    assert result.opening_line and result.question.endswith("?")
    assert result.tokens == 180
    [request] = fake_ai.requests
    assert request["model"] == "fake-model"
    assert request["messages"][0] == {"role": "system", "content": "system text"}
    assert request["response_format"]["type"] == "json_schema"


@pytest.mark.parametrize(
    "answers",
    [
        [Scripted("error", status=429, headers=FAST_RETRY)] * 2,
        [Scripted("error", status=500, headers=FAST_RETRY)] * 2,
        [Scripted("refusal")],
        [Scripted("raw", '{"notes": "not a list"}')],
        [Scripted("raw", "this is not json")],
        [Scripted("empty")],
        [Scripted("notes", delay=1.5)] * 2,
    ],
    ids=["429", "500", "refusal", "schema", "not-json", "empty", "timeout"],
)
def test_every_failure_is_editor_unavailable(
    fake_ai: FakeOpenAI, editor: OpenAIEditor, answers: list[Scripted]
) -> None:
    fake_ai.script(*answers)
    with pytest.raises(EditorUnavailable):
        editor.edit("system", "prompt")


def test_a_refused_connection_is_editor_unavailable() -> None:
    settings = ModelSettings(base_url="http://127.0.0.1:9/v1", timeout=1.0)
    with pytest.raises(EditorUnavailable):
        OpenAIEditor(build_client(settings, max_retries=0), "m").edit("s", "p")


def test_a_streamed_answer_arrives_in_pieces(fake_ai: FakeOpenAI, editor: OpenAIEditor) -> None:
    fake_ai.script(Scripted("stream", ["One ", "small ", "step."]))
    streamed = editor.answer("system", "question")
    assert list(streamed.pieces) == ["One ", "small ", "step."]
    assert streamed.usage == [180]
    assert fake_ai.requests[0]["stream"] is True


def test_a_broken_stream_raises_editor_unavailable(
    fake_ai: FakeOpenAI, editor: OpenAIEditor
) -> None:
    fake_ai.script(Scripted("cut", ["Half an "]))
    streamed = editor.answer("system", "question")
    with pytest.raises(EditorUnavailable):
        list(streamed.pieces)


def test_no_key_means_no_editor() -> None:
    assert build_editor(ModelSettings()) is None
    assert build_editor(ModelSettings(api_key="sk-test")) is not None
    assert "sk-test" not in repr(ModelSettings(api_key="sk-test"))


def test_chorus_usage_prints_by_day(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.db")
    store.migrate()
    for name, tokens in (("a", 180), ("b", 400)):
        user = store.ensure_user(UserKey("slack", "T", name), datetime.now(UTC))
        store.add_usage(user, date(2026, 11, 20), tokens)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "usage"],
        cwd=tmp_path,
        env=clean_env(CHORUS_DB=str(tmp_path / "c.db")),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert "2026-11-20" in result.stdout and "580" in result.stdout
    assert " 2 " in result.stdout  # two users, never named
