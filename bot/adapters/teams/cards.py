"""Adaptive Cards (schema 1.5) for coach Replies: critiques with a toggle, and buttons."""

from __future__ import annotations

import base64
from typing import Any

from bot.adapters.text import label
from bot.coach import Action, Reply
from bot.feedback import PLATFORMS, Critique, Finding

Card = dict[str, Any]
VERSION = "1.5"
SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
COMMAND_KEY = "chorus"  # Action.Submit data carries the coach command under this key


def text(value: str, **style: Any) -> dict[str, Any]:
    """A wrapping TextBlock."""
    return {"type": "TextBlock", "text": value, "wrap": True, **style}


def submit(action: Action) -> dict[str, Any]:
    """A button that sends its coach command back."""
    button: dict[str, Any] = {
        "type": "Action.Submit",
        "title": action.label,
        "data": {COMMAND_KEY: action.command},
    }
    if action.style == "primary":
        button["style"] = "positive"
    elif action.style == "danger":
        button["style"] = "destructive"
    return button


def card(body: list[dict[str, Any]], actions: list[dict[str, Any]]) -> Card:
    """A complete card."""
    result: Card = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION, "body": body}
    if actions:
        result["actions"] = actions
    return result


def reply_card(reply: Reply) -> Card:
    """Any coach Reply as a card."""
    if reply.critique is not None:
        return critique_card(reply)
    body = [text(reply.text)]
    if reply.image is not None:
        encoded = base64.b64encode(reply.image.png).decode()
        body.append(
            {"type": "Image", "url": f"data:image/png;base64,{encoded}", "altText": reply.image.alt}
        )
    return card(body, [submit(a) for a in reply.actions])


def _finding(n: int | None, finding: Finding, tally: str = "") -> list[dict[str, Any]]:
    head = f"{n}. " if n else "• "
    quote = " ".join(finding.excerpt.split())
    more = f" ({tally})" if tally else ""
    blocks = [text(f"{head}**{label(finding.category)}**: {finding.message}{more}")]
    if quote and len(quote) < 400:
        blocks.append(text(f"“{quote[:120]}”", isSubtle=True, spacing="None"))
    blocks.append(text(f"→ {finding.suggestion}", spacing="None"))
    return blocks


def critique_card(reply: Reply) -> Card:
    """Score, what works, the top three fixes quoting the text, everything else on a toggle."""
    critique: Critique = reply.critique  # type: ignore[assignment]
    length = critique.length
    limit = f"/{length.limit:,}" if length.limit else ""
    body = [
        text(
            f"**{critique.score}/100** for {PLATFORMS[critique.platform].label} · "
            f"{length.count:,}{limit} {length.unit}",
            size="Medium",
        )
    ]
    if critique.strengths:
        body.append(text("**What works**"))
        body += [text(f"✓ {s}", spacing="None") for s in critique.strengths]
    for n, note in enumerate(critique.priority_notes, 1):
        body += _finding(n, note.first, note.tally)
    rest = critique.other_notes
    actions = []
    if rest:
        items = [block for note in rest for block in _finding(None, note.first, note.tally)]
        body.append(
            {"type": "Container", "id": "everything-else", "isVisible": False, "items": items}
        )
        actions.append(
            {
                "type": "Action.ToggleVisibility",
                "title": f"Show all {len(rest)}",
                "targetElements": ["everything-else"],
            }
        )
    if reply.editor is not None:
        body.append(text("**Editor's notes**"))
        body += [block for f in reply.editor.notes for block in _finding(None, f)]
        if reply.editor.opening_line:
            body.append(text(f"**A stronger opening:** {reply.editor.opening_line}"))
        if reply.editor.question:
            body.append(text(f"**To sharpen your point:** {reply.editor.question}"))
    if reply.note:
        body.append(text(reply.note, isSubtle=True))
    return card(body, actions + [submit(a) for a in reply.actions])
