"""Issue 13 in Slack, end to end through a real `chorus serve` and the fake Slack: ask an
expert, campaigns and settings per workspace, and no draft in any channel or third DM."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES
from tests.fakes.chorus_server import BOT_TOKEN, ChorusServer, run_due
from tests.fakes.slack_api import FakeSlack

DRAFT = (
    "We cut our CI time from 40 minutes to 9 minutes last week.\n"
    "I think caching mattered most because &lt;installs&gt; were the slow step. What's yours?"
)
SECRET = "We cut our CI time"
EXAMPLES = yaml.safe_load((FIXTURES / "together" / "authenticity.yaml").read_text())


@pytest.fixture
def server(tmp_path: Path, fake: FakeSlack) -> Iterator[ChorusServer]:
    fake.users.update(
        {
            "U1": {"real_name": "Ada", "team_id": "T1", "is_admin": True},
            "U2": {"real_name": "Bo", "team_id": "T1", "tz": "America/New_York"},
            "U3": {"real_name": "Cy", "team_id": "T1"},
            "U4": {"real_name": "Di", "team_id": "T1"},
            "UBOTX": {"real_name": "Helper", "team_id": "T1", "is_bot": True},
            "UGONE": {"real_name": "Ex", "team_id": "T1", "deleted": True},
            "UOUT": {"real_name": "Guest", "team_id": "T9"},
        }
    )
    chorus = ChorusServer(tmp_path, fake, CHORUS_COMPANY="Acme")
    yield chorus
    chorus.stop()


def posts_to(fake: FakeSlack, channel: str) -> list[dict]:
    return [c.args for c in fake.of("chat.postMessage") if c.args.get("channel") == channel]


def matching(fake: FakeSlack, channel: str, says: str) -> list[dict]:
    return [p for p in posts_to(fake, channel) if says in json.dumps(p, ensure_ascii=False)]


def wait_post(fake: FakeSlack, channel: str, says: str, after: int = 0) -> dict:
    """The newest post to `channel` that says `says`, once there are more than `after`."""
    fake.wait_for(lambda calls: len(matching(fake, channel, says)) > after)
    return matching(fake, channel, says)[-1]


def buttons(message: dict) -> dict[str, dict]:
    blocks = (
        message["blocks"] if isinstance(message["blocks"], list) else json.loads(message["blocks"])
    )
    return {e["text"]["text"]: e for b in blocks if b["type"] == "actions" for e in b["elements"]}


def assert_draft_stays_private(fake: FakeSlack, allowed: set[str]) -> None:
    """No message to a channel or a third user carries the draft."""
    for call in fake.calls:
        if SECRET in call.raw:
            assert call.method in ("chat.postMessage", "chat.update", "views.publish"), call.method
            assert call.args.get("channel") in allowed, (call.method, call.args.get("channel"))


def ask_bo(server: ChorusServer, fake: FakeSlack, question: str = "is 9 right?") -> dict:
    critiques = len(matching(fake, "DU1", "/100"))
    asked = len(matching(fake, "DU2", "asks you to check a draft"))
    server.dm(DRAFT)
    wait_post(fake, "DU1", "/100", critiques)
    server.dm(f"ask <@U2> {question}")
    return wait_post(fake, "DU2", "asks you to check a draft", asked)


def test_ask_then_each_answer_reaches_the_writer(server: ChorusServer, fake: FakeSlack) -> None:
    request = ask_bo(server, fake)
    text = json.dumps(request["blocks"])
    assert "Ada asks you" in text and "is 9 right?" in text
    quotes = [
        e["elements"][0]["text"]
        for b in request["blocks"]
        if b["type"] == "rich_text"
        for e in b["elements"]
        if e["type"] == "rich_text_quote"
    ]
    assert quotes and quotes[0].startswith("We cut our CI time")  # quoted as typed, literally
    assert "<installs>" in quotes[0]  # rich text shows it literally: nothing to escape
    mrkdwn = [b["text"]["text"] for b in request["blocks"] if b["type"] == "section"]
    assert "<installs>" not in json.dumps(mrkdwn) and "<installs>" not in request["text"]
    assert "I sent your draft to Bo" in json.dumps(wait_post(fake, "DU1", "I sent your draft"))
    answer = buttons(request)
    assert list(answer) == ["Looks right", "Suggest a change", "Not my area"]
    server.click(answer["Looks right"]["value"], "chorus:cmd:0", user="U2")
    assert "it looks right to them" in json.dumps(wait_post(fake, "DU1", "looks right to them"))

    second = buttons(ask_bo(server, fake, "too long?"))
    server.click(second["Suggest a change"]["value"], "chorus:cmd:1", user="U2")
    [form] = fake.wait_for_calls("views.open")
    assert form.args["view"]["callback_id"] == "together_suggest"
    server.interact(
        {
            "type": "view_submission",
            "user": {"id": "U2", "team_id": "T1"},
            "view": {
                "id": "V9",
                "type": "modal",
                "callback_id": "together_suggest",
                "private_metadata": form.args["view"]["private_metadata"],
                "state": {"values": {"comment": {"text": {"value": "Say <b>9 minutes</b>."}}}},
            },
        }
    )
    told = json.dumps(wait_post(fake, "DU1", "suggests a change"))
    quote = '"rich_text_quote", "elements": [{"type": "text", "text": "Say <b>9 minutes</b>."'
    assert quote in told

    third = buttons(ask_bo(server, fake))
    server.click(third["Not my area"]["value"], "chorus:cmd:2", user="U2")
    wait_post(fake, "DU1", "isn't their area")
    server.stop()
    assert_draft_stays_private(fake, {"DU1", "DU2"})


def test_the_button_under_a_critique_opens_a_people_picker(
    server: ChorusServer, fake: FakeSlack
) -> None:
    server.dm(DRAFT)
    critique = wait_post(fake, "DU1", "/100")
    ask = buttons(critique)["Ask an expert"]
    server.click(ask["value"], ask["action_id"])
    [form] = fake.wait_for_calls("views.open")
    view = form.args["view"]
    assert view["callback_id"] == "together_ask"
    assert view["blocks"][0]["element"]["type"] == "users_select"
    server.interact(
        {
            "type": "view_submission",
            "user": {"id": "U1", "team_id": "T1"},
            "view": {
                "id": "V3",
                "type": "modal",
                "callback_id": "together_ask",
                "private_metadata": view["private_metadata"],
                "state": {
                    "values": {
                        "expert": {"person": {"selected_user": "U3"}},
                        "question": {"text": {"value": "Accurate?"}},
                    }
                },
            },
        }
    )
    assert "Accurate?" in json.dumps(wait_post(fake, "DU3", "asks you to check"))
    server.stop()
    assert_draft_stays_private(fake, {"DU1", "DU3"})


@pytest.mark.parametrize(
    ("who", "says"),
    [
        ("<@U1>", "That's you!"),
        ("<@UBOTX>", "That's a bot"),
        ("<@UOUT>", "people in this workspace"),
        ("<@UGONE>", "isn't active in this workspace"),
    ],
)
def test_refusals(server: ChorusServer, fake: FakeSlack, who: str, says: str) -> None:
    server.dm(DRAFT)
    wait_post(fake, "DU1", "/100")
    server.dm(f"ask {who} ok?")
    wait_post(fake, "DU1", says)
    server.stop()
    assert_draft_stays_private(fake, {"DU1"})


def test_a_tenth_request_and_a_stopped_writer_are_refused(
    server: ChorusServer, fake: FakeSlack
) -> None:
    server.dm(DRAFT)
    wait_post(fake, "DU1", "/100")
    for n in range(9):
        server.dm(f"ask <@U{2 + n % 3}> ok?")
        fake.wait_for(lambda calls, n=n: sum("I sent your draft" in c.raw for c in calls) > n)
    server.dm("ask <@U2> one more?")
    wait_post(fake, "DU1", "9 requests waiting")
    server.dm("stop requests from <@U1>", user="U2")
    wait_post(fake, "DU2", "can't send you requests any more")


def test_reminder_and_expiry_on_a_controllable_clock(
    tmp_path: Path, server: ChorusServer, fake: FakeSlack
) -> None:
    ask_bo(server, fake)
    server.stop()
    db = sqlite3.connect(tmp_path / "chorus.db")
    remind_at, expires = db.execute("SELECT remind_at, expires FROM expert_requests").fetchone()
    created = datetime.fromisoformat(
        db.execute("SELECT created FROM expert_requests").fetchone()[0]
    )
    assert datetime.fromisoformat(remind_at) - created >= timedelta(days=2)
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": fake.api_url}
    before = datetime.fromisoformat(remind_at) - timedelta(minutes=1)
    run_due(tmp_path, before.isoformat(), **env)
    assert not matching(fake, "DU2", "friendly reminder")
    run_due(tmp_path, remind_at, **env)
    assert len(matching(fake, "DU2", "friendly reminder")) == 1
    run_due(tmp_path, remind_at, **env)
    assert len(matching(fake, "DU2", "friendly reminder")) == 1
    run_due(tmp_path, expires, **env)
    assert len(matching(fake, "DU1", "expired after 7 days")) == 1
    assert len(matching(fake, "DU2", "has expired")) == 1
    assert db.execute("SELECT draft FROM expert_requests").fetchone() == (None,)
    assert_draft_stays_private(fake, {"DU1", "DU2"})


def test_forget_me_and_my_data(server: ChorusServer, fake: FakeSlack, tmp_path: Path) -> None:
    request = buttons(ask_bo(server, fake))
    server.click(request["Looks right"]["value"], "chorus:cmd:0", user="U2")
    wait_post(fake, "DU1", "looks right")
    server.dm("progress")
    wait_post(fake, "DU1", "Drafts checked by an expert: 1")
    server.dm("my data")
    wait_post(fake, "DU1", "1 made, 0 received")
    server.dm("forget me confirm")
    wait_post(fake, "DU1", "deleted everything")
    server.stop()
    db = sqlite3.connect(tmp_path / "chorus.db")
    assert db.execute("SELECT count(*) FROM expert_requests").fetchone() == (0,)


# campaigns


def start(server: ChorusServer, fake: FakeSlack) -> None:
    fake.member_of.add("C1")
    until = (date.today() + timedelta(days=60)).isoformat()
    server.command(f'campaign start "Launch of Acme Sync" until {until}')
    [form] = fake.wait_for_calls("views.open")
    assert form.args["view"]["callback_id"] == "together_campaign"
    server.interact(
        {
            "type": "view_submission",
            "user": {"id": "U1", "team_id": "T1"},
            "view": {
                "id": "V4",
                "type": "modal",
                "callback_id": "together_campaign",
                "private_metadata": form.args["view"]["private_metadata"],
                "state": {
                    "values": {
                        "facts": {"text": {"value": EXAMPLES["brief"]}},
                        "link": {"text": {"value": "https://acme.example/sync"}},
                        "audience": {"text": {"value": "developers"}},
                    }
                },
            },
        }
    )


def test_a_campaign_with_three_participants(
    tmp_path: Path, server: ChorusServer, fake: FakeSlack, request: pytest.FixtureRequest
) -> None:
    start(server, fake)
    announcement = wait_post(fake, "C1", "Campaign: Launch of Acme Sync")
    join = buttons(announcement)["Join"]
    channel = {"type": "message", "channel_id": "C1", "message_ts": "1.1", "is_ephemeral": False}
    for n, user in enumerate(("U2", "U3", "U4"), 1):
        server.click(join["value"], join["action_id"], user=user, container=channel)
        fake.wait_for(lambda calls, n=n: sum("You're in" in c.raw for c in calls) >= n)
    joined = [c for c in fake.of("respond") if "You're in" in c.raw]
    assert len(joined) == 3 and all(c.args["response_type"] == "ephemeral" for c in joined)
    assert not matching(fake, "C1", "You're in")  # joining is nobody else's business
    server.stop()
    db = sqlite3.connect(tmp_path / "chorus.db")
    [due] = db.execute("SELECT max(nudge_due) FROM campaign_members").fetchone()
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": fake.api_url, "CHORUS_COMPANY": "Acme"}
    assert "sent" in run_due(tmp_path, due, **env)  # with the daily nudges due then
    for dm in ("DU2", "DU3", "DU4"):
        [nudge] = matching(fake, dm, "your own take")
        assert "say you work at Acme" in json.dumps(nudge)
    run_due(tmp_path, due, **env)
    assert len(matching(fake, "DU2", "your own take")) == 1  # one nudge, whatever the sweeps

    server = ChorusServer(tmp_path, fake, CHORUS_COMPANY="Acme")
    request.addfinalizer(server.stop)  # stopped even when an assert fails
    server.dm(f"campaign draft {EXAMPLES['brief']}", user="U2")
    copied = json.dumps(wait_post(fake, "DU2", "For “Launch"))
    assert "This reads like the brief" in copied
    honest = EXAMPLES["cases"][7]["text"]
    server.dm(f"campaign draft {honest}", user="U3")
    own = wait_post(fake, "DU3", "For “Launch")
    assert "reads like" not in json.dumps(own) and "campaign post needs" not in json.dumps(own)
    posted = buttons(own)["I posted it"]
    server.click(posted["value"], posted["action_id"], user="U3")
    wait_post(fake, "DU3", "Posted: well done")
    server.command("campaign status")
    fake.wait_for(lambda calls: any(c.method == "respond" and "median" in c.raw for c in calls))
    status = [c for c in fake.of("respond") if "median" in c.raw][-1].args
    assert status["response_type"] == "ephemeral"
    assert "3 joined, 2 drafted, 1 posted" in status["text"]
    for name in ("Bo", "Cy", "Di", "U2", "U3", "U4", "Acme Sync is now", "config file"):
        assert name not in status["text"]
    server.command("campaign stop")
    wait_post(fake, "C1", "has ended")
    server.stop()
    channel_text = " ".join(json.dumps(p) for p in posts_to(fake, "C1"))
    assert "config file" not in channel_text and "Bo" not in channel_text


# settings per workspace


def home_of(fake: FakeSlack, user: str) -> str:
    fake.wait_for(
        lambda calls: any(
            c.method == "views.publish" and c.args.get("user_id") == user for c in calls
        )
    )
    return json.dumps([c.args for c in fake.of("views.publish") if c.args["user_id"] == user][-1])


def test_an_admin_sets_policy_terms_for_this_workspace_only(
    server: ChorusServer, fake: FakeSlack, tmp_path: Path
) -> None:
    server.event({"type": "app_home_opened", "user": "U1", "tab": "home"})
    assert "Settings (admins only)" in home_of(fake, "U1")
    server.event({"type": "app_home_opened", "user": "U2", "tab": "home"})
    assert "Settings" not in home_of(fake, "U2")
    server.command("settings policy Falcon")
    fake.wait_for(lambda calls: any("Saved policy terms" in c.raw for c in calls))
    falcon = "Falcon ships next week.\nI think it changes how we plan releases. What do you think?"
    server.dm(falcon, user="U2")
    assert "Your company policy flags" in json.dumps(wait_post(fake, "DU2", "/100"))
    server.event(
        {
            "type": "message",
            "channel_type": "im",
            "channel": "DZ9",
            "user": "Z9",
            "text": falcon,
            "ts": "1700000300.000001",
        },
        team="T2",
    )
    assert "policy flags" not in json.dumps(wait_post(fake, "DZ9", "/100"))
    server.stop()
    rows = (
        sqlite3.connect(tmp_path / "chorus.db")
        .execute("SELECT team_id, actor_id, name FROM settings_audit")
        .fetchall()
    )
    assert rows == [("T1", "U1", "policy_terms")]


def test_a_non_admin_cannot_see_or_change_settings_even_with_forged_payloads(
    server: ChorusServer, fake: FakeSlack, tmp_path: Path
) -> None:
    server.command("settings", user="U2")
    fake.wait_for(lambda calls: any("for your workspace's Chorus admins" in c.raw for c in calls))
    server.click(
        "settings edit",
        "chorus:cmd:settings",
        user="U2",
        container={"type": "view", "view_id": "V1"},
    )
    fake.wait_for(
        lambda calls: sum("for your workspace's Chorus admins" in c.raw for c in calls) >= 2
    )
    status, body = server.interact(
        {
            "type": "view_submission",
            "user": {"id": "U2", "team_id": "T1"},
            "view": {
                "id": "V5",
                "type": "modal",
                "callback_id": "together_settings",
                "state": {
                    "values": {
                        "policy_terms": {"text": {"value": "Nothing"}},
                        "companies": {"text": {"value": ""}},
                    }
                },
            },
        }
    )
    assert status == 200 and "admins" in json.loads(body)["errors"]["companies"]
    server.command("settings policy Nothing", user="U2")
    fake.wait_for(
        lambda calls: sum("for your workspace's Chorus admins" in c.raw for c in calls) >= 3
    )
    server.stop()
    assert not fake.of("views.open")
    db = sqlite3.connect(tmp_path / "chorus.db")
    assert db.execute("SELECT count(*) FROM settings_audit").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM workspace_settings").fetchone() == (0,)


def test_settings_export_prints_who_changed_what(
    server: ChorusServer, fake: FakeSlack, tmp_path: Path
) -> None:
    server.command("settings companies Acme, Acme Cloud")
    fake.wait_for(lambda calls: any("Saved companies" in c.raw for c in calls))
    server.stop()
    import subprocess
    import sys

    from tests.fakes.chorus_server import clean_env

    out = subprocess.run(
        [sys.executable, "-m", "bot", "settings", "export"],
        cwd=tmp_path,
        env=clean_env(CHORUS_DB=str(tmp_path / "chorus.db")),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    [workspace] = json.loads(out)["workspaces"]
    assert workspace["settings"]["companies"] == ["Acme", "Acme Cloud"]
    [change] = workspace["changes"]
    assert change["by"] == "U1" and change["setting"] == "companies"
    assert datetime.fromisoformat(change["at"]).tzinfo == UTC or change["at"].endswith("+00:00")
