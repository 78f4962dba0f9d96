"""Prompt templates from prompts/*.md, with named slots ($name); user text goes in as data."""

from __future__ import annotations

from functools import cache
from string import Template

from bot.config import PROMPTS_DIR
from bot.errors import ChorusError


@cache
def template(name: str) -> Template:
    """The template prompts/NAME.md (read once per process)."""
    path = PROMPTS_DIR / f"{name}.md"
    try:
        return Template(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ChorusError(f"The prompt {path} can't be read.") from error


def render(name: str, **slots: str) -> str:
    """Fill a template's named slots; a missing slot is an error, never a silent gap."""
    return template(name).substitute(slots)


def fenced(text: str, tag: str) -> str:
    """User text with any closing tag neutralised, so it can't end its own delimiters."""
    return text.replace(f"</{tag}>", f"</ {tag}>").replace(f"<{tag}>", f"< {tag}>")
