"""The terminal edges: invalid UTF-8 on stdin and a reader that hangs up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import ROOT, chorus

LONG = ("We cut CI from 40 minutes to 9 because caching the installs worked. " * 60).encode()


@pytest.mark.parametrize("encoding", ["", "utf-8"])  # the C locale's default, a strict terminal
@pytest.mark.parametrize(
    "line",
    [
        b"caf\xe9 latte?",
        b"We shipped the caf\xe9 cache today and builds are faster than before, I think.",
    ],
)
def test_the_shell_answers_invalid_utf8_kindly(tmp_path: Path, encoding: str, line: bytes) -> None:
    result = chorus(
        "shell", stdin=line + b"\n\nprogress\n", env={"PYTHONIOENCODING": encoding}, tmp=tmp_path
    )
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "broken character" in out
    assert "No drafts yet" in out  # the session carried on, and stored nothing
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (("review", "-", "--format", "json"), LONG),
        (("review", "-"), LONG),
        (("rules",), b""),
        (("shell",), b"help\n"),
    ],
)
def test_a_closed_pipe_ends_quietly(tmp_path: Path, args: tuple[str, ...], stdin: bytes) -> None:
    """`chorus ... | head -1` with the reader already gone: exit like SIGPIPE, no traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader hung up before the first byte: every write gets EPIPE
    try:
        result = subprocess.run(
            [sys.executable, "-m", "bot", *args],
            input=stdin,
            stdout=write_end,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "NO_COLOR": "1", "CHORUS_DB": str(tmp_path / "chorus.db")},
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 141, result.stderr
    assert result.stderr == b""
