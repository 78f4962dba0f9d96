"""The optional OpenAI-compatible editor; the only module that imports `openai`.

Works with OpenAI, any OpenAI-compatible server (vLLM, Ollama, LM Studio: OPENAI_BASE_URL)
and Azure OpenAI (AZURE_OPENAI_ENDPOINT). Every failure becomes EditorUnavailable, and the
coach falls back to the offline critique or answer."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import openai
import pydantic
from pydantic import BaseModel, Field

from bot.coach.editor import EditorNote, EditorResult, EditorUnavailable, Streamed
from bot.config import ModelSettings

log = logging.getLogger(__name__)

MAX_RETRIES = 2
LOCAL_KEY = "not-needed"  # OpenAI-compatible local servers ignore the key, the SDK wants one


class _Note(BaseModel):
    quote: str = Field(description="An exact, contiguous quote from the draft (copy it).")
    category: str = Field(description="One of the category names you were given.")
    note: str = Field(description="What an editor would say, in one or two sentences.")
    suggestion: str = Field(description="A concrete fix the writer can apply.")


class _Notes(BaseModel):
    notes: list[_Note]  # "up to 3" is asked in the prompt; extras are dropped, not fatal
    opening_line: str = Field(description="One rewritten opening line for the draft.")
    question: str = Field(description="One question that would sharpen the writer's view.")


def build_client(settings: ModelSettings, max_retries: int = MAX_RETRIES) -> openai.OpenAI:
    """The SDK client for the configured provider, with its timeout and retries."""
    if settings.azure_endpoint:
        return openai.AzureOpenAI(
            azure_endpoint=settings.azure_endpoint,
            api_key=settings.api_key or None,
            api_version=settings.azure_api_version,
            timeout=settings.timeout,
            max_retries=max_retries,
        )
    return openai.OpenAI(
        api_key=settings.api_key or LOCAL_KEY,
        base_url=settings.base_url or None,
        timeout=settings.timeout,
        max_retries=max_retries,
    )


def build_editor(settings: ModelSettings) -> OpenAIEditor | None:
    """The editor when a model is configured, else None (the offline coach answers)."""
    return OpenAIEditor(build_client(settings), settings.model) if settings.enabled else None


class OpenAIEditor:
    """Structured editor's notes and streamed answers through the openai package."""

    def __init__(self, client: openai.OpenAI, model: str) -> None:
        self.client = client
        self.model = model

    def edit(self, system: str, prompt: str) -> EditorResult:
        """Notes on a draft, parsed into the schema; EditorUnavailable on any failure."""
        try:
            completion = self.client.chat.completions.parse(
                model=self.model,
                messages=[
                    {"role": "system", "content": system},
                    {"role": "user", "content": prompt},
                ],
                response_format=_Notes,
            )
        except (
            openai.OpenAIError,
            pydantic.ValidationError,
            json.JSONDecodeError,
            ValueError,
        ) as error:
            raise EditorUnavailable(type(error).__name__) from error
        if not completion.choices:
            raise EditorUnavailable("empty answer")
        message = completion.choices[0].message
        if message.refusal:
            raise EditorUnavailable("refusal")
        if message.parsed is None:
            raise EditorUnavailable("empty answer")
        parsed = message.parsed
        return EditorResult(
            notes=tuple(
                EditorNote(n.quote, n.category, n.note, n.suggestion) for n in parsed.notes
            ),
            opening_line=parsed.opening_line,
            question=parsed.question,
            tokens=completion.usage.total_tokens if completion.usage else 0,
        )

    def answer(self, system: str, prompt: str) -> Streamed:
        """A streamed answer; pieces raise EditorUnavailable if the stream breaks."""
        try:
            stream = self.client.chat.completions.create(
                model=self.model,
                messages=[
                    {"role": "system", "content": system},
                    {"role": "user", "content": prompt},
                ],
                stream=True,
                stream_options={"include_usage": True},
            )
        except openai.OpenAIError as error:
            raise EditorUnavailable(type(error).__name__) from error
        usage: list[int] = []
        return Streamed(_pieces(stream, usage), usage)


def _pieces(stream: openai.Stream, usage: list[int]) -> Iterator[str]:  # type: ignore[type-arg]
    finished = False
    try:
        for chunk in stream:
            if chunk.usage:
                usage.append(chunk.usage.total_tokens)
            for choice in chunk.choices:
                if getattr(choice.delta, "refusal", None):
                    raise EditorUnavailable("refusal")
                if choice.delta.content:
                    yield choice.delta.content
                finished = finished or choice.finish_reason is not None
    except openai.OpenAIError as error:
        raise EditorUnavailable(type(error).__name__) from error
    if not finished:  # the connection dropped: the SDK sees the end, not an error
        raise EditorUnavailable("stream ended early")
