"""The scheduler: one sweep for nudges and weekly summaries, one for channel tips.

Every minute each sweep selects what is due (an index range scan on schedules.next_due),
claims each send under a UNIQUE (kind, owner, local date) key and commits the claim before
calling the chat platform, so a send happens at most once even across restarts and
processes. All the logic takes `now` as a parameter; APScheduler only calls it."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.coach.delivery import Deliverer, DeliveryError
from bot.coach.outreach import Outreach
from bot.coach.reply import Reply
from storage import UserKey
from storage.deliveries import Deliveries, Delivery, Due

log = logging.getLogger(__name__)

MAX_LATE = timedelta(hours=2)
MAX_ATTEMPTS = 3
BATCH = 500
USER_KINDS = ("nudge", "weekly")
CHANNEL_KINDS = ("tip",)


@dataclass
class SweepReport:
    """What one sweep did, counted by outcome."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, outcome: str) -> None:
        """Count one outcome."""
        self.counts[outcome] = self.counts.get(outcome, 0) + 1


class Pacer:
    """Spreads sends out: about `per_second` a second, with jitter (0 means no pauses)."""

    def __init__(self, per_second: float, sleep: Callable[[float], None] = time.sleep) -> None:
        self.per_second = per_second
        self.sleep = sleep
        self.random = random.Random()

    def __call__(self) -> None:
        """Wait before the next send."""
        if self.per_second > 0:
            self.sleep(self.random.uniform(0.5, 1.5) / self.per_second)


class Sweeper:
    """Finds due work, claims it once, delivers it, and schedules the next time."""

    def __init__(
        self,
        outreach: Outreach,
        deliverers: dict[str, Deliverer],
        pace: Callable[[], None] = lambda: None,
    ) -> None:
        self.outreach = outreach
        self.deliveries: Deliveries = outreach.deliveries
        self.deliverers = deliverers
        self.pace = pace
        # issue 13: expert reminders and expiries, campaign nudges (bot/coach/together.py)
        self.together: Callable[[datetime], list[str]] | None = None

    def reconcile(self, now: datetime) -> int:
        """On start-up: record sends interrupted mid-flight as 'unknown' (never resend them)."""
        interrupted = self.deliveries.reconcile(now)
        if interrupted:
            log.warning("%d sends were interrupted by a restart; recorded as unknown", interrupted)
        return interrupted

    def sweep(
        self, now: datetime, kinds: tuple[str, ...] = USER_KINDS + CHANNEL_KINDS
    ) -> SweepReport:
        """Deliver everything of `kinds` due at `now`, then retry earlier failures."""
        report = SweepReport()
        self._schedule_newcomers(now, kinds)
        for due in self.deliveries.due(now, BATCH):
            if due.kind in kinds:
                report.add(self._run(due, now))
        for delivery in self.deliveries.retryable(now, BATCH):
            if delivery.kind in kinds:
                report.add(self._retry(delivery, now))
        if self.together is not None and "nudge" in kinds:
            for outcome in self.together(now):
                report.add(outcome)
        if report.counts:
            log.info("sweep at %s: %s", now.isoformat(timespec="minutes"), report.counts)
        return report

    def _schedule_newcomers(self, now: datetime, kinds: tuple[str, ...]) -> None:
        platforms = tuple(self.deliverers)
        if not platforms:
            return
        if "nudge" in kinds:
            for user_ref in self.deliveries.unscheduled_users(platforms, BATCH):
                user = self.outreach.user(user_ref)
                if user is not None:
                    self.outreach.reschedule(user)
        if "tip" in kinds:
            for owner in self.deliveries.unscheduled_channels(platforms):
                tips = self.outreach.channel(owner)
                if tips is not None:
                    self.deliveries.set_next("tip", owner, self.outreach.next_tip_due(tips, now))

    # one due item

    def _run(self, due: Due, now: datetime) -> str:
        if due.kind == "tip":
            return self._run_tip(due, now)
        user = self.outreach.user(due.owner)
        if user is None or user.key.platform not in self.deliverers:
            self.deliveries.set_next(due.kind, due.owner, None)
            return "unscheduled"
        local_date = due.due.astimezone(self.outreach.zone(user)).date()
        after = max(due.due, now - MAX_LATE)
        self.deliveries.set_next(due.kind, due.owner, self.outreach.next_due(due.kind, user, after))
        if now - due.due > MAX_LATE:
            self.deliveries.record(
                due.kind, due.owner, local_date, due.due, now, "missed", "more than 2 hours late"
            )
            return "missed"
        if due.kind == "weekly":
            claim = self.deliveries.claim("weekly", due.owner, local_date, due.due, now)
            return self._send(
                claim, now, lambda: self._to_user(user.key, self.outreach.weekly_reply(user))
            )
        nudge = self.outreach.nudge_for(user, local_date)
        claim = self.deliveries.claim("nudge", due.owner, local_date, due.due, now, nudge.id)
        return self._send(
            claim,
            now,
            lambda: self._to_user(
                user.key, self.outreach.nudge_reply(nudge, claim.id if claim else 0, user)
            ),
        )

    def _run_tip(self, due: Due, now: datetime) -> str:
        tips = self.outreach.channel(due.owner)
        if tips is None or not tips.enabled or tips.platform not in self.deliverers:
            self.deliveries.set_next("tip", due.owner, None)
            return "unscheduled"
        local_date = due.due.astimezone(self.outreach.channel_zone(tips)).date()
        after = max(due.due, now - MAX_LATE)
        self.deliveries.set_next("tip", due.owner, self.outreach.next_tip_due(tips, after))
        if now - due.due > MAX_LATE:
            self.deliveries.record(
                "tip", due.owner, local_date, due.due, now, "missed", "more than 2 hours late"
            )
            return "missed"
        tip = self.outreach.tip_for(due.owner)
        claim = self.deliveries.claim("tip", due.owner, local_date, due.due, now, tip.id)
        deliverer = self.deliverers[tips.platform]
        return self._send(
            claim,
            now,
            lambda: deliverer.to_channel(
                tips.team_id, tips.channel_id, self.outreach.tip_reply(tip)
            ),
        )

    # retries

    def _retry(self, delivery: Delivery, now: datetime) -> str:
        if delivery.attempts >= MAX_ATTEMPTS or now - delivery.due > MAX_LATE:
            reason = f"gave up after {delivery.attempts} attempts"
            self.deliveries.finish(delivery.id, "failed", now, reason)
            log.warning(
                "%s %d for owner %d failed for good: %s",
                delivery.kind,
                delivery.id,
                delivery.owner,
                reason,
            )
            return "failed"
        send = self._resend(delivery)
        if send is None or not self.deliveries.retry_claim(delivery.id, now):
            self.deliveries.finish(delivery.id, "failed", now, "recipient no longer available")
            return "failed"
        claimed = Delivery(
            delivery.id,
            delivery.kind,
            delivery.owner,
            delivery.local_date,
            delivery.due,
            "sending",
            delivery.attempts + 1,
            delivery.content_id,
        )
        return self._send(claimed, now, send)

    def _resend(self, delivery: Delivery) -> Callable[[], None] | None:
        if delivery.kind == "tip":
            tips = self.outreach.channel(delivery.owner)
            tip = self.outreach.tips.by_id.get(delivery.content_id or "")
            if tips is None or tip is None or not tips.enabled:
                return None
            deliverer = self.deliverers[tips.platform]
            return lambda: deliverer.to_channel(
                tips.team_id, tips.channel_id, self.outreach.tip_reply(tip)
            )
        user = self.outreach.user(delivery.owner)
        if user is None:
            return None
        if delivery.kind == "weekly":
            return lambda: self._to_user(user.key, self.outreach.weekly_reply(user))
        nudge = self.outreach.nudges.get(delivery.content_id or "")
        if nudge is None:
            return None
        return lambda: self._to_user(user.key, self.outreach.nudge_reply(nudge, delivery.id, user))

    # sending

    def _to_user(self, key: UserKey, reply: Reply) -> None:
        self.deliverers[key.platform].to_user(key, reply)

    def _send(self, claim: Delivery | None, now: datetime, send: Callable[[], None]) -> str:
        if claim is None:
            return "already-claimed"
        self.pace()
        try:
            send()
        except DeliveryError as error:
            return self._failed(claim, now, error)
        except Exception:
            log.exception(
                "%s %d for owner %d failed unexpectedly", claim.kind, claim.id, claim.owner
            )
            self.deliveries.finish(claim.id, "retry", now, "unexpected error")
            return "retry"
        self.deliveries.finish(claim.id, "sent", now)
        return "sent"

    def _failed(self, claim: Delivery, now: datetime, error: DeliveryError) -> str:
        if error.outcome == "gone":
            self.deliveries.finish(claim.id, "failed", now, error.code)
            if claim.kind == "tip":
                self.outreach.store.disable_channel_tips(claim.owner)
                log.warning(
                    "channel tips %d disabled: %s (Chorus left or the channel is gone)",
                    claim.owner,
                    error.code,
                )
            else:
                self.deliveries.deactivate(claim.owner)
                log.warning("user %d marked inactive: %s", claim.owner, error.code)
            return "gone"
        state = "retry" if error.outcome == "retry" and claim.attempts < MAX_ATTEMPTS else "failed"
        self.deliveries.finish(claim.id, state, now, error.code)
        if state == "failed":
            log.warning(
                "%s %d for owner %d failed: %s", claim.kind, claim.id, claim.owner, error.code
            )
        return state


def start_scheduler(sweeper: Sweeper, clock: Callable[[], datetime]) -> object:
    """Run both sweeps every minute in a background thread (coalesced, one at a time)."""
    from apscheduler.schedulers.background import BackgroundScheduler

    sweeper.reconcile(clock())
    scheduler = BackgroundScheduler(
        timezone=UTC,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 50},
    )
    first = datetime.now(UTC) + timedelta(seconds=5)
    for job_id, kinds in (("nudges", USER_KINDS), ("channel-tips", CHANNEL_KINDS)):
        job = _sweep_job(sweeper, clock, kinds)
        scheduler.add_job(job, "interval", minutes=1, id=job_id, next_run_time=first)
    scheduler.start()
    log.info("scheduler started: nudges and channel tips every minute")
    return scheduler


def _sweep_job(
    sweeper: Sweeper, clock: Callable[[], datetime], kinds: tuple[str, ...]
) -> Callable[[], SweepReport]:
    return lambda: sweeper.sweep(clock(), kinds)
