"""The critique in Block Kit: the top fixes quoting the draft exactly (rich text), the rest on
request, the editor's notes; always within Slack's limits, and never cut without a word."""

from __future__ import annotations

from typing import Any

from bot.adapters import compact
from bot.adapters.slack.kit import (
    MAX_BLOCKS,
    Block,
    action_buttons,
    button,
    context,
    paragraph,
    quoted,
    rich,
    run,
    section,
    titled_list,
)
from bot.adapters.slack.markup import escape
from bot.adapters.text import label
from bot.coach import Action, Reply
from bot.feedback import PLATFORMS, Critique, Note

EDITOR_CHARACTERS = 400


def _tally(note: Note) -> list[dict[str, Any]]:
    tally = compact.tally(note)
    return [run(f" ({tally})", italic=True)] if tally else []


def _suggestion(value: str) -> str:
    shown = compact.suggestion(value)
    more = f"\n{compact.more_lines(shown.left_out)}" if shown.left_out else ""
    return "→ " + "\n".join(shown.lines) + more


def priority_block(n: int, note: Note) -> Block:
    """One of the top fixes: what, how often, the quote, and how to fix it."""
    first = note.first
    elements = [
        paragraph(
            run(f"{n}. {label(note.category)}: ", bold=True), run(first.message), *_tally(note)
        )
    ]
    if quote := compact.quote(note):
        elements.append(quoted(quote))
    elements.append(paragraph(run(_suggestion(first.suggestion))))
    return rich(*elements)


def _item(note: Note) -> dict[str, Any]:
    first = note.first
    return paragraph(
        run(f"{label(note.category)}: ", bold=True),
        run(first.message),
        *_tally(note),
        run(" " + _suggestion(first.suggestion)),
    )


def critique_blocks(
    critique: Critique,
    critique_id: int | None,
    actions: tuple[Action, ...],
    expanded: bool,
    editor: list[Block] | None = None,
) -> list[Block]:
    """Score, what works, the top fixes, the rest on request, the editor's notes, buttons."""
    length = critique.length
    limit = f"/{length.limit:,}" if length.limit else ""
    head: list[Block] = [
        section(
            f"*{critique.score}/100* for {PLATFORMS[critique.platform].label} · "
            f"{length.count:,}{limit} {length.unit}"
        )
    ]
    if critique.strengths:
        works = [paragraph(run("✓ " + s)) for s in critique.strengths]
        head.append(rich(paragraph(run("What works", bold=True)), *works))
    head += [priority_block(n, note) for n, note in enumerate(critique.priority_notes, 1)]
    tail: list[Block] = []
    if not critique.english:
        tail.append(context("This doesn't read as English, so I only checked length and tags."))
    tail += editor or []
    buttons = action_buttons(actions)
    rest = critique.other_notes
    middle: list[Block] = []
    if rest and expanded:
        budget = MAX_BLOCKS - len(head) - len(tail) - len(buttons)
        middle, _ = titled_list("Everything else", [_item(n) for n in rest], budget, compact.AGAIN)
    elif rest and critique_id is not None:
        middle.append(context(f"{len(rest)} more note{'s' if len(rest) != 1 else ''}."))
        buttons.append(
            {
                "type": "actions",
                "elements": [button(f"Show all {len(rest)}", "chorus:expand", str(critique_id))],
            }
        )
    return head + middle + tail + buttons


def editor_blocks(reply: Reply) -> list[Block]:
    """The language model's notes, better opening and question; or why they are missing."""
    out: list[Block] = []
    view = reply.editor
    if view is not None and (view.notes or view.opening_line or view.question):
        elements = [paragraph(run("Editor's notes", bold=True))]
        for note in view.notes:
            elements.append(paragraph(run("• " + compact.clip(note.message, EDITOR_CHARACTERS))))
            excerpt = " ".join(note.excerpt.split())
            if excerpt:
                elements.append(quoted(compact.clip(excerpt, compact.QUOTE_CHARACTERS)))
            elements.append(paragraph(run("→ " + compact.clip(note.suggestion, EDITOR_CHARACTERS))))
        if view.opening_line:
            opening = compact.clip(view.opening_line, EDITOR_CHARACTERS)
            elements.append(paragraph(run("A stronger opening: ", bold=True), run(opening)))
        if view.question:
            question = compact.clip(view.question, EDITOR_CHARACTERS)
            elements.append(paragraph(run("To sharpen your point: ", bold=True), run(question)))
        out.append(rich(*elements))
    if reply.note:
        out.append(context(escape(reply.note)))
    return out
