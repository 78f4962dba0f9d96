"""The sweeper's rules one by one: once per day, late means missed, retries, departures."""

from __future__ import annotations

import io
import logging
import struct
from datetime import UTC, datetime, timedelta

import pytest

from bot.coach import Coach, Reply
from bot.coach.delivery import DeliveryError
from bot.coach.outreach import Outreach
from bot.scheduler import LEASE, MAX_ATTEMPTS, Sweeper
from storage import Store, UserKey
from storage.deliveries import Deliveries
from tests.conftest import Clock
from tests.fakes.deliverer import RecordingDeliverer

MONDAY_0930 = datetime(2026, 11, 16, 9, 30, tzinfo=UTC)
ALICE = UserKey("slack", "T1", "alice")


@pytest.fixture
def alice(coach: Coach, clock: Clock) -> UserKey:
    clock.now = MONDAY_0930 - timedelta(days=1)
    coach.remember_tz(ALICE, "UTC")
    coach.command(ALICE, "nudges on")
    return ALICE


def nudges_for(deliverer: RecordingDeliverer, who: UserKey) -> list[Reply]:
    return [r for k, r in deliverer.to_users if k == who and r.image is None]


def test_one_nudge_a_day_even_when_the_time_changes_after_it_was_sent(
    alice: UserKey, coach: Coach, sweeper: Sweeper, deliverer: RecordingDeliverer, clock: Clock
) -> None:
    clock.now = MONDAY_0930
    assert sweeper.sweep(clock.now).counts == {"sent": 1}
    clock.now += timedelta(minutes=30)
    coach.command(alice, "nudges at 14:00")  # the next due time is now later *today*
    clock.now = MONDAY_0930.replace(hour=14)
    assert sweeper.sweep(clock.now).counts == {"already-claimed": 1}
    assert len(nudges_for(deliverer, alice)) == 1
    clock.now += timedelta(days=1)
    assert sweeper.sweep(clock.now).counts == {"sent": 1}


def test_two_schedulers_racing_send_once(
    alice: UserKey, store: Store, outreach: Outreach, deliverer: RecordingDeliverer, clock: Clock
) -> None:
    first, second = Sweeper(outreach, {"slack": deliverer}), Sweeper(outreach, {"slack": deliverer})
    clock.now = MONDAY_0930
    user = store.find_user(alice)
    assert user is not None
    due = Deliveries(store).due(clock.now, 10)
    first.sweep(clock.now)
    Deliveries(store).set_next("nudge", user.id, due[0].due)  # the second read it before
    assert second.sweep(clock.now).counts == {"already-claimed": 1}
    assert len(nudges_for(deliverer, alice)) == 1


def test_more_than_two_hours_late_is_missed_not_sent(
    alice: UserKey, store: Store, sweeper: Sweeper, deliverer: RecordingDeliverer, clock: Clock
) -> None:
    clock.now = MONDAY_0930 + timedelta(hours=2, minutes=1)
    assert sweeper.sweep(clock.now).counts == {"missed": 1}
    assert not deliverer.to_users
    assert Deliveries(store).states("nudge")[0][3] == "missed"
    clock.now = MONDAY_0930 + timedelta(days=1)
    assert sweeper.sweep(clock.now).counts == {"sent": 1}


def test_a_failed_send_is_retried_on_a_later_sweep(
    alice: UserKey, store: Store, sweeper: Sweeper, deliverer: RecordingDeliverer, clock: Clock
) -> None:
    failures = iter([DeliveryError("retry", "ratelimited")])

    def fail_once(target: object, reply: Reply) -> None:
        error = next(failures, None)
        if error:
            raise error

    deliverer.fail = fail_once
    clock.now = MONDAY_0930
    assert sweeper.sweep(clock.now).counts == {"retry": 1}
    clock.now += timedelta(minutes=1)
    assert sweeper.sweep(clock.now).counts == {"sent": 1}
    assert len(nudges_for(deliverer, alice)) == 1
    assert Deliveries(store).states("nudge") == [("nudge", 1, "2026-11-16", "sent")]


def test_repeated_failure_is_recorded_not_lost_not_duplicated(
    alice: UserKey,
    store: Store,
    sweeper: Sweeper,
    deliverer: RecordingDeliverer,
    clock: Clock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def always(target: object, reply: Reply) -> None:
        raise DeliveryError("retry", "service_unavailable")

    deliverer.fail = always
    clock.now = MONDAY_0930
    outcomes = []
    for _ in range(MAX_ATTEMPTS + 2):
        outcomes.append(sweeper.sweep(clock.now).counts)
        clock.now += timedelta(minutes=1)
    assert outcomes[:MAX_ATTEMPTS] == [{"retry": 1}] * (MAX_ATTEMPTS - 1) + [{"failed": 1}]
    assert outcomes[MAX_ATTEMPTS:] == [{}, {}]
    assert Deliveries(store).states("nudge") == [("nudge", 1, "2026-11-16", "failed")]
    assert "failed" in caplog.text


def test_a_departed_user_is_marked_and_skipped(
    alice: UserKey, store: Store, sweeper: Sweeper, deliverer: RecordingDeliverer, clock: Clock
) -> None:
    def gone(target: object, reply: Reply) -> None:
        raise DeliveryError("gone", "account_inactive")

    deliverer.fail = gone
    clock.now = MONDAY_0930
    assert sweeper.sweep(clock.now).counts == {"gone": 1}
    deliverer.fail = lambda target, reply: None
    for _ in range(3):
        clock.now += timedelta(days=1)
        assert sweeper.sweep(clock.now).counts == {}
    assert not deliverer.to_users


def test_stopped_users_get_nothing(
    alice: UserKey, coach: Coach, sweeper: Sweeper, deliverer: RecordingDeliverer, clock: Clock
) -> None:
    coach.command(alice, "nudges off")
    for day in range(7):
        clock.now = MONDAY_0930 + timedelta(days=day)
        sweeper.sweep(clock.now)
    assert not deliverer.to_users


def test_shell_users_are_never_scheduled(
    coach: Coach, sweeper: Sweeper, deliverer: RecordingDeliverer, clock: Clock
) -> None:
    clock.now = MONDAY_0930 - timedelta(hours=1)
    coach.command(UserKey("shell", "local", "me"), "nudges at 09:30")
    clock.now = MONDAY_0930
    sweeper.sweep(clock.now)
    assert not deliverer.to_users


def test_nudges_never_repeat_within_14_days_and_mondays_check_in(
    alice: UserKey, sweeper: Sweeper, deliverer: RecordingDeliverer, clock: Clock
) -> None:
    for day in range(28):
        clock.now = MONDAY_0930 + timedelta(days=day)
        sweeper.sweep(clock.now)
    sent = [(when, r.text) for when, (_, r) in zip(range(28), deliverer.to_users, strict=False)]
    texts = [r.text for _, r in deliverer.to_users if r.image is None]
    assert len(texts) == 20
    for i, text in enumerate(texts):
        assert text not in texts[i + 1 : i + 10], "a nudge repeated within 14 days"
    mondays = [texts[0], texts[5], texts[10], texts[15]]
    assert all("confident" in t or "ready" in t or "comfortable" in t for t in mondays)
    assert sent


def test_done_counts_toward_the_streak(
    alice: UserKey, coach: Coach, sweeper: Sweeper, deliverer: RecordingDeliverer, clock: Clock
) -> None:
    for day in (0, 1):  # Monday's check-in, then Tuesday: an ordinary step, with Done
        clock.now = MONDAY_0930 + timedelta(days=day)
        sweeper.sweep(clock.now)
    [_, (_, nudge)] = deliverer.to_users
    done = next(a for a in nudge.actions if a.label == "Done")
    assert [a.label for a in nudge.actions] == [
        "Done",
        "Snooze a day",
        "Pause a week",
        "Stop nudges",
    ]
    reply = coach.command(alice, done.command)
    assert "streak is 1 day" in reply.text
    assert coach.command(UserKey("slack", "T1", "bob"), done.command).kind == "invalid"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_friday_summary_has_a_chart_and_words_for_it(
    alice: UserKey, coach: Coach, sweeper: Sweeper, deliverer: RecordingDeliverer, clock: Clock
) -> None:
    clock.now = MONDAY_0930 - timedelta(days=8)
    coach.handle(
        alice,
        "We cut our CI time from 40 minutes to 9 by caching the dependency "
        "install. Measure before you buy hardware. What would you cache first?",
    )
    coach.command(alice, "checkin 2")
    clock.now = MONDAY_0930
    coach.handle(alice, "I think maybe our cache sort of helped, kind of. Not sure if it matters.")
    coach.command(alice, "checkin 4")
    clock.now = MONDAY_0930 + timedelta(days=4)  # Friday 09:30
    sweeper.sweep(clock.now)
    [summary] = [r for _, r in deliverer.to_users if r.image is not None]
    assert "Your week: 1 draft reviewed." in summary.text
    assert "Confidence check-ins: 4" in summary.text
    assert summary.image is not None
    assert png_size(summary.image.png) == (800, 400)
    from PIL import Image as Pillow

    assert Pillow.open(io.BytesIO(summary.image.png)).size == (800, 400)
    assert summary.image.alt.startswith("Chart of the last 8 weeks")
    alt = summary.image.alt
    assert "none" not in alt  # only the weeks with a value, each by its date:
    assert alt.count("Nov ") == 2 + 2  # a draft and a check-in 8 days ago and this week


def test_the_chart_command_gives_the_same_chart(alice: UserKey, coach: Coach, clock: Clock) -> None:
    assert "nothing to chart" in coach.command(alice, "chart").text
    coach.command(alice, "checkin 3")
    reply = coach.command(alice, "chart")
    assert reply.image is not None and png_size(reply.image.png) == (800, 400)
    assert reply.text.startswith("Your confidence was 3/5")  # what changed; the alt describes
    assert reply.image.alt.startswith("Chart of the last 8 weeks")


def test_restart_records_interrupted_sends_as_unknown(
    alice: UserKey, store: Store, outreach: Outreach, deliverer: RecordingDeliverer
) -> None:
    user = store.find_user(alice)
    assert user is not None
    deliveries = Deliveries(store)
    me = Sweeper(outreach, {"slack": deliverer}, holder="worker.1")
    before = MONDAY_0930 - timedelta(days=3)
    mine = deliveries.claim("nudge", user.id, before.date(), before, MONDAY_0930, None, "worker.1")
    assert mine is not None
    assert me.reconcile(MONDAY_0930) == 1
    assert deliveries.states("nudge") == [("nudge", user.id, "2026-11-13", "unknown")]
    assert me.reconcile(MONDAY_0930) == 0


def test_a_live_replicas_send_in_flight_is_left_alone_until_its_lease_ends(
    alice: UserKey, store: Store, outreach: Outreach, deliverer: RecordingDeliverer
) -> None:
    user = store.find_user(alice)
    assert user is not None
    deliveries = Deliveries(store)
    before = MONDAY_0930 - timedelta(days=3)
    theirs = deliveries.claim("nudge", user.id, before.date(), before, MONDAY_0930, None, "web.2")
    assert theirs is not None
    me = Sweeper(outreach, {"slack": deliverer}, holder="worker.1")
    assert me.reconcile(MONDAY_0930) == 0  # web.2 is sending it right now
    assert "unknown" not in me.sweep(MONDAY_0930 + LEASE - timedelta(minutes=1)).counts
    assert deliveries.states("nudge")[0][3] == "sending"
    # web.2 died mid-send: once the claim is older than the lease, a sweep reports it
    assert me.sweep(MONDAY_0930 + LEASE + timedelta(minutes=1)).counts.get("unknown") == 1
    assert deliveries.states("nudge")[0][3] == "unknown"
    assert len(nudges_for(deliverer, alice)) == 1  # today's nudge; the unknown one never resent


def test_channel_tips_rotate_through_every_tip_before_repeating(
    alice: UserKey,
    coach: Coach,
    sweeper: Sweeper,
    deliverer: RecordingDeliverer,
    clock: Clock,
    outreach: Outreach,
) -> None:
    coach.command(alice, "tips here daily 10:00", channel="C1")
    count = len(outreach.tips.tips)
    for day in range(count + 3):  # from Sunday, the day the schedule was set
        clock.now = MONDAY_0930.replace(hour=10) + timedelta(days=day - 1)
        sweeper.sweep(clock.now, ("tip",))
    titles = [r.text.splitlines()[0] for _, channel, r in deliverer.to_channels if channel == "C1"]
    assert len(titles) == count + 3
    assert len(set(titles[:count])) == count
    assert titles[count:] == titles[:3]
    assert all("Try this today" in r.text for *_, r in deliverer.to_channels)


def test_a_channel_chorus_left_has_its_tips_disabled_with_a_log_line(
    alice: UserKey,
    coach: Coach,
    store: Store,
    sweeper: Sweeper,
    deliverer: RecordingDeliverer,
    clock: Clock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    coach.command(alice, "tips here weekly mon 10:00", channel="C9")

    def left(target: object, reply: Reply) -> None:
        raise DeliveryError("gone", "not_in_channel")

    deliverer.fail = left
    caplog.set_level(logging.WARNING)
    clock.now = MONDAY_0930.replace(hour=10)
    assert sweeper.sweep(clock.now, ("tip",)).counts == {"gone": 1}
    assert "disabled: not_in_channel" in caplog.text
    tips = store.channel_tips("slack", "T1", "C9")
    assert tips is not None and not tips.enabled
    clock.now += timedelta(days=7)
    assert sweeper.sweep(clock.now, ("tip",)).counts == {}
