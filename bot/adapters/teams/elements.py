"""Adaptive Card (1.5) building blocks: text that keeps its lines, buttons, the goal form."""

from __future__ import annotations

import contextlib
from typing import Any

import regex

from bot.coach import Action
from bot.feedback import PLATFORMS

Card = dict[str, Any]
Element = dict[str, Any]
VERSION = "1.5"
SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
COMMAND_KEY = "chorus"  # action data carries the coach command under this key
FORM_KEY = "chorus_form"  # ...or names the form whose inputs make the command
VERB = "chorus"  # the Action.Execute verb of every Chorus button
MAX_ACTIONS = 5  # Microsoft's renderers drop actions beyond hostConfig maxActions (5)
MARKDOWN = regex.compile(r"([\\`*_~\[\]])")
CODE = regex.compile(r"`([^`\n]+)`")
GOAL_KINDS = (
    ("posts", "Posts a week"),
    ("minutes", "Minutes of practice a day"),
    ("confidence", "How confident I want to feel (1-5)"),
)


def literal(value: str) -> str:
    """Text shown as written: a draft's *stars*, _underscores_ and `ticks` stay characters."""
    return MARKDOWN.sub(r"\\\1", value)


def text(value: str, **style: Any) -> Element:
    """A wrapping TextBlock (its markdown is ours: escape user text with `literal`)."""
    return {"type": "TextBlock", "text": value, "wrap": True, **style}


def lines(value: str, **first: Any) -> list[Element]:
    """Coach text as one TextBlock per line, since a card folds single line breaks together;
    `commands` become bold (cards have no code spans)."""
    blocks: list[Element] = []
    gap = False
    for line in value.splitlines():
        if not line.strip():
            gap = True
            continue
        style = first if not blocks else {"spacing": "Medium" if gap else "Small"}
        blocks.append(text(CODE.sub(r"**\1**", line), **style))
        gap = False
    return blocks


def button(action: Action) -> Element:
    """A button that runs its coach command (the goal button opens the goal form instead)."""
    if action.command == "goal":
        return goal_form(action.label)
    result = execute(action.label, {COMMAND_KEY: action.command})
    if action.style in ("primary", "danger"):
        style = "positive" if action.style == "primary" else "destructive"
        result["style"] = result["fallback"]["style"] = style
    return result


def execute(title: str, data: dict[str, str]) -> Element:
    """Action.Execute, with the Action.Submit fallback Microsoft asks for older Teams clients."""
    return {
        "type": "Action.Execute",
        "title": title,
        "verb": VERB,
        "data": data,
        "fallback": {"type": "Action.Submit", "title": title, "data": data},
    }


def goal_form(title: str) -> Element:
    """'Set a goal' opens a form in the card: kind, target, platform, or the user's own words."""
    platforms = [{"title": p.label, "value": p.name} for p in PLATFORMS.values()]
    inputs: list[Element] = [
        {
            "type": "Input.ChoiceSet",
            "id": "goal_kind",
            "label": "Kind of goal",
            "style": "expanded",
            "value": "posts",
            "choices": [{"title": t, "value": v} for v, t in GOAL_KINDS],
        },
        {
            "type": "Input.Number",
            "id": "goal_target",
            "label": "How many (posts a week, minutes a day, or confidence 1-5)",
            "min": 1,
            "max": 120,
            "value": 3,
        },
        {
            "type": "Input.ChoiceSet",
            "id": "goal_platform",
            "label": "Platform (for posts)",
            "value": "linkedin",
            "choices": platforms,
        },
        {
            "type": "Input.Text",
            "id": "goal_text",
            "label": "Or in your own words (used instead when filled in)",
            "placeholder": "share one lesson from each project",
            "maxLength": 200,
        },
    ]
    submit = execute("Set goal", {FORM_KEY: "goal"})
    form = {"type": "AdaptiveCard", "body": inputs, "actions": [submit]}
    return {"type": "Action.ShowCard", "title": title, "card": form}


def command_from(value: Any) -> str | None:
    """The coach command a card action sent (a button's, or the goal form's); None otherwise."""
    if not isinstance(value, dict):
        return None
    if value.get(FORM_KEY) == "goal":
        return _goal_command(value)
    command = value.get(COMMAND_KEY)
    return str(command) if command else None


def _goal_command(value: dict[str, Any]) -> str:
    words = " ".join(str(value.get("goal_text") or "").split())
    if words:
        return f"goal {words}"
    target = str(value.get("goal_target") or "").strip()
    with contextlib.suppress(ValueError):
        target = str(int(float(target)))
    kind = str(value.get("goal_kind") or "")
    if kind == "posts":
        return f"goal posts {target} per week on {value.get('goal_platform') or 'linkedin'}"
    if kind == "minutes":
        return f"goal minutes {target} per day"
    if kind == "confidence":
        return f"goal confidence {target}"
    return "goal"


def action_rows(actions: list[Element]) -> tuple[list[Element], list[Element]]:
    """Rows of at most MAX_ACTIONS: every row but the last as an ActionSet in the body, the last
    as the card's own actions."""
    rows = [actions[i : i + MAX_ACTIONS] for i in range(0, len(actions), MAX_ACTIONS)]
    if not rows:
        return [], []
    return [{"type": "ActionSet", "actions": row} for row in rows[:-1]], rows[-1]


def card(body: list[Element], actions: list[Element], speak: str = "") -> Card:
    """A complete card; `speak` is what a screen reader or voice assistant says for it."""
    result: Card = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION, "body": body}
    if actions:
        result["actions"] = actions
    if speak:
        result["speak"] = speak
    return result
