"""Slack's request signature, checked on the raw bytes before anything parses the body.

slack_sdk's SignatureVerifier runs `int()` on the timestamp header and decodes the body as
UTF-8 before hashing, so a hostile timestamp or body raises instead of failing the check.
This one looks only at bytes and well-formed headers, and never raises."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

MAX_AGE_SECONDS = 300  # Slack's own window
TIMESTAMP = re.compile(r"[0-9]{1,12}")
SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


@dataclass(frozen=True)
class SlackSignature:
    """Checks X-Slack-Signature (v0 HMAC-SHA256) and X-Slack-Request-Timestamp."""

    secret: str = field(repr=False)
    clock: Callable[[], float] = time.time

    def valid(self, body: bytes, timestamp: str | None, signature: str | None) -> bool:
        """True only for a fresh timestamp and the signature Slack would have sent."""
        if not timestamp or not signature or not TIMESTAMP.fullmatch(timestamp):
            return False
        if abs(self.clock() - int(timestamp)) > MAX_AGE_SECONDS:
            return False
        if not SIGNATURE.fullmatch(signature):
            return False
        base = b"v0:" + timestamp.encode("ascii") + b":" + body
        expected = "v0=" + hmac.new(self.secret.encode(), base, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, signature)


def body_problem(body: bytes, content_type: str | None) -> str | None:
    """Why Bolt couldn't parse this (signed) body, or None when it can.

    Mirrors Bolt's own parse (JSON, a form with a JSON `payload`, or a plain form) so that
    nothing Bolt would choke on reaches it."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return "The body isn't UTF-8."
    if "\x00" in text:
        return "The body has a NUL byte in it."
    kind = (content_type or "").split(";")[0].strip().lower()
    try:
        if kind == "application/json" or text.startswith("{"):
            return None if _is_object(json.loads(text)) else "The body must be a JSON object."
        if "payload" in text:
            payload = dict(parse_qsl(text, keep_blank_values=True)).get("payload")
            if payload is not None and not _is_object(json.loads(payload)):
                return "The payload must be a JSON object."
        else:
            parse_qsl(text, keep_blank_values=True)
    except (ValueError, RecursionError):
        return "The body isn't well-formed."
    return None


def _is_object(value: Any) -> bool:
    return isinstance(value, dict)
