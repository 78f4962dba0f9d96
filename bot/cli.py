"""The `chorus` command: what each subcommand does (bot/arguments.py parses them)."""

from __future__ import annotations

import argparse
import getpass
import io
import json
import logging
import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from dotenv import load_dotenv

from bot.adapters.text import Painter, render_critique
from bot.arguments import build_parser
from bot.config import Settings, load_settings
from bot.errors import APOLOGY, ChorusError, validate
from bot.feedback import RULES, critique, get_platform
from bot.runtime import (
    build_coach,
    build_deliverers,
    build_slack,
    build_sweeper,
    build_teams,
    start_scheduler,
    teams_delivery,
    utc_now,
)

if TYPE_CHECKING:
    from bot.coach.delivery import Deliverer

# The coach, storage and Slack load only for the commands that use them, so that
# `chorus review` starts fast.

log = logging.getLogger("chorus")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70
EXIT_PIPE_CLOSED = 128 + 13  # what a shell reports for a program that SIGPIPE ended
ACK_SWITCH_SECONDS = 0.001


def _color(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def _read_draft(file: str | None) -> str:
    if file is None and sys.stdin.isatty():
        raise ChorusError("Give a FILE to review, or pipe the text in (use - for stdin).")
    try:
        if file in (None, "-"):
            return sys.stdin.buffer.read().decode("utf-8")
        return Path(file).read_bytes().decode("utf-8")
    except OSError as error:
        raise ChorusError(f"Can't read {file}: {error.strerror or error}.") from error
    except UnicodeDecodeError as error:
        raise ChorusError(f"{file or 'The input'} isn't UTF-8 text.") from error


def cmd_review(args: argparse.Namespace, settings: Settings) -> int:
    """Critique one post and print it; the exit code says whether it has errors."""
    get_platform(args.platform)
    text = _read_draft(args.file)
    problem = validate(text)
    if problem:
        raise ChorusError(problem)
    companies = tuple(args.company) if args.company is not None else settings.companies
    result = critique(text, args.platform, companies, settings.policy_terms)
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        width = min(shutil.get_terminal_size().columns, 100) if sys.stdout.isatty() else None
        print(render_critique(result, Painter(_color(sys.stdout), width), text))
    return EXIT_FINDINGS if result.has_errors else EXIT_OK


def cmd_shell(args: argparse.Namespace, settings: Settings) -> int:
    """Chat with the coach in the terminal."""
    from bot.adapters.shell import Shell
    from storage import UserKey

    user = UserKey("shell", "local", getpass.getuser())
    for stream, errors in ((sys.stdin, "surrogateescape"), (sys.stdout, "replace")):
        if isinstance(stream, io.TextIOWrapper):  # bad bytes in: a kind word from validate()
            stream.reconfigure(errors=errors)
    shell = Shell(
        build_coach(settings),
        user,
        sys.stdin,
        sys.stdout,
        interactive=sys.stdin.isatty(),
        color=_color(sys.stdout),
    )
    return shell.run()


ANONYMOUS_WARNING = (
    "\n!!! CHORUS_TEAMS=anonymous: /api/messages accepts UNAUTHENTICATED Teams activities.\n"
    "!!! For local testing with the Agents Playground only: serving on 127.0.0.1 alone, and\n"
    "!!! replies go only to loopback serviceUrls. Never use it on a shared or public host."
)


def _favour_acknowledgements() -> None:
    """Hand the GIL over every millisecond rather than every five: an HTTP request waiting to
    be acknowledged waits far less behind CPU-bound critiques (ack p50 and p99 halved for 200
    DMs in 10 s, at no cost in throughput; see benchmarks/slack_ack.py)."""
    sys.setswitchinterval(ACK_SWITCH_SECONDS)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Serve Slack's and Teams' HTTP requests and the health check; schedule nudges and tips."""
    from bot.server import build_web_app, serve

    _favour_acknowledgements()
    coach = build_coach(settings)
    deliverers: dict[str, Deliverer] = {}
    teams, on_startup = None, None
    if settings.teams_mode != "off":  # the Agents SDK (25 MB) loads only when Teams is on
        from bot.adapters.teams.delivery import EventLoopRef

        loop = EventLoopRef()
        teams, on_startup = build_teams(settings, coach), loop.capture
        deliverers["teams"] = teams_delivery(teams, coach, loop)
    app = None
    if settings.slack.http_ready:
        app, deliverers["slack"] = build_slack(settings, coach)
    else:
        log.warning(
            "Slack is off: set SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN "
            "(or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)"
        )
    start_scheduler(settings, coach, deliverers)
    if settings.teams_mode == "anonymous":
        log.warning(ANONYMOUS_WARNING)
    elif settings.teams_mode == "credentials":
        log.info("Teams on /api/messages: every request's token is validated")
    else:
        log.info("Teams is off: /api/messages isn't served (no Teams credentials)")
    web_app = build_web_app(
        coach.store.ping,
        app,
        teams,
        on_startup,
        signing_secret=settings.slack.signing_secret,
        backend=coach.store.backend.name,
    )
    serve(web_app, settings.port, loopback_only=settings.teams_mode == "anonymous")
    return EXIT_OK


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    """Run the scheduler's sweeps in the foreground until stopped (Procfile `worker`)."""
    coach = build_coach(settings)
    log.info("chorus worker on %s", coach.store.backend.name)
    start_scheduler(settings, coach, build_deliverers(settings, coach), blocking=True)
    return EXIT_OK


def cmd_slack(args: argparse.Namespace, settings: Settings) -> int:
    """Run the Slack app over Socket Mode; schedule nudges and tips."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler
    from slack_sdk.errors import SlackApiError

    if not settings.slack.socket_ready:
        raise ChorusError("Socket Mode needs SLACK_APP_TOKEN (xapp-...) and SLACK_BOT_TOKEN.")
    _favour_acknowledgements()
    coach = build_coach(settings)
    app, delivery = build_slack(settings, coach)
    start_scheduler(settings, coach, {"slack": delivery})
    try:
        SocketModeHandler(app, settings.slack.app_token).start()
    except SlackApiError as error:
        code = error.response.get("error", "an error")
        raise ChorusError(
            f"Slack refused the app token ({code}); check SLACK_APP_TOKEN."
        ) from error
    return EXIT_OK


def cmd_teams(args: argparse.Namespace, settings: Settings) -> int:
    """Write the Teams app package."""
    import uuid

    from bot.adapters.teams.package import write_package

    environment = dict(settings.teams_environment)
    bot_id = args.bot_id or environment.get("CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID")
    if not bot_id:
        raise ChorusError(
            "Pass --bot-id (your Azure Bot's app id) or set "
            "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID."
        )
    try:
        uuid.UUID(bot_id)
    except ValueError as error:
        raise ChorusError(f"'{bot_id}' isn't an app id (a GUID from the Azure Bot).") from error
    path = write_package(args.output, bot_id, tuple(args.domain))
    print(f"Wrote {path}: upload it in Teams (Apps > Manage your apps > Upload an app).")
    return EXIT_OK


def cmd_usage(args: argparse.Namespace, settings: Settings) -> int:
    """Print language-model usage by day."""
    from storage import Store

    store = Store(settings.store_location, settings.retention_days)
    store.migrate()
    rows = store.usage_by_day(max(1, args.days))
    if not rows:
        print("No language-model use recorded.")
        return EXIT_OK
    print(f"{'day':<12}{'users':>7}{'requests':>10}{'tokens':>12}")
    for day, users, requests, tokens in rows:
        print(f"{day:<12}{users:>7}{requests:>10}{tokens:>12,}")
    limit = settings.model.daily_limit
    print(f"Daily limit per user: {limit:,} tokens (CHORUS_LLM_DAILY_LIMIT).")
    return EXIT_OK


def cmd_nudges(args: argparse.Namespace, settings: Settings) -> int:
    """Run one sweep of everything due (nudges, summaries, channel tips) and exit."""
    now = _moment(args.now) if args.now else utc_now()
    coach = build_coach(settings, clock=(lambda: now) if args.now else utc_now)
    sweeper = build_sweeper(settings, coach, build_deliverers(settings, coach), paced=not args.now)
    report = sweeper.sweep(now)
    summary = ", ".join(f"{n} {outcome}" for outcome, n in sorted(report.counts.items()))
    print(f"swept at {now.isoformat(timespec='minutes')}: {summary or 'nothing due'}")
    return EXIT_OK


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise ChorusError(
            f"'{text}' isn't an ISO 8601 time, e.g. 2026-11-20T09:30:00+00:00."
        ) from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """Whatever is configured: the HTTP server for Teams or Slack over HTTP, Slack over Socket
    Mode, or the terminal coach when nothing is."""
    teams = settings.teams_mode != "off"
    if teams or (settings.slack.http_ready and not settings.slack.socket_ready):
        return cmd_serve(args, settings)
    if settings.slack.socket_ready:
        return cmd_slack(args, settings)
    return cmd_shell(args, settings)


def cmd_db(args: argparse.Namespace, settings: Settings) -> int:
    """Apply pending migrations."""
    from bot.runtime import migrate

    name, applied = migrate(settings)
    print(f"{name}: applied {', '.join(applied)}" if applied else f"{name}: up to date")
    return EXIT_OK


def cmd_settings(args: argparse.Namespace, settings: Settings) -> int:
    """Print every workspace's settings, admins and audit log."""
    from bot.coach.workspace import CoachSettings, export
    from storage import Store

    store = Store(settings.store_location, settings.retention_days)
    store.migrate()
    defaults = CoachSettings(settings.companies, settings.policy_terms, admins=settings.admins)
    print(json.dumps(export(store, defaults), indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_rules(args: argparse.Namespace, settings: Settings) -> int:
    """Print every rule with its explanation."""
    for rule in RULES:
        print(f"{rule.id}  [{rule.category}]")
        print("  " + " ".join(rule.explanation.split()) + "\n")
    return EXIT_OK


COMMANDS = {
    "review": cmd_review,
    "shell": cmd_shell,
    "run": cmd_run,
    "serve": cmd_serve,
    "worker": cmd_worker,
    "nudges": cmd_nudges,
    "usage": cmd_usage,
    "teams": cmd_teams,
    "slack": cmd_slack,
    "db": cmd_db,
    "rules": cmd_rules,
    "settings": cmd_settings,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `chorus` console script."""
    args = build_parser().parse_args(argv)
    load_dotenv(Path.cwd() / ".env")  # never overrides what the environment already says
    try:
        settings = load_settings()
        if args.db is not None:
            settings = replace(settings, database=args.db, database_url="")
        # the terminal stays free of log lines
        quiet = args.command not in ("serve", "slack", "worker")
        logging.basicConfig(
            level=settings.log_level or ("WARNING" if quiet else "INFO"),
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
        code = COMMANDS[args.command](args, settings)
        sys.stdout.flush()  # a closed pipe shows up here, not in Python's flush at exit
        return code
    except BrokenPipeError:
        return _pipe_closed()
    except ChorusError as error:
        print(f"chorus {args.command}: {error.message}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("chorus %s failed", args.command)
        print(f"chorus {args.command}: {APOLOGY}", file=sys.stderr)
        return EXIT_INTERNAL


def _pipe_closed() -> int:
    """The reader went away (`chorus review post.txt | head -1`): stop quietly, as SIGPIPE would.

    Not by restoring SIGPIPE's default: that would also kill `chorus serve` on a client's
    dropped connection."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's last flush must not fail too
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return EXIT_PIPE_CLOSED
