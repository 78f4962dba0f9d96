"""`chorus serve`: one aiohttp process for Slack's HTTP requests and the health check."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import pydantic
from aiohttp import web
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.aiohttp import to_aiohttp_response

from bot import __version__

if TYPE_CHECKING:
    from bot.adapters.teams.app import TeamsBot

log = logging.getLogger(__name__)

DISPATCH_THREADS = 32
MAX_BODY_BYTES = 2 * 1024 * 1024


def _slack_routes(app: web.Application, slack: App) -> None:
    executor = ThreadPoolExecutor(max_workers=DISPATCH_THREADS, thread_name_prefix="bolt")

    def handler(dispatch: Callable[[BoltRequest], BoltResponse]) -> Callable[..., object]:
        async def handle(request: web.Request) -> web.StreamResponse:
            bolt_request = BoltRequest(
                body=await request.text(),
                query=request.query_string,
                headers={k.lower(): v for k, v in request.headers.items()},
            )
            loop = asyncio.get_running_loop()
            response = await loop.run_in_executor(executor, dispatch, bolt_request)
            return await to_aiohttp_response(response)

        return handle

    app.router.add_post("/slack/events", handler(slack.dispatch))
    flow = slack.oauth_flow
    if flow is not None:
        app.router.add_get(flow.install_path, handler(flow.handle_installation))
        app.router.add_get(flow.redirect_uri_path, handler(flow.handle_callback))


def _teams_route(app: web.Application, teams: TeamsBot) -> None:
    from microsoft_agents.hosting.aiohttp import jwt_authorization_decorator, start_agent_process

    app["agent_configuration"] = teams.auth  # read by the SDK's JWT check on this route only

    @jwt_authorization_decorator
    async def agent(request: web.Request) -> web.StreamResponse:
        try:
            response = await start_agent_process(request, teams.app, teams.adapter)
        except pydantic.ValidationError:
            return web.json_response({"error": "That isn't a valid activity."}, status=400)
        return response or web.Response(status=200)

    async def messages(request: web.Request) -> web.StreamResponse:
        try:
            body = await request.json()
        except (ValueError, UnicodeDecodeError):
            return web.json_response({"error": "The body must be a JSON activity."}, status=400)
        if not isinstance(body, dict) or not isinstance(body.get("type"), str) or not body["type"]:
            return web.json_response({"error": "The body must be a JSON activity."}, status=400)
        return await agent(request)

    app.router.add_post("/api/messages", messages)


def build_web_app(
    database_ok: Callable[[], bool],
    slack: App | None,
    teams: TeamsBot | None = None,
    on_startup: Callable[[web.Application], Awaitable[None]] | None = None,
    backend: str = "sqlite",
) -> web.Application:
    """The aiohttp application: /healthz always (naming the database `backend`), Slack's
    routes when Slack is configured, and Teams' /api/messages when given."""
    app = web.Application(client_max_size=MAX_BODY_BYTES)

    async def healthz(request: web.Request) -> web.Response:
        try:
            ok = await asyncio.get_running_loop().run_in_executor(None, database_ok)
        except Exception:
            log.exception("health check could not reach the database")
            ok = False
        body = {
            "ok": ok,
            "database": ok,
            "backend": backend,
            "version": __version__,
            "slack": slack is not None,
            "teams": teams is not None,
        }
        return web.json_response(body, status=200 if ok else 503)

    app.router.add_get("/healthz", healthz)
    if on_startup is not None:
        app.on_startup.append(on_startup)
    if slack is not None:
        _slack_routes(app, slack)
    if teams is not None:
        _teams_route(app, teams)
    return app


def serve(app: web.Application, port: int) -> None:
    """Run until interrupted; logs 'chorus serving on port N' once the port is bound."""
    web.run_app(
        app,
        port=port,
        access_log=None,
        print=lambda _banner: log.info("chorus serving on port %d", port),
    )
