"""Build the Bolt app: one WebClient with retries and SLACK_API_URL, tokens or OAuth installs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.oauth.installation_store import InstallationStore

from bot.adapters import logfilters
from bot.adapters.slack.delivery import SlackDelivery
from bot.adapters.slack.directory import Directory
from bot.adapters.slack.handlers import SlackCoach
from bot.adapters.slack.installs import installation_stores
from bot.coach import Coach
from bot.coach.delivery import DeliveryError
from bot.config import SlackSettings

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


def web_client(slack: SlackSettings, token: str | None = None) -> WebClient:
    """A WebClient for SLACK_API_URL that retries rate limits, 5xx and dropped connections."""
    return WebClient(
        token=token,
        base_url=slack.api_url if slack.api_url.endswith("/") else slack.api_url + "/",
        retry_handlers=[
            RateLimitErrorRetryHandler(max_retry_count=3),
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
    return app, SlackDelivery(_clients(slack, installation_store), directory)


def _clients(
    slack: SlackSettings, installs: InstallationStore | None
) -> Callable[[str], WebClient]:
    """A team's WebClient: the one bot token, or the token its installation stored."""
    single = web_client(slack, slack.bot_token)

    def client_for(team_id: str) -> WebClient:
        if installs is None:
            return single
        installation = installs.find_installation(enterprise_id=None, team_id=team_id)
        if installation is None or not installation.bot_token:
            raise DeliveryError("gone", "not_installed")
        return web_client(slack, installation.bot_token)

    return client_for
