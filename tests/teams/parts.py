"""Reading Adaptive Cards in tests: every element of a kind, every button wherever it sits."""

from __future__ import annotations

from typing import Any


def find(element: Any, kind: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(element, dict):
        if element.get("type") == kind:
            found.append(element)
        for value in element.values():
            found += find(value, kind)
    elif isinstance(element, list):
        for item in element:
            found += find(item, kind)
    return found


def all_actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    return card.get("actions", []) + [a for s in find(card, "ActionSet") for a in s["actions"]]


def text_blocks(element: Any) -> list[str]:
    """Every TextBlock's text in a card, nested containers and show-cards included."""
    found: list[str] = []
    if isinstance(element, dict):
        if element.get("type") == "TextBlock":
            found.append(element["text"])
        for value in element.values():
            found += text_blocks(value)
    elif isinstance(element, list):
        for item in element:
            found += text_blocks(item)
    return found


def shown(message: dict[str, Any]) -> str:
    """What a person reads in a message: its text, or its cards' text blocks."""
    cards = [a["content"] for a in message.get("attachments") or [] if "content" in a]
    return "\n".join([message.get("text") or "", *text_blocks(cards)])
