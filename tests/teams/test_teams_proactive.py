"""Proactive Teams messages: nudges and channel tips through stored conversation references."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.coach.schedule import DAYS, next_at
from tests.fakes.bot_connector import FakeConnector
from tests.fakes.chorus_server import ChorusServer, run_due
from tests.fakes.slack_api import FakeSlack
from tests.slack.test_scheduled import first, iso
from tests.teams.test_teams_http import activity, cards, post

ANONYMOUS = {"CHORUS_TEAMS": "anonymous"}  # the fake Bot Connector is on loopback


def test_a_nudge_reaches_the_personal_chat_through_its_reference(
    tmp_path: Path, teams: ChorusServer, connector: FakeConnector
) -> None:
    server = teams
    post(server, activity(connector, text="checkin 3"))
    connector.wait_for(1)
    server.stop()
    assert "1 sent" in run_due(tmp_path, iso(first(DAYS[:5])), **ANONYMOUS)
    nudge = connector.messages()[-1]
    assert connector.sent[-1].path.startswith("/v3/conversations/a:personal-1/activities")
    titles = [a["title"] for a in cards(nudge)[0]["actions"]]
    assert "Stop nudges" in titles and "Pause a week" in titles


def test_channel_tips_reach_the_channel(
    tmp_path: Path, teams: ChorusServer, connector: FakeConnector
) -> None:
    server = teams  # the fixture stops it even when the test fails
    post(
        server,
        activity(
            connector,
            conversation_type="channel",
            conversation={
                "id": "19:team-channel",
                "conversationType": "channel",
                "tenantId": "tenant-1",
            },
            text="<at>Chorus</at> tips here daily 10:00",
        ),
    )
    [confirmation] = connector.wait_for(1)
    assert "every day at 10:00 (Europe/Berlin)" in confirmation["text"]
    server.stop()
    out = run_due(tmp_path, iso(first(DAYS, clock="10:00")), **ANONYMOUS)
    assert "sent" in out
    tip = connector.messages()[-1]
    assert connector.sent[-1].path.startswith("/v3/conversations/19:team-channel/activities")
    assert "Try this today" in tip["text"]


def test_a_user_without_a_reference_is_marked_gone(tmp_path: Path, fake: FakeSlack) -> None:
    ChorusServer(tmp_path, fake, **ANONYMOUS).stop()  # creates and migrates the database
    db = sqlite3.connect(tmp_path / "chorus.db")
    db.execute(
        "INSERT INTO users (platform, team_id, user_id, tz, created)"
        " VALUES ('teams', 't', 'u', 'Europe/Berlin', '2026-11-01T00:00:00+00:00')"
    )
    db.commit()
    scheduled_at = first(DAYS[:5])
    # this sweep schedules them
    assert "nothing due" in run_due(tmp_path, iso(scheduled_at), **ANONYMOUS)
    due = next_at(DAYS[:5], "09:30", scheduled_at, ZoneInfo("Europe/Berlin"))
    assert due is not None
    assert "1 gone" in run_due(tmp_path, iso(due), **ANONYMOUS)
