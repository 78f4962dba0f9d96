"""Goal commands: parse what the user asked for, and say how far along they are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import regex

from bot.errors import ChorusError
from bot.feedback import get_platform

POSTS = regex.compile(
    r"^(?:set\s+)?posts?\s+(\d{1,2})(?:\s+(?:posts?\s+)?(?:a|per|each)\s+week)?(?:\s+(?:on|for))?"
    r"\s+(\w+)$",
    regex.IGNORECASE,
)
MINUTES = regex.compile(
    r"^(?:set\s+)?minutes?\s+(\d{1,3})(?:\s+(?:minutes?\s+)?(?:a|per|each)\s+day)?$",
    regex.IGNORECASE,
)
CONFIDENCE = regex.compile(
    r"^(?:set\s+)?confidence\s+([1-5])(?:\s+by\s+(\d{4}-\d{2}-\d{2}))?$", regex.IGNORECASE
)
MAX_GOAL_TEXT = 200

GOAL_HELP = (
    "Goals I understand:\n"
    "• `goal posts 3 per week on linkedin`\n"
    "• `goal minutes 15 per day`\n"
    "• `goal confidence 4 by 2027-03-31` (how confident you want to feel, 1-5)\n"
    "• `goal <anything in your own words>`\n"
    "• `goal list`, `goal done 2`"
)


@dataclass(frozen=True)
class GoalRequest:
    """A goal as parsed from the user's words, ready to store."""

    kind: str
    text: str
    target: int | None = None
    platform: str | None = None
    due: date | None = None


def parse_goal(args: str, today: date) -> GoalRequest:
    """Turn `goal ...` arguments into a goal, or raise a ChorusError that explains the forms."""
    args = " ".join(args.split())
    if m := POSTS.match(args):
        count, platform = int(m[1]), get_platform(m[2])
        if not 1 <= count <= 21:
            raise ChorusError("Pick between 1 and 21 posts a week; a small number you keep wins.")
        return GoalRequest(
            "posts", f"{count} posts a week on {platform.label}", count, platform.name
        )
    if m := MINUTES.match(args):
        minutes = int(m[1])
        if not 1 <= minutes <= 120:
            raise ChorusError("Pick between 1 and 120 minutes a day; 15 is plenty to start.")
        return GoalRequest("minutes", f"{minutes} minutes of practice a day", minutes)
    if m := CONFIDENCE.match(args):
        return _confidence(int(m[1]), m[2], today)
    if not args or args.lower().split()[0] in ("posts", "minutes", "confidence", "set"):
        raise ChorusError(f"I didn't catch that goal.\n{GOAL_HELP}")
    if len(args) > MAX_GOAL_TEXT:
        raise ChorusError(f"Keep a goal under {MAX_GOAL_TEXT} characters; short goals get done.")
    return GoalRequest("text", args)


def _confidence(level: int, due_text: str | None, today: date) -> GoalRequest:
    try:
        due = date.fromisoformat(due_text) if due_text else today + timedelta(days=90)
    except ValueError as error:
        raise ChorusError(f"'{due_text}' isn't a date I can read; use YYYY-MM-DD.") from error
    if due <= today:
        raise ChorusError("Pick a date in the future for that goal.")
    return GoalRequest("confidence", f"feel {level}/5 confident posting by {due}", level, None, due)


def week_start(moment: datetime) -> datetime:
    """Monday 00:00 of the week containing `moment`, in its own time zone."""
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return day - timedelta(days=day.weekday())
