"""Chorus at scale: a cohort of users due at once in one workspace, sent by several replicas
through a fake Slack that enforces Slack's documented limits (429 with Retry-After); due-row
selection over 1,000,000 users; Slack ack latency on each backend; peak RSS per replica.

Run: `.venv/bin/python benchmarks/scale.py [--users 100000] [--rate 50] [--replicas 2]`.
Starts its own PostgreSQL (as the tests do) and a fake Slack, on loopback only. Figures, not
assertions: paste them into the README.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.slack_ack import burst, memory_mb, percentile
from bot.scheduler import BATCH, LEASE
from storage import Store
from storage.bulk import add_scheduled_users
from storage.deliveries import Deliveries
from tests.fakes.chorus_server import BOT_TOKEN, ChorusServer, clean_env
from tests.fakes.slack_api import FakeSlack, slack_limits
from tests.pg import PostgresServer

TEAM = "T1"


def fresh_store(backend: str, pg: PostgresServer, tmp: Path, name: str) -> Store:
    location = str(tmp / f"{name}.db") if backend == "sqlite" else pg.url(pg.new_schema())
    store = Store(location)
    store.migrate()
    return store


def selection(backend: str, pg: PostgresServer, tmp: Path, users: int) -> tuple[float, ...]:
    """Median ms to lease one batch of due rows, to read 100 due rows, and to look for
    users with no schedule yet (each sweep does), among `users`."""
    store = fresh_store(backend, pg, tmp, "select")
    now = datetime(2026, 11, 16, 9, 30, tzinfo=UTC)
    began = time.perf_counter()
    add_scheduled_users(
        store,
        TEAM,
        users,
        now - timedelta(days=30),
        lambda n: (
            now - timedelta(minutes=1) if n % 10 == 0 else now + timedelta(minutes=n % 10_080)
        ),
    )
    print(f"  loaded {users:,} users on {backend} in {time.perf_counter() - began:.0f} s")
    deliveries = Deliveries(store)
    leases, reads, newcomers = [], [], []
    for i in range(20):
        began = time.perf_counter()
        deliveries.lease(("nudge", "weekly"), now, now + LEASE, BATCH, f"bench-{i}")
        leases.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        deliveries.due(now, 100)
        reads.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        deliveries.unscheduled_users(("slack",), BATCH)  # the hourly look from the top
        newcomers.append((time.perf_counter() - began) * 1000)
    store.close()
    return statistics.median(leases), statistics.median(reads), statistics.median(newcomers)


def deliver(pg: PostgresServer, users: int, rate: int, replicas: int, threads: int) -> dict:
    """`users` due now in one workspace, sent by `replicas` run-due processes on PostgreSQL."""
    schema = pg.new_schema()
    store = Store(pg.url(schema))
    store.migrate()
    now = datetime.now(UTC)
    add_scheduled_users(
        store,
        TEAM,
        users,
        now - timedelta(days=30),
        lambda n: now - timedelta(seconds=30),
        lambda n: f"DU{n:07d}",  # they have talked to Chorus: their DM channel is known
    )
    fake = FakeSlack().start()
    fake.enforce(slack_limits(workspace_posts_per_minute=rate * 60))
    env = clean_env(
        DATABASE_URL=pg.url(schema),
        SLACK_API_URL=fake.api_url,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        CHORUS_SENDS_PER_SECOND=str(rate),
        CHORUS_SEND_THREADS=str(threads),
    )
    began = time.perf_counter()
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "nudges", "run-due"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(replicas)
    ]
    outputs = [p.communicate() for p in processes]
    elapsed = time.perf_counter() - began
    for out, err in outputs:
        print("  " + out.strip() + (f" ({err.strip()[-300:]})" if err.strip() else ""))
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    posts = {ch: n for (method, ch), n in fake.answered.items() if method == "chat.postMessage"}
    states = Deliveries(store).states("nudge")
    fake.stop()
    store.close()
    return {
        "seconds": elapsed,
        "delivered": len(posts),
        "duplicated": sum(n - 1 for n in posts.values() if n > 1),
        "missed": sum(s[3] == "missed" for s in states),
        "other": sum(s[3] not in ("sent", "missed") for s in states),
        "limited": fake.limited["chat.postMessage"],
        "rss_mb": peak_kb / 1024,
    }


def ack(backend: str, pg: PostgresServer, tmp: Path, events: int, rounds: int) -> tuple:
    """p50 and p99 ack ms for `events` concurrent DMs to one `chorus serve`, and its RSS."""
    fake = FakeSlack().start()
    env = {} if backend == "sqlite" else {"DATABASE_URL": pg.url(pg.new_schema())}
    (tmp / backend).mkdir(exist_ok=True)
    server = ChorusServer(tmp / backend, fake, **env)
    acks: list[float] = []
    try:
        burst(server, 5, "W")
        fake.wait_for_calls("chat.postMessage", 5)
        for n in range(rounds):
            before = len(fake.of("chat.postMessage"))
            acks += burst(server, events, f"{backend}{n}U")
            fake.wait_for_calls("chat.postMessage", before + events)
        rss = memory_mb(server.process.pid, "VmHWM")
    finally:
        server.stop()
        fake.stop()
    return statistics.median(acks), percentile(acks, 0.99), rss


def main() -> None:
    """Run every part and print the README's tables."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--rate", type=int, default=50, help="posts a second Slack allows")
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--select-users", type=int, default=1_000_000)
    parser.add_argument("--skip", action="append", default=[], help="deliver, select or ack")
    options = parser.parse_args()
    pg = PostgresServer.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            if "deliver" not in options.skip:
                print(f"{options.users:,} users due now, {options.replicas} replicas, Slack allows")
                print(f"{options.rate} chat.postMessage a second in the workspace:")
                r = deliver(pg, options.users, options.rate, options.replicas, options.threads)
                rate = r["delivered"] / r["seconds"]
                print("| measurement | value |\n| --- | ---: |")
                print(f"| time to deliver all | {r['seconds']:.0f} s |")
                share = 100 * rate / options.rate
                print(f"| sends per second | {rate:.1f} ({share:.0f}% of allowed) |")
                counts = f"{r['delivered']:,} / {r['missed']} / {r['duplicated']}"
                print(f"| delivered / missed / duplicated | {counts} |")
                print(f"| other states (unknown, failed) | {r['other']} |")
                print(f"| 429s from the fake Slack | {r['limited']} |")
                print(f"| peak RSS per replica | {r['rss_mb']:.0f} MB |\n")
            if "select" not in options.skip:
                print(f"Due-row selection among {options.select_users:,} users (10% due):")
                print("| backend | lease a batch of 100 | read 100 due | users with no schedule |")
                print("| --- | ---: | ---: | ---: |")
                for backend in ("sqlite", "postgresql"):
                    lease, read, new = selection(backend, pg, Path(tmp), options.select_users)
                    print(f"| {backend} | {lease:.1f} ms | {read:.1f} ms | {new:.0f} ms |")
                print()
            if "ack" not in options.skip:
                print("Slack ack for 50 concurrent DMs (3 rounds):")
                print("| backend | p50 | p99 | peak RSS |\n| --- | ---: | ---: | ---: |")
                for backend in ("sqlite", "postgresql"):
                    p50, p99, rss = ack(backend, pg, Path(tmp), 50, 3)
                    print(f"| {backend} | {p50:.0f} ms | {p99:.0f} ms | {rss:.0f} MB |")
    finally:
        pg.stop()


if __name__ == "__main__":
    main()
