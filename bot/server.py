"""`chorus serve`: one aiohttp process for Slack's HTTP requests and the health check."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from aiohttp import web
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.aiohttp import to_aiohttp_response

from bot import __version__

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


def build_web_app(database_ok: Callable[[], bool], slack: App | None) -> web.Application:
    """The aiohttp application: /healthz always, Slack's routes when Slack is configured."""
    app = web.Application(client_max_size=MAX_BODY_BYTES)

    async def healthz(request: web.Request) -> web.Response:
        try:
            ok = await asyncio.get_running_loop().run_in_executor(None, database_ok)
        except Exception:
            log.exception("health check could not reach the database")
            ok = False
        body = {"ok": ok, "database": ok, "version": __version__, "slack": slack is not None}
        return web.json_response(body, status=200 if ok else 503)

    app.router.add_get("/healthz", healthz)
    if slack is not None:
        _slack_routes(app, slack)
    return app


def serve(app: web.Application, port: int) -> None:
    """Run until interrupted; logs 'chorus serving on port N' once the port is bound."""
    web.run_app(
        app,
        port=port,
        access_log=None,
        print=lambda _banner: log.info("chorus serving on port %d", port),
    )
