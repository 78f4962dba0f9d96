"""Build the Agents SDK app: credentials from the SDK's own variables, or anonymous local mode."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from microsoft_agents.activity import load_configuration_from_env
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import AgentApplication, Authorization, TurnState

from bot.adapters.teams.handlers import TeamsCoach
from bot.adapters.teams.storage import StoreStorage
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


def _config(environ: Mapping[str, str]) -> tuple[dict[str, Any], str]:
    config = load_configuration_from_env(dict(environ))
    connections = config.setdefault("CONNECTIONS", {})
    settings = connections.setdefault(SERVICE, {}).setdefault("SETTINGS", {})
    app_id = str(settings.get("CLIENTID") or "")
    if not app_id:  # no credentials: Agents Playground and the Emulator, on a laptop
        settings["ANONYMOUS_ALLOWED"] = True
    return config, app_id


def build_teams(environ: Mapping[str, str], coach: Coach) -> TeamsBot:
    """The Teams agent, with every Chorus handler attached."""
    config, app_id = _config(environ)
    storage = StoreStorage(coach.store, coach.clock)  # shared by replicas, not per process
    connections = MsalConnectionManager(**config)
    adapter = CloudAdapter(connection_manager=connections)
    app = AgentApplication[TurnState](
        storage=storage,
        adapter=adapter,
        authorization=Authorization(storage, connections, **config),
        **config,
    )
    TeamsCoach(coach).register(app)
    auth = connections.get_default_connection_configuration()
    return TeamsBot(app, adapter, auth, not app_id, app_id)
