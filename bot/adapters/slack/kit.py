"""Block Kit building blocks within Slack's documented limits: nothing is cut without a word."""

from __future__ import annotations

from typing import Any

from bot.adapters.compact import clip
from bot.adapters.slack.markup import escape
from bot.coach import Action

Block = dict[str, Any]
SECTION_LIMIT = 3000  # characters in a section's text
CONTEXT_LIMIT = 2000  # characters in a context element
RICH_TEXT_LIMIT = 3000  # characters per rich_text block (ours: kept to a section's size)
BUTTON_TEXT_LIMIT = 75
BUTTON_VALUE_LIMIT = 2000
ACTIONS_LIMIT = 25  # elements in an actions block
MAX_BLOCKS = 50  # in a message
MAX_VIEW_BLOCKS = 100  # in a modal or App Home


def section(text: str) -> Block:
    """A mrkdwn section; `text` must fit SECTION_LIMIT (long text goes through `sections`)."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def sections(text: str, budget: int = MAX_BLOCKS) -> list[Block]:
    """Escaped mrkdwn text as sections split between lines, never cut: past `budget` blocks the
    last one says how many lines were left out."""
    chunks: list[list[str]] = [[]]
    for line in _pieces(escape(text).split("\n"), SECTION_LIMIT):
        size = sum(len(piece) + 1 for piece in chunks[-1])
        if chunks[-1] and size + len(line) > SECTION_LIMIT:
            chunks.append([])
        chunks[-1].append(line)
    if len(chunks) > budget:
        left = sum(len(chunk) for chunk in chunks[budget - 1 :])
        chunks = [*chunks[: budget - 1], [f"… and {left} more lines that don't fit in a message."]]
    return [section("\n".join(chunk)) for chunk in chunks]


def _pieces(lines: list[str], limit: int) -> list[str]:
    """Lines longer than `limit` broken at spaces (or anywhere, for one endless word)."""
    out: list[str] = []
    for line in lines:
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            out.append(line[:cut])
            line = line[cut:].lstrip(" ")
        out.append(line)
    return out


def context(text: str) -> Block:
    """A small grey line of mrkdwn (ours, short)."""
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(text, CONTEXT_LIMIT)}]}


def button(text: str, action_id: str, value: str = "", style: str = "default") -> dict[str, Any]:
    """A button; `value` carries the coach command it runs."""
    element: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(text, BUTTON_TEXT_LIMIT), "emoji": True},
        "action_id": action_id,
    }
    if value:  # Slack refuses an empty value
        element["value"] = value[:BUTTON_VALUE_LIMIT]
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
    """Coach actions as rows of buttons (a goal action opens the goal form)."""
    elements = [
        button(a.label, "chorus:open:goal")
        if a.command == "goal"
        else button(a.label, f"chorus:cmd:{i}", a.command, a.style)
        for i, a in enumerate(actions)
    ]
    return [
        {"type": "actions", "elements": elements[i : i + ACTIONS_LIMIT]}
        for i in range(0, len(elements), ACTIONS_LIMIT)
    ]


# Rich text: the writer's words exactly as typed (no mrkdwn is read in it), with our own styles.


def run(text: str, **style: bool) -> dict[str, Any]:
    """A piece of literal text, optionally bold or italic."""
    element: dict[str, Any] = {"type": "text", "text": text}
    if style:
        element["style"] = style
    return element


def paragraph(*runs: dict[str, Any]) -> dict[str, Any]:
    """A rich-text paragraph."""
    return {"type": "rich_text_section", "elements": list(runs)}


def quoted(text: str) -> dict[str, Any]:
    """A rich-text quote (the bar at the left)."""
    return {"type": "rich_text_quote", "elements": [run(text)]}


def bullets(items: list[dict[str, Any]]) -> dict[str, Any]:
    """A bulleted rich-text list of paragraphs."""
    return {"type": "rich_text_list", "style": "bullet", "elements": items}


def rich(*elements: dict[str, Any]) -> Block:
    """A rich_text block."""
    return {"type": "rich_text", "elements": list(elements)}


def characters(element: Any) -> int:
    """How many characters of text an element holds."""
    if isinstance(element, dict):
        own = len(element["text"]) if isinstance(element.get("text"), str) else 0
        return own + sum(characters(v) for k, v in element.items() if k != "text")
    if isinstance(element, list):
        return sum(characters(item) for item in element)
    return 0


def titled_list(
    title: str, items: list[dict[str, Any]], budget: int, left_out: str, most: int = 0
) -> tuple[list[Block], int]:
    """A bold title and a bulleted list of at most `most` items (0: all), in rich_text blocks of
    at most RICH_TEXT_LIMIT characters and at most `budget` blocks; items that don't fit are
    counted in a last line (`left_out` says how to see them). Returns the blocks and how many
    items were left out."""
    blocks: list[list[dict[str, Any]]] = [[]]
    for item in items[: most or len(items)]:
        if blocks[-1] and characters(blocks[-1]) + characters(item) > RICH_TEXT_LIMIT:
            blocks.append([])
        blocks[-1].append(item)
    blocks = blocks[: max(budget, 1)]
    left = len(items) - sum(len(b) for b in blocks)
    out = [
        rich(*([paragraph(run(title, bold=True))] if n == 0 else []), bullets(b))
        for n, b in enumerate(blocks)
        if b
    ]
    if left:
        out[-1]["elements"].append(paragraph(run(f"… and {left} more. {left_out}", italic=True)))
    return out, left
