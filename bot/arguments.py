"""The `chorus` command line: every subcommand, its options and its help (bot/cli.py runs
them)."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot import __version__
from bot.feedback import DEFAULT_PLATFORM, PLATFORMS


def build_parser() -> argparse.ArgumentParser:
    """The `chorus` command line: every subcommand and its options."""
    parser = argparse.ArgumentParser(
        prog="chorus", description="Chorus: a writing coach for people who write in public."
    )
    parser.add_argument("--version", action="version", version=f"chorus {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        help="an SQLite database file; wins over $DATABASE_URL and $CHORUS_DB (default chorus.db)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    review = sub.add_parser(
        "review",
        help="lint a post before you publish it",
        description="Critique a post. Exit 0: no errors; 1: errors; 2: usage.",
    )
    review.add_argument("file", nargs="?", default=None, help="a file, or - for standard input")
    review.add_argument(
        "--platform",
        "-p",
        default=DEFAULT_PLATFORM,
        help=f"one of {', '.join(PLATFORMS)} (default {DEFAULT_PLATFORM})",
    )
    review.add_argument(
        "--company",
        action="append",
        default=None,
        metavar="NAME",
        help="a company you're connected to (repeat; default $CHORUS_COMPANY)",
    )
    review.add_argument("--format", choices=("text", "json"), default="text")

    sub.add_parser(
        "shell",
        help="chat with the coach in this terminal",
        description="The coach in a terminal: drafts, questions and commands.",
    )
    sub.add_parser(
        "run",
        help="start Chorus with whatever front end is configured",
        description="chorus serve when Teams credentials (or Slack's HTTP settings) are set, "
        "chorus slack when SLACK_APP_TOKEN and SLACK_BOT_TOKEN are, else the terminal coach.",
    )
    sub.add_parser(
        "serve",
        help="serve Slack's and Teams' HTTP requests and /healthz on $PORT",
        description="One HTTP process: POST /slack/events, GET /healthz, the OAuth install "
        "routes when SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set, and POST /api/messages "
        "when Teams is on.",
    )
    sub.add_parser(
        "worker",
        help="run the scheduler only: nudges, summaries, channel tips, expert reminders",
        description="The scheduler's sweeps every minute, in the foreground, with no HTTP "
        "server: run one beside `chorus serve` replicas started with CHORUS_SCHEDULER=off.",
    )
    sub.add_parser(
        "slack",
        help="connect to Slack over Socket Mode",
        description="Run the Slack app over Socket Mode (needs SLACK_APP_TOKEN and "
        "SLACK_BOT_TOKEN); no public URL needed.",
    )
    usage = sub.add_parser(
        "usage",
        help="language-model tokens used, by day",
        description="Tokens the language model used per day, across all users "
        "(CHORUS_LLM_DAILY_LIMIT caps each user's day).",
    )
    usage.add_argument("--days", type=int, default=30, help="how many days back (default 30)")
    teams = sub.add_parser("teams", help="Microsoft Teams", description="Microsoft Teams tools.")
    teams_sub = teams.add_subparsers(dest="teams_command", metavar="ACTION", required=True)
    package = teams_sub.add_parser(
        "package",
        help="write the Teams app package to upload",
        description="Write a Teams app package (manifest.json and two icons, zipped) for "
        "upload in Teams admin or sideloading.",
    )
    package.add_argument("--bot-id", help="the Azure Bot's app id (default: the SDK's CLIENTID)")
    package.add_argument(
        "--domain",
        action="append",
        default=[],
        metavar="HOST",
        help="a domain Chorus is served from (repeat)",
    )
    package.add_argument("--output", type=Path, default=Path("chorus-teams.zip"))
    nudges = sub.add_parser(
        "nudges",
        help="the scheduler, by hand",
        description="Operate the nudge scheduler by hand (it also runs inside serve and slack).",
    )
    nudges_sub = nudges.add_subparsers(dest="nudges_command", metavar="ACTION", required=True)
    run_due = nudges_sub.add_parser(
        "run-due",
        help="run one sweep of everything due and exit",
        description="Send every nudge, weekly summary and channel tip that is due, once.",
    )
    run_due.add_argument("--now", help="pretend it is this ISO 8601 time (for operators, tests)")
    db = sub.add_parser("db", help="database maintenance", description="Database maintenance.")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_sub.add_parser(
        "migrate", help="apply pending migrations", description="Apply pending schema migrations."
    )
    settings_cmd = sub.add_parser(
        "settings", help="settings per workspace", description="Settings per workspace."
    )
    settings_sub = settings_cmd.add_subparsers(dest="settings_command", metavar="ACTION")
    settings_sub.required = True
    settings_sub.add_parser(
        "export",
        help="print every workspace's settings, admins and audit log as JSON",
        description="Every workspace's settings (with the environment's defaults), the admins "
        "added in Chorus, and who changed what and when, as JSON.",
    )
    sub.add_parser(
        "rules",
        help="list every check and what it looks for",
        description="List every check, its id and category, and why it matters.",
    )
    return parser
