"""How fast scheduled messages go out: a budget per workspace that every replica shares.

Slack allows chat.postMessage about once a second per channel (short bursts tolerated) under
a workspace-wide limit it doesn't publish; every DM is its own channel, so the workspace limit
is the one a cohort of nudges meets. Each send takes the next slot of its workspace's bucket
in the database (one atomic statement, GCRA), so two replicas and a worker together never
exceed CHORUS_SENDS_PER_SECOND for one workspace, and a large cohort is spread evenly. When
Slack answers 429 anyway, its Retry-After holds the same bucket, so every replica waits."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from storage import Store


def bucket_for(platform: str, team_id: str) -> str:
    """One send budget per workspace (Slack) or tenant (Teams)."""
    return f"{platform}:{team_id}"


def hold_on_rate_limit(
    store: Store, platform: str, clock: Callable[[], float] = time.time
) -> Callable[[str, float], None]:
    """What to do when a workspace's API says "retry after N seconds": hold its shared
    bucket that long, so no replica's next slot comes sooner."""

    def hold(team_id: str, seconds: float) -> None:
        store.hold_slot(bucket_for(platform, team_id), clock() + seconds)

    return hold


class Pacer(Protocol):
    """Decides when the next send to a workspace may go."""

    def reserve(self, bucket: str) -> float:
        """Take the next slot of `bucket`; return the seconds to wait before sending."""

    def wait(self, seconds: float) -> None:
        """Wait that long."""

    def release(self, bucket: str) -> None:
        """Give back the slot just reserved: the send won't happen."""


class Unpaced:
    """Sends at once (tests, `chorus nudges run-due --now`)."""

    def reserve(self, bucket: str) -> float:
        """No wait."""
        return 0.0

    def wait(self, seconds: float) -> None:
        """Nothing to wait for."""

    def release(self, bucket: str) -> None:
        """Nothing was reserved."""


class SharedPacer:
    """`per_second` sends per workspace across all processes, with bursts of `burst`."""

    def __init__(
        self,
        store: Store,
        per_second: float,
        burst: int = 1,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.store = store
        self.interval = 1.0 / per_second
        self.burst = burst
        self.clock = clock
        self.sleep = sleep

    def reserve(self, bucket: str) -> float:
        """The workspace's next slot, taken in the database."""
        now = self.clock()
        start = self.store.reserve_slot(bucket, now, self.interval, self.burst)
        return max(0.0, start - now)

    def wait(self, seconds: float) -> None:
        """Sleep until the slot."""
        if seconds > 0:
            self.sleep(seconds)

    def release(self, bucket: str) -> None:
        """Return the slot to the workspace's budget."""
        self.store.release_slot(bucket, self.interval)


def build_pacer(store: Store, per_second: float) -> Pacer:
    """The shared pacer, or none when `per_second` is 0."""
    return SharedPacer(store, per_second) if per_second > 0 else Unpaced()
