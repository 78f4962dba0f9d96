"""The weekly summary: the week in numbers, eight weeks in a chart, and words for the chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import mean

from bot.coach.context import Context
from bot.coach.dashboard import build_dashboard, plural
from bot.coach.goals import week_start
from storage import User

WEEKS = 8


@dataclass(frozen=True)
class WeekPoint:
    """One week in the chart: its Monday, average score and average confidence."""

    start: date
    score: float | None
    confidence: float | None


@dataclass(frozen=True)
class WeeklySummary:
    """This week's drafts, score, hedging, check-ins, streak and goals, and 8 weeks of history."""

    drafts: int
    average: float | None
    previous: float | None
    hedges: float | None
    checkins: tuple[int, ...]
    streak: int
    goals: tuple[str, ...]
    history: tuple[WeekPoint, ...]

    def text(self) -> str:
        """The summary in a few plain lines."""
        lines = [f"Your week: {plural(self.drafts, 'draft')} reviewed."]
        if self.average is not None:
            change = ""
            if self.previous is not None:
                delta = round(self.average - self.previous)
                change = f" ({'up' if delta >= 0 else 'down'} {abs(delta)} on last week)"
            lines.append(f"Average score {self.average:.0f}/100{change}.")
        if self.hedges is not None:
            lines.append(f"Hedges: {self.hedges:.1f} per 100 words.")
        if self.checkins:
            lines.append(f"Confidence check-ins: {', '.join(map(str, self.checkins))} (of 5).")
        lines.append(f"Streak: {plural(self.streak, 'day')}.")
        lines += [f"Goal {g}" for g in self.goals]
        if not self.drafts:
            lines.append("A quiet week is fine. One two-sentence draft next week keeps it going.")
        lines.append(self.chart_line())
        return "\n".join(lines)

    def chart_line(self) -> str:
        """What the chart shows changed, in words (the chart's own description is its alt text)."""
        scored = [p for p in self.history if p.score is not None]
        felt = [p for p in self.history if p.confidence is not None]
        parts = []
        if scored:
            parts.append(_change("Your average score", scored[0], scored[-1], "score", ""))
        if felt:
            parts.append(_change("Your confidence", felt[0], felt[-1], "confidence", "/5"))
        return (
            " ".join(parts)
            or f"No drafts or check-ins in the last {plural(len(self.history), 'week')}."
        )

    def alt_text(self) -> str:
        """The chart in words, for screen readers: each week that has a value, by its date."""

        def series(name: str, values: list[tuple[date, float | None]]) -> str:
            known = [f"{start:%d %b} {v:.0f}" for start, v in values if v is not None]
            return f"{name}: {', '.join(known)}." if known else f"{name}: none yet."

        return (
            f"Chart of the last {len(self.history)} weeks, from "
            f"{self.history[0].start:%d %b}. "
            + series("Average score (0-100)", [(p.start, p.score) for p in self.history])
            + " "
            + series("Average confidence (1-5)", [(p.start, p.confidence) for p in self.history])
        )


def _change(subject: str, first: WeekPoint, last: WeekPoint, field: str, unit: str) -> str:
    before, now = round(getattr(first, field)), round(getattr(last, field))
    if first is last:
        return f"{subject} was {now}{unit} in the week of {last.start:%d %b}."
    since = f"since the week of {first.start:%d %b}"
    if now == before:
        return f"{subject} held at {now}{unit} {since}."
    verb = "rose" if now > before else "fell"
    return f"{subject} {verb} from {before}{unit} to {now}{unit} {since}."


def _average(values: list[float]) -> float | None:
    return mean(values) if values else None


def build_weekly(ctx: Context, user: User) -> WeeklySummary:
    """The summary for the week that contains now, in the user's time zone."""
    zone = ctx.zone(user)
    this_week = week_start(ctx.local_now(user))
    first = this_week - timedelta(weeks=WEEKS - 1)
    drafts = ctx.store.critiques(user, since=first, limit=2000)
    checkins = [c for c in ctx.store.checkins(user, limit=500) if c.created >= first]

    def week_of(moment: datetime) -> date:
        return week_start(moment.astimezone(zone)).date()

    history = tuple(
        WeekPoint(
            start,
            _average([c.score for c in drafts if week_of(c.created) == start]),
            _average([c.level for c in checkins if week_of(c.created) == start]),
        )
        for start in (first.date() + timedelta(weeks=n) for n in range(WEEKS))
    )
    current = [c for c in drafts if week_of(c.created) == this_week.date()]
    dashboard = build_dashboard(ctx, user)
    return WeeklySummary(
        drafts=len(current),
        average=history[-1].score,
        previous=history[-2].score,
        hedges=_average([c.hedges_per_100_words for c in current]),
        checkins=tuple(
            c.level for c in reversed(checkins) if week_of(c.created) == this_week.date()
        ),
        streak=dashboard.streak,
        goals=dashboard.goals,
        history=history,
    )
