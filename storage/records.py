"""Values the store hands back: plain, frozen, free of SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class UserKey:
    """Who a user is, across tenants: (platform, team_id, user_id)."""

    platform: str
    team_id: str
    user_id: str


@dataclass(frozen=True)
class NudgeSettings:
    """When a user wants their daily nudge: local time, weekdays, on or off, snoozed until."""

    enabled: bool = True
    time: str = "09:30"
    days: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri")
    snoozed_until: datetime | None = None


@dataclass(frozen=True)
class User:
    """A user's profile row."""

    id: int
    key: UserKey
    tz: str | None
    default_platform: str
    created: datetime
    nudges: NudgeSettings = NudgeSettings()
    welcomed: bool = False


@dataclass(frozen=True)
class ChannelTips:
    """A channel's tip schedule: daily or weekly at a local time."""

    platform: str
    team_id: str
    channel_id: str
    cadence: str
    weekday: str | None
    local_time: str
    tz: str
    enabled: bool
    set_by: str
    id: int = 0


@dataclass(frozen=True)
class Goal:
    """A goal the user set: posts per week, minutes a day, a confidence level, or free text."""

    id: int
    kind: str
    target: int | None
    platform: str | None
    due: date | None
    text: str
    created: datetime
    done_at: datetime | None


@dataclass(frozen=True)
class Checkin:
    """How confident the user felt about posting in public, 1-5."""

    level: int
    created: datetime


@dataclass(frozen=True)
class CritiqueRecord:
    """What is kept of one critique; the draft text only for the retention window."""

    id: int
    created: datetime
    platform: str
    score: int
    subscores: dict[str, int]
    categories: tuple[str, ...]
    hedges_per_100_words: float
    words: int
    text_hash: str
    text: str | None
    helpful: bool | None = None


@dataclass(frozen=True)
class NewCritique:
    """A critique to store."""

    platform: str
    score: int
    subscores: dict[str, int]
    categories: tuple[str, ...]
    hedges_per_100_words: float
    words: int
    text: str


@dataclass(frozen=True)
class DataSummary:
    """Everything stored about one user, counted."""

    critiques: int
    drafts_with_text: int
    goals: int
    checkins: int
    first_seen: datetime
