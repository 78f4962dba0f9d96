"""Hostile requests to POST /slack/events: every one gets 401 or 400, never 5xx, and changes
nothing; exact replays of signed requests run once."""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.fakes.chorus_server import SIGNING_SECRET, ChorusServer
from tests.fakes.slack_api import FakeSlack

DEEP = "[" * 100_000 + "]" * 100_000
MALFORMED: list[tuple[bytes, str]] = [
    (b'{"type":', "application/json"),
    (b"[1]", "application/json"),
    (b"null", "application/json"),
    (b'"text"', "application/json"),
    (b'{"type": "event_callback", "event": {"text": "caf\xe9"}}', "application/json"),
    (b"\xff\xfe\x00{", "application/json"),
    (b"payload=notjson", "application/x-www-form-urlencoded"),
    (b"payload=%5B1%5D", "application/x-www-form-urlencoded"),
    (b'{"type": "event_callback", "x": "a\x00b"}', "application/json"),
    (DEEP.encode(), "application/json"),
    (b'{"type": "event_callback", "event": ' + DEEP.encode() + b"}", "application/json"),
    (b"payload=" + DEEP.encode(), "application/x-www-form-urlencoded"),
    (b'{"n": ' + b"1" * 5000 + b"}", "application/json"),
]


def raw_post(
    server: ChorusServer, body: bytes, content_type: str, headers: dict[str, str]
) -> tuple[int, str]:
    """POST exact bytes to /slack/events (the shared helper only sends text)."""
    req = urllib.request.Request(
        server.url + "/slack/events",
        data=body,
        method="POST",
        headers={"Content-Type": content_type, **headers},
    )
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def sign(body: bytes, timestamp: str, secret: str = SIGNING_SECRET) -> dict[str, str]:
    """Slack's v0 signature over the raw bytes."""
    digest = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": "v0=" + digest.hexdigest()}


def nothing_happened(server: ChorusServer, fake: FakeSlack, tmp_path: Path) -> None:
    server.stop()
    assert not [c for c in fake.calls if c.method != "auth.test"]
    db = sqlite3.connect(tmp_path / "chorus.db")
    assert db.execute("SELECT count(*) FROM users").fetchone() == (0,)
    assert "Traceback" not in server.log_text()


@pytest.mark.parametrize(("body", "content_type"), MALFORMED, ids=range(len(MALFORMED)))
def test_unsigned_malformed_bodies_get_401(
    server: ChorusServer, fake: FakeSlack, tmp_path: Path, body: bytes, content_type: str
) -> None:
    status, text = raw_post(server, body, content_type, {})
    assert status == 401, text
    nothing_happened(server, fake, tmp_path)


@pytest.mark.parametrize(("body", "content_type"), MALFORMED, ids=range(len(MALFORMED)))
def test_signed_malformed_bodies_get_400(
    server: ChorusServer, fake: FakeSlack, tmp_path: Path, body: bytes, content_type: str
) -> None:
    status, text = raw_post(server, body, content_type, sign(body, str(int(time.time()))))
    assert status == 400, text
    nothing_happened(server, fake, tmp_path)


@pytest.mark.parametrize("timestamp", ["abc", "", "5.5", "9" * 5000, "-1", "1e9", " 1", "²"])
def test_insane_timestamps_get_401(
    server: ChorusServer, fake: FakeSlack, tmp_path: Path, timestamp: str
) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "c"}).encode()
    status, text = raw_post(server, body, "application/json", sign(body, timestamp))
    assert status == 401, text
    nothing_happened(server, fake, tmp_path)


@pytest.mark.parametrize(
    "signature", ["", "v0=", "v1=" + "0" * 64, "v0=" + "g" * 64, "v0=" + "0" * 5000, "ü"]
)
def test_malformed_signatures_get_401(
    server: ChorusServer, fake: FakeSlack, tmp_path: Path, signature: str
) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "c"}).encode()
    headers = {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": signature}
    status, text = raw_post(server, body, "application/json", headers)
    assert status == 401, text
    nothing_happened(server, fake, tmp_path)


def test_a_replayed_slash_command_runs_once(
    server: ChorusServer, fake: FakeSlack, tmp_path: Path
) -> None:
    body = urlencode(
        {
            "team_id": "T1",
            "channel_id": "C1",
            "user_id": "U1",
            "command": "/chorus",
            "text": "checkin 1",
            "response_url": fake.response_url,
            "trigger_id": "trig.replayed",
        }
    ).encode()
    headers = sign(body, str(int(time.time())))
    assert raw_post(server, body, "application/x-www-form-urlencoded", headers)[0] == 200
    fake.wait_for_calls("views.publish")
    assert raw_post(server, body, "application/x-www-form-urlencoded", headers)[0] == 200
    server.stop()
    assert len(fake.of("respond")) == 1 and len(fake.of("views.publish")) == 1
    db = sqlite3.connect(tmp_path / "chorus.db")
    assert db.execute("SELECT count(*) FROM confidence_checkins").fetchone() == (1,)


def test_a_replayed_button_click_runs_once(
    server: ChorusServer, fake: FakeSlack, tmp_path: Path
) -> None:
    payload = {
        "type": "block_actions",
        "team": {"id": "T1"},
        "user": {"id": "U1", "team_id": "T1"},
        "api_app_id": "A1",
        "trigger_id": "trig.click",
        "response_url": fake.response_url,
        "container": {"type": "message", "channel_id": "DU1", "message_ts": "1.1"},
        "channel": {"id": "DU1"},
        "actions": [
            {"type": "button", "action_id": "chorus:cmd:0", "value": "checkin 2", "block_id": "b"}
        ],
    }
    body = urlencode({"payload": json.dumps(payload)}).encode()
    headers = sign(body, str(int(time.time())))
    for _ in range(3):
        assert raw_post(server, body, "application/x-www-form-urlencoded", headers)[0] == 200
    server.stop()
    assert len(fake.of("views.publish")) == 1
    db = sqlite3.connect(tmp_path / "chorus.db")
    assert db.execute("SELECT count(*) FROM confidence_checkins").fetchone() == (1,)


def test_a_replayed_event_runs_once(server: ChorusServer, fake: FakeSlack) -> None:
    body = json.dumps(
        {
            "type": "event_callback",
            "team_id": "T1",
            "event_id": "EvReplayed",
            "event": {
                "type": "message",
                "channel_type": "im",
                "channel": "DU1",
                "user": "U1",
                "text": "checkin 3",
                "ts": "1700000000.1",
            },
        }
    ).encode()
    headers = sign(body, str(int(time.time())))
    for _ in range(2):
        assert raw_post(server, body, "application/json", headers)[0] == 200
    server.stop()
    assert len(fake.of("chat.postMessage")) == 1


def test_a_lone_surrogate_in_a_dm_gets_a_kind_message(
    server: ChorusServer, fake: FakeSlack
) -> None:
    server.dm("\ud83d is how my draft starts")
    [reply] = fake.wait_for_calls("chat.postMessage")
    assert "broken character" in reply.args["text"]
    server.click("goal \ud83d")  # JSON carries it as \\ud83d; a form body can't carry it at all
    assert "broken character" in fake.wait_for_calls("chat.postMessage", 2)[1].args["text"]
    server.stop()
    assert "Traceback" not in server.log_text()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?code=%ff&state=%00",
        "?state=" + "x" * 5000,
        "?code=a&state=b&error=access_denied",
        "?code=%C0%80",
    ],
)
def test_hostile_oauth_redirects_install_nothing_and_never_5xx(
    tmp_path: Path, fake: FakeSlack, query: str
) -> None:
    server = ChorusServer(
        tmp_path,
        fake,
        SLACK_BOT_TOKEN="",
        SLACK_CLIENT_ID="111.222",
        SLACK_CLIENT_SECRET="client-secret-do-not-leak",
    )
    try:
        status, _, page = server.get("/slack/oauth_redirect" + query)
        assert status < 500, (status, page)
        assert "client-secret-do-not-leak" not in page
    finally:
        server.stop()
    assert not fake.of("oauth.v2.access")
    assert "Traceback" not in server.log_text()
