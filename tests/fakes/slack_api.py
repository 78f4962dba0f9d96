"""A local fake of Slack's Web API: records every call and answers the way Slack does."""

from __future__ import annotations

import itertools
import json
import math
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT_USER = "UBOT"
INSTALLED_TOKEN = "xoxb-installed-workspace-token"


@dataclass(frozen=True)
class Call:
    """One request the app made: the Web API method (or 'respond') and its arguments."""

    method: str
    args: dict[str, Any]
    token: str
    raw: str
    at: float = field(default_factory=time.monotonic)


@dataclass
class Failure:
    """A scripted error for the next `times` calls of a method."""

    times: int
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] = field(default_factory=lambda: {"ok": False, "error": "ratelimited"})


@dataclass(frozen=True)
class Limit:
    """At most `calls` in any `seconds`, per workspace (token) or per channel."""

    calls: int
    seconds: float
    per: str = "workspace"


# Slack's documented limits (docs.slack.dev, "Rate limits"): Web API tiers are per method per
# workspace per app (Tier 3: 50+ a minute, Tier 4: 100+ a minute); chat.postMessage allows
# about one message per second per channel with short bursts, under a workspace-wide limit
# Slack doesn't publish (`workspace_posts` a minute here, the benchmark's to choose).
def slack_limits(workspace_posts_per_minute: int) -> dict[str, tuple[Limit, ...]]:
    """The limits `enforce()` takes: Slack's tiers for the methods a nudge uses."""
    return {
        "chat.postMessage": (
            Limit(3, 3.0, "channel"),
            Limit(workspace_posts_per_minute, 60.0),
        ),
        "conversations.open": (Limit(50, 60.0),),
        "users.info": (Limit(100, 60.0),),
        "files.getUploadURLExternal": (Limit(100, 60.0),),
        "files.completeUploadExternal": (Limit(100, 60.0),),
    }


class FakeSlack:
    """Start with `start()`; point SLACK_API_URL at `api_url`."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.failures: dict[str, Failure] = {}
        self.member_of: set[str] = set()
        self.status_available = True
        self.streaming_available = True
        self.socket_url = ""
        self.users: dict[str, dict[str, Any]] = {}  # users.info fields per user id
        self.unknown_users: set[str] = set()  # users.info answers user_not_found
        self.installer = "U1"  # who installs the app through OAuth (authed_user)
        self.uploads: dict[str, bytes] = {}
        self.rate_limits: dict[str, int] = {}  # method -> calls allowed per second
        self._recent: dict[str, list[float]] = {}
        self.limits: dict[str, tuple[Limit, ...]] = {}  # see enforce()
        self.limited: Counter[str] = Counter()  # 429s answered, by method
        self.answered: Counter[tuple[str, str]] = Counter()  # (method, channel) answered ok
        self._windows: dict[tuple[str, str, str], deque[float]] = {}
        self._held: dict[tuple[str, str], threading.Event] = {}
        self._changed = threading.Condition()
        self._ts = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.port = self._server.server_address[1]
        self.api_url = f"http://127.0.0.1:{self.port}/api/"
        self.response_url = f"http://127.0.0.1:{self.port}/respond"

    def start(self) -> FakeSlack:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail(self, method: str, times: int, status: int, **headers: str) -> None:
        self.failures[method] = Failure(
            times, status, {k.replace("_", "-"): v for k, v in headers.items()}
        )

    def enforce(self, limits: dict[str, tuple[Limit, ...]]) -> None:
        """Answer 429 with Retry-After beyond these limits (see slack_limits())."""
        self.limits = limits

    def hold(self, method: str, channel: str) -> None:
        """Keep calls of `method` to `channel` waiting (recorded, unanswered) until release()."""
        self._held[(method, channel)] = threading.Event()

    def release(self) -> None:
        """Answer every held call."""
        for event in self._held.values():
            event.set()

    def _retry_after(self, method: str, args: dict[str, Any], token: str) -> int:
        """Seconds until the call would be allowed; 0 if it is allowed (and counted) now."""
        limits = self.limits.get(method, ())
        if not limits:
            return 0
        now = time.monotonic()
        keys = [token if limit.per == "workspace" else str(args.get("channel")) for limit in limits]
        with self._changed:
            waits = []
            for limit, key in zip(limits, keys, strict=True):
                window = self._windows.setdefault((method, limit.per, key), deque())
                while window and now - window[0] >= limit.seconds:
                    window.popleft()
                if len(window) >= limit.calls:
                    waits.append(window[0] + limit.seconds - now)
            if waits:
                self.limited[method] += 1
                return max(1, math.ceil(max(waits)))
            for limit, key in zip(limits, keys, strict=True):
                self._windows[(method, limit.per, key)].append(now)
            return 0

    def of(self, method: str) -> list[Call]:
        with self._changed:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, ready: Callable[[list[Call]], bool], timeout: float = 20) -> list[Call]:
        """Block until `ready(calls)` holds; fail the test after `timeout` seconds."""
        with self._changed:
            if not self._changed.wait_for(lambda: ready(self.calls), timeout):
                methods = [c.method for c in self.calls]
                raise AssertionError(f"timed out; calls so far: {methods}")
            return list(self.calls)

    def wait_for_calls(self, method: str, count: int = 1) -> list[Call]:
        """Block until `method` has been called `count` times; return those calls."""
        self.wait_for(lambda calls: sum(c.method == method for c in calls) >= count)
        return self.of(method)

    def _over_limit(self, method: str) -> bool:
        """Slack's rate limits, simulated: at most rate_limits[method] calls a second."""
        limit = self.rate_limits.get(method)
        if not limit:
            return False
        now = time.monotonic()
        with self._changed:
            recent = [t for t in self._recent.get(method, []) if now - t < 1]
            over = len(recent) >= limit
            self._recent[method] = recent if over else [*recent, now]
            return over

    def _record(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        ts = f"1700000000.{next(self._ts):06d}"
        user = args.get("users") or args.get("user") or "U0"
        channel = args.get("channel") or args.get("channel_id") or ""
        answers: dict[str, dict[str, Any]] = {
            "auth.test": {
                "url": "https://fake.slack.test/",
                "team": "Fake",
                "user": "chorus",
                "team_id": "T1",
                "user_id": BOT_USER,
                "bot_id": "B1",
            },
            "chat.postMessage": {"channel": channel, "ts": ts, "message": {"ts": ts}},
            "chat.update": {"channel": channel, "ts": args.get("ts", ts)},
            "chat.startStream": {"channel": channel, "ts": ts},
            "chat.appendStream": {"channel": channel, "ts": args.get("ts", ts)},
            "chat.stopStream": {"channel": channel, "ts": args.get("ts", ts)},
            "conversations.open": {"channel": {"id": f"D{user}"}},
            "conversations.info": {
                "channel": {
                    "id": channel,
                    "is_member": channel in self.member_of,
                    "is_im": channel.startswith("D"),
                }
            },
            "users.info": {"user": {"id": user, "tz": "Europe/Berlin", **self.users.get(user, {})}},
            "apps.connections.open": {"url": self.socket_url},
            "files.getUploadURLExternal": {
                "upload_url": f"http://127.0.0.1:{self.port}/upload/F{ts[-3:]}",
                "file_id": f"F{ts[-3:]}",
            },
            "files.completeUploadExternal": {
                "files": [
                    {"id": f["id"], "title": f.get("title", "")}
                    for f in json.loads(args.get("files") or "[]")
                ]
                if isinstance(args.get("files"), str)
                else args.get("files", []),
            },
            "oauth.v2.access": {
                "app_id": "A1",
                "authed_user": {"id": self.installer},
                "scope": "chat:write,commands",
                "token_type": "bot",
                "access_token": INSTALLED_TOKEN,
                "bot_user_id": BOT_USER,
                "team": {"id": "T9", "name": "Installed"},
                "enterprise": None,
                "is_enterprise_install": False,
            },
        }
        if method == "assistant.threads.setStatus" and not self.status_available:
            return {"ok": False, "error": "not_allowed"}
        if method == "users.info" and user in self.unknown_users:
            return {"ok": False, "error": "user_not_found"}
        if method == "chat.startStream" and not self.streaming_available:
            return {"ok": False, "error": "not_allowed"}
        return {"ok": True, **answers.get(method, {})}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.startswith("/upload/"):
                    file_id = self.path.rsplit("/", 1)[-1]
                    fake.uploads[file_id] = body
                    fake._record(Call("upload", {"file_id": file_id}, "", ""))
                    self._send(200, {"ok": True})
                    return
                raw = body.decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    args = json.loads(raw or "{}")
                else:
                    args = dict(parse_qsl(raw))
                token = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
                method = (
                    "respond" if self.path.startswith("/respond") else self.path.rsplit("/", 1)[-1]
                )
                fake._record(Call(method, args, token, raw))
                if fake._over_limit(method):
                    self._send(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"})
                    return
                if wait := fake._retry_after(method, args, token):
                    limited = {"ok": False, "error": "ratelimited"}
                    self._send(429, limited, {"Retry-After": str(wait)})
                    return
                held = fake._held.get((method, str(args.get("channel"))))
                if held is not None:
                    held.wait(60)
                failure = fake.failures.get(method)
                if failure and failure.times > 0:
                    failure.times -= 1
                    self._send(failure.status, failure.body, failure.headers)
                    return
                with fake._changed:
                    fake.answered[(method, str(args.get("channel")))] += 1
                self._send(200, fake._answer(method, args) if method != "respond" else {"ok": 1})

            def _send(
                self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler
