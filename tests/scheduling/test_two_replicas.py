"""Two `chorus serve` replicas, several `chorus nudges run-due` at once (one killed mid-send)
and a `chorus worker`, all on one PostgreSQL against the fake Slack: one reply per message,
one nudge per user per due date, nothing repeated, the interrupted send reported."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.scheduler import LEASE
from storage import Store, UserKey
from storage.deliveries import Deliveries
from tests.fakes.chorus_server import BOT_TOKEN, ChorusServer, clean_env
from tests.fakes.slack_api import FakeSlack

USERS = [f"U{i:02d}" for i in range(10)]
VICTIM = USERS[3]


def dm_event(user: str, n: int) -> dict[str, object]:
    return {
        "type": "message",
        "channel_type": "im",
        "channel": f"D{user}",
        "user": user,
        "text": "how do I grow my followers?",
        "ts": f"1700000200.{n:06d}",
    }


def run_due(cwd: Path, now: datetime, env: dict[str, str], threads: int = 8) -> subprocess.Popen:
    """`chorus nudges run-due --now NOW` in the background."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "nudges", "run-due", "--now", now.isoformat()],
        cwd=cwd,
        env={**env, "CHORUS_SEND_THREADS": str(threads)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def report(process: subprocess.Popen) -> Counter[str]:
    """The counts a finished run-due printed ('swept at ...: 3 sent, 1 unknown')."""
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return Counter({k: int(n) for n, k in re.findall(r"(\d+) ([a-z-]+)", out.split(": ", 1)[1])})


def nudges_to(fake: FakeSlack, user: str) -> int:
    """Scheduled messages (nudges carry a Done or check-in button) posted to a user's DM."""
    return sum(
        1
        for c in fake.of("chat.postMessage")
        if c.args.get("channel") == f"D{user}" and "snooze" in json.dumps(c.args)
    )


@pytest.mark.timeout(300)
def test_two_replicas_a_worker_and_racing_sweeps_on_one_postgres(
    tmp_path: Path, fake: FakeSlack, pg_url: str
) -> None:
    env = {"DATABASE_URL": pg_url}
    replicas = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        replicas.append(ChorusServer(tmp_path / name, fake, **env))
    a, b = replicas
    status, _, body = a.get("/healthz")
    assert status == 200 and json.loads(body)["backend"] == "postgresql"

    # DMs spread across both replicas; one retry goes to the other replica
    for n, user in enumerate(USERS):
        (a if n % 2 == 0 else b).event(dm_event(user, n), event_id=f"Ev{user}")
    fake.wait_for(
        lambda calls: (
            {c.args.get("channel") for c in calls if c.method == "chat.postMessage"}
            >= {f"D{u}" for u in USERS}
        )
    )
    assert b.event(dm_event(USERS[0], 0), event_id=f"Ev{USERS[0]}", retry=1)[0] == 200
    for replica in replicas:
        assert replica.stop() == 0  # listener threads finish their work first
    replies = Counter(c.args.get("channel") for c in fake.of("chat.postMessage"))
    assert replies == Counter({f"D{u}": 1 for u in USERS})

    store = Store(pg_url)
    due = Deliveries(store).due(datetime.now(UTC) + timedelta(days=8), 100)
    first = min(d.due for d in due if d.kind == "nudge")
    assert sum(d.kind == "nudge" and d.due == first for d in due) == len(USERS)
    base = clean_env(
        DATABASE_URL=pg_url,
        SLACK_API_URL=fake.api_url,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        CHORUS_SCHEDULER="off",
    )

    # a sweep that dies while Slack holds one of its sends
    fake.hold("chat.postMessage", f"D{VICTIM}")
    doomed = run_due(tmp_path, first, base, threads=1)
    fake.wait_for(lambda calls: nudges_to(fake, VICTIM) == 1)
    doomed.send_signal(signal.SIGKILL)
    doomed.wait(30)
    fake.release()

    # three sweeps at once, after the dead one's lease ran out
    later = first + LEASE + timedelta(minutes=1)
    reports = [report(p) for p in [run_due(tmp_path, later, base) for _ in range(3)]]
    total = sum(reports, Counter())
    assert total["unknown"] == 1  # the killed sweep's send in flight, reported once
    assert "already-claimed" not in total  # they split the rows instead of racing for them
    states = {owner: state for kind, owner, _, state in Deliveries(store).states("nudge")}
    victim = store.find_user(UserKey("slack", "T1", VICTIM))
    assert victim is not None
    assert states.pop(victim.id) == "unknown"
    assert set(states.values()) == {"sent"} and len(states) == len(USERS) - 1
    assert {u: nudges_to(fake, u) for u in USERS} == {u: 1 for u in USERS}  # never repeated
    opened = len(fake.of("conversations.open"))
    assert opened <= len(USERS)

    # the next due date: two sweeps at once, one nudge each, no DM channel opened again
    following = Deliveries(store).due(datetime.now(UTC) + timedelta(days=8), 100)
    second = min(d.due for d in following if d.kind == "nudge")
    reports = [report(p) for p in [run_due(tmp_path, second, base) for _ in range(2)]]
    assert sum(reports, Counter())["sent"] >= len(USERS)
    assert {u: nudges_to(fake, u) for u in USERS} == {u: 2 for u in USERS}
    assert len(fake.of("conversations.open")) == opened

    # a worker process sweeps on its own clock: a user due now gets their nudge from it
    worker_user = store.ensure_user(UserKey("slack", "T1", "UWORK"), datetime.now(UTC), "UTC")
    Deliveries(store).set_next("nudge", worker_user.id, datetime.now(UTC) - timedelta(minutes=1))
    store.close()
    worker = subprocess.Popen(
        [sys.executable, "-m", "bot", "worker"],
        cwd=tmp_path,
        env={**base, "CHORUS_SCHEDULER": "on"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        fake.wait_for(lambda calls: nudges_to(fake, "UWORK") == 1, timeout=90)
    finally:
        worker.terminate()
        worker.wait(30)
