"""The `chorus` command as a user runs it: real processes, real exit codes, real terminals."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.feedback import PLATFORMS, RULES

ROOT = Path(__file__).resolve().parent.parent
CLEAN = "We cut CI from 40 minutes to 9 because caching the installs worked. What do you cache?"
LEAKY = "Sharing our confidential roadmap. Buy now!!! What do you think?"


def chorus(
    *args: str,
    stdin: bytes | None = b"",
    env: dict[str, str] | None = None,
    tmp: Path | None = None,
) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    if tmp is not None:
        environment["CHORUS_DB"] = str(tmp / "chorus.db")
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=environment,
        timeout=60,
        check=False,
    )


def test_review_exit_codes(tmp_path: Path) -> None:
    clean, leaky = tmp_path / "clean.txt", tmp_path / "leaky.txt"
    clean.write_text(CLEAN)
    leaky.write_text(LEAKY)
    assert chorus("review", str(clean)).returncode == 0
    result = chorus("review", str(leaky))
    assert result.returncode == 1
    assert b"confidential" in result.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("review", "/no/such/file"), b"", b"Can't read /no/such/file"),
        (("review", "-", "--platform", "myspace"), CLEAN.encode(), b"don't know the platform"),
        (("review", "-"), b"", b"didn't get any text"),
        (("review", "-"), b"caf\xe9 latte", b"isn't UTF-8"),
        (("review", "-"), b"a\x00b", b"NUL"),
        (("review", "-"), b"a" * 40_001, b"40,000"),
        (("review", "--format", "yaml", "-"), CLEAN.encode(), b"invalid choice"),
    ],
)
def test_review_bad_usage_exits_2_with_a_clear_message(
    args: tuple[str, ...], stdin: bytes, message: bytes
) -> None:
    result = chorus(*args, stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr
    assert b"Traceback" not in result.stderr


def test_review_json_from_stdin_for_every_platform() -> None:
    for platform in PLATFORMS:
        result = chorus(
            "review", "-", "--platform", platform, "--format", "json", stdin=CLEAN.encode()
        )
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["platform"] == platform
        assert data["stats"]["words"] == 17


def test_review_checks_disclosure_for_named_companies() -> None:
    post = b"Try the new Acme dashboard, it's the best. What do you think?"
    assert chorus("review", "-", stdin=post).returncode == 0
    flagged = chorus("review", "-", "--company", "Acme", "--format", "json", stdin=post)
    assert flagged.returncode == 1
    assert json.loads(flagged.stdout)["priorities"][0] == "disclosure.missing"
    from_env = chorus("review", "-", stdin=post, env={"CHORUS_COMPANY": "Globex, Acme"})
    assert from_env.returncode == 1


def test_every_command_has_help() -> None:
    commands = [
        (),
        ("review",),
        ("shell",),
        ("run",),
        ("db",),
        ("db", "migrate"),
        ("rules",),
        ("serve",),
        ("slack",),
        ("usage",),
        ("nudges",),
        ("nudges", "run-due"),
        ("teams",),
        ("teams", "package"),
    ]
    for args in commands:
        result = chorus(*args, "--help")
        assert result.returncode == 0, args
        assert result.stdout.startswith(b"usage: chorus")


def test_version() -> None:
    assert chorus("--version").stdout.strip().startswith(b"chorus 0.")


def test_db_migrate_then_up_to_date(tmp_path: Path) -> None:
    first = chorus("db", "migrate", tmp=tmp_path)
    assert b"applied m001" in first.stdout
    assert b"up to date" in chorus("db", "migrate", tmp=tmp_path).stdout


def test_rules_lists_every_rule() -> None:
    out = chorus("rules").stdout.decode()
    for rule in RULES:
        assert rule.id in out


def test_bad_settings_are_a_clear_error() -> None:
    result = chorus("rules", env={"CHORUS_RETENTION_DAYS": "thirty"})
    assert result.returncode == 2
    assert b"CHORUS_RETENTION_DAYS must be a whole number" in result.stderr


def test_shell_session_through_stdin(tmp_path: Path) -> None:
    session = "\n".join(
        [
            "help",
            "how do I grow my followers?",
            "",
            "I think maybe we sort of shipped the new cache, kind of.",
            "It cut builds from 40 minutes to 9.",
            "",
            "checkin 4",
            "progress",
            "quit",
        ]
    ).encode()
    result = chorus("shell", stdin=session, tmp=tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "Here's what I can do" in out
    assert "(Tip: engagement-over-followers." in out
    assert "Fix these first" in out and "Confidence:" in out
    assert "Thanks. 4/5" in out
    assert "Streak: 1 day in a row" in out
    assert out.rstrip().endswith("Write something brave today.")
    again = chorus("shell", stdin=b"my data\n", tmp=tmp_path).stdout.decode()
    assert "1 critique:" in again


def test_shell_ends_cleanly_on_eof_mid_draft(tmp_path: Path) -> None:
    result = chorus(
        "shell", stdin=b"We shipped the cache today and builds are faster", tmp=tmp_path
    )
    assert result.returncode == 0
    assert "/100" in result.stdout.decode()


def _read_until(fd: int, marker: bytes, limit: float = 30.0) -> bytes:
    """Read a terminal until `marker` appears; the limit only guards against a hang."""
    seen = b""
    deadline = time.monotonic() + limit
    while marker not in seen:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"never saw {marker!r} in {seen[-500:]!r}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


def test_pasting_a_draft_with_paragraphs_in_a_terminal_keeps_it_whole(tmp_path: Path) -> None:
    parent, child = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "CHORUS_DB": str(tmp_path / "chorus.db")}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "shell"],
        stdin=child,
        stdout=child,
        stderr=child,
        cwd=ROOT,
        env=env,
        close_fds=True,
    )
    os.close(child)
    try:
        _read_until(parent, "you › ".encode())
        paste = "We moved CI to a shared cache.\n\nBuilds went from 40 minutes to 9.\n\n"
        os.write(parent, paste.encode())
        shown = _read_until(parent, b"hedges per 100 words")  # the stats line, printed last
        assert b"2 sentences" in shown  # both paragraphs reached the coach as one draft
        os.write(parent, b"how do I grow my followers?\n")
        assert b"(Tip: " in _read_until(parent, b"(Tip: ")
        os.write(parent, b"quit\n")
        _read_until(parent, b"Bye.")
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()
        os.close(parent)
