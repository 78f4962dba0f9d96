"""Progress the user can see: trends, sparklines and streaks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo

BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float], low: float, high: float) -> str:
    """A one-line bar chart of the values between low and high."""
    span = (high - low) or 1
    return "".join(
        BARS[min(len(BARS) - 1, max(0, round((v - low) / span * (len(BARS) - 1))))] for v in values
    )


def trend(values: Sequence[float]) -> float | None:
    """Mean of the newer half minus mean of the older half (values oldest first)."""
    if len(values) < 2:
        return None
    half = len(values) // 2
    older, newer = values[:half], values[-half:]
    return round(sum(newer) / len(newer) - sum(older) / len(older), 1)


def local_days(moments: Sequence[datetime], zone: tzinfo) -> set[date]:
    """The local calendar days on which something happened."""
    return {m.astimezone(zone).date() for m in moments}


WORKING_DAYS = frozenset(range(5))  # Monday to Friday


def streak(days: set[date], today: date, working: frozenset[int] = WORKING_DAYS) -> int:
    """Active days in the current run, ending today (or yesterday while today is still open).

    Days off (not in `working`) never break a run; one missed working day a week is forgiven
    (a streak freeze), so a single miss doesn't undo a habit."""
    if not days:
        return 0
    day = today if today in days else today - timedelta(days=1)
    earliest = min(days)
    count = 0
    frozen: set[tuple[int, int]] = set()
    while day >= earliest:
        week = day.isocalendar()[:2]
        if day in days:
            count += 1
        elif day.weekday() in working and week in frozen:
            break
        elif day.weekday() in working:
            frozen.add(week)
        day -= timedelta(days=1)
    return count
