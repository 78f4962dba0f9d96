"""What a Slack request says: whose it is, and the values a modal was submitted with."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext, BoltRequest

from storage import UserKey

Values = dict[str, dict[str, Any]]


def user_key(context: BoltContext, user_id: str) -> UserKey:
    """The tenant-scoped key for a Slack user."""
    return UserKey("slack", context.team_id or context.enterprise_id or "", user_id)


def typed(values: Values, block: str, action: str = "text") -> str:
    """A text input's value ('' when the block is missing or left empty)."""
    return (values.get(block, {}).get(action, {}).get("value") or "").strip()


def chosen(values: Values, block: str, action: str) -> str:
    """A select's chosen value ('' when nothing is chosen)."""
    return (values.get(block, {}).get(action, {}).get("selected_option") or {}).get("value") or ""


def ref(view: dict[str, Any]) -> int:
    """The number a modal carries in its private_metadata (0 when it carries none)."""
    meta = str(view.get("private_metadata") or "")
    return int(meta) if meta.isdigit() else 0


def replay_key(req: BoltRequest, body: dict[str, Any], team: str) -> tuple[str, str] | None:
    """What makes this request a repeat: the event id for events (Slack's retries carry it),
    else the signature of an HTTP request (an exact replay, within the signature window, has
    the same one), else the trigger id (Socket Mode)."""
    if body.get("event_id"):
        return f"slack:{team}", str(body["event_id"])
    signature = req.headers.get("x-slack-signature", [""])[0] if req.mode == "http" else ""
    if signature:
        return "slack:request", signature
    if body.get("trigger_id"):
        return f"slack:{team}", f"trigger:{body['trigger_id']}"
    return None
