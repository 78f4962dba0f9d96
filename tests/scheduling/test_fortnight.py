"""A simulated fortnight across time zones and two DST changes: every due nudge exactly once."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.coach import Coach, Reply
from bot.coach.outreach import Outreach
from bot.coach.schedule import DAYS, at_local
from bot.scheduler import Sweeper
from storage import Store, UserKey
from storage.deliveries import Deliveries
from tests.conftest import Clock
from tests.fakes.deliverer import Crash, RecordingDeliverer

START = datetime(2026, 10, 22, tzinfo=UTC)  # Thursday; Berlin leaves DST 25 Oct, New York 1 Nov
END = START + timedelta(days=14)
STEP = timedelta(minutes=10)
WEEKDAYS = DAYS[:5]

# name: (time zone, nudge time, days, changes as (UTC moment, command))
PEOPLE = {
    "ny": ("America/New_York", "09:30", WEEKDAYS, []),
    "berlin": ("Europe/Berlin", "09:30", WEEKDAYS, []),
    "kolkata": ("Asia/Kolkata", "09:30", WEEKDAYS, []),
    "owl": ("America/New_York", "01:30", DAYS, []),  # 01:30 happens twice on 1 Nov
    "mwf": ("Europe/Berlin", "08:15", ("mon", "wed", "fri"), []),
    "snoozer": (
        "UTC",
        "09:30",
        WEEKDAYS,
        [(datetime(2026, 10, 25, 12, tzinfo=UTC), "nudges snooze 3d")],
    ),
    "stopper": (
        "Europe/Berlin",
        "09:30",
        WEEKDAYS,
        [(datetime(2026, 10, 28, 12, tzinfo=UTC), "nudges off")],
    ),
    "pauser": (
        "Asia/Kolkata",
        "09:30",
        WEEKDAYS,
        [(datetime(2026, 10, 23, 12, tzinfo=UTC), "nudges snooze 7d")],
    ),
}
CRASH = ("berlin", date(2026, 10, 27))  # the process dies while sending this one


def key(name: str) -> UserKey:
    return UserKey("slack", "T1", name)


def blocked(name: str, due: datetime) -> bool:
    """Whether a nudge due at `due` falls in a snooze, pause or stop, judged independently."""
    for moment, command in PEOPLE[name][3]:
        if command == "nudges off" and due >= moment:
            return True
        if command.startswith("nudges snooze") and moment <= due < moment + timedelta(
            days=int(command.split()[-1].rstrip("d"))
        ):
            return True
    return False


def expected(name: str, weekly: bool) -> set[date]:
    """Local dates that should get a nudge (or, with weekly, a Friday summary)."""
    tz, clock, days, _ = PEOPLE[name]
    zone = ZoneInfo(tz)
    wanted = ("fri",) if weekly else days
    found: set[date] = set()
    day = START.astimezone(zone).date() - timedelta(days=1)
    while day <= END.astimezone(zone).date():
        due = at_local(day, clock, zone)
        if DAYS[day.weekday()] in wanted and START <= due < END and not blocked(name, due):
            found.add(day)
        day += timedelta(days=1)
    return found


def sent_dates(deliverer: RecordingDeliverer, outreach: Outreach, kind: str) -> dict[str, list]:
    """Local dates of what each user actually received, in order."""
    got: dict[str, list[date]] = {name: [] for name in PEOPLE}
    for name, when in deliverer.log:  # type: ignore[attr-defined]
        if when[0] == kind:
            got[name].append(when[1])
    return got


def test_a_fortnight_of_nudges_and_summaries(
    store: Store, coach: Coach, outreach: Outreach, clock: Clock
) -> None:
    deliverer = RecordingDeliverer()
    log: list[tuple[str, tuple[str, date]]] = []
    deliverer.log = log  # type: ignore[attr-defined]

    def on_send(target: object, reply: Reply) -> None:
        assert isinstance(target, UserKey)
        zone = ZoneInfo(PEOPLE[target.user_id][0])
        kind = "weekly" if reply.image is not None else "nudge"
        today = clock.now.astimezone(zone).date()
        if (target.user_id, today) == CRASH and kind == "nudge" and not crashed:
            crashed.append(True)
            raise Crash
        log.append((target.user_id, (kind, today)))

    crashed: list[bool] = []
    deliverer.fail = on_send
    clock.now = START - timedelta(hours=1)
    for name, (tz, at, days, _) in PEOPLE.items():
        coach.remember_tz(key(name), tz)
        coach.command(key(name), f"nudges at {at}")
        coach.command(key(name), f"nudges days {','.join(days)}")
    changes = sorted(
        (moment, name, command) for name, (*_, c) in PEOPLE.items() for moment, command in c
    )
    sweeper = Sweeper(outreach, {"slack": deliverer})
    clock.now = START
    restarts = 0
    while clock.now < END:
        while changes and changes[0][0] <= clock.now:
            _, name, command = changes.pop(0)
            coach.command(key(name), command)
        try:
            sweeper.sweep(clock.now)
        except Crash:
            restarts += 1  # the process died mid-send: a new one starts and reconciles
            sweeper = Sweeper(outreach, {"slack": deliverer})
            assert sweeper.reconcile(clock.now) == 1
            sweeper.sweep(clock.now)  # the same minute again, after the restart
        clock.now += STEP

    assert restarts == 1
    for kind in ("nudge", "weekly"):
        received = Counter((name, when) for name, (k, when) in log if k == kind)
        assert all(n == 1 for n in received.values()), f"a {kind} was sent twice"
        for name in PEOPLE:
            want = expected(name, weekly=kind == "weekly")
            if kind == "nudge" and name == CRASH[0]:
                want -= {CRASH[1]}  # recorded as unknown, never resent
            got = {when for (who, when) in received if who == name}
            assert got == want, (kind, name, sorted(got ^ want))
    states = Deliveries(store).states("nudge")
    berlin = store.find_user(key("berlin"))
    assert berlin is not None
    assert ("nudge", berlin.id, CRASH[1].isoformat(), "unknown") in states
    assert not [s for s in states if s[3] in ("sending", "retry", "failed")]


def test_expected_dates_include_the_dst_days() -> None:
    owl = expected("owl", weekly=False)
    assert date(2026, 11, 1) in owl  # New York's repeated 01:30, once
    assert len(expected("ny", weekly=False)) == 10
    assert date(2026, 10, 26) not in expected("snoozer", weekly=False)
    assert date(2026, 10, 30) not in expected("pauser", weekly=False)
