"""The scheduler: one sweep for nudges and weekly summaries, one for channel tips.

Every minute each sweep leases batches of due schedules (an index range scan on
schedules.next_due; FOR UPDATE SKIP LOCKED on PostgreSQL, so replicas split the work),
claims each send under a UNIQUE (kind, owner, local date) key and commits the claim before
calling the chat platform, so a send happens at most once even across restarts and
processes. Sends take slots from a budget per workspace that all replicas share, so a large
cohort is spread out instead of hitting the platform's limits. All the logic takes `now` as
a parameter; APScheduler only calls it."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.coach.delivery import Deliverer, DeliveryError
from bot.coach.outreach import Outreach
from bot.coach.reply import Reply
from bot.pacing import Pacer, Unpaced, bucket_for
from storage import UserKey
from storage.deliveries import Deliveries, Delivery, Due

log = logging.getLogger(__name__)

MAX_LATE = timedelta(hours=2)  # after downtime: older than this is recorded missed, not sent
SEND_WINDOW = timedelta(minutes=60)  # a cohort queued for its slots may take this long
LEASE = timedelta(minutes=10)  # how long a sweep holds due rows, and a claim counts as live
EVENTS_KEPT = timedelta(days=1)  # event ids kept to recognise a platform's retries
NEWCOMER_RESCAN = timedelta(hours=1)  # new users are looked for by id; all users this often
MAX_ATTEMPTS = 3
BATCH = 100
USER_KINDS = ("nudge", "weekly")
CHANNEL_KINDS = ("tip",)


def replica_name() -> str:
    """This process's default name on its claims: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class SweepReport:
    """What one sweep did, counted by outcome."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, outcome: str) -> None:
        """Count one outcome."""
        self.counts[outcome] = self.counts.get(outcome, 0) + 1


class Sweeper:
    """Finds due work, claims it once, delivers it, and schedules the next time."""

    def __init__(
        self,
        outreach: Outreach,
        deliverers: dict[str, Deliverer],
        pacer: Pacer | None = None,
        *,
        senders: int = 1,
        window: timedelta = SEND_WINDOW,
        holder: str | None = None,
        together: Callable[[datetime], list[str]] | None = None,
    ) -> None:
        self.outreach = outreach
        self.deliveries: Deliveries = outreach.deliveries
        self.deliverers = deliverers
        self.pacer: Pacer = pacer or Unpaced()
        self.senders = senders
        self.window = window
        self.holder = holder or replica_name()
        self._pool: ThreadPoolExecutor | None = None
        self._newcomers_after = 0  # users up to this id have been looked at
        self._rescan_at: datetime | None = None
        # issue 13: expert reminders and expiries, campaign nudges (bot/coach/together.py)
        self.together = together

    def reconcile(self, now: datetime) -> int:
        """On start-up: this replica's sends interrupted mid-flight by its restart, and any
        claim older than the lease, are recorded 'unknown' (never resent)."""
        interrupted = self.deliveries.reconcile(now, self.holder, now - LEASE)
        if interrupted:
            log.warning("%d sends were interrupted by a restart; recorded as unknown", interrupted)
        return interrupted

    def sweep(
        self, now: datetime, kinds: tuple[str, ...] = USER_KINDS + CHANNEL_KINDS
    ) -> SweepReport:
        """Deliver everything of `kinds` due at `now`, then retry earlier failures."""
        report = SweepReport()
        stale = self.deliveries.reconcile(now, None, now - LEASE)  # a replica that died
        if stale:
            report.counts["unknown"] = stale
            log.warning("%d sends older than %s left by a stopped process: unknown", stale, LEASE)
        # by the real clock: a sweep run ahead (`run-due --now`) must not forget today's replays
        self.outreach.store.purge_events(min(now, self.outreach.clock()) - EVENTS_KEPT)
        self._schedule_newcomers(now, kinds)
        while batch := self.deliveries.lease(kinds, now, now + LEASE, BATCH, self.holder):
            for outcome in self._each(self._run, batch, now):
                report.add(outcome)
            now = max(now, self.outreach.clock())
        retries = [d for d in self.deliveries.retryable(now, BATCH) if d.kind in kinds]
        for outcome in self._each(self._retry, retries, now):
            report.add(outcome)
        if self.together is not None and "nudge" in kinds:
            for outcome in self.together(now):
                report.add(outcome)
        if report.counts:
            log.info("sweep at %s: %s", now.isoformat(timespec="minutes"), report.counts)
        return report

    def _each(
        self, work: Callable[[Due, datetime], str], items: list, now: datetime
    ) -> Iterator[str]:
        """Run `work` on every item: in turn, or on `senders` threads sharing the pacer."""
        if self.senders <= 1:
            for item in items:
                yield work(item, now)
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.senders, thread_name_prefix="sweep")
        futures = [self._pool.submit(work, item, now) for item in items]
        for future in futures:
            yield future.result()

    def _schedule_newcomers(self, now: datetime, kinds: tuple[str, ...]) -> None:
        platforms = tuple(self.deliverers)
        if not platforms:
            return
        if "nudge" in kinds:
            if self._rescan_at is None or now >= self._rescan_at:  # now and then, from the top
                self._newcomers_after, self._rescan_at = 0, now + NEWCOMER_RESCAN
            found, self._newcomers_after = self.deliveries.unscheduled_users(
                platforms, BATCH, self._newcomers_after
            )
            for user_ref in found:
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
        if not self._slot(due, local_date, now, bucket_for(user.key.platform, user.key.team_id)):
            return "missed"
        if due.kind == "weekly":
            claim = self._claim("weekly", due.owner, local_date, due.due, now)
            return self._send(
                claim, now, lambda: self._to_user(user.key, self.outreach.weekly_reply(user))
            )
        nudge = self.outreach.nudge_for(user, local_date)
        claim = self._claim("nudge", due.owner, local_date, due.due, now, nudge.id)
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
        if not self._slot(due, local_date, now, bucket_for(tips.platform, tips.team_id)):
            return "missed"
        tip = self.outreach.tip_for(due.owner)
        claim = self._claim("tip", due.owner, local_date, due.due, now, tip.id)
        deliverer = self.deliverers[tips.platform]
        return self._send(
            claim,
            now,
            lambda: deliverer.to_channel(
                tips.team_id, tips.channel_id, self.outreach.tip_reply(tip)
            ),
        )

    def _slot(self, due: Due, local_date: object, now: datetime, bucket: str) -> bool:
        """Wait for the workspace's next send slot; False (recorded missed) when that slot
        falls outside the send window, so nobody gets yesterday's nudge hours late."""
        wait = self.pacer.reserve(bucket)
        late = max(now, self.outreach.clock()) + timedelta(seconds=wait) - due.due
        if late > self.window:
            self.pacer.release(bucket)
            self.deliveries.record(
                due.kind, due.owner, local_date, due.due, now, "missed", "outside the send window"
            )
            log.warning(
                "%s for owner %d missed: the workspace's next send slot is %s after it was due;"
                " raise CHORUS_SENDS_PER_SECOND or CHORUS_SEND_WINDOW_MINUTES",
                due.kind,
                due.owner,
                late,
            )
            return False
        self.pacer.wait(wait)
        return True

    def _claim(
        self,
        kind: str,
        owner: int,
        local_date: object,
        due: datetime,
        now: datetime,
        content_id: str | None = None,
    ) -> Delivery | None:
        claimed = max(now, self.outreach.clock())  # when it really went, after its slot
        return self.deliveries.claim(
            kind,
            owner,
            local_date,
            due,
            claimed,
            content_id,
            self.holder,  # type: ignore[arg-type]
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
        resend = self._resend(delivery)
        if resend is None or not self.deliveries.retry_claim(delivery.id, now, self.holder):
            self.deliveries.finish(delivery.id, "failed", now, "recipient no longer available")
            return "failed"
        bucket, send = resend
        self.pacer.wait(self.pacer.reserve(bucket))
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

    def _resend(self, delivery: Delivery) -> tuple[str, Callable[[], None]] | None:
        """The send budget to draw from and the send itself, or None if it can't go."""
        if delivery.kind == "tip":
            tips = self.outreach.channel(delivery.owner)
            tip = self.outreach.tips.by_id.get(delivery.content_id or "")
            if tips is None or tip is None or not tips.enabled:
                return None
            deliverer = self.deliverers[tips.platform]
            return bucket_for(tips.platform, tips.team_id), lambda: deliverer.to_channel(
                tips.team_id, tips.channel_id, self.outreach.tip_reply(tip)
            )
        user = self.outreach.user(delivery.owner)
        if user is None:
            return None
        bucket = bucket_for(user.key.platform, user.key.team_id)
        if delivery.kind == "weekly":
            return bucket, lambda: self._to_user(user.key, self.outreach.weekly_reply(user))
        nudge = self.outreach.nudges.get(delivery.content_id or "")
        if nudge is None:
            return None
        return bucket, lambda: self._to_user(
            user.key, self.outreach.nudge_reply(nudge, delivery.id, user)
        )

    # sending

    def _to_user(self, key: UserKey, reply: Reply) -> None:
        self.deliverers[key.platform].to_user(key, reply)

    def _send(self, claim: Delivery | None, now: datetime, send: Callable[[], None]) -> str:
        if claim is None:
            return "already-claimed"
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


def start_scheduler(
    sweeper: Sweeper,
    clock: Callable[[], datetime],
    *,
    blocking: bool = False,
    first_in: timedelta = timedelta(seconds=5),
) -> object:
    """Run both sweeps every minute (coalesced, one at a time): in a background thread, or
    in this one when `blocking` (`chorus worker`)."""
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.schedulers.blocking import BlockingScheduler

    sweeper.reconcile(clock())
    kind = BlockingScheduler if blocking else BackgroundScheduler
    scheduler = kind(
        timezone=UTC,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 50},
    )
    first = datetime.now(UTC) + first_in
    for job_id, kinds in (("nudges", USER_KINDS), ("channel-tips", CHANNEL_KINDS)):
        job = _sweep_job(sweeper, clock, kinds)
        scheduler.add_job(job, "interval", minutes=1, id=job_id, next_run_time=first)
    log.info("scheduler started: nudges and channel tips every minute")
    scheduler.start()
    return scheduler


def _sweep_job(
    sweeper: Sweeper, clock: Callable[[], datetime], kinds: tuple[str, ...]
) -> Callable[[], SweepReport]:
    return lambda: sweeper.sweep(clock(), kinds)
