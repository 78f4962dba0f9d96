"""Hostile requests to /api/messages: off unless configured, anonymous only on loopback and by
opt-in, forged tokens 401, serviceUrl checked before any outbound call, never a 5xx."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fakes.bot_connector import FakeConnector
from tests.fakes.chorus_server import ChorusServer
from tests.fakes.slack_api import FakeSlack
from tests.teams.test_teams_http import activity, post

ANONYMOUS = {"CHORUS_TEAMS": "anonymous"}
PREFIX = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__"
CREDENTIALS = {
    f"{PREFIX}CLIENTID": "00000000-0000-0000-0000-00000000a991",
    f"{PREFIX}CLIENTSECRET": "secret-do-not-leak",
    f"{PREFIX}TENANTID": "tenant-1",
}


@pytest.fixture
def anonymous(tmp_path: Path, fake: FakeSlack) -> Iterator[ChorusServer]:
    chorus = ChorusServer(tmp_path, fake, **ANONYMOUS)
    yield chorus
    chorus.stop()


@pytest.fixture
def guarded(tmp_path: Path, fake: FakeSlack) -> Iterator[ChorusServer]:
    chorus = ChorusServer(tmp_path, fake, **CREDENTIALS)
    yield chorus
    chorus.stop()


def rows(tmp_path: Path) -> dict[str, int]:
    db = sqlite3.connect(tmp_path / "chorus.db")
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    counts = {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    return {t: n for t, n in counts.items() if n and not t.startswith("_")}


def test_without_credentials_or_opt_in_api_messages_is_not_served(
    tmp_path: Path, server: ChorusServer, fake: FakeSlack, connector: FakeConnector
) -> None:
    status, _ = post(server, activity(connector, text="checkin 3"))
    assert status == 404
    assert json.loads(server.request("GET", "/healthz")[1])["teams"] is False
    server.stop()
    assert not connector.sent
    assert rows(tmp_path) == {}


def test_anonymous_mode_warns_and_listens_on_loopback_only(anonymous: ChorusServer) -> None:
    logs = anonymous.log_text()
    assert "WARNING" in logs and "CHORUS_TEAMS=anonymous" in logs and "127.0.0.1" in logs
    listening = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == anonymous.port:
                listening.add(local.rsplit(":", 1)[0])
    assert listening == {"0100007F"}  # 127.0.0.1, and nothing else


def test_anonymous_mode_with_credentials_is_refused(tmp_path: Path, fake: FakeSlack) -> None:
    try:
        server = ChorusServer(tmp_path, fake, **ANONYMOUS, **CREDENTIALS)
    except AssertionError as refused:  # chorus serve exited at start-up, saying why
        assert "CHORUS_TEAMS=anonymous is for local testing" in str(refused)
        return
    server.stop()
    pytest.fail("chorus serve started anonymous with credentials")


@pytest.mark.parametrize(
    "service_url",
    [
        None,
        "",
        5,
        ["http://127.0.0.1/"],
        "not a url",
        "http://evil.example.test/",
        "https://smba.trafficmanager.net/amer/",  # real, but not loopback: anonymous is local
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1:8080/",
        "ftp://127.0.0.1/",
        "http://127.0.0.1@evil.example.test/",
        "http://user:pw@127.0.0.1/",
        "file:///etc/passwd",
    ],
)
def test_anonymous_mode_refuses_a_bad_service_url_before_any_call(
    tmp_path: Path, anonymous: ChorusServer, connector: FakeConnector, service_url: Any
) -> None:
    body = activity(connector, text="checkin 3")
    if service_url is None:
        del body["serviceUrl"]
    else:
        body["serviceUrl"] = service_url
    status, text = post(anonymous, body)
    assert status == 400, text
    anonymous.stop()
    assert not connector.sent
    assert rows(tmp_path) == {}
    assert "Traceback" not in anonymous.log_text()


@pytest.mark.parametrize(
    "body",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"type": "message", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"type": "message", "n": ' + "1" * 5000 + "}",
        '{"type": "message", "text": "\xff"}',
    ],
)
def test_anonymous_mode_malformed_json_is_a_400(
    tmp_path: Path, anonymous: ChorusServer, body: str
) -> None:
    status, text = anonymous.request(
        "POST", "/api/messages", body, {"Content-Type": "application/json"}
    )
    assert status == 400, text
    anonymous.stop()
    assert rows(tmp_path) == {}
    assert "Traceback" not in anonymous.log_text()


@pytest.mark.parametrize("name", ["task/fetch", "composeExtension/query", "nonsense", None])
def test_an_unhandled_invoke_is_never_a_5xx(
    anonymous: ChorusServer, connector: FakeConnector, name: str | None
) -> None:
    status, text = post(anonymous, activity(connector, type="invoke", name=name, value={}))
    assert status < 500, text
    anonymous.stop()
    assert "Traceback" not in anonymous.log_text()


def test_a_lone_surrogate_gets_a_kind_message(
    anonymous: ChorusServer, connector: FakeConnector
) -> None:
    post(anonymous, activity(connector, text="\ud83d is how it starts"))
    [reply] = connector.wait_for(1)
    assert "broken character" in reply["text"]
    anonymous.stop()
    assert "Traceback" not in anonymous.log_text()


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(header: dict[str, Any], claims: dict[str, Any], key: bytes = b"") -> str:
    signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
    if header.get("alg") == "HS256":
        signature = hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
    else:
        signature = b"" if header.get("alg") == "none" else b"\x01" * 256
    return signing_input + "." + b64(signature)


CLAIMS = {
    "aud": CREDENTIALS[f"{PREFIX}CLIENTID"],
    "iss": "https://api.botframework.com",
    "serviceurl": "https://smba.trafficmanager.net/amer/",
    "exp": 4_000_000_000,
}
FORGED = [
    token({"alg": "none", "typ": "JWT"}, CLAIMS),
    token({"alg": "HS256", "typ": "JWT"}, CLAIMS, b"guess"),
    token({"alg": "RS256", "typ": "JWT"}, CLAIMS),
    token({"alg": "RS256", "kid": 5}, CLAIMS),
    token({"alg": "RS256", "kid": ""}, CLAIMS),
    token({"alg": "HS256", "kid": "abc"}, CLAIMS, b"guess"),
    b64(b"[1]") + "." + b64(b"{}") + ".",
    "not-a-jwt",
    "a.b.c",
    "...",
]


@pytest.mark.parametrize("forged", FORGED, ids=range(len(FORGED)))
def test_forged_tokens_get_401(
    tmp_path: Path, guarded: ChorusServer, connector: FakeConnector, forged: str
) -> None:
    status, text = guarded.request(
        "POST",
        "/api/messages",
        json.dumps(activity(connector, text="checkin 3")),
        {"Content-Type": "application/json", "Authorization": f"Bearer {forged}"},
    )
    assert status == 401, text
    guarded.stop()
    assert not connector.sent
    assert rows(tmp_path) == {}
    assert "Traceback" not in guarded.log_text()


def test_credentials_mode_authenticates_before_it_parses(guarded: ChorusServer) -> None:
    status, _ = guarded.request(
        "POST", "/api/messages", "[" * 100_000, {"Content-Type": "application/json"}
    )
    assert status == 401
