"""Ack latency of `chorus serve` for concurrent signed DM events, and the process's peak RSS.

Run: `.venv/bin/python benchmarks/slack_ack.py [--events 50] [--rounds 3]`. Uses the same local
fake Slack Web API as the tests, on loopback only. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fakes.chorus_server import ChorusServer
from tests.fakes.slack_api import FakeSlack

DRAFT = (
    "We cut our CI time from 40 minutes to 9. I think caching the dependency install mattered "
    "most, because it was the slow step nobody measured. What's the slowest step in yours?"
)


def peak_rss_mb(pid: int) -> float:
    """VmHWM: the most resident memory the process has held."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def burst(server: ChorusServer, fake: FakeSlack, events: int, user_prefix: str) -> list[float]:
    """Send `events` DMs at once; return each request's ack time in ms."""
    start = threading.Barrier(events)

    def send(i: int) -> float:
        start.wait()
        began = time.perf_counter()
        status, _ = server.dm(DRAFT, user=f"{user_prefix}{i}")
        assert status == 200
        return (time.perf_counter() - began) * 1000

    with ThreadPoolExecutor(max_workers=events) as pool:
        return list(pool.map(send, range(events)))


def main() -> None:
    """Run the rounds and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    fake = FakeSlack().start()
    with tempfile.TemporaryDirectory() as tmp:
        server = ChorusServer(Path(tmp), fake)
        acks: list[float] = []
        replies: list[float] = []
        try:
            burst(server, fake, 5, "W")  # warm-up: imports, first critique, first tips query
            fake.wait_for_calls("chat.postMessage", 5)
            for round_number in range(options.rounds):
                before = len(fake.of("chat.postMessage"))
                began = time.perf_counter()
                acks += burst(server, fake, options.events, f"R{round_number}U")
                fake.wait_for_calls("chat.postMessage", before + options.events)
                replies.append((time.perf_counter() - began) * 1000)
            rss = peak_rss_mb(server.process.pid)
        finally:
            server.stop()
            fake.stop()
    acks.sort()
    p99 = acks[min(len(acks) - 1, round(0.99 * (len(acks) - 1)))]
    print(
        f"{options.rounds} rounds of {options.events} concurrent signed DM events "
        "(each a new user: users.info, setStatus, critique, postMessage, views.publish)\n"
    )
    print("| measurement | value |")
    print("| --- | ---: |")
    print(f"| ack latency p50 | {statistics.median(acks):.1f} ms |")
    print(f"| ack latency p99 | {p99:.1f} ms |")
    print(
        f"| all {options.events} critiques delivered, median of rounds | "
        f"{statistics.median(replies):.0f} ms |"
    )
    print(f"| peak RSS of chorus serve | {rss:.0f} MB |")


if __name__ == "__main__":
    main()
