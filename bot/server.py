"""`chorus serve`: one aiohttp process for Slack's HTTP requests, Teams and the health check.

Every route authenticates before it parses: Slack's signature is checked on the raw bytes,
Teams' token (or, in anonymous local mode, a loopback peer) before the body is read."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pydantic
from aiohttp import web
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.aiohttp import to_aiohttp_response

from bot import __version__
from bot.adapters.slack.verify import SlackSignature, body_problem

if TYPE_CHECKING:
    from bot.adapters.teams.app import TeamsBot

log = logging.getLogger(__name__)

DISPATCH_THREADS = 32
MAX_BODY_BYTES = 2 * 1024 * 1024
LOOPBACK = "127.0.0.1"
NOT_AN_ACTIVITY = "The body must be a JSON activity."


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


def _slack_routes(app: web.Application, slack: App, signature: SlackSignature) -> None:
    executor = ThreadPoolExecutor(max_workers=DISPATCH_THREADS, thread_name_prefix="bolt")

    async def dispatch(
        request: web.Request, run: Callable[[BoltRequest], BoltResponse], body: str
    ) -> web.StreamResponse:
        try:
            bolt_request = BoltRequest(
                body=body,
                query=request.query_string,
                headers={k.lower(): v for k, v in request.headers.items()},
            )
        except Exception as error:  # a signed body whose fields Bolt can't make sense of
            log.warning("slack request unreadable (%s)", type(error).__name__)
            return _error(400, "The request isn't one Chorus can read.")
        loop = asyncio.get_running_loop()
        response = await loop.run_in_executor(executor, run, bolt_request)
        return await to_aiohttp_response(response)

    async def events(request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        headers = request.headers
        if not signature.valid(
            raw, headers.get("X-Slack-Request-Timestamp"), headers.get("X-Slack-Signature")
        ):
            return _error(401, "invalid request")
        problem = body_problem(raw, headers.get("Content-Type"))
        if problem:
            return _error(400, problem)
        return await dispatch(request, slack.dispatch, raw.decode("utf-8"))

    def oauth(run: Callable[[BoltRequest], BoltResponse]) -> Callable[..., Any]:
        async def handle(request: web.Request) -> web.StreamResponse:
            return await dispatch(request, run, "")

        return handle

    app.router.add_post("/slack/events", events)
    flow = slack.oauth_flow
    if flow is not None:  # browser GETs: no body, no signature; the flow checks its state
        app.router.add_get(flow.install_path, oauth(flow.handle_installation))
        app.router.add_get(flow.redirect_uri_path, oauth(flow.handle_callback))


def _json_body(raw: bytes) -> Any:
    """The parsed JSON, or None when it isn't JSON Chorus can read (depth included)."""
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


def _teams_route(app: web.Application, teams: TeamsBot) -> None:
    from microsoft_agents.hosting.aiohttp import jwt_authorization_decorator, start_agent_process

    from bot.adapters.teams.trust import bearer_token_plausible, loopback, service_url_allowed

    app["agent_configuration"] = teams.auth  # read by the SDK's JWT check on this route only

    @jwt_authorization_decorator
    async def authenticated(request: web.Request) -> web.StreamResponse:
        body = _json_body(await request.read())
        if not isinstance(body, dict) or not isinstance(body.get("type"), str) or not body["type"]:
            return _error(400, NOT_AN_ACTIVITY)
        if not service_url_allowed(body.get("serviceUrl"), teams.anonymous):
            return _error(400, "The activity's serviceUrl isn't a Bot Framework channel.")
        try:
            response = await start_agent_process(request, teams.app, teams.adapter)
        except pydantic.ValidationError:
            return _error(400, "That isn't a valid activity.")
        if response is not None and response.status == 501:  # an invoke nobody handles
            return _error(400, "Chorus doesn't handle that invoke.")
        return response or web.Response(status=200)

    async def messages(request: web.Request) -> web.StreamResponse:
        if teams.anonymous and not loopback(request.remote):
            return _error(403, "Anonymous Teams mode only answers this machine.")
        authorization = request.headers.get("Authorization")
        if not bearer_token_plausible(authorization):
            return _error(401, "Invalid token or authentication failed.")
        return await authenticated(request)

    app.router.add_post("/api/messages", messages)


def build_web_app(
    database_ok: Callable[[], bool],
    slack: App | None,
    teams: TeamsBot | None = None,
    on_startup: Callable[[web.Application], Awaitable[None]] | None = None,
    *,
    signing_secret: str = "",
    backend: str = "sqlite",
) -> web.Application:
    """The aiohttp application: /healthz always (naming the database `backend`), Slack's
    routes when Slack is configured (`signing_secret` checks each request), and Teams'
    /api/messages when given."""
    if slack is not None and not signing_secret:
        raise ValueError("Slack over HTTP needs its signing secret")
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
        _slack_routes(app, slack, SlackSignature(signing_secret))
    if teams is not None:
        _teams_route(app, teams)
    return app


def serve(app: web.Application, port: int, loopback_only: bool = False) -> None:
    """Run until interrupted; logs 'chorus serving on port N' once the port is bound."""
    host = LOOPBACK if loopback_only else None
    web.run_app(
        app,
        host=host,
        port=port,
        access_log=None,
        print=lambda _banner: log.info(
            "chorus serving on port %d%s", port, f" ({host} only)" if host else ""
        ),
    )
