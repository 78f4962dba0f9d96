"""Issue 13 in Teams, end to end through a real `chorus serve` and the fake Bot Connector:
the people-picker card, the expert's card, a campaign in a channel, and the settings card."""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import FIXTURES
from tests.fakes.bot_connector import FakeConnector
from tests.fakes.chorus_server import ChorusServer
from tests.fakes.slack_api import FakeSlack
from tests.teams.parts import all_actions, shown
from tests.teams.test_teams_http import SCHEMA, activity, cards, post

DRAFT = (
    "We cut our CI time from 40 minutes to 9 minutes last week.\n"
    "I think caching mattered most because installs were the slow step. What's yours?"
)
SECRET = "We cut our CI time"
EXAMPLES = yaml.safe_load((FIXTURES / "together" / "authenticity.yaml").read_text())
ALICE = {"id": "29:alice", "name": "Alice", "aadObjectId": "aad-alice"}
BOB = {"id": "29:bob", "name": "Bob", "aadObjectId": "aad-bob"}
CAROL = {"id": "29:carol", "name": "Carol", "aadObjectId": "aad-carol"}
CHANNEL = {"id": "19:launch", "conversationType": "channel", "tenantId": "tenant-1"}


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    fake = FakeConnector().start()
    yield fake
    fake.stop()


@pytest.fixture
def teams(tmp_path: Path, fake: FakeSlack) -> Iterator[ChorusServer]:
    chorus = ChorusServer(
        tmp_path, fake, CHORUS_TEAMS="anonymous", CHORUS_ADMINS="aad-alice", CHORUS_COMPANY="Acme"
    )
    yield chorus
    chorus.stop()


def personal(who: dict[str, str]) -> dict[str, str]:
    return {
        "id": f"a:personal-{who['name'].lower()}",
        "conversationType": "personal",
        "tenantId": "tenant-1",
    }


def say(teams: ChorusServer, connector: FakeConnector, who: dict, n: int, **fields: Any) -> dict:
    """Send an activity from `who` in their personal chat (unless a conversation is given) and
    wait for the `n`th message Chorus sends in all."""
    fields.setdefault("conversation", personal(who))
    post(teams, activity(connector, **{"from": who, "id": f"act-{n}", **fields}))
    return connector.wait_for(n)[n - 1]


def sent_to(connector: FakeConnector, conversation: str) -> list[dict]:
    return [s.activity for s in connector.sent if f"/conversations/{conversation}/" in s.path]


def wait_text(connector: FakeConnector, conversation: str, needle: str) -> dict:
    """The newest message to `conversation` that says `needle`, once it has arrived."""

    def found() -> list[dict]:
        return [a for a in sent_to(connector, conversation) if needle in json.dumps(a)]

    with connector._changed:
        assert connector._changed.wait_for(lambda: bool(found()), 20), needle
    return found()[-1]


def valid(card: dict) -> dict:
    """Valid Adaptive Card 1.5, once Teams' own people-picker extension is set aside."""
    plain = copy.deepcopy(card)
    for element in plain["body"]:
        element.pop("choices.data", None)
    jsonschema.validate(plain, SCHEMA)
    return card


def test_ask_with_the_people_picker_and_each_answer(
    teams: ChorusServer, connector: FakeConnector
) -> None:
    say(teams, connector, BOB, 1, text="checkin 3")  # Bob has a chat with Chorus
    critique = say(teams, connector, ALICE, 2, text=DRAFT)
    ask = next(a for a in all_actions(cards(critique)[0]) if a["title"] == "Ask an expert")
    form = say(teams, connector, ALICE, 3, text=None, value=ask["data"])
    picker = valid(cards(form)[0])["body"][1]
    assert picker["type"] == "Input.ChoiceSet"
    assert picker["choices.data"] == {"type": "Data.Query", "dataset": "graph.microsoft.com/users"}
    submit = cards(form)[0]["actions"][0]["data"]
    say(
        teams,
        connector,
        ALICE,
        5,
        text=None,
        value={**submit, "expert": "aad-bob", "question": "Is 9 right?"},
    )
    [request] = [a for a in sent_to(connector, "a:personal-bob") if "asks you to check" in shown(a)]
    body = json.dumps(valid(cards(request)[0]))
    assert "Alice asks you" in body and "Is 9 right?" in body and SECRET in body
    assert any(
        "I sent your draft to Bob" in shown(a) for a in sent_to(connector, "a:personal-alice")
    )
    looks = next(a for a in all_actions(cards(request)[0]) if a["title"] == "Looks right")
    say(teams, connector, BOB, 7, text=None, value=looks["data"])
    assert any("looks right to them" in shown(a) for a in sent_to(connector, "a:personal-alice"))
    assert SECRET in json.dumps([s.activity for s in connector.sent])
    for sent in connector.sent:
        if SECRET in json.dumps(sent.activity):
            assert "a:personal-alice" in sent.path or "a:personal-bob" in sent.path


def test_suggest_a_change_and_a_typed_mention(
    teams: ChorusServer, connector: FakeConnector
) -> None:
    say(teams, connector, BOB, 1, text="checkin 3")
    say(teams, connector, ALICE, 2, text=DRAFT)
    mention = {
        "type": "mention",
        "text": "<at>Bob</at>",
        "mentioned": {"id": "29:bob", "name": "Bob"},
    }
    say(teams, connector, ALICE, 4, text="ask <at>Bob</at> too long?", entities=[mention])
    [request] = [a for a in sent_to(connector, "a:personal-bob") if "asks you to check" in shown(a)]
    suggest = next(a for a in all_actions(cards(request)[0]) if a["title"] == "Suggest a change")
    form = say(teams, connector, BOB, 5, text=None, value=suggest["data"])
    data = valid(cards(form)[0])["actions"][0]["data"]
    say(teams, connector, BOB, 7, text=None, value={**data, "comment": "Say nine minutes."})
    told = [a for a in sent_to(connector, "a:personal-alice") if "suggests a change" in shown(a)]
    assert told and "Say nine minutes." in shown(told[0])


@pytest.mark.parametrize(
    ("expert", "says"),
    [("aad-alice", "That's you!"), ("aad-nobody", "I can't reach")],
)
def test_refusals(teams: ChorusServer, connector: FakeConnector, expert: str, says: str) -> None:
    say(teams, connector, ALICE, 1, text=DRAFT)
    refused = say(
        teams,
        connector,
        ALICE,
        2,
        text=None,
        value={"chorus_form": "ask", "ref": "1", "expert": expert},
    )
    assert says in shown(refused)
    assert all(SECRET not in json.dumps(s.activity) for s in connector.sent[1:])


def test_a_campaign_in_a_channel(teams: ChorusServer, connector: FakeConnector) -> None:
    say(teams, connector, BOB, 1, text="checkin 3")
    until = (date.today() + timedelta(days=60)).isoformat()
    start = f'<at>Chorus</at> campaign start "Launch of Acme Sync" until {until}'
    form = say(teams, connector, ALICE, 2, text=start, conversation=CHANNEL)
    brief = valid(cards(form)[0])["actions"][0]["data"]
    forged = say(
        teams, connector, BOB, 3, text=None, conversation=CHANNEL, value={**brief, "facts": "x"}
    )
    assert "Only the person who started" in shown(forged)
    say(
        teams,
        connector,
        ALICE,
        4,
        text=None,
        conversation=CHANNEL,
        value={**brief, "facts": EXAMPLES["brief"]},
    )
    [announcement] = [a for a in sent_to(connector, "19:launch") if "Campaign: Launch" in shown(a)]
    join = valid(cards(announcement)[0])["actions"][0]["data"]
    say(teams, connector, BOB, 5, text=None, conversation=CHANNEL, value=join)
    assert any("You're in" in shown(a) for a in sent_to(connector, "a:personal-bob"))
    assert not any("You're in" in shown(a) for a in sent_to(connector, "19:launch"))
    bob_says = {"from": BOB, "id": "act-6", "conversation": personal(BOB)}
    post(teams, activity(connector, **bob_says, text=f"campaign draft {EXAMPLES['brief']}"))
    wait_text(connector, "a:personal-bob", "This reads like the brief")
    alice_says = {"from": ALICE, "id": "act-7", "conversation": CHANNEL}
    post(teams, activity(connector, **alice_says, text="<at>Chorus</at> campaign status"))
    status = wait_text(connector, "19:launch", "joined")
    assert "1 joined, 1 drafted, 0 posted" in shown(status) and "Bob" not in shown(status)
    said = json.dumps(
        [(a.get("text"), a.get("attachments")) for a in sent_to(connector, "19:launch")]
    )
    assert "Bob" not in said and "reads like the brief" not in said and "You're in" not in said


def test_settings_card_for_admins_only(
    teams: ChorusServer, connector: FakeConnector, tmp_path: Path
) -> None:
    settings = say(teams, connector, ALICE, 1, text="settings")
    edit = next(a for a in all_actions(cards(settings)[0]) if a["title"] == "Edit settings")
    form = say(teams, connector, ALICE, 2, text=None, value=edit["data"])
    data = valid(cards(form)[0])["actions"][0]["data"]
    saved = say(
        teams,
        connector,
        ALICE,
        3,
        text=None,
        value={
            **data,
            "companies": "Acme",
            "policy_terms": "Falcon",
            "default_platform": "linkedin",
        },
    )
    assert "Saved" in shown(saved)
    falcon = "Falcon ships next week.\nI think it changes how we plan releases. What do you think?"
    flagged = say(teams, connector, BOB, 4, text=falcon)
    assert "Your company policy flags" in json.dumps(flagged)
    other = {"id": "a:personal-zed", "conversationType": "personal", "tenantId": "tenant-2"}
    unflagged = say(
        teams,
        connector,
        {"id": "29:zed", "name": "Zed", "aadObjectId": "aad-zed"},
        5,
        text=falcon,
        conversation=other,
    )
    assert "policy flags" not in json.dumps(unflagged)
    refused = say(teams, connector, BOB, 6, text="settings")
    assert "for your workspace's Chorus admins" in shown(refused) and "Falcon" not in shown(refused)
    forged = say(teams, connector, BOB, 7, text=None, value={**data, "policy_terms": "Nothing"})
    assert "for your workspace's Chorus admins" in shown(forged)
    teams.stop()
    rows = (
        sqlite3.connect(tmp_path / "chorus.db")
        .execute("SELECT actor_id, name FROM settings_audit ORDER BY id")
        .fetchall()
    )
    assert rows == [("aad-alice", "policy_terms")]  # Acme and LinkedIn were the defaults already
