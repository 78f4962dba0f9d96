"""Ack latency of `chorus serve` for signed DM events, whether each was answered, and the
process's peak RSS.

Run: `.venv/bin/python benchmarks/slack_ack.py [--count 200] [--rate 20]` for a paced load
(`count` DMs at `rate` a second, the issue's 200 DMs in 10 seconds by default), or
`--rate 0 --count 50 --rounds 3` for bursts of concurrent DMs. Each DM is a new user, so each
triggers users.info, the agent status, a critique, chat.postMessage and views.publish. Uses
the same local fake Slack Web API as the tests, on loopback only. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import collections
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
# --mix: what people (and the attack run) really send, one after another
MIX = (
    DRAFT,
    (DRAFT + " ") * 100,  # a 17,000-character draft
    "how do I grow my followers?",
    "progress",
    "chart",
    ("just maybe really " * 2300)[:39_990],  # thousands of findings
    "x" * 50_000,
    "null\x00byte",
    "review for x: " + "中" * 3000,  # CPU-heavy: X's weighted thread split
    "checkin 4",
)


def memory_mb(pid: int, field: str) -> float:
    """VmHWM (the most resident memory the process has held) or VmRSS (now), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


REFUSED: list[int] = []  # any status but 200: an event Slack would retry, or drop


def send(server: ChorusServer, user: str, text: str = DRAFT) -> float:
    """One signed DM; its ack time in ms."""
    began = time.perf_counter()
    status, _ = server.dm(text, user=user)
    if status != 200:
        REFUSED.append(status)
    return (time.perf_counter() - began) * 1000


def burst(server: ChorusServer, events: int, user_prefix: str) -> list[float]:
    """Send `events` DMs at once; return each request's ack time in ms."""
    start = threading.Barrier(events)

    def one(i: int) -> float:
        start.wait()
        return send(server, f"{user_prefix}{i}")

    with ThreadPoolExecutor(max_workers=events) as pool:
        return list(pool.map(one, range(events)))


def paced(
    server: ChorusServer, count: int, rate: float, user_prefix: str, texts: tuple[str, ...]
) -> list[float]:
    """Send `count` DMs, one every 1/rate seconds (each on its own thread, so a slow ack
    never delays the next send); return each ack time in ms."""
    began = time.perf_counter()

    def one(i: int) -> float:
        time.sleep(max(0.0, began + i / rate - time.perf_counter()))
        return send(server, f"{user_prefix}{i}", texts[i % len(texts)])

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(one, range(count)))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    """Run the load and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200, help="DMs per round")
    parser.add_argument("--rate", type=float, default=20, help="DMs a second; 0 sends at once")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--mix", action="store_true", help="long drafts, charts, junk (paced)")
    options = parser.parse_args()
    fake = FakeSlack().start()
    with tempfile.TemporaryDirectory() as tmp:
        server = ChorusServer(Path(tmp), fake)
        acks: list[float] = []
        answered: list[float] = []
        try:
            burst(server, 5, "W")  # warm-up: imports, first critique, first tips query
            fake.wait_for_calls("chat.postMessage", 5)
            settled = memory_mb(server.process.pid, "VmRSS")
            for round_number in range(options.rounds):
                before = len(fake.of("chat.postMessage"))
                began = time.perf_counter()
                prefix = f"R{round_number}U"
                if options.rate > 0:
                    texts = MIX if options.mix else (DRAFT,)
                    acks += paced(server, options.count, options.rate, prefix, texts)
                else:
                    acks += burst(server, options.count, prefix)
                expected = before + options.count - len(REFUSED)
                fake.wait_for(
                    lambda calls, n=expected: (
                        sum(c.method == "chat.postMessage" for c in calls) >= n
                    ),
                    timeout=600,
                )
                answered.append((time.perf_counter() - began) * 1000)
            peak = memory_mb(server.process.pid, "VmHWM")
            after = memory_mb(server.process.pid, "VmRSS")
            replies = len(fake.of("chat.postMessage")) - 5
        finally:
            server.stop()
            fake.stop()
    how = f"at {options.rate:g} a second" if options.rate > 0 else "at once"
    how += ", mixed (long drafts, charts, junk)" if options.mix else ""
    print(
        f"{options.rounds} round(s) of {options.count} signed DM events {how} "
        "(each a new user: users.info, setStatus, critique, postMessage, views.publish)\n"
    )
    print("| measurement | value |")
    print("| --- | ---: |")
    sent = options.rounds * options.count
    print(f"| events acked (HTTP 200) | {sent - len(REFUSED)} of {sent} |")
    if REFUSED:
        print(f"| refused (HTTP status: count) | {dict(collections.Counter(REFUSED))} |")
    print(f"| events answered | {replies} |")
    print(f"| ack latency p50 | {statistics.median(acks):.0f} ms |")
    print(f"| ack latency p99 | {percentile(acks, 0.99):.0f} ms |")
    print(f"| ack latency max | {max(acks):.0f} ms |")
    took = statistics.median(answered) / 1000
    print(f"| all answered, from the first send (median of rounds) | {took:.1f} s |")
    print(f"| RSS after warm-up | {settled:.0f} MB |")
    print(f"| peak RSS of chorus serve | {peak:.0f} MB |")
    print(f"| RSS at the end | {after:.0f} MB |")


if __name__ == "__main__":
    main()
