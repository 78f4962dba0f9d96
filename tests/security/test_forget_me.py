"""`forget me confirm` leaves nothing behind: every table, every column, every row is searched
for the user's identifiers and words (tables added later are covered automatically), on SQLite
and on PostgreSQL, where slack_sdk's SQLAlchemy stores keep the installations."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import psycopg
import pytest

from tests.conftest import BACKENDS, location_for
from tests.fakes.bot_connector import FakeConnector
from tests.fakes.chorus_server import ChorusServer
from tests.fakes.openai_api import FakeOpenAI
from tests.fakes.slack_api import FakeSlack
from tests.teams.test_teams_http import activity, post

TEAM = "T9"
SLACK_USER = "UFORGETME"
SLACK_BYSTANDER = "UKEEPME"
TEAMS_USER = {"id": "29:forget-me", "name": "Forget Me Name", "aadObjectId": "aad-forget-me"}
TEAMS_BYSTANDER = {"id": "29:keep-me", "name": "Keep Me Name", "aadObjectId": "aad-keep-me"}
MARKER = "Zanzibarquux"
DRAFT = (
    f"I think our {MARKER} team just shipped something kind of cool. We cut build times from "
    "40 minutes to 9 by caching installs. What would you cache first?"
)
THEIR_DRAFT = DRAFT.replace(MARKER, "platform")
FORGOTTEN = (SLACK_USER, *TEAMS_USER.values(), MARKER)


def install(server: ChorusServer) -> None:
    """The multi-workspace install, done by SLACK_USER."""
    _, headers, page = server.get("/slack/install")
    link = re.search(r'href="(https://slack\.com/oauth/v2/authorize\?[^"]+)"', page)
    assert link is not None
    state = parse_qs(urlparse(link[1].replace("&amp;", "&")).query)["state"][0]
    cookie = headers["Set-Cookie"].split(";")[0]
    status, _, _ = server.get(f"/slack/oauth_redirect?code=abc&state={state}", {"Cookie": cookie})
    assert status == 200


def slack_dm(server: ChorusServer, user: str, text: str, n: int) -> None:
    event = {
        "type": "message",
        "channel_type": "im",
        "channel": f"D{user}",
        "user": user,
        "text": text,
        "ts": f"1700000000.{n:06d}",
    }
    assert server.event(event, team=TEAM)[0] == 200


def slack_command(server: ChorusServer, user: str, text: str, channel: str) -> None:
    body = urlencode(
        {
            "team_id": TEAM,
            "channel_id": channel,
            "user_id": user,
            "command": "/chorus",
            "text": text,
            "response_url": server.fake.response_url,
            "trigger_id": f"trig.{user}.{text}",
        }
    )
    assert server.signed(body, "application/x-www-form-urlencoded")[0] == 200


def teams(server: ChorusServer, connector: FakeConnector, sender: dict, text: str, **extra) -> None:
    sent = activity(connector, text=text, **extra)
    sent["from"] = sender
    sent["id"] = f"act-{len(connector.sent)}-{text[:8]}"
    if "conversation" not in extra:
        sent["conversation"]["id"] = f"a:personal-{sender['id']}"
    assert post(server, sent)[0] in (200, 202)


def query(location: str, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """(column names, rows) of one statement, straight through the database's own driver."""
    if location.startswith("postgresql://"):
        with psycopg.connect(location) as conn:
            cursor = conn.execute(sql)  # type: ignore[arg-type]
            return [d.name for d in cursor.description or ()], cursor.fetchall()
    db = sqlite3.connect(location)
    try:
        cursor = db.execute(sql)
        return [d[0] for d in cursor.description], cursor.fetchall()
    finally:
        db.close()


def tables(location: str) -> list[str]:
    """Every table: SQLite's catalogue, or PostgreSQL's for the schema the test works in."""
    if location.startswith("postgresql://"):
        sql = (
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
    return [r[0] for r in query(location, sql)[1]]


def everything(location: str) -> list[tuple[str, str, str]]:
    """(table, column, value as text) for every cell of every table in the database."""
    cells = []
    for table in tables(location):
        columns, rows = query(location, f'SELECT * FROM "{table}"')
        for row in rows:
            cells += [(table, c, str(v)) for c, v in zip(columns, row, strict=True)]
    return cells


@pytest.mark.parametrize("backend", BACKENDS)
def test_forget_me_leaves_no_trace_in_any_table(
    backend: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    fake: FakeSlack,
    fake_ai: FakeOpenAI,
    connector: FakeConnector,
) -> None:
    location = location_for(backend, request, tmp_path)
    database = {"DATABASE_URL": location} if backend == "postgresql" else {"CHORUS_DB": location}
    fake.installer = SLACK_USER
    fake.member_of.add("C9")
    server = ChorusServer(
        tmp_path,
        fake,
        **database,
        SLACK_BOT_TOKEN="",
        SLACK_CLIENT_ID="111.222",
        SLACK_CLIENT_SECRET="client-secret",
        CHORUS_TEAMS="anonymous",
        OPENAI_BASE_URL=fake_ai.base_url,
    )
    try:
        install(server)
        for n, text in enumerate([DRAFT, f"goal {MARKER} every week", "checkin 2"]):
            slack_dm(server, SLACK_USER, text, n)
        slack_dm(server, SLACK_BYSTANDER, THEIR_DRAFT, 9)
        fake.wait_for_calls("chat.postMessage", 4)
        slack_command(server, SLACK_USER, "tips here daily 10:00", "C9")
        slack_command(server, SLACK_USER, "nudges at 08:15", "C9")
        fake.wait_for_calls("respond", 2)

        teams(server, connector, TEAMS_USER, DRAFT)
        teams(server, connector, TEAMS_USER, f"goal {MARKER} daily")
        teams(server, connector, TEAMS_BYSTANDER, THEIR_DRAFT)
        channel = {"id": "19:forget-channel", "conversationType": "channel", "tenantId": "tenant-1"}
        teams(
            server,
            connector,
            TEAMS_USER,
            "<at>Chorus</at> tips here daily 10:00",
            conversation_type="channel",
            conversation=channel,
        )
        connector.wait_for(4)
        assert {"slack_installations", "agent_state"} <= set(tables(location))
        before = everything(location)
        for value in FORGOTTEN:  # the scenario really stored each of them somewhere
            assert any(value in cell for _, _, cell in before), value

        slack_dm(server, SLACK_USER, "forget me confirm", 20)
        teams(server, connector, TEAMS_USER, "forget me confirm")
        said = [c.args["text"] for c in fake.wait_for_calls("chat.postMessage", 5)]
        assert any("deleted everything" in s for s in said)
        assert "deleted everything" in connector.wait_for(5)[-1]["text"]
    finally:
        server.stop()

    left = [
        (table, column, value)
        for table, column, cell in everything(location)
        for value in FORGOTTEN
        if value in cell
    ]
    assert left == [], left
    after = everything(location)
    assert any(SLACK_BYSTANDER in cell for _, _, cell in after)  # only the one user forgotten
    assert any(TEAMS_BYSTANDER["aadObjectId"] in cell for _, _, cell in after)
    assert query(location, "SELECT count(*) FROM channel_tips")[1] == [(2,)]  # channels keep tips
    [(reference,)] = query(
        location, "SELECT reference FROM conversation_refs WHERE kind = 'channel'"
    )[1]
    assert json.loads(reference)["conversation"]["id"] == "19:forget-channel"
