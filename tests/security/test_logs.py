"""No draft text at INFO or above on any request path (Slack events, slash commands,
interactions, bad signatures, Teams, the language-model editor), even with DEBUG logging on;
Chorus's own log lines never carry it at any level."""

from __future__ import annotations

import json
import logging
import re
import time
from pathlib import Path

import pytest
from slack_bolt import BoltRequest

from bot.adapters.slack.app import build_slack
from bot.coach import Coach
from bot.config import SlackSettings
from tests.fakes.bot_connector import FakeConnector
from tests.fakes.chorus_server import ChorusServer, signature
from tests.fakes.openai_api import FakeOpenAI, Scripted
from tests.fakes.slack_api import FakeSlack
from tests.teams.test_teams_http import activity, post

MARKER = "Quokkamarmalade"
DRAFT = (
    f"I think our {MARKER} team just shipped something kind of cool. We cut build times from "
    "40 minutes to 9 by caching installs. What would you cache first?"
)
RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (\w+) (\S+): ", re.MULTILINE)
OURS = ("bot", "chorus", "storage")


def records(logs: str) -> list[tuple[str, str, str]]:
    """(level, logger, text with any traceback) for every record in the captured stderr."""
    starts = list(RECORD.finditer(logs))
    return [
        (m[1], m[2], logs[m.start() : starts[i + 1].start() if i + 1 < len(starts) else None])
        for i, m in enumerate(starts)
    ]


def leaks(logs: str) -> list[str]:
    return [
        text
        for level, name, text in records(logs)
        if MARKER in text and (level != "DEBUG" or name.split(".")[0] in OURS)
    ]


def test_no_request_path_logs_a_draft(
    tmp_path: Path, fake: FakeSlack, fake_ai: FakeOpenAI, connector: FakeConnector
) -> None:
    server = ChorusServer(
        tmp_path,
        fake,
        CHORUS_LOG_LEVEL="DEBUG",
        CHORUS_TEAMS="anonymous",
        OPENAI_BASE_URL=fake_ai.base_url,
        CHORUS_LLM_TIMEOUT="2",
    )
    try:
        fake_ai.script(Scripted("error", status=500), Scripted("error", status=500))
        server.dm(DRAFT)  # the editor fails: the fallback's log line must not quote the draft
        server.dm(f"how do I grow my followers, {MARKER}?")  # streamed answer
        server.dm(DRAFT, user="U2")  # the editor answers
        body = json.dumps({"type": "event_callback", "event": {"text": DRAFT}})
        assert server.signed(body, "application/json", secret="wrong")[0] == 401
        assert server.signed(body, "application/json", age=900)[0] == 401
        assert server.signed(body + "x", "application/json")[0] == 400
        server.command(f"review {DRAFT}")
        server.command(f"goal {MARKER} twice a week")
        server.interact(
            {
                "type": "message_action",
                "callback_id": "chorus_feedback",
                "user": {"id": "U3"},
                "channel": {"id": "C1"},
                "message": {"type": "message", "user": "U4", "ts": "1.2", "text": DRAFT},
            }
        )
        server.click(f"goal {MARKER} on fridays")
        server.interact(
            {
                "type": "view_submission",
                "user": {"id": "U1"},
                "view": {
                    "callback_id": "chorus_goal",
                    "state": {"values": {"goal": {"text": {"value": f"{MARKER} weekly"}}}},
                },
            }
        )
        post(server, activity(connector, text=DRAFT))
        assert post(server, activity(connector, id="act-x", **{"from": DRAFT}))[0] == 400
        post(server, activity(connector, id="act-2", text=f"goal {MARKER} on mondays"))
        fake.wait_for_calls("respond", 2)
        fake.wait_for(lambda calls: sum(c.method == "chat.postMessage" for c in calls) >= 4)
        connector.wait_for(2)
        fake_ai.wait_for_requests(3)
    finally:
        server.stop()
    logs = server.log_text()
    assert "DEBUG" in logs and "chorus serving on port" in logs  # the capture really is DEBUG
    assert leaks(logs) == []


def test_bolt_never_logs_the_body_of_a_badly_signed_request(
    coach: Coach, fake: FakeSlack, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = SlackSettings(
        api_url=fake.api_url, bot_token="xoxb-1", signing_secret="secret-for-this-test"
    )
    body = json.dumps({"type": "event_callback", "event": {"type": "message", "text": DRAFT}})
    timestamp = str(int(time.time()))
    with caplog.at_level(logging.DEBUG):
        app, _ = build_slack(settings, coach, tmp_path / "installs.db")
        response = app.dispatch(
            BoltRequest(
                body=body,
                headers={
                    "content-type": "application/json",
                    "x-slack-request-timestamp": timestamp,
                    "x-slack-signature": signature("wrong-secret", timestamp, body),
                },
            )
        )
    assert response.status == 401
    assert "Invalid request signature" in caplog.text
    assert MARKER not in caplog.text
