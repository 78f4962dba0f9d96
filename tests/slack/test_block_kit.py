"""Every Block Kit payload Chorus can build, parsed and validated with slack_sdk's models, plus
Slack's documented limits those models don't enforce; and nothing is cut without a word."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.adapters.slack import blocks
from bot.coach import Coach, Dashboard, Reply
from bot.coach.coach import _critique_reply
from bot.coach.editor import EditorView
from bot.coach.schedule import DAYS
from bot.feedback import PLATFORMS, Finding, critique
from storage import NudgeSettings, UserKey
from tests.drafts import noisy_draft
from tests.fakes.chorus_server import ChorusServer
from tests.fakes.slack_api import FakeSlack

MESSAGE_BLOCKS, VIEW_BLOCKS = 50, 100
LIMITS = {  # Slack's documented limits (api.slack.com/reference/block-kit)
    "section": 3000,
    "context_element": 2000,
    "context_elements": 10,
    "header": 150,
    "button_text": 75,
    "button_value": 2000,
    "action_id": 255,
    "actions_elements": 25,
    "message_text": 40_000,
    "modal_title": 24,
    "input_label": 2000,
    "hint": 2000,
    "placeholder": 150,
    "options": 10,
}
SIZES = (1, 12, 280, 300, 500, 2_200, 3_000, 4_000, 12_000, 40_000)


def walk(element: Any) -> list[dict[str, Any]]:
    """Every dict inside a payload, depth first."""
    if isinstance(element, dict):
        return [element] + [d for v in element.values() for d in walk(v)]
    if isinstance(element, list):
        return [d for item in element for d in walk(item)]
    return []


def limit_problems(block: dict[str, Any]) -> list[str]:
    """What in one block breaks a documented limit."""
    problems = []
    kind = block["type"]
    if kind == "section" and len(block["text"]["text"]) > LIMITS["section"]:
        problems.append(f"section of {len(block['text']['text'])} characters")
    if kind == "context":
        if len(block["elements"]) > LIMITS["context_elements"]:
            problems.append("too many context elements")
        for element in block["elements"]:
            if len(element.get("text", "")) > LIMITS["context_element"]:
                problems.append(f"context element of {len(element['text'])} characters")
    if kind == "header" and len(block["text"]["text"]) > LIMITS["header"]:
        problems.append("header too long")
    if kind == "actions" and len(block["elements"]) > LIMITS["actions_elements"]:
        problems.append("more than 25 elements in an actions block")
    for element in walk(block):
        if element.get("type") == "button":
            if len(element["text"]["text"]) > LIMITS["button_text"]:
                problems.append(f"button text {element['text']['text']!r}")
            if len(element.get("value", "")) > LIMITS["button_value"]:
                problems.append("button value too long")
        if len(element.get("action_id", "")) > LIMITS["action_id"]:
            problems.append("action_id too long")
        if len(element.get("options", [])) > LIMITS["options"]:
            problems.append("too many options")
        if element.get("type") == "input":
            if len(element["label"]["text"]) > LIMITS["input_label"]:
                problems.append("input label too long")
            if len(element.get("hint", {}).get("text", "")) > LIMITS["hint"]:
                problems.append("hint too long")
        placeholder = element.get("placeholder")
        if isinstance(placeholder, dict) and len(placeholder["text"]) > LIMITS["placeholder"]:
            problems.append("placeholder too long")
    return problems


def assert_valid_blocks(payload_blocks: list[dict[str, Any]], most: int) -> None:
    assert 0 < len(payload_blocks) <= most, len(payload_blocks)
    for raw in payload_blocks:
        block = Block.parse(raw)
        assert block is not None, raw["type"]
        block.validate_json()  # slack_sdk's own validators (lengths, counts, required fields)
        assert block.to_dict() == raw, f"fields slack_sdk doesn't know in {raw['type']}"
        assert limit_problems(raw) == [], raw["type"]


def assert_valid_message(payload: dict[str, Any]) -> None:
    """A chat.postMessage / chat.update / response_url payload Slack will accept whole."""
    assert 0 < len(payload["text"]) <= LIMITS["message_text"]
    assert_valid_blocks(payload["blocks"], MESSAGE_BLOCKS)


def assert_valid_view(view: dict[str, Any]) -> None:
    """A modal or App Home view Slack will accept whole."""
    View(**view).validate_json()
    assert_valid_blocks(view["blocks"], VIEW_BLOCKS)
    for key in ("title", "submit", "close"):
        if key in view:
            assert len(view[key]["text"]) <= LIMITS["modal_title"], key


def shown_text(payload_blocks: list[dict[str, Any]]) -> str:
    return " ".join(e["text"] for e in walk(payload_blocks) if isinstance(e.get("text"), str))


@pytest.mark.parametrize("platform", list(PLATFORMS))
def test_every_critique_from_1_to_40000_characters_is_valid_whole(platform: str) -> None:
    for size in SIZES:
        for draft in (noisy_draft(size), ("We shipped the cache today. " * 2000)[:size]):
            reply = _critique_reply(critique(draft, platform, ("Acme",)), 7)
            for expanded in (False, True):
                payload = blocks.message(reply, expanded)
                assert_valid_message(payload)
                rest = reply.critique.other_notes  # type: ignore[union-attr]
                said = shown_text(payload["blocks"])
                if expanded and rest:
                    listed = sum(1 for n in rest if n.first.message in said)
                    assert listed == len(rest) or f"… and {len(rest) - listed} more." in said


def test_a_critique_with_the_editors_notes_is_valid_whole() -> None:
    draft = noisy_draft(40_000)
    long = "word " * 2000
    note = Finding("editor.note", "hook", "info", long, 0, 40, draft[:40], long)
    reply = replace(
        _critique_reply(critique(draft, "blog"), 3),
        editor=EditorView((note, note, note), long, long),
        note=long,
    )
    for expanded in (False, True):
        assert_valid_message(blocks.message(reply, expanded))


def test_draft_markup_is_quoted_as_typed_never_as_mrkdwn() -> None:
    draft = "I *just* think `maybe` this _could_ work ~ok~, I guess. We shipped the cache today."
    payload = blocks.message(_critique_reply(critique(draft, "linkedin"), 1), expanded=True)
    mrkdwn = [e["text"] for e in walk(payload["blocks"]) if e.get("type") == "mrkdwn"]
    assert not [t for t in mrkdwn if "*just*" in t or "_could_" in t or "`maybe`" in t]
    literal = [e["text"] for e in walk(payload["blocks"]) if e.get("type") == "text"]
    assert any("I *just* think `maybe` this _could_ work" in t for t in literal)


def test_every_command_reply_is_valid_whole(coach: Coach, alice: UserKey) -> None:
    long_goal = "share one lesson from each project with the people who worked on it " * 2
    said = [
        "help",
        "draft",
        "goal",
        *(f"goal {n} {long_goal}"[:200] for n in range(25)),
        "goal",
        "checkin 2",
        "checkin 5",
        noisy_draft(3_000),
        "progress",
        "chart",
        "my data",
        "platform",
        "platform x",
        "nudges",
        "nudges at 08:15",
        "nudges days mon,wed,fri",
        "nudges snooze 3d",
        "nudges off",
        "tips",
        "how do I grow my followers?",
        "I don't have time",
        "something I have no tip for at all, zebra quantum",
        "forget me",
        "x" * 50_000,
        "forget me confirm",
    ]
    for text in said:
        reply = coach.handle(alice, text)
        assert_valid_message(blocks.message(reply))
    assert_valid_message(blocks.message(Reply("command", "a line\n" * 5000)))


def test_app_home_with_25_long_goals_is_valid_and_says_what_it_left_out() -> None:
    goals = tuple(
        f"#{n} " + ("a long goal in the writer's own words " * 6)[:200] for n in range(25)
    )
    dashboard = Dashboard(
        scores=(60, 70, 80) * 4,
        hedges=(3.0, 2.0, 1.0) * 4,
        checkins=(2, 3, 4) * 4,
        streak=12,
        goals=goals,
        nudges=NudgeSettings(),
        next_nudge=datetime(2026, 11, 17, 9, 30),
    )
    view = blocks.home_view(dashboard)
    assert_valid_view(view)
    said = shown_text(view["blocks"])
    shown = sum(1 for g in goals if g in said)
    assert shown < len(goals)
    assert f"… and {len(goals) - shown} more. `/chorus goal list` shows every one." in said
    assert_valid_view(blocks.home_view(Dashboard.blank()))


def test_every_modal_is_valid() -> None:
    assert_valid_view(blocks.goal_modal())
    for days in (DAYS, DAYS[:5], ()):
        assert_valid_view(blocks.nudges_modal("09:30", days))


def test_the_limits_are_checked() -> None:
    """The checker itself catches what Slack refuses."""
    too_long = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}]
    with pytest.raises(Exception, match="3000"):
        assert_valid_blocks(too_long, MESSAGE_BLOCKS)
    context = [{"type": "context", "elements": [{"type": "mrkdwn", "text": "x" * 2001}]}]
    with pytest.raises(AssertionError):
        assert_valid_blocks(context, MESSAGE_BLOCKS)
    with pytest.raises(AssertionError):
        assert_valid_blocks([{"type": "divider"}] * 51, MESSAGE_BLOCKS)
    assert json.dumps(LIMITS)


def test_set_a_goal_opens_the_form_even_when_goals_exist(
    server: ChorusServer, fake: FakeSlack
) -> None:
    server.dm("goal posts 2 per week on linkedin")
    fake.wait_for_calls("chat.postMessage", 1)
    server.dm("goal")
    _, listed = fake.wait_for_calls("chat.postMessage", 2)
    assert "#1 2 posts a week on LinkedIn" in listed.args["text"]
    elements = [e for b in listed.args["blocks"] if b["type"] == "actions" for e in b["elements"]]
    [goal] = [e for e in elements if e["text"]["text"] == "Set a goal"]
    server.click("", goal["action_id"])
    [form] = fake.wait_for_calls("views.open")
    assert form.args["view"]["callback_id"] == "chorus_goal"
