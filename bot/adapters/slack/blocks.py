"""Block Kit for coach Replies: critiques, answers, App Home and the two modals."""

from __future__ import annotations

from typing import Any

from bot.adapters.compact import clip
from bot.adapters.slack.critique_blocks import critique_blocks, editor_blocks
from bot.adapters.slack.kit import (
    MAX_BLOCKS,
    SECTION_LIMIT,
    Block,
    action_buttons,
    button,
    paragraph,
    run,
    section,
    sections,
    titled_list,
)
from bot.adapters.slack.markup import escape
from bot.coach import Dashboard, Reply

__all__ = ["action_buttons", "goal_modal", "home_view", "message", "nudges_modal"]

CHECKIN_LABELS = ("1 not at all", "2", "3", "4", "5 very")
ALL_GOALS = "`/chorus goal list` shows every one."
HOME_GOAL_BLOCKS = 3
HOME_GOALS = 10  # App Home is a dashboard: the first goals, and a count of the rest


def message(reply: Reply, expanded: bool = False) -> dict[str, Any]:
    """A Reply as a Slack message's `text` and `blocks`; user text can never become markup
    (the notification `text` is mrkdwn too, so a quoted '<!channel>' would ping everyone)."""
    return {
        "text": escape(clip(reply.text, SECTION_LIMIT)),
        "blocks": reply_blocks(reply, expanded),
    }


def reply_blocks(reply: Reply, expanded: bool = False) -> list[Block]:
    """Any coach Reply as blocks."""
    if reply.critique is not None:
        editor = editor_blocks(reply)
        return critique_blocks(reply.critique, reply.critique_id, reply.actions, expanded, editor)
    buttons = action_buttons(reply.actions)
    return [*sections(reply.text, MAX_BLOCKS - len(buttons)), *buttons]


def home_view(dashboard: Dashboard) -> dict[str, Any]:
    """The App Home dashboard."""
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Your writing in public"}}
    ]
    if dashboard.empty:
        blocks.append(section("No drafts yet. Send me one in the Messages tab to get started."))
    blocks.append(section("\n".join(dashboard.lines())))
    if dashboard.goals:
        goals = [paragraph(run(goal)) for goal in dashboard.goals]
        blocks += titled_list("Goals", goals, HOME_GOAL_BLOCKS, ALL_GOALS, HOME_GOALS)[0]
    nudge_toggle = (
        button("Pause nudges for a week", "chorus:cmd:pause", "nudges snooze 7d")
        if dashboard.nudges.enabled
        else button("Turn nudges on", "chorus:cmd:resume", "nudges on", "primary")
    )
    blocks += [
        {
            "type": "actions",
            "elements": [
                button("Set a goal", "chorus:open:goal", "", "primary"),
                button("Change nudge time", "chorus:open:nudges"),
                nudge_toggle,
                button("Chart of 8 weeks", "chorus:cmd:chart", "chart"),
            ],
        },
        section("*How confident do you feel about posting in public today?*"),
        {
            "type": "actions",
            "elements": [
                button(text, f"chorus:cmd:checkin{n}", f"checkin {n}")
                for n, text in enumerate(CHECKIN_LABELS, 1)
            ],
        },
    ]
    return {"type": "home", "blocks": blocks}


def _input(block_id: str, title: str, element: dict[str, Any], hint: str = "") -> Block:
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "label": _plain(title),
        "element": element,
    }
    if hint:
        block["hint"] = _plain(hint)
    return block


def _plain(text: str) -> dict[str, str]:
    return {"type": "plain_text", "text": text}


def goal_modal() -> dict[str, Any]:
    """The form behind every 'Set a goal' button."""
    return {
        "type": "modal",
        "callback_id": "chorus_goal",
        "title": _plain("Set a goal"),
        "submit": _plain("Set goal"),
        "close": _plain("Cancel"),
        "blocks": [
            _input(
                "goal",
                "Your goal",
                {
                    "type": "plain_text_input",
                    "action_id": "text",
                    "max_length": 200,
                    "placeholder": _plain("posts 2 per week on linkedin"),
                },
                "e.g. posts 3 per week on linkedin · minutes 15 per day · "
                "confidence 4 by 2027-03-31 · or anything in your own words",
            )
        ],
    }


def nudges_modal(time: str, days: tuple[str, ...]) -> dict[str, Any]:
    """The form behind 'Change nudge time'."""
    names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    options = [{"text": _plain(n), "value": n[:3].lower()} for n in names]
    chosen = [o for o in options if o["value"] in days]
    checkboxes: dict[str, Any] = {"type": "checkboxes", "action_id": "days", "options": options}
    if chosen:
        checkboxes["initial_options"] = chosen
    return {
        "type": "modal",
        "callback_id": "chorus_nudges",
        "title": _plain("Daily nudge"),
        "submit": _plain("Save"),
        "close": _plain("Cancel"),
        "blocks": [
            _input(
                "time",
                "Time (your time zone)",
                {"type": "timepicker", "action_id": "time", "initial_time": time},
            ),
            _input("days", "Days", checkboxes),
        ],
    }
