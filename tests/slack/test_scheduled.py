"""Scheduled sends through Slack: `chorus nudges run-due` against the fake Slack Web API."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image as Pillow

from bot.coach.schedule import DAYS, next_at
from storage import Store
from tests.fakes.chorus_server import BOT_TOKEN, ChorusServer, clean_env
from tests.fakes.chorus_server import run_due as run_sweep
from tests.fakes.slack_api import FakeSlack


def first(days: tuple[str, ...], zone: str = "Europe/Berlin", clock: str = "09:30") -> datetime:
    """The first `clock` on one of `days` after now: when `chorus serve`, which schedules from
    the real clock, makes the first nudge (or summary) due."""
    due = next_at(days, clock, datetime.now(UTC), ZoneInfo(zone))
    assert due is not None
    return due


def iso(moment: datetime, **later: float) -> str:
    return (moment + timedelta(**later)).isoformat()


FIRST_NUDGE = first(DAYS[:5])


def run_due(tmp_path: Path, fake: FakeSlack, now: str) -> str:
    """One sweep at `now`, sending through the fake Slack."""
    return run_sweep(tmp_path, now, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_API_URL=fake.api_url)


def meet(server: ChorusServer, fake: FakeSlack, user: str = "U1") -> None:
    """The user talks to Chorus once (users.info tells it Europe/Berlin)."""
    server.dm("checkin 3", user=user)
    fake.wait_for_calls("chat.postMessage")
    server.stop()


def test_run_due_sends_the_days_nudge_once(tmp_path: Path, fake: FakeSlack) -> None:
    meet(ChorusServer(tmp_path, fake), fake)
    assert "1 sent" in run_due(tmp_path, fake, iso(FIRST_NUDGE))
    assert "nothing due" in run_due(tmp_path, fake, iso(FIRST_NUDGE))
    nudge = fake.of("chat.postMessage")[-1]
    assert nudge.args["channel"] == "DU1"
    blocks = json.dumps(nudge.args["blocks"])
    assert "Stop nudges" in blocks and "Pause a week" in blocks
    assert len(fake.of("chat.postMessage")) == 2  # the check-in reply, then one nudge


def test_429_is_waited_out_then_delivered(tmp_path: Path, fake: FakeSlack) -> None:
    meet(ChorusServer(tmp_path, fake), fake)
    fake.fail("chat.postMessage", times=1, status=429, Retry_After="1")
    assert "1 sent" in run_due(tmp_path, fake, iso(FIRST_NUDGE))
    assert len(fake.of("chat.postMessage")) == 3  # check-in reply, the 429, the retry


def test_a_429_holds_the_workspaces_shared_budget(tmp_path: Path, fake: FakeSlack) -> None:
    """Every replica draws from the bucket, so the one Slack told to wait holds it for all."""
    meet(ChorusServer(tmp_path, fake), fake)
    fake.fail("chat.postMessage", times=1, status=429, Retry_After="1")
    before = time.time()
    assert "1 sent" in run_due(tmp_path, fake, iso(FIRST_NUDGE))
    store = Store(str(tmp_path / "chorus.db"))
    [(bucket, held_until)] = store.backend.execute("SELECT bucket, tat FROM rate_buckets").rows
    store.close()
    assert bucket == "slack:T1" and held_until >= before + 1


def test_repeated_429s_are_retried_on_a_later_sweep_not_lost(
    tmp_path: Path, fake: FakeSlack
) -> None:
    meet(ChorusServer(tmp_path, fake), fake)
    fake.fail("chat.postMessage", times=4, status=429, Retry_After="0")
    assert "1 retry" in run_due(tmp_path, fake, iso(FIRST_NUDGE))
    assert "1 sent" in run_due(tmp_path, fake, iso(FIRST_NUDGE, minutes=1))
    assert "nothing due" in run_due(tmp_path, fake, iso(FIRST_NUDGE, minutes=2))
    delivered = [c for c in fake.of("chat.postMessage") if "Stop nudges" in c.raw]
    assert len(delivered) == 5  # 4 refused, 1 delivered, never a second one


def test_the_friday_summary_uploads_its_chart_with_alt_text(
    tmp_path: Path, fake: FakeSlack
) -> None:
    meet(ChorusServer(tmp_path, fake), fake)
    out = run_due(tmp_path, fake, iso(first(("fri",))))
    assert "sent" in out  # the weekly summary (and Friday's nudge, if it is the first)
    [complete] = fake.of("files.completeUploadExternal")
    files = complete.args["files"]
    files = json.loads(files) if isinstance(files, str) else files
    assert files[0]["title"] == "Your last 8 weeks"
    assert complete.args["channel_id"] == "DU1"
    [upload_url] = fake.of("files.getUploadURLExternal")
    assert upload_url.args["alt_txt"].startswith("Chart of the last 8 weeks")
    [png] = fake.uploads.values()
    assert Pillow.open(io.BytesIO(png)).size == (800, 400)


def test_a_user_who_left_the_workspace_is_skipped(tmp_path: Path, fake: FakeSlack) -> None:
    meet(ChorusServer(tmp_path, fake), fake)
    fake.fail("conversations.open", times=1, status=200)
    fake.failures["conversations.open"].body = {"ok": False, "error": "user_not_found"}
    assert "1 gone" in run_due(tmp_path, fake, iso(FIRST_NUDGE))
    assert "nothing due" in run_due(tmp_path, fake, iso(FIRST_NUDGE, days=1))


def test_a_deleted_user_from_user_change_gets_no_nudges(tmp_path: Path, fake: FakeSlack) -> None:
    server = ChorusServer(tmp_path, fake)
    server.dm("checkin 3")
    fake.wait_for_calls("chat.postMessage")
    server.event({"type": "user_change", "user": {"id": "U1", "deleted": True}})
    server.stop()
    assert "nothing due" in run_due(tmp_path, fake, iso(FIRST_NUDGE))


def test_user_change_moves_the_nudge_to_the_new_time_zone(tmp_path: Path, fake: FakeSlack) -> None:
    server = ChorusServer(tmp_path, fake)
    server.dm("checkin 3")
    fake.wait_for_calls("chat.postMessage")
    server.event({"type": "user_change", "user": {"id": "U1", "tz": "America/New_York"}})
    server.event({"type": "user_change", "user": {"id": "U_STRANGER", "tz": "Asia/Tokyo"}})
    server.stop()
    new_york = first(DAYS[:5], "America/New_York")
    assert "nothing due" in run_due(tmp_path, fake, iso(new_york, minutes=-1))
    assert "1 sent" in run_due(tmp_path, fake, iso(new_york))  # 09:30 in New York


def test_run_due_with_nobody_to_nudge_says_so(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "nudges", "run-due"],
        cwd=tmp_path,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0 and "nothing due" in result.stdout


def test_serve_runs_the_scheduler_unless_it_is_off(tmp_path: Path, fake: FakeSlack) -> None:
    (tmp_path / "on").mkdir()
    (tmp_path / "off").mkdir()
    on = ChorusServer(tmp_path / "on", fake, CHORUS_SCHEDULER="on")
    on.stop()
    assert "scheduler started" in on.log_text()
    off = ChorusServer(tmp_path / "off", fake)
    off.stop()
    assert "scheduler off" in off.log_text()


def test_tips_in_a_channel_chorus_left_are_disabled(tmp_path: Path, fake: FakeSlack) -> None:
    server = ChorusServer(tmp_path, fake)
    fake.member_of.add("C_TEAM")
    server.command("nudges off")  # only the channel's tip goes out
    server.command("tips here daily 10:00", channel="C_TEAM")
    fake.wait_for_calls("respond", 2)
    server.stop()
    fake.fail("chat.postMessage", times=1, status=200)
    fake.failures["chat.postMessage"].body = {"ok": False, "error": "not_in_channel"}
    due = first(DAYS, clock="10:00")
    assert "1 gone" in run_due(tmp_path, fake, iso(due))
    assert "nothing due" in run_due(tmp_path, fake, iso(due, days=1))
    to_channel = [c for c in fake.of("chat.postMessage") if c.args.get("channel") == "C_TEAM"]
    assert len(to_channel) == 1  # the refused one; never tried again
