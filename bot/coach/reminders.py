"""`nudges` and `tips`: when a user gets their daily step, and when a channel gets tips."""

from __future__ import annotations

from dataclasses import replace

from bot.coach.context import Context
from bot.coach.dashboard import build_dashboard
from bot.coach.reply import Action, Reply
from bot.coach.schedule import (
    DAY_NAMES,
    DAYS,
    next_nudge,
    next_tip,
    next_weekly,
    parse_days,
    parse_snooze,
    parse_time,
)
from bot.errors import ChorusError
from storage import ChannelTips, User, UserKey
from storage.deliveries import Deliveries

NUDGES_HELP = (
    "`nudges on` / `nudges off`, `nudges at 08:15`, `nudges days mon-fri`, `nudges snooze 3d`"
)
TIPS_HELP = "`tips here weekly mon 10:00`, `tips here daily 09:00`, `tips off`"


def reschedule_user(ctx: Context, user: User) -> None:
    """Recompute when the user's next nudge and weekly summary are due."""
    deliveries, zone = Deliveries(ctx.store), ctx.zone(user)
    deliveries.set_next("nudge", user.id, next_nudge(user.nudges, ctx.now, zone))
    deliveries.set_next("weekly", user.id, next_weekly(user.nudges, ctx.now, zone))


def nudges_command(ctx: Context, key: UserKey, args: str) -> Reply:
    """Show or change when the user's daily nudge comes."""
    user = ctx.store.ensure_user(key, ctx.now)
    verb, _, rest = args.strip().partition(" ")
    verb, rest = verb.lower(), rest.strip()
    nudges = user.nudges
    if verb == "on":
        nudges = replace(nudges, enabled=True, snoozed_until=None)
    elif verb in ("off", "stop"):
        nudges = replace(nudges, enabled=False)
    elif verb == "at" and rest:
        nudges = replace(nudges, time=parse_time(rest), enabled=True)
    elif verb == "days" and rest:
        nudges = replace(nudges, days=parse_days(rest), enabled=True)
    elif verb in ("snooze", "pause") and rest:
        nudges = replace(nudges, snoozed_until=parse_snooze(rest, ctx.now))
    elif verb:
        raise ChorusError(f"I didn't catch that. Try {NUDGES_HELP}.")
    if nudges != user.nudges:
        ctx.store.set_nudges(user, nudges)
        user = replace(user, nudges=nudges)
        reschedule_user(ctx, user)
    line = build_dashboard(ctx, user).nudge_line()
    prefix = "Done. " if verb else ""
    if nudges.enabled and nudges.snoozed_until and nudges.snoozed_until > ctx.now:
        until = nudges.snoozed_until.astimezone(ctx.zone(user))
        line += f" (snoozed until {until:%a %d %b})"
    return Reply(
        "command",
        f"{prefix}Nudges: {line}. Change with {NUDGES_HELP}.",
        actions=(Action("Pause a week", "nudges snooze 7d"), Action("Stop nudges", "nudges off"))
        if nudges.enabled
        else (Action("Turn nudges on", "nudges on", "primary"),),
    )


def tips_command(ctx: Context, key: UserKey, args: str) -> Reply:
    """Schedule, show or stop tips in the channel the command came from."""
    if ctx.channel is None:
        raise ChorusError(f"Run this in the channel that should get tips: {TIPS_HELP}.")
    user = ctx.store.ensure_user(key, ctx.now)
    words = args.lower().split()
    current = ctx.store.channel_tips(key.platform, key.team_id, ctx.channel)
    if not words:
        return Reply("command", _describe(current))
    if words == ["off"]:
        if current is None or not current.enabled:
            return Reply("command", "This channel has no tips scheduled.")
        ctx.store.set_channel_tips(replace(current, enabled=False), ctx.now)
        Deliveries(ctx.store).set_next("tip", current.id, None)
        return Reply("command", "Done: no more tips in this channel.")
    cadence, weekday, clock = _parse_tips(words)
    tips = ChannelTips(
        key.platform,
        key.team_id,
        ctx.channel,
        cadence,
        weekday,
        clock,
        current.tz if current else ctx.zone_name(user),
        True,
        key.user_id,
    )
    ctx.store.set_channel_tips(tips, ctx.now)
    stored = ctx.store.channel_tips(key.platform, key.team_id, ctx.channel)
    if stored is not None:
        Deliveries(ctx.store).set_next("tip", stored.id, next_tip(stored, ctx.now))
    return Reply("command", "Done. " + _describe(tips))


def _parse_tips(words: list[str]) -> tuple[str, str | None, str]:
    if words[:1] == ["here"]:
        words = words[1:]
    if len(words) == 2 and words[0] == "daily":
        return "daily", None, parse_time(words[1])
    if len(words) == 3 and words[0] == "weekly" and words[1][:3] in DAYS:
        return "weekly", words[1][:3], parse_time(words[2])
    raise ChorusError(f"I didn't catch that schedule. Try {TIPS_HELP}.")


def _describe(tips: ChannelTips | None) -> str:
    if tips is None or not tips.enabled:
        return f"This channel gets no tips yet. Try {TIPS_HELP}."
    when = "every day" if tips.cadence == "daily" else f"every {DAY_NAMES[tips.weekday or 'mon']}"
    return f"This channel gets a tip {when} at {tips.local_time} ({tips.tz})."
