"""Nudge and tip schedules: parsing what users type, and when the next one falls."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

import regex

from bot.errors import ChorusError
from storage import ChannelTips, NudgeSettings

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = dict(zip(DAYS, ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True))
CLOCK = regex.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$", regex.IGNORECASE)
SNOOZE = regex.compile(r"^(\d{1,2})\s*(d|days?|w|weeks?)$", regex.IGNORECASE)
MAX_SNOOZE_DAYS = 30


def parse_time(text: str) -> str:
    """'8:15', '08:15', '8am', '5:30 pm' -> 'HH:MM'; a kind error otherwise."""
    m = CLOCK.match(text.strip())
    if m:
        hour, minute, half = int(m[1]), int(m[2] or 0), (m[3] or "").lower()
        if half:
            hour = hour % 12 + (12 if half == "pm" else 0)
        if hour < 24 and minute < 60 and (m[2] or half):
            return f"{hour:02d}:{minute:02d}"
    raise ChorusError(f"'{text}' isn't a time I can read. Try 08:15 or 5:30pm.")


def parse_days(text: str) -> tuple[str, ...]:
    """'mon-fri', 'mon,wed,fri', 'weekdays', 'daily' -> ('mon', ...) in week order."""
    words = text.lower().replace(" ", ",").strip(",")
    if words in ("weekdays", "workdays"):
        return DAYS[:5]
    if words in ("daily", "everyday", "every,day", "all"):
        return DAYS
    chosen: set[str] = set()
    for part in filter(None, words.split(",")):
        first, _, last = part.partition("-")
        if first[:3] not in DAYS or (last and last[:3] not in DAYS):
            raise ChorusError(f"'{text}' isn't a list of days. Try mon-fri or mon,wed,fri.")
        start, end = DAYS.index(first[:3]), DAYS.index((last or first)[:3])
        chosen.update(DAYS[start : end + 1] if start <= end else DAYS[start:] + DAYS[: end + 1])
    if not chosen:
        raise ChorusError("Name at least one day, e.g. mon-fri.")
    return tuple(d for d in DAYS if d in chosen)


def parse_snooze(text: str, now: datetime) -> datetime:
    """'3d', '2 weeks' -> the moment the snooze ends."""
    m = SNOOZE.match(text.strip())
    if not m:
        raise ChorusError("Snooze for a number of days or weeks, e.g. `nudges snooze 3d`.")
    days = int(m[1]) * (7 if m[2].lower().startswith("w") else 1)
    if not 1 <= days <= MAX_SNOOZE_DAYS:
        raise ChorusError(f"Snooze for 1 to {MAX_SNOOZE_DAYS} days.")
    return now + timedelta(days=days)


def at_local(day: date, clock: str, zone: tzinfo) -> datetime:
    """The instant `clock` happens on `day` in `zone`. A time that doesn't exist on a DST change
    lands after the jump (02:30 -> 03:30); a repeated one means its first occurrence."""
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=zone).astimezone(UTC)


def next_at(days: tuple[str, ...], clock: str, after: datetime, zone: tzinfo) -> datetime | None:
    """The first `clock` on one of `days` in `zone` strictly after `after` (UTC)."""
    day = after.astimezone(zone).date()
    for offset in range(8):
        candidate_day = day + timedelta(days=offset)
        if DAYS[candidate_day.weekday()] in days:
            due = at_local(candidate_day, clock, zone)
            if due > after:
                return due
    return None


def next_nudge(nudges: NudgeSettings, now: datetime, zone: tzinfo) -> datetime | None:
    """When the next nudge is due (UTC), or None when nudges are off."""
    if not nudges.enabled:
        return None
    return next_at(nudges.days, nudges.time, max(now, nudges.snoozed_until or now), zone)


def next_weekly(nudges: NudgeSettings, now: datetime, zone: tzinfo) -> datetime | None:
    """The weekly summary: Fridays at the nudge time, whenever nudges are on."""
    if not nudges.enabled:
        return None
    return next_at(("fri",), nudges.time, max(now, nudges.snoozed_until or now), zone)


def next_tip(tips: ChannelTips, now: datetime) -> datetime | None:
    """When a channel's next tip is due, in the channel's own time zone."""
    if not tips.enabled:
        return None
    days = DAYS if tips.cadence == "daily" else (tips.weekday or "mon",)
    return next_at(days, tips.local_time, now, ZoneInfo(tips.tz))


def describe_days(days: tuple[str, ...]) -> str:
    """('mon', ..., 'fri') -> 'weekdays'; otherwise 'Mon, Wed, Fri'."""
    if days == DAYS[:5]:
        return "weekdays"
    if days == DAYS:
        return "every day"
    return ", ".join(DAY_NAMES[d] for d in days)
