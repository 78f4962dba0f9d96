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


def streak(days: set[date], today: date) -> int:
    """Consecutive active days ending today, or yesterday if today has nothing yet."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count
