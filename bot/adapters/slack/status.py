"""Show that Chorus is working within a second: the agent status where Slack offers it,
otherwise a placeholder message that the answer then replaces."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.adapters.slack.directory import Directory

log = logging.getLogger(__name__)


@dataclass
class Working:
    """An in-progress reply in one conversation."""

    client: WebClient
    channel: str
    thread_ts: str | None
    placeholder_ts: str | None = None

    @classmethod
    def start(
        cls,
        client: WebClient,
        directory: Directory,
        where: tuple[str, str, str, str | None],
        status: str,
    ) -> Working:
        """Set the agent status on the message's thread, or post a placeholder.

        `where` is (team, channel, message ts, thread ts)."""
        team, channel, ts, thread_ts = where
        if directory.offers_status(team):
            try:
                client.assistant_threads_setStatus(
                    channel_id=channel, thread_ts=thread_ts or ts, status=status
                )
                return cls(client, channel, thread_ts or ts)
            except SlackApiError as error:
                log.info(
                    "agent status unavailable (%s); using a placeholder",
                    error.response.get("error"),
                )
                directory.refused_status(team)
        placeholder = client.chat_postMessage(
            channel=channel, thread_ts=thread_ts, text=f"_Chorus {status}_"
        )
        return cls(client, channel, thread_ts, str(placeholder["ts"]))

    def finish(self, message: dict[str, Any]) -> str:
        """Post the answer (which clears the status) or put it in place of the placeholder;
        return the ts of the message that holds it."""
        if self.placeholder_ts:
            self.client.chat_update(channel=self.channel, ts=self.placeholder_ts, **message)
            return self.placeholder_ts
        posted = self.client.chat_postMessage(
            channel=self.channel, thread_ts=self.thread_ts, **message
        )
        return str(posted["ts"])
