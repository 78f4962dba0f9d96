"""The openai-package editor against a fake server: every failure becomes EditorUnavailable."""

from __future__ import annotations

import pytest

from bot.coach.editor import EditorUnavailable
from bot.config import ModelSettings
from bot.llm import OpenAIEditor, build_client, build_editor
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
