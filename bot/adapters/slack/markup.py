"""Slack's text markup: read a message as the writer wrote it, and escape what we send back."""

from __future__ import annotations

import html

import regex

from bot.adapters.compact import clip

__all__ = ["clip", "escape", "plain_text", "without_mention"]

LINK = regex.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")
USER = regex.compile(r"<@([A-Z0-9]+)(?:\|([^>]*))?>")
CHANNEL = regex.compile(r"<#([A-Z0-9]+)(?:\|([^>]*))?>")
SPECIAL = regex.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>")
SUBTEAM = regex.compile(r"<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>")
OTHER = regex.compile(r"<![^>]*>")


def plain_text(text: str) -> str:
    """Slack's encoded message text as the writer typed it: links, mentions, &amp; decoded."""
    text = LINK.sub(lambda m: m[1], text)  # the link itself is what the platform will count
    text = USER.sub(lambda m: "@" + (m[2] or m[1]), text)
    text = CHANNEL.sub(lambda m: "#" + (m[2] or m[1]), text)
    text = SPECIAL.sub(lambda m: "@" + m[1], text)
    text = SUBTEAM.sub(lambda m: m[1] or "@team", text)
    text = OTHER.sub("", text)
    return html.unescape(text)


def without_mention(text: str, bot_user_id: str | None) -> str:
    """A mention's text without the leading @Chorus."""
    if bot_user_id:
        text = text.replace(f"<@{bot_user_id}>", " ")
    return " ".join(text.split()) if "\n" not in text else text.strip()


def escape(text: str) -> str:
    """Escape &, < and > so user text can't become Slack markup (or ping @channel)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
