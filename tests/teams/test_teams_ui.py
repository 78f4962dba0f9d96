"""What a person sees in Teams, checked on the activities `chorus serve` sends: one bubble per
reply, lines that stay apart, no markup shown, a chart line, the goal form, channel manners."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.fakes.bot_connector import FakeConnector
from tests.fakes.chorus_server import ChorusServer
from tests.teams.parts import all_actions, find, text_blocks
from tests.teams.test_teams_http import DRAFT, activity, cards, mention, post, valid

SINGLE_NEWLINE = re.compile(r"(?<!\n)\n(?!\n)")
# Every command a person can type, and what each needs said before it to show everything.
SESSION = (
    "help",
    "draft",
    "goal",
    "goal posts 2 per week on linkedin",
    "goal minutes 15 per day",
    "goal",
    "checkin 3",
    DRAFT,
    "progress",
    "chart",
    "how do I grow my followers?",
    "I don't have time",
    "platform",
    "nudges",
    "nudges at 08:15",
    "my data",
    "goal posts 99 per week on linkedin",
    "forget me",
    "forget me confirm",
)


def rendering_problems(message: dict[str, Any]) -> list[str]:
    """Why a message would look wrong in Teams: two bubbles, lines run together, markup shown."""
    problems = []
    attachments = message.get("attachments") or []
    if attachments and message.get("text"):
        problems.append("a card and a text: Teams draws two bubbles")
    if len(attachments) > 1:
        problems.append("several attachments")
    text = message.get("text") or ""
    if SINGLE_NEWLINE.search(text):
        problems.append(f"single line breaks fold together: {text[:80]!r}")
    if "&lt;" in text or "&gt;" in text or re.search(r"<\w+>", text):
        problems.append(f"markup shown as text: {text[:80]!r}")
    for block in text_blocks(cards(message)):
        if "\n" in block:
            problems.append(f"a TextBlock with line breaks: {block[:80]!r}")
    return problems


def talk(teams: ChorusServer, connector: FakeConnector, texts: tuple[str, ...]) -> list[dict]:
    """Say each text in turn, waiting for its answer; every message Chorus sent."""
    for n, text in enumerate(texts, 1):
        post(teams, activity(connector, id=f"say-{n}", text=text))
        connector.wait_for(n)
    return connector.messages()


def test_every_reply_is_one_bubble_with_its_lines_apart(
    teams: ChorusServer, connector: FakeConnector
) -> None:
    post(
        teams,
        activity(
            connector,
            id="hello",
            type="conversationUpdate",
            text=None,
            membersAdded=[{"id": "28:chorus"}],
        ),
    )
    connector.wait_for(1)
    for n, text in enumerate(SESSION, 2):
        post(teams, activity(connector, id=f"say-{n}", text=text))
        connector.wait_for(n)
    messages = connector.messages()
    assert len(messages) == len(SESSION) + 1
    for said, message in zip(("(welcome)", *SESSION), messages, strict=True):
        assert rendering_problems(message) == [], said
        for card in cards(message):
            valid(card)


def test_help_shows_its_placeholder_not_escaped_markup(
    teams: ChorusServer, connector: FakeConnector
) -> None:
    [message] = talk(teams, connector, ("help",))
    assert "review for x: ‹draft›" in message["text"]
    assert "&lt;" not in message["text"] and "<draft>" not in message["text"]


def test_the_chart_says_what_changed_and_keeps_its_alt_text_on_the_image(
    teams: ChorusServer, connector: FakeConnector
) -> None:
    *_, chart = talk(teams, connector, ("checkin 2", "checkin 4", "chart"))
    [card] = cards(chart)
    [image] = [e for e in card["body"] if e["type"] == "Image"]
    assert image["altText"].startswith("Chart of the last 8 weeks")
    shown = " ".join(text_blocks(card))
    assert "Your confidence was 3/5 in the week of" in shown  # two check-ins, averaged
    assert "Chart of the last" not in shown and "none" not in shown


def goal_form(card: dict[str, Any]) -> dict[str, Any]:
    [button] = [a for a in all_actions(card) if a["title"] == "Set a goal"]
    assert button["type"] == "Action.ShowCard"
    return button["card"]


def test_set_a_goal_opens_a_form_even_when_goals_exist(
    teams: ChorusServer, connector: FakeConnector
) -> None:
    *_, listed, critique = talk(
        teams, connector, ("goal posts 2 per week on linkedin", "goal", DRAFT)
    )
    assert "#1 2 posts a week on LinkedIn" in json.dumps(cards(listed))  # still listed
    form = goal_form(cards(critique)[0])
    ids = {e["id"] for e in form["body"]}
    assert ids == {"goal_kind", "goal_target", "goal_platform", "goal_text"}
    [submit] = form["actions"]
    assert submit["type"] == "Action.Execute" and submit["fallback"]["type"] == "Action.Submit"
    inputs = {"goal_kind": "minutes", "goal_target": "15", "goal_platform": "linkedin"}
    post(teams, activity(connector, id="form", text=None, value={**submit["data"], **inputs}))
    assert "Goal #2 set: 15 minutes of practice a day" in connector.wait_for(4)[3]["text"]
    own_words = {**inputs, "goal_text": "share one lesson from each project"}
    invoke = activity(
        connector,
        id="form-2",
        type="invoke",
        name="adaptiveCard/action",
        value={
            "action": {
                "type": "Action.Execute",
                "verb": "chorus",
                "data": {**submit["data"], **own_words},
            }
        },
    )
    assert post(teams, invoke)[0] == 200
    assert "Goal #3 set: share one lesson" in connector.wait_for(5)[4]["text"]


def test_a_button_in_a_card_is_execute_with_a_submit_fallback(
    teams: ChorusServer, connector: FakeConnector
) -> None:
    [welcome] = talk(teams, connector, ("forget me",))
    [button] = cards(welcome)[0]["actions"]
    assert button["type"] == "Action.Execute" and button["verb"] == "chorus"
    assert button["fallback"] == {
        "type": "Action.Submit",
        "title": "Yes, delete everything",
        "data": {"chorus": "forget me confirm"},
        "style": "destructive",
    }


def test_markup_quoted_from_a_draft_stays_literal(
    teams: ChorusServer, connector: FakeConnector
) -> None:
    draft = "I *just* think `maybe` this _could_ work, I guess. We shipped the cache today."
    [critique] = talk(teams, connector, (draft,))
    quoted = [b for b in text_blocks(cards(critique)) if "could" in b or "maybe" in b]
    assert quoted, "the card quotes the draft"
    for block in quoted:
        assert re.search(r"(?<!\\)[*_`]", block.replace("**", "")) is None, block


def test_the_channel_welcome_invites_questions_not_drafts_and_typing_stays_private(
    teams: ChorusServer, connector: FakeConnector
) -> None:
    channel = {"id": "19:general;messageid=17", "conversationType": "channel", "tenantId": "t"}
    post(
        teams,
        activity(
            connector,
            type="conversationUpdate",
            text=None,
            conversation=channel,
            membersAdded=[{"id": "28:chorus"}],
        ),
    )
    [welcome] = connector.wait_for(1)
    said = welcome.get("text") or json.dumps(cards(welcome))
    assert "Paste a draft" not in said and "personal chat" in said
    post(teams, activity(connector, id="q", conversation=channel, text="<at>Chorus</at> help"))
    connector.wait_for(2)
    assert not [s for s in connector.sent if s.activity.get("type") == "typing"]
    post(teams, activity(connector, id="dm", text="help"))
    connector.wait_for(3)
    assert [s for s in connector.sent if s.activity.get("type") == "typing"]


def test_only_chorus_own_mention_is_removed(teams: ChorusServer, connector: FakeConnector) -> None:
    words = "Thanks <at>Bob Smith</at> for checking the cache numbers with me today."
    post(
        teams,
        activity(
            connector,
            text=f"<at>Chorus</at> review for linkedin: {words}",
            entities=[mention("28:chorus", "Chorus"), mention("29:bob", "Bob Smith")],
        ),
    )
    [critique] = connector.wait_for(1)
    kept = "Thanks Bob Smith for checking the cache numbers with me today."
    assert f"{len(kept)}/3,000 characters" in json.dumps(cards(critique))


@pytest.mark.parametrize("platform", ["blog", "linkedin", "x"])
def test_a_critique_card_has_at_most_five_actions_and_show_hides_again(
    teams: ChorusServer, connector: FakeConnector, platform: str
) -> None:
    long_draft = " ".join([DRAFT] * 30)
    [critique] = talk(teams, connector, (f"review for {platform}: {long_draft}",))
    card = valid(cards(critique)[0])
    assert len(card["actions"]) <= 5
    for action_set in find(card, "ActionSet"):
        assert len(action_set["actions"]) <= 5
    hidden = visibility(card)
    assert hidden["everything-else"] is False
    show = next(a for a in all_actions(card) if a["title"].startswith("Show "))
    hide = next(a for a in all_actions(card) if a["title"] == "Hide")
    opened = toggle(hidden, show)
    assert opened["everything-else"] is True and opened["show-everything-else"] is False
    assert toggle(opened, hide) == hidden


def visibility(card: dict[str, Any]) -> dict[str, bool]:
    """Each element id and whether it shows, as a renderer starts."""
    found: dict[str, bool] = {}

    def walk(element: Any) -> None:
        if isinstance(element, dict):
            if "id" in element:
                found[element["id"]] = element.get("isVisible", True)
            for value in element.values():
                walk(value)
        elif isinstance(element, list):
            for item in element:
                walk(item)

    walk(card["body"])
    return found


def toggle(state: dict[str, bool], action: dict[str, Any]) -> dict[str, bool]:
    """What Action.ToggleVisibility does: set each target, or flip it when no value is given."""
    assert action["type"] == "Action.ToggleVisibility"
    after = dict(state)
    for target in action["targetElements"]:
        if isinstance(target, str):
            after[target] = not after[target]
        else:
            after[target["elementId"]] = target.get("isVisible", not after[target["elementId"]])
    return after
