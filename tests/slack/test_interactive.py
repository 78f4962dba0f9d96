"""/chorus, the message shortcut, buttons and forms, over real HTTP to `chorus serve`."""

from __future__ import annotations

import json

import pytest

from tests.fakes.chorus_server import ChorusServer
from tests.fakes.slack_api import FakeSlack

DRAFT = (
    "I think our team just shipped something kind of cool. We cut build times from 40 "
    "minutes to 9 by caching installs, and I'm no expert but it seems to work."
)


def responses(fake: FakeSlack, count: int = 1) -> list[dict]:
    return [c.args for c in fake.wait_for_calls("respond", count)]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "Here's what I can do"),
        ("help", "/chorus tips here weekly mon 10:00"),
        ("goal posts 2 per week on linkedin", "Goal #1 set"),
        ("goal", "No goals yet"),
        ("checkin 4", "Thanks. 4/5"),
        ("checkin 9", "from 1 (not at all confident) to 5"),
        ("progress", "No drafts yet"),
        ("platform x", "I'll check your drafts for X"),
        ("platform myspace", "don't know the platform"),
        ("nudges", "weekdays at 09:30"),
        ("nudges off", "Nudges: off"),
        ("nudges on", "Nudges: weekdays at 09:30"),
        ("nudges at 08:15", "at 08:15"),
        ("nudges days mon-fri", "weekdays"),
        ("nudges days mon,wed,fri", "Mon, Wed, Fri"),
        ("nudges snooze 3d", "snoozed until"),
        ("nudges at 25:00", "isn't a time I can read"),
        ("tips", "no tips yet"),
        ("forget me", "Send `forget me confirm`"),
        ("my data", "time zone Europe/Berlin"),
        ("how do I grow my followers?", "Tip:"),
    ],
)
def test_every_slash_subcommand_answers_privately(
    server: ChorusServer, fake: FakeSlack, text: str, says: str
) -> None:
    status, _ = server.command(text)
    assert status == 200
    [answer] = responses(fake)
    assert answer["response_type"] == "ephemeral"
    assert says in answer["text"], answer["text"]


def test_slash_review_critiques_privately(server: ChorusServer, fake: FakeSlack) -> None:
    server.command(f"review for bluesky: {DRAFT}")
    [answer] = responses(fake)
    assert answer["response_type"] == "ephemeral"
    assert "/100* for Bluesky" in json.dumps(answer["blocks"])
    fake.wait_for_calls("views.publish")
    server.stop()
    assert not fake.of("chat.postMessage")  # nothing public


def test_tips_are_scheduled_only_where_chorus_is_a_member(
    server: ChorusServer, fake: FakeSlack
) -> None:
    server.command("tips here weekly mon 10:00", channel="C_OUT")
    assert "Invite me to this channel first" in responses(fake)[0]["text"]
    fake.member_of.add("C_IN")
    server.command("tips here weekly mon 10:00", channel="C_IN")
    said = responses(fake, 2)[1]["text"]
    assert "every Mon at 10:00 (Europe/Berlin)" in said
    server.command("tips off", channel="C_IN")
    assert "no more tips" in responses(fake, 3)[2]["text"]


def test_forget_me_needs_the_confirm_button(server: ChorusServer, fake: FakeSlack) -> None:
    server.dm(DRAFT)
    fake.wait_for_calls("chat.postMessage")
    server.command("forget me")
    [confirm] = responses(fake)
    button = confirm["blocks"][-1]["elements"][0]
    assert button["style"] == "danger" and "confirm" in button
    server.click(
        button["value"], button["action_id"], container={"type": "message", "is_ephemeral": True}
    )
    [_, done] = responses(fake, 2)
    assert "deleted everything" in done["text"]
    server.command("my data")
    after = responses(fake, 3)[2]["text"]
    assert "0 critiques" in after and "cut build times" not in after


def test_the_shortcut_sends_the_critique_to_the_dm_only(
    server: ChorusServer, fake: FakeSlack
) -> None:
    status, _ = server.interact(
        {
            "type": "message_action",
            "callback_id": "chorus_feedback",
            "user": {"id": "U1"},
            "channel": {"id": "C_PUBLIC"},
            "message": {"type": "message", "user": "U2", "ts": "1.2", "text": DRAFT},
        }
    )
    assert status == 200
    [post] = fake.wait_for_calls("chat.postMessage")
    assert post.args["channel"] == "DU1"
    assert fake.of("conversations.open")[0].args["users"] == "U1"
    assert "/100* for LinkedIn" in json.dumps(post.args["blocks"])
    server.stop()
    assert all(c.args.get("channel") != "C_PUBLIC" for c in fake.calls)


def test_the_shortcut_on_an_empty_message_explains(server: ChorusServer, fake: FakeSlack) -> None:
    server.interact(
        {
            "type": "message_action",
            "callback_id": "chorus_feedback",
            "user": {"id": "U1"},
            "channel": {"id": "C1"},
            "message": {"type": "message", "ts": "1.3", "text": ""},
        }
    )
    [post] = fake.wait_for_calls("chat.postMessage")
    assert "didn't get any text" in post.args["text"]


def critique_buttons(fake: FakeSlack) -> dict[str, dict]:
    [post] = fake.wait_for_calls("chat.postMessage")
    elements = [e for b in post.args["blocks"] if b["type"] == "actions" for e in b["elements"]]
    return {e["text"]["text"]: e for e in elements}


def test_every_critique_button(server: ChorusServer, fake: FakeSlack) -> None:
    server.dm(DRAFT)
    buttons = critique_buttons(fake)
    assert {"Helpful", "Not helpful", "Check for X", "Check for Bluesky", "Set a goal"} <= set(
        buttons
    )
    server.click(buttons["Helpful"]["value"], buttons["Helpful"]["action_id"])
    assert "Glad it helped" in fake.wait_for_calls("chat.postMessage", 2)[1].args["text"]
    server.click(buttons["Not helpful"]["value"], buttons["Not helpful"]["action_id"])
    assert "what was off" in fake.wait_for_calls("chat.postMessage", 3)[2].args["text"]
    server.click(buttons["Check for X"]["value"], buttons["Check for X"]["action_id"])
    recheck = fake.wait_for_calls("chat.postMessage", 4)[3]
    assert "/100* for X" in json.dumps(recheck.args["blocks"])
    server.click("", buttons["Set a goal"]["action_id"])
    [form] = fake.wait_for_calls("views.open")
    assert form.args["view"]["callback_id"] == "chorus_goal"
    more = next(label for label in buttons if label.startswith("Show all"))
    server.click(buttons[more]["value"], buttons[more]["action_id"])
    [update] = fake.wait_for_calls("chat.update")
    assert "Everything else" in json.dumps(update.args["blocks"])


def test_home_buttons_and_the_nudge_form(server: ChorusServer, fake: FakeSlack) -> None:
    home = {"type": "view", "view_id": "V1"}
    server.click("checkin 3", "chorus:cmd:checkin3", container=home)
    [post] = fake.wait_for_calls("chat.postMessage")
    assert post.args["channel"] == "DU1" and "3/5" in post.args["text"]
    server.click("nudges snooze 7d", "chorus:cmd:pause", container=home)
    assert "snoozed until" in fake.wait_for_calls("chat.postMessage", 2)[1].args["text"]
    server.click("", "chorus:open:nudges", container=home)
    [form] = fake.wait_for_calls("views.open")
    assert form.args["view"]["callback_id"] == "chorus_nudges"
    status, body = submit(
        server,
        "chorus_nudges",
        {
            "time": {"time": {"type": "timepicker", "selected_time": "07:45"}},
            "days": {"days": {"type": "checkboxes", "selected_options": [{"value": "tue"}]}},
        },
    )
    assert status == 200 and "errors" not in body
    reply = fake.wait_for_calls("chat.postMessage", 3)[2]
    assert "Tue at 07:45" in reply.args["text"]
    status, body = submit(
        server,
        "chorus_nudges",
        {
            "time": {"time": {"type": "timepicker", "selected_time": "07:45"}},
            "days": {"days": {"type": "checkboxes", "selected_options": []}},
        },
    )
    assert json.loads(body)["errors"]["days"] == "Pick at least one day."


def submit(server: ChorusServer, callback: str, values: dict) -> tuple[int, str]:
    return server.interact(
        {
            "type": "view_submission",
            "user": {"id": "U1", "team_id": "T1"},
            "view": {
                "id": "V2",
                "type": "modal",
                "callback_id": callback,
                "state": {"values": values},
            },
        }
    )


def test_the_goal_form_sets_a_goal_or_shows_the_error_inline(
    server: ChorusServer, fake: FakeSlack
) -> None:
    status, body = submit(
        server,
        "chorus_goal",
        {"goal": {"text": {"type": "plain_text_input", "value": "posts 0 on x"}}},
    )
    assert status == 200
    assert "1 and 21 posts" in json.loads(body)["errors"]["goal"]
    status, body = submit(
        server,
        "chorus_goal",
        {"goal": {"text": {"type": "plain_text_input", "value": "minutes 15 per day"}}},
    )
    assert (status == 200 and body in ("", "{}")) or "errors" not in body
    [post] = fake.wait_for_calls("chat.postMessage")
    assert "Goal #1 set: 15 minutes of practice a day" in post.args["text"]
    homes = fake.wait_for_calls("views.publish")
    assert "15 minutes of practice a day" in json.dumps(homes[-1].args["view"])


def test_the_chart_goes_to_the_dm_from_slash_and_home(
    server: ChorusServer, fake: FakeSlack
) -> None:
    server.command("checkin 3")
    responses(fake)
    server.command("chart")
    said = responses(fake, 2)[1]
    assert said["text"] == "I sent your chart to our direct messages."
    [upload] = fake.wait_for_calls("files.completeUploadExternal")
    assert upload.args["channel_id"] == "DU1"
    server.click("chart", "chorus:cmd:chart", container={"type": "view", "view_id": "V1"})
    assert len(fake.wait_for_calls("files.completeUploadExternal", 2)) == 2
    [home] = fake.wait_for_calls("views.publish")[:1]
    assert "Chart of 8 weeks" in json.dumps(home.args["view"])
