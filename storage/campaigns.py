"""Campaigns: a theme a champion starts in a channel, who joined, and their drafts' numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.backend import Backend, day
from storage.queries import StorePart
from storage.records import UserKey

COLUMNS = (
    "id, platform, team_id, channel_id, champion_id, title, ends, facts, link, audience, state"
)


@dataclass(frozen=True)
class Campaign:
    """One theme, its brief, and where it was announced."""

    id: int
    platform: str
    team_id: str
    channel_id: str
    champion_id: str | None
    title: str
    ends: date
    facts: str
    link: str
    audience: str
    state: str

    @property
    def brief(self) -> str:
        """The brief as one text: what the authenticity check compares drafts with."""
        return "\n".join(p for p in (self.facts, self.link, self.audience) if p)

    def open_on(self, day: date) -> bool:
        """True while people can join and write for it."""
        return self.state == "open" and day <= self.ends


@dataclass(frozen=True)
class Counts:
    """What a champion may see: numbers, never a draft or a name."""

    joined: int
    drafted: int
    posted: int
    scores: tuple[int, ...]


@dataclass(frozen=True)
class Member:
    """A participant whose one campaign nudge is due."""

    campaign_id: int
    user: UserKey


def _campaign(row: tuple[object, ...]) -> Campaign:
    r = list(row)
    return Campaign(*r[:6], day(r[6]), *r[7:])  # type: ignore[arg-type]


class Campaigns(StorePart):
    """Queries over campaigns, on the store's backend."""

    def start(
        self, champion: UserKey, channel_id: str, title: str, ends: date, now: datetime
    ) -> Campaign:
        """A new campaign, waiting for its brief."""
        row = self._one(
            "INSERT INTO campaigns (platform, team_id, channel_id, champion_id, title, ends,"
            " state, created) VALUES (?, ?, ?, ?, ?, ?, 'draft', ?) RETURNING id",
            (champion.platform, champion.team_id, channel_id, champion.user_id, title, ends, now),
        )
        assert row is not None
        found = self.get(int(row[0]))
        assert found is not None
        return found

    def get(self, campaign_id: int) -> Campaign | None:
        """One campaign by id."""
        row = self._one(f"SELECT {COLUMNS} FROM campaigns WHERE id = ?", (campaign_id,))
        return _campaign(row) if row else None

    def open_brief(self, campaign_id: int, facts: str, link: str, audience: str) -> bool:
        """Store the brief and open the campaign; False unless it was waiting for one."""
        return (
            self._x(
                "UPDATE campaigns SET facts = ?, link = ?, audience = ?, state = 'open'"
                " WHERE id = ? AND state = 'draft'",
                (facts, link, audience, campaign_id),
            ).rowcount
            == 1
        )

    def stop(self, campaign_id: int) -> bool:
        """End a campaign early; False if it had already stopped."""
        return (
            self._x(
                "UPDATE campaigns SET state = 'stopped' WHERE id = ? AND state != 'stopped'",
                (campaign_id,),
            ).rowcount
            == 1
        )

    def in_channel(self, platform: str, team_id: str, channel_id: str) -> Campaign | None:
        """The channel's newest campaign that hasn't stopped."""
        row = self._one(
            f"SELECT {COLUMNS} FROM campaigns WHERE platform = ? AND team_id = ?"
            " AND channel_id = ? AND state != 'stopped' ORDER BY id DESC LIMIT 1",
            (platform, team_id, channel_id),
        )
        return _campaign(row) if row else None

    def joined_by(self, user: UserKey) -> list[Campaign]:
        """Campaigns the user joined that are still open, newest first."""
        rows = self._x(
            "SELECT c.id FROM campaigns c JOIN campaign_members m ON m.campaign_id = c.id"
            " WHERE c.platform = ? AND c.team_id = ? AND m.user_id = ? AND c.state = 'open'"
            " ORDER BY c.id DESC",
            (user.platform, user.team_id, user.user_id),
        ).rows
        return [c for c in (self.get(r[0]) for r in rows) if c is not None]

    def join(self, campaign_id: int, user_id: str, now: datetime, nudge_due: datetime) -> bool:
        """Add a participant with their one nudge due; False if they had already joined."""
        return (
            self._x(
                "INSERT INTO campaign_members (campaign_id, user_id, joined, nudge_due)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (campaign_id, user_id) DO NOTHING",
                (campaign_id, user_id, now, nudge_due),
            ).rowcount
            == 1
        )

    def is_member(self, campaign_id: int, user_id: str) -> bool:
        """True when the user joined the campaign."""
        return (
            self._one(
                "SELECT 1 FROM campaign_members WHERE campaign_id = ? AND user_id = ?",
                (campaign_id, user_id),
            )
            is not None
        )

    def add_draft(
        self, campaign_id: int, user_id: str, score: int, fingerprint: str, now: datetime
    ) -> int:
        """Record a participant's draft: its score and MinHash fingerprint, never its text."""
        row = self._one(
            "INSERT INTO campaign_drafts (campaign_id, user_id, score, fingerprint, created)"
            " VALUES (?, ?, ?, ?, ?) RETURNING id",
            (campaign_id, user_id, score, fingerprint, now),
        )
        return int(row[0]) if row else 0

    def other_fingerprints(self, campaign_id: int, user_id: str) -> list[str]:
        """Fingerprints of the other participants' drafts."""
        rows = self._x(
            "SELECT fingerprint FROM campaign_drafts WHERE campaign_id = ? AND user_id != ?",
            (campaign_id, user_id),
        ).rows
        return [r[0] for r in rows]

    def mark_posted(self, draft_id: int, user_id: str, now: datetime) -> int | None:
        """The participant posted their draft; its campaign id, or None if it isn't theirs."""
        row = self._one(
            "UPDATE campaign_drafts SET posted = COALESCE(posted, ?) WHERE id = ? AND user_id = ?"
            " RETURNING campaign_id",
            (now, draft_id, user_id),
        )
        return int(row[0]) if row else None

    def counts(self, campaign_id: int) -> Counts:
        """Joined, drafted and posted participants, and each drafter's best score."""
        joined = self._one(
            "SELECT count(*) FROM campaign_members WHERE campaign_id = ?", (campaign_id,)
        )
        rows = self._x(
            "SELECT user_id, max(score), count(posted) FROM campaign_drafts"
            " WHERE campaign_id = ? GROUP BY user_id",
            (campaign_id,),
        ).rows
        return Counts(
            int(joined[0]) if joined else 0,
            len(rows),
            sum(1 for r in rows if r[2]),
            tuple(sorted(int(r[1]) for r in rows)),
        )

    def due_nudges(self, now: datetime, limit: int = 500) -> list[Member]:
        """Participants whose one campaign nudge is due, in campaigns still open."""
        rows = self._x(
            "SELECT m.campaign_id, c.platform, c.team_id, m.user_id FROM campaign_members m"
            " JOIN campaigns c ON c.id = m.campaign_id WHERE m.nudge_due <= ?"
            " AND m.nudged IS NULL AND c.state = 'open' ORDER BY m.nudge_due LIMIT ?",
            (now, limit),
        ).rows
        return [Member(r[0], UserKey(r[1], r[2], r[3])) for r in rows]

    def claim_nudge(self, campaign_id: int, user_id: str, now: datetime) -> bool:
        """Mark the one nudge as sent before sending it; False if another sweep did."""
        return (
            self._x(
                "UPDATE campaign_members SET nudged = ? WHERE campaign_id = ? AND user_id = ?"
                " AND nudged IS NULL",
                (now, campaign_id, user_id),
            ).rowcount
            == 1
        )

    @staticmethod
    def forget(backend: Backend, key: UserKey) -> int:
        """Forget-me: the user's memberships and drafts go; campaigns they started stay,
        without their id."""
        inside = "SELECT id FROM campaigns WHERE platform = ? AND team_id = ?"
        deleted = 0
        for table in ("campaign_members", "campaign_drafts"):
            deleted += backend.execute(
                f"DELETE FROM {table} WHERE user_id = ? AND campaign_id IN ({inside})",
                (key.user_id, key.platform, key.team_id),
            ).rowcount
        deleted += backend.execute(
            "UPDATE campaigns SET champion_id = NULL"
            " WHERE platform = ? AND team_id = ? AND champion_id = ?",
            (key.platform, key.team_id, key.user_id),
        ).rowcount
        return deleted
