"""Build the Bolt app: one WebClient with retries and SLACK_API_URL, tokens or OAuth installs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from slack_bolt import App
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.oauth.installation_store import InstallationStore

from bot.adapters import logfilters
from bot.adapters.slack.delivery import SlackDelivery
from bot.adapters.slack.directory import Directory
from bot.adapters.slack.handlers import SlackCoach
from bot.adapters.slack.installs import installation_stores
from bot.coach import Coach
from bot.coach.delivery import DeliveryError
from bot.config import SlackSettings
from bot.pacing import hold_on_rate_limit

BOT_SCOPES = (
    "app_mentions:read",
    "assistant:write",
    "channels:read",
    "chat:write",
    "commands",
    "groups:read",
    "im:history",
    "im:read",
    "im:write",
    "users:read",
)
LISTENER_THREADS = 16


class _SameTokenWarning(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN itself and warns that our client's token wins; it is the same
    token (config.py read it), so the warning would only confuse whoever reads the logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


class _ReportedRateLimit(RateLimitErrorRetryHandler):
    """Slack's own 429 handling (wait Retry-After, then retry the same call), telling
    `on_limited` first how long Slack asked to wait."""

    def __init__(self, on_limited: Callable[[float], None] | None) -> None:
        super().__init__(max_retry_count=3)
        self.on_limited = on_limited

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        if self.on_limited is not None and response is not None:
            self.on_limited(_retry_after(response))
        super().prepare_for_next_attempt(
            state=state, request=request, response=response, error=error
        )


def _retry_after(response: HttpResponse) -> float:
    """The seconds of a 429's Retry-After header (1 when it has none or it isn't a number)."""
    for name, values in response.headers.items():
        if name.lower() == "retry-after" and values:
            try:
                return max(0.0, float(values[0]))
            except ValueError:
                break
    return 1.0


def web_client(
    slack: SlackSettings,
    token: str | None = None,
    on_limited: Callable[[float], None] | None = None,
) -> WebClient:
    """A WebClient for SLACK_API_URL that retries rate limits (reporting each Retry-After to
    `on_limited`), 5xx and dropped connections."""
    return WebClient(
        token=token,
        base_url=slack.api_url if slack.api_url.endswith("/") else slack.api_url + "/",
        retry_handlers=[
            _ReportedRateLimit(on_limited),
            ServerErrorRetryHandler(max_retry_count=2),
            ConnectionErrorRetryHandler(max_retry_count=2),
        ],
    )


def build_slack(slack: SlackSettings, coach: Coach, database: str) -> tuple[App, SlackDelivery]:
    """The Bolt app with every Chorus listener attached, and the scheduler's Slack delivery."""
    logfilters.install("slack_bolt.App", _SameTokenWarning)
    logfilters.install("slack_bolt.RequestVerification", logfilters.SignatureFailureWithoutBody)
    executor = ThreadPoolExecutor(max_workers=LISTENER_THREADS, thread_name_prefix="slack")
    stores = installation_stores(database, slack.client_id) if slack.oauth else None
    installation_store = stores[0] if stores else None
    if stores is not None:
        app = App(
            signing_secret=slack.signing_secret,
            client=web_client(slack),
            listener_executor=executor,
            oauth_settings=OAuthSettings(
                client_id=slack.client_id,
                client_secret=slack.client_secret,
                scopes=list(BOT_SCOPES),
                installation_store=stores[0],
                state_store=stores[1],
            ),
        )
    else:
        app = App(
            signing_secret=slack.signing_secret or None,
            client=web_client(slack, slack.bot_token),
            listener_executor=executor,
        )
    directory = Directory(coach)
    SlackCoach(coach, directory).register(app)
    limited = hold_on_rate_limit(coach.store, "slack")
    return app, SlackDelivery(_clients(slack, installation_store, limited), directory)


def _clients(
    slack: SlackSettings,
    installs: InstallationStore | None,
    limited: Callable[[str, float], None],
) -> Callable[[str], WebClient]:
    """A team's WebClient for scheduled sends (the one bot token, or the token its
    installation stored) that reports the team's 429s to `limited`."""
    singles: dict[str, WebClient] = {}

    def client_for(team_id: str) -> WebClient:
        on_limited = partial(limited, team_id)
        if installs is None:
            if team_id not in singles:
                singles[team_id] = web_client(slack, slack.bot_token, on_limited)
            return singles[team_id]
        installation = installs.find_installation(enterprise_id=None, team_id=team_id)
        if installation is None or not installation.bot_token:
            raise DeliveryError("gone", "not_installed")
        return web_client(slack, installation.bot_token, on_limited)

    return client_for
