"""A local fake of the Bot Connector service: records the activities Chorus sends to Teams."""

from __future__ import annotations

import itertools
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Sent:
    """One activity Chorus sent, and where (POST or PUT path)."""

    method: str
    path: str
    activity: dict[str, Any]


class FakeConnector:
    """Use `service_url` as the activity's serviceUrl."""

    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self._changed = threading.Condition()
        self._ids = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.service_url = f"http://127.0.0.1:{self._server.server_address[1]}/"

    def start(self) -> FakeConnector:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def messages(self) -> list[dict[str, Any]]:
        """Every non-typing activity sent, in order."""
        with self._changed:
            return [s.activity for s in self.sent if s.activity.get("type") != "typing"]

    def wait_for(self, count: int, timeout: float = 20) -> list[dict[str, Any]]:
        """Block until `count` messages (typing indicators aside) arrived."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._messages()) >= count, timeout):
                raise AssertionError(f"only {[s.activity.get('type') for s in self.sent]}")
            return self._messages()

    def _messages(self) -> list[dict[str, Any]]:
        return [s.activity for s in self.sent if s.activity.get("type") != "typing"]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return

            def _record(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with fake._changed:
                    fake.sent.append(Sent(self.command, self.path, json.loads(body or b"{}")))
                    fake._changed.notify_all()
                data = json.dumps({"id": f"activity-{next(fake._ids)}"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_POST = _record
            do_PUT = _record

        return Handler
