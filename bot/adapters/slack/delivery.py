"""Scheduled sends to Slack: DMs (with the chart uploaded) and channel posts."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.adapters.slack import blocks
from bot.adapters.slack.directory import Directory
from bot.coach import Reply
from bot.coach.delivery import DeliveryError
from storage import UserKey

log = logging.getLogger(__name__)

# The recipient is gone for good: stop scheduling them. Credential problems (invalid_auth,
# token_revoked) are not here: they are the workspace's, and retried, then recorded.
GONE = frozenset(
    {
        "user_not_found",
        "account_inactive",
        "user_disabled",
        "cannot_dm_bot",
        "not_in_channel",
        "channel_not_found",
        "is_archived",
    }
)
RETRY = frozenset(
    {
        "ratelimited",
        "rate_limited",
        "service_unavailable",
        "internal_error",
        "fatal_error",
        "request_timeout",
    }
)


def post(client: WebClient, channel: str, reply: Reply, thread_ts: str | None = None) -> None:
    """Post a reply in a conversation, uploading its image (with alt text) when it has one."""
    client.chat_postMessage(channel=channel, thread_ts=thread_ts, **blocks.message(reply))
    if reply.image is not None:
        client.files_upload_v2(
            channel=channel,
            content=reply.image.png,
            filename=reply.image.filename,
            title=reply.image.title,
            alt_txt=reply.image.alt[:1000],
            thread_ts=thread_ts,
        )


class SlackDelivery:
    """The scheduler's Deliverer for Slack."""

    platform = "slack"

    def __init__(self, client_for: Callable[[str], WebClient], directory: Directory) -> None:
        self.client_for = client_for
        self.directory = directory

    def to_user(self, key: UserKey, reply: Reply) -> None:
        """Send to the user's DM with Chorus."""
        with _delivery_errors():
            client = self.client_for(key.team_id)
            post(client, self.directory.dm_channel(client, key), reply)

    def to_channel(self, team_id: str, channel_id: str, reply: Reply) -> None:
        """Post in a channel Chorus is a member of."""
        with _delivery_errors():
            post(self.client_for(team_id), channel_id, reply)


@contextmanager
def _delivery_errors() -> Iterator[None]:
    """Turn Slack's errors into the scheduler's three outcomes: gone, retry or failed."""
    try:
        yield
    except SlackApiError as error:
        code = str(error.response.get("error") or error.response.status_code)
        if code in GONE:
            raise DeliveryError("gone", code) from error
        status = error.response.status_code
        retry = code in RETRY or status == 429 or status >= 500
        raise DeliveryError("retry" if retry else "failed", code) from error
    except (SlackClientError, OSError) as error:
        raise DeliveryError("retry", type(error).__name__) from error
