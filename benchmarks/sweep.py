"""The scheduler's sweep: selecting the due users among 100,000, and sends per second to a
local fake Slack that enforces a rate limit (429 with Retry-After, as Slack does).

Run: `.venv/bin/python benchmarks/sweep.py`. Loopback only. Figures, not assertions.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.adapters.slack.app import web_client
from bot.adapters.slack.delivery import SlackDelivery
from bot.adapters.slack.directory import Directory
from bot.coach import Coach, TipLibrary
from bot.coach.nudges import load_nudges
from bot.coach.outreach import Outreach
from bot.config import PROMPTS_DIR, SlackSettings
from bot.pacing import Pacer, SharedPacer, Unpaced
from bot.scheduler import Sweeper
from storage import Store
from storage.deliveries import Deliveries
from storage.store import stamp
from tests.fakes.slack_api import FakeSlack

NOW = datetime(2026, 11, 16, 9, 30, tzinfo=UTC)
USERS = 100_000
DUE_NOW = 500
SEND_USERS = 200
SLACK_LIMIT_PER_SECOND = 20


class NoSend:
    """A deliverer that accepts everything instantly, to time the sweep itself."""

    platform = "slack"

    def to_user(self, key: object, reply: object) -> None:
        """Accept."""

    def to_channel(self, team_id: str, channel_id: str, reply: object) -> None:
        """Accept."""


def populate(store: Store, users: int, due_now: int) -> None:
    """`users` Slack users, scheduled across the week; `due_now` of them due at NOW."""
    rng = random.Random(3)
    created = stamp(NOW - timedelta(days=30))
    with store.db.atomic():
        store.db.conn.executemany(
            "INSERT INTO users (id, platform, team_id, user_id, tz, created)"
            " VALUES (?, 'slack', 'T1', ?, 'Europe/Berlin', ?)",
            ((i, f"U{i:06d}", created) for i in range(1, users + 1)),
        )
        store.db.conn.executemany(
            "INSERT INTO schedules (kind, owner, next_due) VALUES ('nudge', ?, ?)",
            (
                (
                    i,
                    stamp(
                        NOW - timedelta(minutes=1)
                        if i <= due_now
                        else NOW + timedelta(minutes=rng.randint(1, 7 * 24 * 60))
                    ),
                )
                for i in range(1, users + 1)
            ),
        )


def sweeper(store: Store, deliverers: dict, pace: Pacer | None = None) -> Sweeper:
    """A sweeper over the store with the real nudge and tip libraries."""
    tips = TipLibrary.from_file(PROMPTS_DIR / "tips.yaml")
    outreach = Outreach(store, tips, load_nudges(PROMPTS_DIR / "nudges.yaml"), UTC, lambda: NOW)
    return Sweeper(outreach, deliverers, pace or Unpaced())


def selection_figures(tmp: Path) -> tuple[list[float], float]:
    """Time the due-user query, then one whole sweep of the due users."""
    store = Store(tmp / "select.db")
    store.migrate()
    populate(store, USERS, DUE_NOW)
    deliveries = Deliveries(store)
    timings = []
    for _ in range(20):
        start = time.perf_counter()
        deliveries.due(NOW, 1000)
        timings.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    sweeper(store, {"slack": NoSend()}).sweep(NOW, ("nudge",))
    return timings, (time.perf_counter() - start) * 1000


def send_figures(tmp: Path, per_second: float) -> tuple[float, int, int]:
    """Sends per second, nudges sent, and 429s absorbed, at one pacing."""
    fake = FakeSlack().start()
    fake.rate_limits["chat.postMessage"] = SLACK_LIMIT_PER_SECOND
    try:
        store = Store(tmp / f"send{per_second}.db")
        store.migrate()
        populate(store, SEND_USERS, SEND_USERS)
        settings = SlackSettings(api_url=fake.api_url, bot_token="xoxb-bench")
        coach = Coach(store, TipLibrary.from_file(PROMPTS_DIR / "tips.yaml"), clock=lambda: NOW)
        client = web_client(settings, settings.bot_token)
        delivery = SlackDelivery(lambda team: client, Directory(coach))
        start = time.perf_counter()
        pace = SharedPacer(store, per_second) if per_second else Unpaced()
        report = sweeper(store, {"slack": delivery}, pace).sweep(NOW, ("nudge",))
        elapsed = time.perf_counter() - start
        refused = sum(1 for c in fake.of("chat.postMessage")) - report.counts.get("sent", 0)
        return report.counts.get("sent", 0) / elapsed, report.counts.get("sent", 0), refused
    finally:
        fake.stop()


def main() -> None:
    """Print both tables."""
    with tempfile.TemporaryDirectory() as directory:
        tmp = Path(directory)
        timings, sweep_ms = selection_figures(tmp)
        print(f"{USERS:,} users, {DUE_NOW} due now; the rest spread over the next week\n")
        print("| measurement | value |")
        print("| --- | ---: |")
        print(
            f"| select the due users (index range scan), median of 20 | "
            f"{statistics.median(timings):.2f} ms |"
        )
        print(
            f"| one whole sweep of the {DUE_NOW} due (choose, claim, send to a no-op, "
            f"reschedule) | {sweep_ms:.0f} ms ({sweep_ms / DUE_NOW:.1f} ms per user) |"
        )
        print(
            f"\nSending {SEND_USERS} nudges through slack_sdk to a fake Slack that allows "
            f"{SLACK_LIMIT_PER_SECOND} chat.postMessage a second (429 + Retry-After: 1 above)\n"
        )
        print("| pacing | sends/s | sent | 429s absorbed |")
        print("| --- | ---: | ---: | ---: |")
        for per_second in (5, 15, 0):
            rate, delivered, refused = send_figures(tmp, per_second)
            label = f"{per_second}/s, the shared budget" if per_second else "none"
            print(f"| {label} | {rate:.1f} | {delivered} | {refused} |")


if __name__ == "__main__":
    main()
