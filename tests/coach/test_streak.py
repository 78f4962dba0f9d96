"""Streaks: days off don't break them, and one missed working day a week is forgiven."""

from __future__ import annotations

from datetime import date, timedelta

from bot.coach.progress import streak

MON = date(2026, 11, 16)


def days(*offsets: int) -> set[date]:
    return {MON + timedelta(days=o) for o in offsets}


def test_consecutive_working_days() -> None:
    assert streak(days(0, 1, 2), MON + timedelta(days=2)) == 3
    assert streak(days(0, 1, 2), MON + timedelta(days=3)) == 3  # today still open
    assert streak(set(), MON) == 0


def test_weekends_never_break_a_streak() -> None:
    assert streak(days(0, 1, 2, 3, 4, 7), MON + timedelta(days=7)) == 6


def test_one_miss_a_week_is_forgiven_two_are_not() -> None:
    assert streak(days(0, 1, 3, 4), MON + timedelta(days=4)) == 4  # Wednesday missed
    assert streak(days(0, 3, 4), MON + timedelta(days=4)) == 2  # Tue and Wed missed


def test_the_freeze_is_per_week() -> None:
    # Missed Wednesday in week one and Tuesday in week two: each week forgives one.
    assert streak(days(0, 1, 3, 4, 7, 9, 10), MON + timedelta(days=10)) == 7


def test_custom_working_days() -> None:
    mon_wed_fri = frozenset({0, 2, 4})
    assert streak(days(0, 2, 4, 7), MON + timedelta(days=7), mon_wed_fri) == 4
