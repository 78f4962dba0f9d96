"""The critique as a compact Adaptive Card: the top fixes, the rest behind Show/Hide, a budget."""

from __future__ import annotations

import json
from typing import Any

from bot.adapters import compact
from bot.adapters.teams.elements import Card, Element, action_rows, button, card, literal, text
from bot.adapters.text import label
from bot.coach import Reply
from bot.feedback import ALSO_NOTICED_MAX, PLATFORMS, Critique, Finding, Note

BUDGET_BYTES = 30_000  # serialized card; Teams refuses bot messages over about 100 KB
EDITOR_CHARACTERS = 400  # a model's note, opening line or question, each
EVERYTHING_ELSE = "everything-else"
SHOW = "show-everything-else"


def _note(head: str, note: Note, with_quote: bool) -> list[Element]:
    """A note: what and how often, the quote, and its suggestion one line per TextBlock."""
    first = note.first
    tally = compact.tally(note)
    more = f" ({literal(tally)})" if tally else ""
    blocks = [text(f"**{head}{label(note.category)}:** {literal(first.message)}{more}")]
    quote = compact.quote(note) if with_quote else ""
    if quote:
        blocks.append(text(f"“{literal(quote)}”", isSubtle=True, spacing="None"))
    blocks += _suggestion(first.suggestion)
    return blocks


def _suggestion(value: str) -> list[Element]:
    shown = compact.suggestion(value)
    blocks = [
        text(("→ " if n == 0 else "") + literal(line), spacing="None")
        for n, line in enumerate(shown.lines)
    ]
    if shown.left_out:
        blocks.append(text(compact.more_lines(shown.left_out), isSubtle=True, spacing="None"))
    return blocks


def _editor_note(finding: Finding) -> list[Element]:
    quote = compact.clip(" ".join(finding.excerpt.split()), compact.QUOTE_CHARACTERS)
    return [
        text(f"• {literal(compact.clip(finding.message, EDITOR_CHARACTERS))}"),
        text(f"“{literal(quote)}”", isSubtle=True, spacing="None"),
        text(f"→ {literal(compact.clip(finding.suggestion, EDITOR_CHARACTERS))}", spacing="None"),
    ]


def _toggle(title: str, show: bool) -> Element:
    """One of two swapped buttons: 'Show …' opens the rest and hides itself; 'Hide' undoes it."""
    return {
        "type": "Action.ToggleVisibility",
        "title": title,
        "targetElements": [
            {"elementId": EVERYTHING_ELSE, "isVisible": show},
            {"elementId": SHOW, "isVisible": not show},
        ],
    }


def _everything_else(rest: tuple[Note, ...], shown: int) -> list[Element]:
    """'Show N more notes', and the container it opens (with its own 'Hide' at the end)."""
    items = [text("**Everything else**")]
    for note in rest[:shown]:
        items += _note("• ", note, with_quote=False)
    if len(rest) > shown:
        items.append(text(compact.more_notes(len(rest) - shown), isSubtle=True))
    items.append({"type": "ActionSet", "actions": [_toggle("Hide", show=False)]})
    notes = "note" if len(rest) == 1 else "notes"
    show = _toggle(f"Show {len(rest)} more {notes}", show=True)
    return [
        {"type": "ActionSet", "id": SHOW, "actions": [show]},
        {"type": "Container", "id": EVERYTHING_ELSE, "isVisible": False, "items": items},
    ]


def _body(reply: Reply, critique: Critique, shown: int) -> list[Element]:
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
        body += [text(f"✓ {literal(s)}", spacing="None") for s in critique.strengths]
    if critique.priority_notes:
        body.append(text("**Fix these first**"))
    for n, note in enumerate(critique.priority_notes, 1):
        body += _note(f"{n}. ", note, with_quote=True)
    if critique.other_notes:
        body += _everything_else(critique.other_notes, shown)
    if not critique.english:
        body.append(
            text("This doesn't read as English, so I only checked length and tags.", isSubtle=True)
        )
    body += _editor(reply)
    return body


def _editor(reply: Reply) -> list[Element]:
    view = reply.editor
    body: list[Element] = []
    if view is not None and (view.notes or view.opening_line or view.question):
        body.append(text("**Editor's notes**"))
        for finding in view.notes:
            body += _editor_note(finding)
        if view.opening_line:
            opening = literal(compact.clip(view.opening_line, EDITOR_CHARACTERS))
            body.append(text(f"**A stronger opening:** {opening}"))
        if view.question:
            question = literal(compact.clip(view.question, EDITOR_CHARACTERS))
            body.append(text(f"**To sharpen your point:** {question}"))
    if reply.note:
        body.append(text(literal(reply.note), isSubtle=True))
    return body


def size(value: Any) -> int:
    """Bytes of a card as it goes over the wire."""
    return len(json.dumps(value, ensure_ascii=False).encode())


def critique_card(reply: Reply, speak: str) -> Card:
    """Score, what works, the top fixes quoting the text, the rest on Show/Hide, the buttons;
    notes beyond ALSO_NOTICED_MAX, or beyond the byte budget, are counted, not listed."""
    critique: Critique = reply.critique  # type: ignore[assignment]
    rows, actions = action_rows([button(a) for a in reply.actions])
    shown = min(len(critique.other_notes), ALSO_NOTICED_MAX)
    while True:
        result = card(_body(reply, critique, shown) + rows, actions, speak)
        if shown == 0 or size(result) <= BUDGET_BYTES:
            return result
        shown -= 1
