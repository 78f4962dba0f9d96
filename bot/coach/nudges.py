"""Which tiny step to nudge a user with today: by their goals, recent drafts and the weekday."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from bot.coach.context import Context
from bot.coach.goals import week_start
from bot.coach.progress import trend
from bot.coach.tips import MAX_TIP_MINUTES
from bot.errors import ChorusError
from storage import User

SITUATIONS = ("monday_checkin", "posts_goal_behind", "no_recent_draft", "hedging_up", "any")
QUIET_DAYS = 5
WORKDAYS_IN_WEEK = 5


@dataclass(frozen=True)
class Nudge:
    """One step from the nudge library."""

    id: str
    when: str
    text: str
    why: str
    minutes: int

    @property
    def is_checkin(self) -> bool:
        """Answered with the 1-5 confidence buttons."""
        return self.when == "monday_checkin"


@dataclass(frozen=True)
class Situation:
    """What is true for a user today, in the order nudges care about."""

    monday: bool
    posts_goal_behind: bool
    no_recent_draft: bool
    hedging_up: bool

    def matches(self) -> tuple[str, ...]:
        """The situations that hold, most pressing first; 'any' always holds."""
        held = (self.monday, self.posts_goal_behind, self.no_recent_draft, self.hedging_up)
        return (*(name for name, on in zip(SITUATIONS, held, strict=False) if on), "any")


def load_nudges(path: Path) -> tuple[Nudge, ...]:
    """Read and validate the nudge library."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        nudges = tuple(
            Nudge(str(n["id"]), str(n["when"]), str(n["text"]), str(n["why"]), int(n["minutes"]))
            for n in data["nudges"]
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as error:
        raise ChorusError(f"The nudge library at {path} can't be read: {error}") from error
    if len({n.id for n in nudges}) != len(nudges):
        raise ChorusError(f"The nudge library at {path} repeats an id.")
    bad = [n.id for n in nudges if n.when not in SITUATIONS or n.minutes > MAX_TIP_MINUTES]
    if bad:
        raise ChorusError(f"These nudges have an unknown 'when' or take over 15 minutes: {bad}")
    return nudges


def situation(ctx: Context, user: User, today: date) -> Situation:
    """Read the user's goals and recent drafts for today's choice."""
    drafts = ctx.store.critiques(user, limit=10)
    last = drafts[0].created.astimezone(ctx.zone(user)).date() if drafts else None
    hedges = [c.hedges_per_100_words for c in reversed(drafts)]
    return Situation(
        monday=today.weekday() == 0,
        posts_goal_behind=_posts_behind(ctx, user, today),
        no_recent_draft=last is None or (today - last).days >= QUIET_DAYS,
        hedging_up=len(hedges) >= 4 and (trend(hedges) or 0) > 0.5,
    )


def _posts_behind(ctx: Context, user: User, today: date) -> bool:
    goals = [g for g in ctx.store.goals(user) if g.kind == "posts" and g.target]
    if not goals:
        return False
    start = week_start(ctx.local_now(user))
    drafts = ctx.store.critiques(user, since=start, limit=500)
    elapsed = min(today.weekday() + 1, WORKDAYS_IN_WEEK)
    for goal in goals:
        done = sum(1 for c in drafts if c.platform == goal.platform)
        if done < math.ceil((goal.target or 0) * elapsed / WORKDAYS_IN_WEEK):
            return True
    return False


def choose(nudges: tuple[Nudge, ...], today: Situation, recent: list[str]) -> Nudge:
    """The first unused nudge for the most pressing situation; never one sent in 14 days
    while another fits (failing that, the one used longest ago)."""
    for when in today.matches():
        fresh = [n for n in nudges if n.when == when and n.id not in recent]
        if fresh:
            return fresh[0]
    pool = [n for n in nudges if n.when in today.matches() and n.when != "monday_checkin"]
    return max(pool, key=lambda n: recent.index(n.id) if n.id in recent else len(recent))
