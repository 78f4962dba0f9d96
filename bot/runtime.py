"""Build the running parts from settings: store, coach, Slack, and the scheduler's sweeper."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.errors import ChorusError

if TYPE_CHECKING:
    from collections.abc import Callable

    from slack_bolt import App

    from bot.adapters.slack.delivery import SlackDelivery
    from bot.adapters.teams.app import TeamsBot
    from bot.adapters.teams.delivery import EventLoopRef
    from bot.coach import Coach
    from bot.coach.delivery import Deliverer
    from bot.scheduler import Sweeper
    from storage import Store


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


def open_store(settings: Settings) -> Store:
    """The store, migrated and ready."""
    from storage import Store

    store = Store(settings.store_location, settings.retention_days)
    store.migrate()
    return store


def migrate(settings: Settings) -> tuple[str, list[str]]:
    """`chorus db migrate`: Chorus's schema, and on PostgreSQL with the multi-workspace install
    Slack's OAuth tables too. Returns the database's name (never its password) and what ran."""
    from storage import Store
    from storage.backend import is_postgres

    store = Store(settings.store_location, settings.retention_days)
    try:
        applied = store.migrate()
    finally:
        store.close()
    if not is_postgres(settings.store_location):
        return str(settings.database), applied
    if settings.slack.oauth:
        from bot.adapters.slack.installs import installation_stores

        installation_stores(settings.store_location, settings.slack.client_id)
    return "PostgreSQL (DATABASE_URL)", applied


def build_coach(settings: Settings, clock: Callable[[], datetime] = utc_now) -> Coach:
    """The coach wired to the store and tips library the settings name."""
    from bot.coach import Coach, CoachSettings, TipLibrary

    editor = None
    if settings.model.enabled:
        from bot.llm import build_editor  # the openai package loads only when a model is set

        editor = build_editor(settings.model)
    return Coach(
        open_store(settings),
        TipLibrary.from_file(settings.tips_file),
        CoachSettings(settings.companies, settings.policy_terms, admins=settings.admins),
        clock=clock,
        editor=editor,
        daily_token_limit=settings.model.daily_limit,
    )


def build_slack(settings: Settings, coach: Coach) -> tuple[App, SlackDelivery]:
    """The Bolt app and the scheduler's Slack delivery (Slack's SDK loads only here)."""
    from slack_bolt.error import BoltError

    from bot.adapters.slack.app import build_slack

    try:
        return build_slack(settings.slack, coach, settings.store_location)
    except BoltError as error:
        raise ChorusError(f"Slack didn't accept the configuration: {error}") from error


def build_teams(settings: Settings, coach: Coach) -> TeamsBot:
    """The Teams agent (credentials, or anonymous local mode by opt-in); the SDK loads only here."""
    from bot.adapters.teams.app import build_teams

    anonymous = settings.teams_mode == "anonymous"
    return build_teams(dict(settings.teams_environment), coach, anonymous)


def teams_delivery(teams: TeamsBot, coach: Coach, loop: EventLoopRef | None = None) -> Deliverer:
    """The scheduler's Teams delivery through stored conversation references."""
    from bot.adapters.teams.delivery import TeamsDelivery

    return TeamsDelivery(teams.adapter, teams.app_id, coach, loop or (lambda: None))


def build_sweeper(
    settings: Settings, coach: Coach, deliverers: dict[str, Deliverer], paced: bool = True
) -> Sweeper:
    """The scheduler's sweeper over the coach's store, its sends paced per workspace through
    a budget every replica shares (unpaced when `paced` is False)."""
    from datetime import timedelta
    from functools import partial

    from bot.coach.nudges import load_nudges
    from bot.coach.outreach import Outreach
    from bot.coach.together import sweep_together
    from bot.pacing import build_pacer
    from bot.scheduler import Sweeper

    outreach = Outreach(
        coach.store, coach.tips, load_nudges(settings.nudges_file), coach.default_zone, coach.clock
    )
    return Sweeper(
        outreach,
        deliverers,
        build_pacer(coach.store, settings.sends_per_second if paced else 0),
        senders=settings.send_threads,
        window=timedelta(minutes=settings.send_window_minutes),
        holder=settings.replica or None,
        together=partial(sweep_together, coach.together, deliverers),
    )


def start_scheduler(
    settings: Settings, coach: Coach, deliverers: dict[str, Deliverer], blocking: bool = False
) -> None:
    """Run the sweeps (in the background, or in this thread for `chorus worker`) unless
    CHORUS_SCHEDULER=off."""
    import logging
    from datetime import timedelta

    from bot.scheduler import start_scheduler as start

    if not settings.scheduler and not blocking:
        logging.getLogger(__name__).info("scheduler off (CHORUS_SCHEDULER=off)")
        return
    sweeper = build_sweeper(settings, coach, deliverers)
    first_in = timedelta(0) if blocking else timedelta(seconds=5)
    start(sweeper, coach.clock, blocking=blocking, first_in=first_in)


def build_deliverers(settings: Settings, coach: Coach) -> dict[str, Deliverer]:
    """Every platform's scheduled delivery that the settings allow: Teams unless
    CHORUS_TEAMS is off (through stored conversation references), Slack with a bot token or
    OAuth installs."""
    deliverers: dict[str, Deliverer] = {}
    if settings.teams_mode != "off":  # the Agents SDK loads only when Teams is on
        deliverers["teams"] = teams_delivery(build_teams(settings, coach), coach)
    if settings.slack.bot_token or settings.slack.oauth:
        deliverers["slack"] = build_slack(settings, coach)[1]
    return deliverers
