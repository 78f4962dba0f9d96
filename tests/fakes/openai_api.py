"""A local fake of an OpenAI-compatible server: records requests, answers from a script."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

USAGE = {"prompt_tokens": 120, "completion_tokens": 60, "total_tokens": 180}


@dataclass
class Scripted:
    """One scripted answer: notes (structured), text, stream, cut, error, refusal, raw, empty."""

    kind: str
    payload: Any = None
    status: int = 200
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


def notes(
    *items: tuple[str, str, str, str],
    opening: str = "We cut CI from 40 to 9 minutes.",
    question: str = "What would you measure first?",
) -> Scripted:
    """Structured editor's notes: (quote, category, note, suggestion) each."""
    return Scripted(
        "notes",
        {
            "notes": [
                {"quote": q, "category": c, "note": n, "suggestion": s} for q, c, n, s in items
            ],
            "opening_line": opening,
            "question": question,
        },
    )


class FakeOpenAI:
    """Point OPENAI_BASE_URL at `base_url`; queue answers with `script()`."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.queue: deque[Scripted] = deque()
        self._changed = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def start(self) -> FakeOpenAI:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def script(self, *answers: Scripted) -> None:
        self.queue.extend(answers)

    def wait_for_requests(self, count: int, timeout: float = 20) -> list[dict[str, Any]]:
        with self._changed:
            if not self._changed.wait_for(lambda: len(self.requests) >= count, timeout):
                raise AssertionError(f"only {len(self.requests)} requests arrived")
            return list(self.requests)

    def _next(self, body: dict[str, Any]) -> Scripted:
        with self._changed:
            self.requests.append(body)
            self._changed.notify_all()
            if self.queue:
                return self.queue.popleft()
        if body.get("stream"):
            return Scripted("stream", ["Try ", "this ", "today."])
        return notes()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                return

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
                answer = fake._next(body)
                if answer.delay:
                    time.sleep(answer.delay)  # simulated model latency, not test synchronisation
                if answer.kind in ("stream", "cut"):
                    self._stream(answer)
                    return
                self._json(answer.status, self._completion(answer), answer.headers)

            def _completion(self, answer: Scripted) -> dict[str, Any]:
                if answer.kind == "error":
                    return {"error": {"message": "scripted failure", "type": "server_error"}}
                message: dict[str, Any] = {"role": "assistant", "content": None, "refusal": None}
                if answer.kind == "notes":
                    message["content"] = json.dumps(answer.payload)
                elif answer.kind in ("text", "raw"):
                    message["content"] = answer.payload
                elif answer.kind == "refusal":
                    message["refusal"] = "I can't help with that."
                choices = (
                    []
                    if answer.kind == "empty"
                    else [
                        {"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}
                    ]
                )
                return {
                    "id": "chatcmpl-1",
                    "object": "chat.completion",
                    "created": 0,
                    "model": "fake",
                    "choices": choices,
                    "usage": USAGE,
                }

            def _json(self, status: int, body: dict[str, Any], headers: dict[str, str]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, answer: Scripted) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                for piece in answer.payload:
                    self._event(
                        {
                            "choices": [
                                {"index": 0, "delta": {"content": piece}, "finish_reason": None}
                            ]
                        }
                    )
                if answer.kind == "cut":
                    self.wfile.write(b"data: {not json")  # the connection breaks mid-stream
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self._event({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
                self._event({"choices": [], "usage": USAGE})
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
                self.close_connection = True

            def _event(self, chunk: dict[str, Any]) -> None:
                chunk = {
                    "id": "chatcmpl-1",
                    "object": "chat.completion.chunk",
                    "created": 0,
                    "model": "fake",
                    **chunk,
                }
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()

        return Handler
