"""The critique engine: pure functions, text in, Critique out."""

from bot.feedback.engine import critique
from bot.feedback.model import (
    ALSO_NOTICED_MAX,
    CATEGORIES,
    EDITOR_RULE,
    Critique,
    Finding,
    LengthInfo,
    Note,
    Stats,
)
from bot.feedback.platforms import DEFAULT_PLATFORM, PLATFORMS, get_platform
from bot.feedback.rules import RULES, RULES_BY_ID

__all__ = [
    "ALSO_NOTICED_MAX",
    "CATEGORIES",
    "DEFAULT_PLATFORM",
    "EDITOR_RULE",
    "PLATFORMS",
    "RULES",
    "RULES_BY_ID",
    "Critique",
    "Finding",
    "LengthInfo",
    "Note",
    "Stats",
    "critique",
    "get_platform",
]
