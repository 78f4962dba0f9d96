"""Several sweepers on one database: leases split the work, a shared budget paces every send,
and a large cohort is spread over the send window (both backends)."""

from __future__ import annotations

import itertools
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta

from bot.adapters.slack.verify import MAX_AGE_SECONDS
from bot.coach import Reply
from bot.coach.outreach import Outreach
from bot.pacing import SharedPacer
from bot.scheduler import BATCH, EVENTS_KEPT, LEASE, Sweeper
from storage import Store, UserKey
from storage.deliveries import Deliveries
from tests.conftest import Clock
from tests.fakes.deliverer import RecordingDeliverer

MONDAY_0930 = datetime(2026, 11, 16, 9, 30, tzinfo=UTC)


def cohort(store: Store, size: int, team: str = "T1") -> list[UserKey]:
    """`size` users in one workspace, every one due at Monday 09:30 UTC."""
    keys = [UserKey("slack", team, f"U{i:04d}") for i in range(size)]
    deliveries = Deliveries(store)
    for key in keys:
        user = store.ensure_user(key, MONDAY_0930 - timedelta(days=7), tz="UTC")
        deliveries.set_next("nudge", user.id, MONDAY_0930)
    return keys


def test_leases_hand_each_due_row_to_one_sweep(store: Store) -> None:
    cohort(store, 5)
    deliveries = Deliveries(store)
    until = MONDAY_0930 + LEASE
    first = deliveries.lease(("nudge",), MONDAY_0930, until, 3, "a")
    second = deliveries.lease(("nudge",), MONDAY_0930, until, 3, "b")
    assert len(first) == 3 and len(second) == 2
    assert not {d.owner for d in first} & {d.owner for d in second}
    assert deliveries.lease(("nudge",), MONDAY_0930, until, 3, "c") == []
    assert deliveries.lease(("weekly", "tip"), MONDAY_0930, until, 3, "c") == []
    # a sweep that died keeps its rows only until the lease ends
    again = deliveries.lease(("nudge",), until, until + LEASE, 10, "c")
    assert sorted(d.owner for d in again) == sorted(d.owner for d in first + second)


def test_two_sweepers_split_a_cohort_without_visiting_each_others_rows(
    store: Store, outreach: Outreach, clock: Clock
) -> None:
    keys = cohort(store, BATCH + 40)
    clock.now = MONDAY_0930
    first_log, second_log = RecordingDeliverer(), RecordingDeliverer()
    second = Sweeper(outreach, {"slack": second_log}, holder="replica-b")
    reports = []

    def on_first_send(target: object, reply: Reply) -> None:
        if not reports:  # replica B sweeps while A is sending its first batch
            reports.append(second.sweep(clock.now))

    first_log.fail = on_first_send
    first = Sweeper(outreach, {"slack": first_log}, holder="replica-a")
    reports.append(first.sweep(clock.now))
    assert reports[0].counts == {"sent": 40} and reports[1].counts == {"sent": BATCH}
    received = Counter(k for k, _ in first_log.to_users + second_log.to_users)
    assert received == Counter(keys)


def test_postgres_leasing_skips_rows_another_transaction_holds(pg_url: str) -> None:
    store = Store(pg_url)
    store.migrate()
    cohort(store, 4)
    deliveries = Deliveries(store)
    held = threading.Event()
    release = threading.Event()

    def hold_two() -> None:
        with store.backend.transaction():
            store.backend.execute(
                "SELECT owner FROM schedules ORDER BY next_due, owner LIMIT 2 FOR UPDATE"
            )
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold_two)
    holder.start()
    assert held.wait(30)
    leased: list[int] = []
    leasing = threading.Thread(
        target=lambda: leased.extend(
            d.owner for d in deliveries.lease(("nudge",), MONDAY_0930, MONDAY_0930 + LEASE, 10, "b")
        )
    )
    leasing.start()
    leasing.join(20)
    finished = not leasing.is_alive()
    release.set()
    holder.join()
    leasing.join()
    store.close()
    assert finished, "the lease waited for the other transaction instead of skipping its rows"
    assert len(leased) == 2


def test_sender_threads_deliver_each_nudge_once(
    store: Store, outreach: Outreach, deliverer: RecordingDeliverer, clock: Clock
) -> None:
    keys = cohort(store, 40)
    clock.now = MONDAY_0930
    sweeper = Sweeper(outreach, {"slack": deliverer}, senders=4)
    assert sweeper.sweep(clock.now).counts == {"sent": 40}
    assert Counter(k for k, _ in deliverer.to_users) == Counter(keys)


def paced_sweeper(
    store: Store, outreach: Outreach, clock: Clock, per_second: float, window: timedelta
) -> tuple[Sweeper, list[datetime]]:
    sent_at: list[datetime] = []
    deliverer = RecordingDeliverer()
    deliverer.fail = lambda target, reply: sent_at.append(clock.now)
    pacer = SharedPacer(
        store,
        per_second,
        clock=lambda: clock.now.timestamp(),
        sleep=lambda seconds: clock.advance(seconds=seconds),
    )
    return Sweeper(outreach, {"slack": deliverer}, pacer, window=window), sent_at


def test_a_cohort_is_spread_at_the_workspace_rate_and_all_sent_within_the_window(
    store: Store, outreach: Outreach, clock: Clock
) -> None:
    cohort(store, 120)
    clock.now = MONDAY_0930
    sweeper, sent_at = paced_sweeper(store, outreach, clock, 2.0, timedelta(minutes=1))
    assert sweeper.sweep(clock.now).counts == {"sent": 120}
    gaps = {round((b - a).total_seconds(), 3) for a, b in itertools.pairwise(sent_at)}
    assert gaps == {0.5}  # evenly, at 2 a second
    assert sent_at[-1] - MONDAY_0930 <= timedelta(minutes=1)
    assert "missed" not in {s[3] for s in Deliveries(store).states()}


def test_more_than_the_window_can_carry_is_recorded_missed_never_sent_late(
    store: Store, outreach: Outreach, clock: Clock
) -> None:
    cohort(store, 30)
    clock.now = MONDAY_0930
    sweeper, sent_at = paced_sweeper(store, outreach, clock, 1.0, timedelta(seconds=19.5))
    counts = sweeper.sweep(clock.now).counts
    assert counts == {"sent": 20, "missed": 10}
    assert max(sent_at) - MONDAY_0930 <= timedelta(seconds=19.5)
    states = Counter(s[3] for s in Deliveries(store).states("nudge"))
    assert states == {"sent": 20, "missed": 10}
    assert sweeper.pacer.reserve("slack:T1") == 1.0  # the missed sends gave their slots back


def test_newcomers_are_looked_for_by_id_not_by_scanning_every_user_each_sweep(
    store: Store,
) -> None:
    scheduled = cohort(store, 2)
    new = [store.ensure_user(UserKey("slack", "T1", f"N{i}"), MONDAY_0930).id for i in range(3)]
    deliveries = Deliveries(store)
    found, after = deliveries.unscheduled_users(("slack",), 2)
    assert found == new[:2] and after == new[1]
    found, after = deliveries.unscheduled_users(("slack",), 2, after)
    assert found == new[2:] and after == new[2]
    assert deliveries.unscheduled_users(("slack",), 2, after) == ([], new[2])
    assert deliveries.unscheduled_users(("teams",), 2) == ([], new[2])
    assert len(scheduled) == 2


def test_a_sweep_purges_old_event_ids_and_replay_keys_alike(
    store: Store, sweeper: Sweeper, clock: Clock
) -> None:
    """Slack's event ids and the replay keys of slash commands, buttons and forms (the request
    signature, or a Socket Mode trigger id) share events_seen; each is kept for a day, far
    longer than the 5-minute signature window a replay must fall in."""
    assert timedelta(seconds=MAX_AGE_SECONDS) < EVENTS_KEPT
    keys = [("slack:T1", "Ev1"), ("slack:request", "v0=5f1e..."), ("slack:T1", "trigger:7.1")]
    for source, key in keys:
        assert store.first_sighting(source, key, MONDAY_0930)
    store.first_sighting("slack:request", "v0=recent", MONDAY_0930 + EVENTS_KEPT)
    clock.now = MONDAY_0930 + EVENTS_KEPT + timedelta(minutes=1)
    sweeper.sweep(MONDAY_0930 + EVENTS_KEPT + timedelta(minutes=1))
    for source, key in keys:  # forgotten: seen again as new
        assert store.first_sighting(source, key, MONDAY_0930 + EVENTS_KEPT)
    assert not store.first_sighting("slack:request", "v0=recent", MONDAY_0930 + EVENTS_KEPT)


def test_a_sweep_run_ahead_of_time_keeps_todays_replay_keys(
    store: Store, sweeper: Sweeper, clock: Clock
) -> None:
    """`chorus nudges run-due --now` a week ahead sweeps that day's sends, but purges by the real
    clock: a slash command signed a minute ago still cannot be replayed."""
    assert store.first_sighting("slack:request", "v0=a-minute-ago", clock.now)
    sweeper.sweep(clock.now + timedelta(days=7))
    assert not store.first_sighting("slack:request", "v0=a-minute-ago", clock.now)
