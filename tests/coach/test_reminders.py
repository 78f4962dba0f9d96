"""Nudge and channel-tip settings, and when the next nudge falls (time zones, DST)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.coach import Coach
from bot.coach.schedule import next_nudge, parse_days, parse_time
from bot.errors import ChorusError
from storage import NudgeSettings, Store, UserKey
from tests.conftest import Clock

NEW_YORK, BERLIN, KOLKATA = (
    ZoneInfo(z) for z in ("America/New_York", "Europe/Berlin", "Asia/Kolkata")
)


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("8:15", "08:15"),
        ("08:15", "08:15"),
        ("8am", "08:00"),
        ("5:30 pm", "17:30"),
        ("12am", "00:00"),
        ("12pm", "12:00"),
        ("23:59", "23:59"),
    ],
)
def test_parse_time(text: str, clock: str) -> None:
    assert parse_time(text) == clock


@pytest.mark.parametrize("text", ["25:00", "8", "noon", "7:61", ""])
def test_parse_time_rejects(text: str) -> None:
    with pytest.raises(ChorusError):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("mon-fri", ("mon", "tue", "wed", "thu", "fri")),
        ("mon,wed,fri", ("mon", "wed", "fri")),
        ("Friday, monday", ("mon", "fri")),
        ("sat-mon", ("mon", "sat", "sun")),
        ("weekdays", ("mon", "tue", "wed", "thu", "fri")),
    ],
)
def test_parse_days(text: str, days: tuple[str, ...]) -> None:
    assert parse_days(text) == days


def test_next_nudge_skips_weekends_and_uses_local_time() -> None:
    friday_evening = datetime(2026, 11, 20, 20, 0, tzinfo=UTC)
    due = next_nudge(NudgeSettings(), friday_evening, BERLIN)
    assert due == datetime(2026, 11, 23, 8, 30, tzinfo=UTC)  # Monday 09:30 CET
    assert next_nudge(NudgeSettings(), friday_evening, KOLKATA) == datetime(
        2026,
        11,
        23,
        4,
        0,
        tzinfo=UTC,  # 09:30 IST is 04:00 UTC
    )


def test_next_nudge_moves_past_a_dst_gap_and_fires_once_in_a_repeat() -> None:
    gap = NudgeSettings(time="02:30", days=("sun",))
    before_spring = datetime(2027, 3, 13, 12, 0, tzinfo=UTC)
    due = next_nudge(gap, before_spring, NEW_YORK)
    assert due is not None and due.astimezone(NEW_YORK).strftime("%H:%M") == "03:30"
    repeat = NudgeSettings(time="01:30", days=("sun",))
    before_fall = datetime(2026, 10, 31, 12, 0, tzinfo=UTC)
    first = next_nudge(repeat, before_fall, NEW_YORK)
    assert first == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # the EDT 01:30
    after_first = next_nudge(repeat, first, NEW_YORK)
    assert after_first is not None and after_first.date() == datetime(2026, 11, 8).date()


def test_next_nudge_respects_off_and_snooze() -> None:
    now = datetime(2026, 11, 16, 7, 0, tzinfo=UTC)  # Monday
    assert next_nudge(NudgeSettings(enabled=False), now, BERLIN) is None
    snoozed = NudgeSettings(snoozed_until=datetime(2026, 11, 19, 12, 0, tzinfo=UTC))
    assert next_nudge(snoozed, now, BERLIN) == datetime(2026, 11, 20, 8, 30, tzinfo=UTC)


def test_nudges_command_changes_and_shows_settings(
    coach: Coach, store: Store, alice: UserKey, clock: Clock
) -> None:
    assert "weekdays at 09:30, next Tue 17 Nov" in coach.handle(alice, "nudges").text
    assert "Mon, Wed, Fri at 09:30" in coach.handle(alice, "nudges days mon,wed,fri").text
    assert "at 08:15" in coach.handle(alice, "nudges at 8:15").text
    reply = coach.handle(alice, "nudges snooze 3d")
    assert "snoozed until Thu 19 Nov" in reply.text
    assert "off" in coach.handle(alice, "nudges off").text
    user = store.find_user(alice)
    assert user is not None
    assert user.nudges.enabled is False and user.nudges.time == "08:15"
    assert coach.handle(alice, "nudges on").actions[0].command == "nudges snooze 7d"
    for bad in ("nudges at 25:00", "nudges days someday", "nudges snooze 90d"):
        assert coach.handle(alice, bad).kind == "invalid"


def test_tips_need_a_channel_and_store_its_schedule(
    coach: Coach, store: Store, alice: UserKey
) -> None:
    coach.remember_tz(alice, "Europe/Berlin")
    assert coach.handle(alice, "tips here weekly mon 10:00").kind == "invalid"
    reply = coach.handle(alice, "tips here weekly mon 10:00", channel="C1")
    assert reply.text == "Done. This channel gets a tip every Mon at 10:00 (Europe/Berlin)."
    assert "every day at 09:00" in coach.handle(alice, "tips daily 9:00", channel="C1").text
    assert "no more tips" in coach.handle(alice, "tips off", channel="C1").text
    tips = store.channel_tips("slack", "T1", "C1")
    assert tips is not None and not tips.enabled and tips.set_by == "U_ALICE"
    assert coach.command(alice, "tips here hourly", channel="C1").kind == "invalid"
    assert "Try `tips here weekly" in coach.command(alice, "tips here hourly", channel="C1").text


def test_remember_tz_ignores_nonsense(coach: Coach, store: Store, alice: UserKey) -> None:
    coach.remember_tz(alice, "Mars/Olympus_Mons")
    coach.remember_tz(alice, "Asia/Kolkata")
    user = store.find_user(alice)
    assert user is not None and user.tz == "Asia/Kolkata"


def test_welcome_is_sent_once(coach: Coach, alice: UserKey) -> None:
    first = coach.welcome(alice)
    assert first is not None and len(first.actions) == 3
    assert coach.welcome(alice) is None
