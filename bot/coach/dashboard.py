"""One user's progress at a glance, for `progress`, App Home and weekly summaries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.coach.context import Context
from bot.coach.goals import week_start
from bot.coach.progress import WORKING_DAYS, local_days, sparkline, streak, trend
from bot.coach.schedule import DAYS, describe_days, next_nudge
from storage import Goal, NudgeSettings, User

HISTORY = 10


@dataclass(frozen=True)
class Dashboard:
    """Scores, hedging and confidence over time, the streak, goals and nudges."""

    scores: tuple[int, ...]
    hedges: tuple[float, ...]
    checkins: tuple[int, ...]
    streak: int
    goals: tuple[str, ...]
    nudges: NudgeSettings
    next_nudge: datetime | None

    @classmethod
    def blank(cls) -> Dashboard:
        """The dashboard of someone Chorus knows nothing about."""
        return cls((), (), (), 0, (), NudgeSettings(), None)

    @property
    def empty(self) -> bool:
        """True before the first draft or check-in."""
        return not self.scores and not self.checkins

    def lines(self) -> list[str]:
        """The dashboard as plain lines of text."""
        out: list[str] = []
        if self.scores:
            out.append(
                f"Scores: {sparkline(self.scores, 0, 100)} latest {self.scores[-1]}"
                + _change(self.scores)
            )
            top = max(max(self.hedges), 5)
            out.append(
                f"Hedges per 100 words: {sparkline(self.hedges, 0, top)} "
                f"latest {self.hedges[-1]:g}{_change(self.hedges)}"
            )
        if self.checkins:
            out.append(f"Confidence: {sparkline(self.checkins, 1, 5)} latest {self.checkins[-1]}/5")
        out.append(f"Streak: {plural(self.streak, 'day')} in a row")
        out.append(f"Nudges: {self.nudge_line()}")
        return out

    def nudge_line(self) -> str:
        """When nudges come, in words."""
        if not self.nudges.enabled:
            return "off (`nudges on` turns them back on)"
        when = f"{describe_days(self.nudges.days)} at {self.nudges.time}"
        if self.next_nudge is None:
            return when
        return f"{when}, next {self.next_nudge:%a %d %b %H:%M}"


def plural(n: int, noun: str) -> str:
    """'1 day', '3 days'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _change(values: tuple[float, ...] | tuple[int, ...]) -> str:
    delta = trend(values)
    if not delta:
        return ""
    return f", {'up' if delta > 0 else 'down'} {abs(delta):g} on your earlier drafts"


def goal_status(ctx: Context, user: User, goal: Goal) -> str:
    """The goal and how far along it is this week."""
    local = ctx.local_now(user)
    if goal.kind == "posts":
        drafts = ctx.store.critiques(user, since=week_start(local), limit=500)
        done = sum(1 for c in drafts if c.platform == goal.platform)
        return f"{goal.text}: {done}/{goal.target} drafts reviewed this week"
    if goal.kind == "minutes":
        days = local_days(ctx.store.activity(user, week_start(local)), ctx.zone(user))
        return f"{goal.text}: practised on {plural(len(days), 'day')} this week"
    if goal.kind == "confidence" and goal.due:
        latest = ctx.store.checkins(user, limit=1)
        level = f"at {latest[0].level}/5" if latest else "no check-in yet"
        return f"{goal.text}: {level}, {(goal.due - local.date()).days} days to go"
    return goal.text


def working_days(user: User) -> frozenset[int]:
    """The weekdays the user practises on: their nudge days (Monday is 0)."""
    return frozenset(DAYS.index(d) for d in user.nudges.days) or WORKING_DAYS


def build_dashboard(ctx: Context, user: User) -> Dashboard:
    """Everything the user's progress view shows."""
    drafts = list(reversed(ctx.store.critiques(user, limit=HISTORY)))
    checkins = list(reversed(ctx.store.checkins(user, limit=HISTORY)))
    zone = ctx.zone(user)
    days = local_days(ctx.store.activity(user, ctx.now - timedelta(days=366)), zone)
    due = next_nudge(user.nudges, ctx.now, zone)
    return Dashboard(
        scores=tuple(c.score for c in drafts),
        hedges=tuple(c.hedges_per_100_words for c in drafts),
        checkins=tuple(c.level for c in checkins),
        streak=streak(days, ctx.now.astimezone(zone).date(), working_days(user)),
        goals=tuple(f"#{g.id} {goal_status(ctx, user, g)}" for g in ctx.store.goals(user)),
        nudges=user.nudges,
        next_nudge=due.astimezone(zone) if due else None,
    )
