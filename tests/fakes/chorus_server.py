"""Run a real `chorus serve` process and talk to it the way Slack does (signed requests)."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from tests.fakes.slack_api import FakeSlack

BOT_TOKEN = "xoxb-test-bot-token-do-not-leak"
SIGNING_SECRET = "test-signing-secret-do-not-leak"
TEAM = "T1"
_event_ids = itertools.count(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def signature(secret: str, timestamp: str, body: str) -> str:
    """Slack's v0 signature: HMAC-SHA256 over 'v0:{timestamp}:{body}'."""
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256)
    return "v0=" + digest.hexdigest()


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without any Slack, Teams or Chorus settings, plus `extra`."""
    prefixes = ("SLACK_", "CHORUS_", "CONNECTIONS__", "DATABASE_URL")
    return {**{k: v for k, v in os.environ.items() if not k.startswith(prefixes)}, **extra}


class ChorusServer:
    """`chorus serve` in a subprocess, pointed at a FakeSlack."""

    def __init__(self, tmp_path: Path, fake: FakeSlack, **env: str) -> None:
        self.fake = fake
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **clean_env(),
            "SLACK_API_URL": fake.api_url,
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "PORT": str(self.port),
            "CHORUS_DB": str(tmp_path / "chorus.db"),
            "CHORUS_SCHEDULER": "off",  # tests drive the scheduler with their own clock
            **env,
        }
        self.logs: list[str] = []
        self._ready = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve"],
            cwd=tmp_path,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Thread(target=self._read_logs, daemon=True).start()
        with self._ready:
            started = self._ready.wait_for(
                lambda: (
                    any("serving on port" in line for line in self.logs)
                    or self.process.poll() is not None
                ),
                timeout=60,
            )
        if not started or self.process.poll() is not None:
            self.process.kill()
            raise AssertionError("chorus serve did not start:\n" + "".join(self.logs))

    def _read_logs(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._ready:
                self.logs.append(line)
                self._ready.notify_all()
        self.process.wait()
        with self._ready:  # the process ended: wake anyone waiting for it to start
            self._ready.notify_all()

    def stop(self) -> int:
        """Stop gracefully; the listener threads finish their work before the process exits."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=60)

    def log_text(self) -> str:
        return "".join(self.logs)

    # HTTP

    def request(
        self, method: str, path: str, body: str = "", headers: dict[str, str] | None = None
    ) -> tuple[int, str]:
        req = urllib.request.Request(
            self.url + path,
            data=body.encode() if method == "POST" else None,
            method=method,
            headers=headers or {},
        )
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, Any, str]:
        """GET without following redirects: (status, headers, body)."""

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args: Any, **kwargs: Any) -> None:
                return None

        opener = urllib.request.build_opener(NoRedirect)
        req = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with opener.open(req, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def signed(
        self,
        body: str,
        content_type: str,
        *,
        secret: str = SIGNING_SECRET,
        age: int = 0,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        timestamp = str(int(time.time()) - age)
        return self.request(
            "POST",
            "/slack/events",
            body,
            {
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": timestamp,
                "X-Slack-Signature": signature(secret, timestamp, body),
                **(headers or {}),
            },
        )

    def event(
        self,
        event: dict[str, Any],
        event_id: str | None = None,
        retry: int | None = None,
        team: str = TEAM,
    ) -> tuple[int, str]:
        body = json.dumps(
            {
                "token": "legacy",
                "team_id": team,
                "api_app_id": "A1",
                "type": "event_callback",
                "event_id": event_id or f"Ev{next(_event_ids):06d}",
                "event_time": int(time.time()),
                "event": event,
                "authorizations": [{"team_id": team, "user_id": "UBOT", "is_bot": True}],
            }
        )
        headers = (
            {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
            if retry
            else None
        )
        return self.signed(body, "application/json", headers=headers)

    def dm(self, text: str, user: str = "U1", **extra: Any) -> tuple[int, str]:
        ts = f"1700000100.{next(_event_ids):06d}"
        return self.event(
            {
                "type": "message",
                "channel_type": "im",
                "channel": f"D{user}",
                "user": user,
                "text": text,
                "ts": ts,
                **extra,
            }
        )

    def command(self, text: str, user: str = "U1", channel: str = "C1") -> tuple[int, str]:
        body = urlencode(
            {
                "token": "legacy",
                "team_id": TEAM,
                "team_domain": "fake",
                "channel_id": channel,
                "channel_name": "general",
                "user_id": user,
                "user_name": "alice",
                "command": "/chorus",
                "text": text,
                "api_app_id": "A1",
                "response_url": self.fake.response_url,
                "trigger_id": "trig.1",
            }
        )
        return self.signed(body, "application/x-www-form-urlencoded")

    def interact(self, payload: dict[str, Any]) -> tuple[int, str]:
        payload = {
            "team": {"id": TEAM},
            "api_app_id": "A1",
            "trigger_id": "trig.2",
            "response_url": self.fake.response_url,
            **payload,
        }
        body = urlencode({"payload": json.dumps(payload)})
        return self.signed(body, "application/x-www-form-urlencoded")

    def click(
        self,
        value: str,
        action_id: str = "chorus:cmd:0",
        user: str = "U1",
        container: dict[str, Any] | None = None,
    ) -> tuple[int, str]:
        return self.interact(
            {
                "type": "block_actions",
                "user": {"id": user, "team_id": TEAM},
                "container": container
                or {
                    "type": "message",
                    "channel_id": f"D{user}",
                    "message_ts": "1700000000.000001",
                    "is_ephemeral": False,
                },
                "channel": {"id": f"D{user}"},
                "actions": [
                    {
                        "type": "button",
                        "action_id": action_id,
                        "value": value,
                        "block_id": "b1",
                        "action_ts": "1700000000.1",
                    }
                ],
            }
        )


def run_due(tmp_path: Path, now: str, **env: str) -> str:
    """`chorus nudges run-due --now NOW` over the database in tmp_path; its report line."""
    result = subprocess.run(
        [sys.executable, "-m", "bot", "nudges", "run-due", "--now", now],
        cwd=tmp_path,
        env=clean_env(CHORUS_DB=str(tmp_path / "chorus.db"), **env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout
