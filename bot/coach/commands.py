"""The commands every front end shares: help, goal, checkin, progress, platform, data, forget."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from bot.coach.context import Context
from bot.coach.dashboard import build_dashboard, goal_status, plural
from bot.coach.experts import experts_data, experts_progress
from bot.coach.goals import GOAL_HELP, parse_goal
from bot.coach.outreach import weekly_reply
from bot.coach.reminders import nudges_command, tips_command
from bot.coach.reply import Action, Reply
from bot.coach.weekly import build_weekly
from bot.errors import ChorusError
from bot.feedback import PLATFORMS, get_platform
from storage import UserKey
from storage.deliveries import Deliveries

log = logging.getLogger(__name__)

HELP = (
    "I'm Chorus, your writing coach. Here's what I can do:\n"
    "• Paste a draft and I'll critique it: what works, then the three fixes that matter most.\n"
    "• `review for x: <draft>` checks it for another platform "
    f"({', '.join(PLATFORMS)}).\n"
    "• Ask me anything about posting, like “how do I grow my followers?”\n"
    "• `platform x` sets the platform I check for.\n"
    "• `goal` sets a goal; `checkin 1-5` tells me how confident you feel posting today.\n"
    "• `progress` shows your scores, confidence, streak and goals; `chart` draws 8 weeks.\n"
    "• `nudges` shows your daily nudge; `nudges at 08:15`, `nudges days mon,wed,fri`, "
    "`nudges snooze 3d`, `nudges off`.\n"
    "• `ask @colleague your question` asks someone who knows the subject to check your last "
    "draft; only the two of you see it.\n"
    '• In a channel, `campaign start "Title" until 2027-03-12` gathers everyone\'s own take on '
    "one theme; `campaign status` and `campaign stop` follow it.\n"
    "• Admins: `settings` shows and changes this workspace's rules.\n"
    "• `my data` shows what I keep about you; `forget me` deletes all of it."
)
SET_GOAL = Action("Set a goal", "goal")  # opens the goal form in Slack and Teams
CHECKIN_WORDS = {1: "not at all", 2: "a little", 3: "somewhat", 4: "fairly", 5: "very"}


Command = Callable[[Context, UserKey, str], Reply]


def help_command(ctx: Context, key: UserKey, args: str) -> Reply:
    """Say what Chorus can do."""
    return Reply("command", HELP)


def draft_command(ctx: Context, key: UserKey, args: str) -> Reply:
    """Invite a draft."""
    return Reply(
        "command",
        "Paste your draft here and I'll critique it: what works, then the three fixes that "
        "matter most. For another platform, start with `review for x:`.",
    )


def platform_command(ctx: Context, key: UserKey, args: str) -> Reply:
    """Show or set the platform drafts are checked for."""
    user = ctx.store.ensure_user(key, ctx.now)
    if not args:
        current = PLATFORMS[user.default_platform].label
        return Reply(
            "command",
            f"I check your drafts for {current}. Change it with `platform NAME`, one of: "
            f"{', '.join(PLATFORMS)}.",
        )
    platform = get_platform(args.split()[0])
    ctx.store.set_default_platform(user, platform.name)
    return Reply("command", f"Done: I'll check your drafts for {platform.label} from now on.")


def checkin_command(ctx: Context, key: UserKey, args: str) -> Reply:
    """Record how confident the user feels about posting in public, 1-5."""
    if not args:
        buttons = tuple(Action(str(n), f"checkin {n}") for n in CHECKIN_WORDS)
        return Reply(
            "command",
            "How confident do you feel about posting in public today? "
            "Reply `checkin 1` (not at all) to `checkin 5` (very).",
            actions=buttons,
        )
    if args not in ("1", "2", "3", "4", "5"):
        raise ChorusError("A check-in is a number from 1 (not at all confident) to 5 (very).")
    level = int(args)
    user = ctx.store.ensure_user(key, ctx.now)
    before = ctx.store.checkins(user, limit=1)
    ctx.store.add_checkin(user, level, ctx.now)
    text = f"Thanks. {level}/5, {CHECKIN_WORDS[level]} confident."
    if before and level > before[0].level:
        text += f" That's up from {before[0].level} last time. It's working."
    elif before and level < before[0].level:
        text += " A dip is normal; one small post this week will help. Ask me for a tip any time."
    return Reply("command", text)


def goal_command(ctx: Context, key: UserKey, args: str) -> Reply:
    """Set, list or complete goals."""
    user = ctx.store.ensure_user(key, ctx.now)
    words = args.lower().split()
    if not words or words == ["list"]:
        goals = ctx.store.goals(user)
        if not goals:
            return Reply("command", f"No goals yet.\n{GOAL_HELP}", actions=(SET_GOAL,))
        lines = [f"• #{g.id} {goal_status(ctx, user, g)}" for g in goals]
        return Reply("command", "Your goals:\n" + "\n".join(lines), actions=(SET_GOAL,))
    if words[0] == "done":
        if len(words) != 2 or not words[1].lstrip("#").isdigit():
            raise ChorusError("Say which goal: `goal done 2` (see `goal list` for numbers).")
        if not ctx.store.complete_goal(user, int(words[1].lstrip("#")), ctx.now):
            raise ChorusError(f"You have no open goal #{words[1].lstrip('#')}. See `goal list`.")
        return Reply("command", "Goal done. Well done! Set the next one when you're ready.")
    request = parse_goal(args, ctx.local_now(user).date())
    goal = ctx.store.add_goal(
        user, request.kind, request.text, ctx.now, request.target, request.platform, request.due
    )
    return Reply("command", f"Goal #{goal.id} set: {goal.text}. I'll show progress in `progress`.")


def progress_command(ctx: Context, key: UserKey, args: str) -> Reply:
    """Scores, hedging and confidence over time, the streak, goals and nudges."""
    user = ctx.store.ensure_user(key, ctx.now)
    dashboard = build_dashboard(ctx, user)
    if dashboard.empty:
        return Reply(
            "command", "No drafts yet. Paste one and I'll score it; your progress starts there."
        )
    lines = ["Your progress", *dashboard.lines(), *experts_progress(ctx, key)]
    if dashboard.goals:
        lines += ["Goals:", *(f"• {g}" for g in dashboard.goals)]
    return Reply("command", "\n".join(lines), actions=(Action("Chart of 8 weeks", "chart"),))


def data_command(ctx: Context, key: UserKey, args: str) -> Reply:
    """Show the user everything Chorus keeps about them."""
    user = ctx.store.find_user(key)
    if user is None:
        return Reply("command", "I don't keep anything about you yet.")
    summary = ctx.store.summary(user)
    lines = [
        f"Here is what I keep about you (since {summary.first_seen:%Y-%m-%d}):",
        f"• your settings: time zone {user.tz or 'not known'}, platform "
        f"{PLATFORMS[user.default_platform].label}, nudges "
        f"{'on at ' + user.nudges.time if user.nudges.enabled else 'off'}",
        f"• {plural(summary.critiques, 'critique')}: scores and counts, never shared with anyone",
        f"• {plural(summary.drafts_with_text, 'draft')} still kept as text; I delete each "
        f"{ctx.store.retention.days} days after its critique",
        f"• {plural(summary.goals, 'goal')} and {plural(summary.checkins, 'confidence check-in')}",
    ]
    for record in ctx.store.critiques(user, limit=5):
        if record.text:
            preview = " ".join(record.text.split())[:60]
            lines.append(f"  {record.created:%Y-%m-%d} {record.score}/100 “{preview}…”")
    lines += experts_data(ctx, key)
    lines.append("`forget me` deletes all of it.")
    return Reply("command", "\n".join(lines))


def forget_command(ctx: Context, key: UserKey, args: str) -> Reply:
    """Delete everything about the user, after they confirm."""
    if args.lower().split() != ["me", "confirm"]:
        return Reply(
            "confirm",
            "This deletes all your drafts, scores, goals and check-ins, for good. "
            "Send `forget me confirm` to go ahead.",
            actions=(Action("Yes, delete everything", "forget me confirm", "danger"),),
        )
    deleted = ctx.store.delete_user(key)
    if not deleted:
        return Reply("command", "I had nothing stored about you, so there's nothing to delete.")
    return Reply("command", "Done. I've deleted everything I kept about you.")


def done_command(ctx: Context, key: UserKey, args: str) -> Reply:
    """The Done button on a nudge: it counts toward the streak."""
    user = ctx.store.ensure_user(key, ctx.now)
    if not args.isdigit() or not Deliveries(ctx.store).mark_done(user.id, int(args), ctx.now):
        raise ChorusError("Use the Done button on a nudge.")
    streak = build_dashboard(ctx, user).streak
    return Reply("command", f"Nice work. That counts: your streak is {plural(streak, 'day')}.")


def chart_command(ctx: Context, key: UserKey, args: str) -> Reply:
    """Eight weeks of score and confidence as a chart, with a text alternative."""
    user = ctx.store.find_user(key)
    if user is None or build_dashboard(ctx, user).empty:
        return Reply("command", "No drafts or check-ins yet, so there's nothing to chart.")
    summary = build_weekly(ctx, user)
    return replace(weekly_reply(summary), text=summary.chart_line())


def feedback_command(ctx: Context, key: UserKey, args: str) -> Reply:
    """Remember whether a critique helped (the Helpful / Not helpful buttons)."""
    words = args.lower().split()
    if len(words) != 2 or words[1] not in ("helpful", "not-helpful"):
        raise ChorusError("Use the Helpful / Not helpful buttons under a critique.")
    if words[0] == "answer":
        log.info("answer feedback: %s", words[1])
        return Reply(
            "command",
            "Thanks for telling me."
            if words[1] == "helpful"
            else "Thanks. Ask me again in other words and I'll try another angle.",
        )
    if not words[0].isdigit():
        raise ChorusError("Use the Helpful / Not helpful buttons under a critique.")
    user = ctx.store.ensure_user(key, ctx.now)
    if not ctx.store.set_helpful(user, int(words[0]), words[1] == "helpful"):
        raise ChorusError("I can't find that critique any more.")
    if words[1] == "helpful":
        return Reply("command", "Thanks! Glad it helped.")
    return Reply("command", "Thanks for saying so. Tell me what was off and I'll do better.")


COMMANDS: dict[str, Command] = {
    "feedback": feedback_command,
    "done": done_command,
    "chart": chart_command,
    "nudges": nudges_command,
    "tips": tips_command,
    "help": help_command,
    "draft": draft_command,
    "platform": platform_command,
    "checkin": checkin_command,
    "goal": goal_command,
    "progress": progress_command,
    "data": data_command,
    "forget": forget_command,
}
