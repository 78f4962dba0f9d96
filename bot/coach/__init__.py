"""The platform-neutral brain: routes messages, keeps goals and progress, returns Replies."""

from bot.coach.coach import Coach, CoachSettings, summary
from bot.coach.dashboard import Dashboard
from bot.coach.reply import Action, Reply
from bot.coach.router import Intent, classify
from bot.coach.tips import Tip, TipLibrary

__all__ = [
    "Action",
    "Coach",
    "CoachSettings",
    "Dashboard",
    "Intent",
    "Reply",
    "Tip",
    "TipLibrary",
    "classify",
    "summary",
]
