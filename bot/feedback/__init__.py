"""The critique engine: pure functions, text in, Critique out."""

from bot.feedback.engine import critique
from bot.feedback.model import CATEGORIES, Critique, Finding, LengthInfo, Stats
from bot.feedback.platforms import DEFAULT_PLATFORM, PLATFORMS, get_platform
from bot.feedback.rules import RULES, RULES_BY_ID

__all__ = [
    "CATEGORIES",
    "DEFAULT_PLATFORM",
    "PLATFORMS",
    "RULES",
    "RULES_BY_ID",
    "Critique",
    "Finding",
    "LengthInfo",
    "Stats",
    "critique",
    "get_platform",
]
