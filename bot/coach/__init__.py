"""The platform-neutral brain: routes messages, keeps goals and progress, returns Replies."""

from bot.coach.coach import APOLOGY, Coach, CoachSettings, summary, validate
from bot.coach.reply import Action, Reply
from bot.coach.router import Intent, classify
from bot.coach.tips import Tip, TipLibrary

__all__ = [
    "APOLOGY",
    "Action",
    "Coach",
    "CoachSettings",
    "Intent",
    "Reply",
    "Tip",
    "TipLibrary",
    "classify",
    "summary",
    "validate",
]
