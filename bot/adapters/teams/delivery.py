"""Scheduled sends to Teams through stored conversation references (proactive messages)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from aiohttp import ClientError, ClientResponseError
from microsoft_agents.activity import ConversationReference
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import ClaimsIdentity, TurnContext

from bot.adapters.teams.handlers import as_activity
from bot.adapters.teams.trust import service_url_allowed
from bot.coach import Coach, Reply
from bot.coach.delivery import DeliveryError
from storage import UserKey

log = logging.getLogger(__name__)
SEND_TIMEOUT_SECONDS = 60


class EventLoopRef:
    """The server's event loop, once it runs (the scheduler's thread sends through it)."""

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None

    def __call__(self) -> asyncio.AbstractEventLoop | None:
        """The loop, or None before the server starts."""
        return self.loop

    async def capture(self, _app: object) -> None:
        """An aiohttp on_startup hook."""
        self.loop = asyncio.get_running_loop()


class TeamsDelivery:
    """The scheduler's Deliverer for Teams."""

    platform = "teams"

    def __init__(
        self,
        adapter: CloudAdapter,
        app_id: str,
        coach: Coach,
        loop: Callable[[], asyncio.AbstractEventLoop | None],
    ) -> None:
        self.adapter = adapter
        self.app_id = app_id
        self.coach = coach
        self.loop = loop

    def to_user(self, key: UserKey, reply: Reply) -> None:
        """Send to the user's personal chat with Chorus."""
        self._send(self.coach.conversation("teams", key.team_id, "user", key.user_id), reply)

    def to_channel(self, team_id: str, channel_id: str, reply: Reply) -> None:
        """Post in a channel where Chorus was mentioned or installed."""
        self._send(self.coach.conversation("teams", team_id, "channel", channel_id), reply)

    def _send(self, reference: str | None, reply: Reply) -> None:
        if reference is None:
            raise DeliveryError("gone", "no conversation reference")
        try:
            continuation = ConversationReference.model_validate_json(reference)
        except ValueError as error:  # pydantic's ValidationError included
            raise DeliveryError("failed", "unreadable conversation reference") from error
        if not service_url_allowed(continuation.service_url, anonymous=not self.app_id):
            log.warning("not sending through a stored reference with an untrusted serviceUrl")
            raise DeliveryError("failed", "untrusted serviceUrl")

        async def callback(context: TurnContext) -> None:
            await context.send_activity(as_activity(reply))

        activity = continuation.get_continuation_activity()
        if self.app_id:
            self._run(self.adapter.continue_conversation(self.app_id, activity, callback))
        else:  # anonymous local mode: no token to fetch, as for replies within a turn
            self._run(
                self.adapter.continue_conversation_with_claims(ClaimsIdentity(), activity, callback)
            )

    def _run(self, work: Coroutine[Any, Any, Any]) -> None:
        """On the server's event loop when it runs (the scheduler is a thread), else a new one."""
        loop = self.loop()
        try:
            if loop is not None and loop.is_running():
                asyncio.run_coroutine_threadsafe(work, loop).result(SEND_TIMEOUT_SECONDS)
            else:
                asyncio.run(work)
        except ClientResponseError as error:  # the Bot Connector answered with an error
            outcome = (
                "gone"
                if error.status in (403, 404)
                else ("retry" if error.status == 429 or error.status >= 500 else "failed")
            )
            raise DeliveryError(outcome, f"connector {error.status}") from error
        except (ClientError, OSError, TimeoutError) as error:
            raise DeliveryError("retry", type(error).__name__) from error
