"""Block Kit for coach Replies: critiques, answers, App Home and the two modals."""

from __future__ import annotations

from typing import Any

from bot.adapters.slack.markup import clip, escape
from bot.adapters.text import label
from bot.coach import Action, Dashboard, Reply
from bot.feedback import PLATFORMS, Critique, Finding

Block = dict[str, Any]
SECTION_LIMIT = 2900  # Slack allows 3,000 characters in a section
BUTTON_VALUE_LIMIT = 2000
MAX_BLOCKS = 50
CHECKIN_LABELS = ("1 not at all", "2", "3", "4", "5 very")


def section(text: str) -> Block:
    """A mrkdwn section, clipped to Slack's limit."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(text, SECTION_LIMIT)}}


def context(text: str) -> Block:
    """A small grey line."""
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(text, SECTION_LIMIT)}]}


def button(text: str, action_id: str, value: str = "", style: str = "default") -> dict[str, Any]:
    """A button; `value` carries the coach command it runs."""
    element: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(text, 75), "emoji": True},
        "action_id": action_id,
        "value": value[:BUTTON_VALUE_LIMIT],
    }
    if style in ("primary", "danger"):
        element["style"] = style
    if style == "danger":
        element["confirm"] = {
            "title": {"type": "plain_text", "text": "Are you sure?"},
            "text": {"type": "plain_text", "text": "This can't be undone."},
            "confirm": {"type": "plain_text", "text": "Yes, delete"},
            "deny": {"type": "plain_text", "text": "Cancel"},
        }
    return element


def action_buttons(actions: tuple[Action, ...]) -> list[Block]:
    """Coach actions as one row of buttons (a goal action opens the goal form)."""
    if not actions:
        return []
    elements = [
        button(a.label, "chorus:open:goal")
        if a.command == "goal"
        else button(a.label, f"chorus:cmd:{i}", a.command, a.style)
        for i, a in enumerate(actions)
    ]
    return [{"type": "actions", "elements": elements[:25]}]


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
        blocks = critique_blocks(reply.critique, reply.critique_id, reply.actions, expanded)
        extra = editor_blocks(reply)
        at = next((i for i, b in enumerate(blocks) if b["type"] == "actions"), len(blocks))
        return (blocks[:at] + extra + blocks[at:])[:MAX_BLOCKS]
    return [section(escape(reply.text)), *action_buttons(reply.actions)]


def _quote(finding: Finding) -> str:
    excerpt = " ".join(finding.excerpt.split())
    return f"> {escape(clip(excerpt, 120))}\n" if excerpt and len(excerpt) < 400 else ""


def critique_blocks(
    critique: Critique, critique_id: int | None, actions: tuple[Action, ...], expanded: bool
) -> list[Block]:
    """Score, what works, the top three fixes quoting the text, the rest on request, buttons."""
    length = critique.length
    limit = f"/{length.limit:,}" if length.limit else ""
    blocks: list[Block] = [
        section(
            f"*{critique.score}/100* for {PLATFORMS[critique.platform].label} · "
            f"{length.count:,}{limit} {length.unit}"
        )
    ]
    if critique.strengths:
        works = "\n".join(f"✓ {escape(s)}" for s in critique.strengths)
        blocks.append(section(f"*What works*\n{works}"))
    for n, note in enumerate(critique.priority_notes, 1):
        first = note.first
        more = f" _({escape(note.tally)})_" if note.count > 1 else ""
        blocks.append(
            section(
                f"*{n}. {label(note.category)}:* {escape(first.message)}{more}\n"
                f"{_quote(first)}→ {escape(first.suggestion)}"
            )
        )
    rest = critique.other_notes
    buttons = list(action_buttons(actions))
    if rest and expanded:
        notes = "\n".join(
            f"• *{label(n.category)}:* {escape(n.first.message)}"
            + (f" _({escape(n.tally)})_" if n.count > 1 else "")
            + f" → {escape(n.first.suggestion)}"
            for n in rest
        )
        blocks.append(section(f"*Everything else*\n{notes}"))
    elif rest and critique_id is not None:
        blocks.append(context(f"{len(rest)} more note{'s' if len(rest) != 1 else ''}."))
        buttons.append(
            {
                "type": "actions",
                "elements": [button(f"Show all {len(rest)}", "chorus:expand", str(critique_id))],
            }
        )
    if not critique.english:
        blocks.append(context("This doesn't read as English, so I only checked length and tags."))
    return (blocks + buttons)[:MAX_BLOCKS]


def editor_blocks(reply: Reply) -> list[Block]:
    """The language model's notes, better opening and question; or why they are missing."""
    out: list[Block] = []
    view = reply.editor
    if view is not None:
        lines = [f"• {escape(n.message)}\n{_quote(n)}→ {escape(n.suggestion)}" for n in view.notes]
        if view.opening_line:
            lines.append(f"*A stronger opening:* {escape(view.opening_line)}")
        if view.question:
            lines.append(f"*To sharpen your point:* {escape(view.question)}")
        if lines:
            out.append(section("*Editor's notes*\n" + "\n".join(lines)))
    if reply.note:
        out.append(context(escape(reply.note)))
    return out


def home_view(dashboard: Dashboard) -> dict[str, Any]:
    """The App Home dashboard."""
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "Your writing in public"}}
    ]
    if dashboard.empty:
        blocks.append(section("No drafts yet. Send me one in the Messages tab to get started."))
    blocks.append(section("\n".join(dashboard.lines())))
    if dashboard.goals:
        blocks.append(section("*Goals*\n" + "\n".join(f"• {escape(g)}" for g in dashboard.goals)))
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
