"""Campaigns: one theme, many voices. A champion starts one in a channel; people join, get one
nudge, write their own take (checked for authenticity and disclosure) and mark it posted.
The champion sees counts only, never a draft or a name."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import regex

from bot.coach.context import Context
from bot.coach.people import Form, Message, Outcome
from bot.coach.reply import Action, Reply
from bot.coach.schedule import next_at
from bot.errors import ChorusError
from bot.feedback import Critique
from bot.feedback.authenticity import Fingerprint, campaign_findings, fingerprint, with_findings
from storage import UserKey
from storage.campaigns import Campaign, Campaigns, Member

START = regex.compile(
    r"^start\s+[\"“”']([^\"“”']{1,120})[\"“”']\s+until\s+(\d{4}-\d{2}-\d{2})\s*$", regex.IGNORECASE
)
START_HELP = 'Start one like this: `campaign start "Launch of Acme Sync" until 2027-03-12`.'
FACTS_MAX, LINK_MAX, AUDIENCE_MAX = 1500, 300, 300

# review(user, text, campaign) -> (critique reply, the critique) over the coach's engine
Reviewer = Callable[[UserKey, str, Callable[[Critique], Critique]], tuple[Reply, Critique]]


@dataclass(frozen=True)
class CampaignDesk:
    """Campaign commands over the store, for one workspace's settings."""

    ctx: Context
    companies: tuple[str, ...]

    @property
    def campaigns(self) -> Campaigns:
        """The campaigns tables."""
        return Campaigns(self.ctx.store)

    def start(self, champion: UserKey, channel: str | None, args: str) -> Outcome:
        """`campaign start "Title" until YYYY-MM-DD` in a channel: ask for the brief."""
        if channel is None:
            raise ChorusError("Start a campaign in the channel it is for. " + START_HELP)
        found = START.match(args)
        if not found:
            raise ChorusError(START_HELP)
        try:
            ends = date.fromisoformat(found[2])
        except ValueError as error:
            raise ChorusError(f"{found[2]} isn't a date I can read. " + START_HELP) from error
        if ends < self.ctx.now.date():
            raise ChorusError(f"{ends:%d %b %Y} has passed; pick an end date to come.")
        current = self.campaigns.in_channel(champion.platform, champion.team_id, channel)
        if current is not None and current.state == "open":
            raise ChorusError(
                f"This channel already runs “{current.title}”. `campaign stop` ends it first."
            )
        campaign = self.campaigns.start(champion, channel, found[1].strip(), ends, self.ctx.now)
        return Outcome(
            Reply(
                "command",
                f"Campaign “{campaign.title}” until {ends:%d %b %Y}. Now the brief: the key "
                "facts, a link, and who it is for.",
            ),
            form=Form("campaign_brief", campaign.id, {"title": campaign.title}),
        )

    def brief(
        self, champion: UserKey, campaign_id: int, facts: str, link: str, audience: str
    ) -> Outcome:
        """The brief form: store it, open the campaign and announce it in the channel."""
        campaign = self.campaigns.get(campaign_id)
        if campaign is None or campaign.champion_id != champion.user_id:
            raise ChorusError("Only the person who started this campaign can write its brief.")
        facts, link, audience = facts.strip(), link.strip(), audience.strip()
        if not facts:
            raise ChorusError("Add the key facts: what people should know to write about it.")
        if link and not regex.match(r"^https?://\S+$", link):
            raise ChorusError("The link should start with https://")
        if not self.campaigns.open_brief(
            campaign_id, facts[:FACTS_MAX], link[:LINK_MAX], audience[:AUDIENCE_MAX]
        ):
            raise ChorusError("This campaign already has its brief.")
        announcement = Reply(
            "command",
            f"Campaign: {campaign.title}, until {campaign.ends:%d %b %Y}.\n"
            "Join, and I'll send you the brief and one nudge to write your own take: what it "
            "means for your work, your customers or your craft. No copy-paste posts: your "
            "voice is the point. Drafts stay private.",
            actions=(Action("Join", f"campaign join {campaign.id}", "primary"),),
        )
        return Outcome(
            Reply("command", f"Announced “{campaign.title}” in the channel."),
            (Message(announcement, channel=campaign.channel_id),),
        )

    def join(self, user: UserKey) -> Callable[[int], Reply]:
        """The Join button (curried so the adapter can answer the joiner privately)."""

        def joining(campaign_id: int) -> Reply:
            campaign = self.campaigns.get(campaign_id)
            if (
                campaign is None
                or campaign.platform != user.platform
                or (campaign.team_id != user.team_id)
            ):
                raise ChorusError("I can't find that campaign.")
            if not campaign.open_on(self.ctx.now.date()):
                return Reply("command", f"“{campaign.title}” has ended. Thanks for wanting in!")
            profile = self.ctx.store.ensure_user(user, self.ctx.now)
            nudges = profile.nudges
            zone = self.ctx.zone(profile)
            due = next_at(nudges.days or ("mon",), nudges.time, self.ctx.now, zone)
            due = due or self.ctx.now + timedelta(days=1)
            if not self.campaigns.join(campaign_id, user.user_id, self.ctx.now, due):
                return Reply("command", f"You're already in “{campaign.title}”.")
            return Reply(
                "command",
                f"You're in “{campaign.title}”. I'll nudge you on "
                f"{due.astimezone(zone):%a at %H:%M} with the brief. Your draft stays private: "
                "the champion only sees how many joined, drafted and posted.",
            )

        return joining

    def nudge(self, campaign: Campaign) -> Reply:
        """The one nudge: write your own take, with the brief and the disclosure rule."""
        company = self.companies[0] if self.companies else "your employer"
        return Reply(
            "command",
            f"Campaign “{campaign.title}” (until {campaign.ends:%d %b}): time for your own take. "
            "Not the brief in other words: what it means for your work, your customers or your "
            "craft, one story or one opinion.\n"
            f"The brief: {campaign.brief}\n"
            f"Remember to disclose: say you work at {company}.\n"
            "Send it to me as `campaign draft <your draft>` and I'll check it with the "
            "campaign in mind.",
        )

    def draft(self, user: UserKey, text: str, review: Reviewer) -> Reply:
        """A campaign draft: critiqued with authenticity and disclosure, counted (no text)."""
        campaign = self._joined(user)
        peers = [
            Fingerprint.from_text(f)
            for f in self.campaigns.other_fingerprints(campaign.id, user.user_id)
        ]

        def with_campaign(result: Critique) -> Critique:
            extra = campaign_findings(text, campaign.brief, peers, self.companies)
            return with_findings(result, extra)

        reply, result = review(user, text, with_campaign)
        draft_id = self.campaigns.add_draft(
            campaign.id, user.user_id, result.score, fingerprint(text).to_text(), self.ctx.now
        )
        posted = Action("I posted it", f"campaign posted {draft_id}", "primary")
        return Reply(
            reply.kind,
            f"For “{campaign.title}”: {reply.text}",
            critique=reply.critique,
            critique_id=reply.critique_id,
            actions=(posted, *reply.actions),
        )

    def _joined(self, user: UserKey) -> Campaign:
        joined = [c for c in self.campaigns.joined_by(user) if c.open_on(self.ctx.now.date())]
        if not joined:
            raise ChorusError(
                "You haven't joined a campaign that's running. Press Join on a campaign's "
                "announcement first."
            )
        return joined[0]

    def posted(self, user: UserKey, draft_id: int) -> Reply:
        """The participant marks their draft posted."""
        if self.campaigns.mark_posted(draft_id, user.user_id, self.ctx.now) is None:
            raise ChorusError("Use the “I posted it” button under your campaign draft.")
        return Reply("command", "Posted: well done for adding your voice. It counts.")

    def status(self, user: UserKey, channel: str | None, admin: bool) -> Reply:
        """Counts only: joined, drafted, posted, median score."""
        campaign = self._channel_campaign(user, channel, admin)
        counts = self.campaigns.counts(campaign.id)
        median = f"{statistics.median(counts.scores):.0f}/100" if counts.scores else "none yet"
        state = "stopped" if campaign.state == "stopped" else f"until {campaign.ends:%d %b %Y}"
        return Reply(
            "command",
            f"“{campaign.title}” ({state}): {counts.joined} joined, {counts.drafted} drafted, "
            f"{counts.posted} posted; median score {median}. I never show drafts or names.",
        )

    def stop(self, user: UserKey, channel: str | None, admin: bool) -> Outcome:
        """End the channel's campaign early."""
        campaign = self._channel_campaign(user, channel, admin)
        if not self.campaigns.stop(campaign.id):
            return Outcome(Reply("command", f"“{campaign.title}” had already stopped."))
        return Outcome(
            Reply("command", f"Stopped “{campaign.title}”. No more nudges go out."),
            (
                Message(
                    Reply("command", f"The campaign “{campaign.title}” has ended. Thank you!"),
                    channel=campaign.channel_id,
                ),
            ),
        )

    def _channel_campaign(self, user: UserKey, channel: str | None, admin: bool) -> Campaign:
        if channel is None:
            raise ChorusError("Run this in the campaign's channel.")
        campaign = self.campaigns.in_channel(user.platform, user.team_id, channel)
        if campaign is None:
            raise ChorusError("This channel has no campaign. " + START_HELP)
        if campaign.champion_id != user.user_id and not admin:
            raise ChorusError("Only the campaign's champion (or an admin) can do that.")
        return campaign

    def nudge_member(self, member: Member, now: datetime) -> list[Message]:
        """A participant's one nudge, at their nudge time; claimed before it is sent."""
        campaign = self.campaigns.get(member.campaign_id)
        if campaign is None or not campaign.open_on(now.date()):
            return []
        if not self.campaigns.claim_nudge(member.campaign_id, member.user.user_id, now):
            return []
        return [Message(self.nudge(campaign), to=member.user)]
