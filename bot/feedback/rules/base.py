"""What a rule is, and the decorator that names one."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.feedback.model import CATEGORIES, Hit
from bot.feedback.text import Draft

Check = Callable[[Draft], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A named check: its stable id, category, and whether it only reads English."""

    id: str
    category: str
    check: Check
    english_only: bool

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r} for rule {self.id}")

    @property
    def explanation(self) -> str:
        """What the rule looks for and why, in words for the writer."""
        return inspect.getdoc(self.check) or ""


def rule(rule_id: str, category: str, *, english_only: bool = True) -> Callable[[Check], Rule]:
    """Turn a check function into a Rule with a stable id and category."""

    def wrap(check: Check) -> Rule:
        return Rule(rule_id, category, check, english_only)

    return wrap
