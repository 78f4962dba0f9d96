"""Build the Agents SDK app: credentials from the SDK's own variables, or (by explicit opt-in)
anonymous local mode."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from microsoft_agents.activity import load_configuration_from_env
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import (
    AgentApplication,
    Authorization,
    OutboundHostValidator,
    TurnState,
)

from bot.adapters import logfilters
from bot.adapters.teams.handlers import TeamsCoach
from bot.adapters.teams.storage import StoreStorage
from bot.adapters.teams.together import TeamsTogether
from bot.adapters.teams.trust import SERVICE_HOSTS
from bot.coach import Coach

SERVICE = "SERVICE_CONNECTION"


@dataclass(frozen=True)
class TeamsBot:
    """What the HTTP route needs: the application, its adapter and the auth configuration."""

    app: AgentApplication[TurnState]
    adapter: CloudAdapter
    auth: Any
    anonymous: bool
    app_id: str


def _config(environ: Mapping[str, str], anonymous: bool) -> tuple[dict[str, Any], str]:
    config = load_configuration_from_env(dict(environ))
    connections = config.setdefault("CONNECTIONS", {})
    settings = connections.setdefault(SERVICE, {}).setdefault("SETTINGS", {})
    app_id = str(settings.get("CLIENTID") or "")
    if anonymous == bool(app_id):
        raise ValueError("anonymous mode is for no credentials, and credentials need no opt-in")
    settings["ANONYMOUS_ALLOWED"] = anonymous  # Agents Playground and the Emulator, on a laptop
    return config, app_id


def build_teams(environ: Mapping[str, str], coach: Coach, anonymous: bool = False) -> TeamsBot:
    """The Teams agent, with every Chorus handler attached."""
    config, app_id = _config(environ, anonymous)
    logfilters.install(
        "microsoft_agents.activity.activity", logfilters.InvalidActivityWithoutValues
    )
    storage = StoreStorage(coach.store, coach.clock)  # shared by replicas, not per process
    connections = MsalConnectionManager(**config)
    # With credentials the SDK also checks the serviceUrl against these hosts and against the
    # token's own serviceurl claim; anonymous mode is checked (loopback only) by the route.
    validator = (
        None
        if anonymous
        else OutboundHostValidator(list(SERVICE_HOSTS), include_default_microsoft_hosts=False)
    )
    adapter = CloudAdapter(connection_manager=connections, host_validator=validator)
    app = AgentApplication[TurnState](
        storage=storage,
        adapter=adapter,
        authorization=Authorization(storage, connections, **config),
        **config,
    )
    TeamsCoach(coach, TeamsTogether(coach, adapter, app_id)).register(app)
    auth = connections.get_default_connection_configuration()
    return TeamsBot(app, adapter, auth, anonymous, app_id)
