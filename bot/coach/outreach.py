"""What the scheduler sends and when: nudges, weekly summaries and channel tips."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from bot.coach.chart import render_chart
from bot.coach.context import Context
from bot.coach.nudges import Nudge, choose, situation
from bot.coach.reminders import reschedule_user
from bot.coach.reply import Action, Image, Reply
from bot.coach.schedule import next_nudge, next_tip, next_weekly
from bot.coach.tips import Tip, TipLibrary
from bot.coach.weekly import WeeklySummary, build_weekly
from bot.feedback import PLATFORMS
from storage import ChannelTips, Store, User
from storage.deliveries import Deliveries

REPEAT_WINDOW = timedelta(days=14)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def weekly_reply(summary: WeeklySummary) -> Reply:
    """The weekly summary with its chart and the chart's text alternative."""
    image = Image(
        render_chart(summary.history),
        summary.alt_text(),
        "Your last 8 weeks",
        "chorus-progress.png",
    )
    return Reply("command", summary.text(), image=image)


class Outreach:
    """Decides the content and timing of everything Chorus sends unasked."""

    def __init__(
        self,
        store: Store,
        tips: TipLibrary,
        nudges: tuple[Nudge, ...],
        default_zone: tzinfo,
        clock: Callable[[], datetime],
    ) -> None:
        self.store = store
        self.deliveries = Deliveries(store)
        self.tips = tips
        self.nudges = {n.id: n for n in nudges}
        self.default_zone = default_zone
        self.clock = clock

    def _ctx(self) -> Context:
        return Context(self.store, self.clock(), self.default_zone)

    def user(self, user_ref: int) -> User | None:
        """The active user behind a schedule."""
        recipient = self.deliveries.recipient(user_ref)
        return self.store.find_user(recipient.key) if recipient else None

    def zone(self, user: User) -> tzinfo:
        """The user's time zone (the server's when unknown)."""
        return self._ctx().zone(user)

    def next_due(self, kind: str, user: User, after: datetime) -> datetime | None:
        """The user's next nudge or weekly summary after `after`."""
        zone = self.zone(user)
        if kind == "nudge":
            return next_nudge(user.nudges, after, zone)
        return next_weekly(user.nudges, after, zone)

    def reschedule(self, user: User) -> None:
        """Recompute the user's nudge and summary times (settings or time zone changed)."""
        reschedule_user(self._ctx(), user)

    def nudge_for(self, user: User, today: date) -> Nudge:
        """Today's step for the user: their situation, and nothing sent in the last 14 days."""
        recent = self.deliveries.recent_content("nudge", user.id, self.clock() - REPEAT_WINDOW)
        return choose(tuple(self.nudges.values()), situation(self._ctx(), user, today), recent)

    def nudge_reply(self, nudge: Nudge, delivery_id: int, user: User) -> Reply:
        """The nudge as a message with its buttons."""
        text = nudge.text.replace("{platform}", PLATFORMS[user.default_platform].label)
        later = (
            Action("Snooze a day", "nudges snooze 1d"),
            Action("Pause a week", "nudges snooze 7d"),
            Action("Stop nudges", "nudges off"),
        )
        if nudge.is_checkin:
            buttons = tuple(Action(str(n), f"checkin {n}") for n in range(1, 6))
            return Reply(
                "command", f"{text}\n1 is not at all, 5 is very.", actions=(*buttons, *later)
            )
        return Reply(
            "command",
            f"Today's step ({nudge.minutes} min): {text}\nWhy: {nudge.why}",
            actions=(Action("Done", f"done {delivery_id}", "primary"), *later),
        )

    def weekly_reply(self, user: User) -> Reply:
        """The user's weekly summary, chart included."""
        return weekly_reply(build_weekly(self._ctx(), user))

    def channel(self, owner: int) -> ChannelTips | None:
        """A channel's tip schedule by its id."""
        return self.store.channel_tips_by_id(owner)

    def next_tip_due(self, tips: ChannelTips, after: datetime) -> datetime | None:
        """When the channel's next tip is due."""
        return next_tip(tips, after)

    def channel_zone(self, tips: ChannelTips) -> tzinfo:
        """The channel's time zone."""
        return ZoneInfo(tips.tz)

    def tip_for(self, owner: int) -> Tip:
        """The next tip for a channel: every tip once before any repeats."""
        sent = self.deliveries.recent_content("tip", owner, EPOCH)
        counts = {tip.id: sent.count(tip.id) for tip in self.tips.tips}
        return min(self.tips.tips, key=lambda tip: counts[tip.id])

    @staticmethod
    def tip_reply(tip: Tip) -> Reply:
        """A channel tip with its 'try this today' exercise."""
        return Reply(
            "command",
            f"Tip of the day: {tip.title}\nTry this today ({tip.minutes} min): {tip.step}\n"
            f"Why: {tip.why}\nAsk me anything about it in the thread.",
        )
