"""Issue 13's commands in one place: ask an expert, campaigns and workspace settings.

Adapters call `Together.handle` first with who speaks and how to look people up; it returns
None for anything that isn't one of these commands. The coach routes the same words here
for the shell, where there are no colleagues to ask."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

import regex

from bot.coach.campaigns import CampaignDesk
from bot.coach.context import Context
from bot.coach.delivery import Deliverer, DeliveryError
from bot.coach.experts import Experts
from bot.coach.people import Form, Message, Outcome, Person
from bot.coach.reply import Action, Reply
from bot.coach.router import classify
from bot.coach.workspace import CoachSettings, WorkspaceDesk
from bot.errors import APOLOGY, ChorusError, validate
from bot.feedback import Critique
from storage import User, UserKey
from storage.campaigns import Campaigns
from storage.workspace import Workspaces

if TYPE_CHECKING:
    from bot.coach.coach import Coach

log = logging.getLogger(__name__)

NAMES = ("ask", "expert", "stop", "campaign", "settings")
ASK = regex.compile(r"^(\S+)(?:\s+(.*))?$", regex.DOTALL)
EXPERT = regex.compile(r"^(\d+)\s+(looks-right|suggest|not-mine)(?:\s+(.*))?$", regex.DOTALL)
STOP = regex.compile(r"^requests\s+from\s+(\S+)\s*$", regex.IGNORECASE)
CAMPAIGN = regex.compile(r"^(join|posted|check)\s+(\d+)$", regex.IGNORECASE)
ADMIN = regex.compile(r"^admin\s+(add|remove)\s+(\S+)$", regex.IGNORECASE)
NO_PEOPLE = "Asking a colleague works in Slack and Teams, where your colleagues are."
NOT_FOUND = "I couldn't find that person in this workspace. Mention them like `ask @name`."

Resolve = Callable[[str], Person | None]


@dataclass(frozen=True)
class Speaker:
    """Who speaks, where, and how the adapter looks up colleagues and admin rights."""

    person: Person
    channel: str | None = None
    resolve: Resolve | None = None
    platform_admin: Callable[[], bool] = field(default=lambda: False)

    @property
    def key(self) -> UserKey:
        """The speaker's key."""
        return self.person.key


def command_words(text: str) -> tuple[str, str]:
    """(command word, arguments) for text that might be one of these commands."""
    first, _, rest = text.strip().partition(" ")
    return first.lower().lstrip("/"), rest.strip()


class Together:
    """Ask an expert, campaigns and settings, over the coach's store and engine."""

    def __init__(self, coach: Coach) -> None:
        self.coach = coach

    def _ctx(self, channel: str | None = None) -> Context:
        return Context(self.coach.store, self.coach.clock(), self.coach.default_zone, channel)

    @property
    def workspace(self) -> WorkspaceDesk:
        """Settings per workspace over the environment's defaults."""
        return WorkspaceDesk(self.coach.store, self.coach.settings)

    def settings_for(self, key: UserKey) -> CoachSettings:
        """The settings of the user's workspace (the one way the coach reads them)."""
        return self.workspace.settings(key.platform, key.team_id)

    def experts(self) -> Experts:
        """The ask-an-expert flow at the current time."""
        return Experts(self._ctx())

    def campaigns(self, key: UserKey, channel: str | None = None) -> CampaignDesk:
        """The campaign commands for the user's workspace."""
        return CampaignDesk(self._ctx(channel), self.settings_for(key).companies)

    @staticmethod
    def speaker(key: UserKey, channel: str | None = None) -> Speaker:
        """A speaker with no way to look up colleagues (the shell)."""
        return Speaker(Person(key), channel)

    def platform_for(self, profile: User) -> str:
        """The user's own platform if they chose one, else the workspace's default."""
        if Workspaces(self.coach.store).platform_chosen(profile.id):
            return profile.default_platform
        chosen = self.settings_for(profile.key).default_platform
        return chosen or profile.default_platform

    def standing(self, key: UserKey) -> tuple[str | None, bool]:
        """A user's stored time zone, and True once their chat platform said they are gone."""
        profile = self.coach.store.find_user(key)
        if profile is None:
            return None, False
        return profile.tz, not Workspaces(self.coach.store).active(profile.id)

    def user_chats(self, platform: str, team_id: str) -> list[tuple[str, str]]:
        """(user id, conversation reference) of every user chat kept in the workspace."""
        return Workspaces(self.coach.store).user_references(platform, team_id)

    def is_command(self, text: str) -> bool:
        """True when the text is one of these commands in the router's shape, so a draft that
        starts "Campaign season is here" or "Ask yourself..." stays a draft."""
        intent = classify(text)
        return intent.kind == "command" and intent.command in NAMES

    def handle(self, speaker: Speaker, text: str) -> Outcome | None:
        """Run one of these commands; None when the text is none of them. Never raises."""
        if not self.is_command(text):
            return None
        name, args = command_words(text)
        problem = validate(text)
        if problem:
            return Outcome(Reply("invalid", problem))
        try:
            return self._run(speaker, name, args)
        except ChorusError as error:
            return Outcome(Reply("invalid", error.message))
        except Exception:
            log.exception("together command %s failed", name)
            return Outcome(Reply("error", APOLOGY))

    def _run(self, speaker: Speaker, name: str, args: str) -> Outcome:
        key, now = speaker.key, self.coach.clock()
        if name == "ask":
            return self._ask(speaker, args)
        if name == "expert":
            found = EXPERT.match(args)
            if not found:
                raise ChorusError("Use the buttons on a request to answer it.")
            return self.experts().answer(speaker.person, int(found[1]), found[2], found[3] or "")
        if name == "stop":
            found = STOP.match(args)
            if not found:
                raise ChorusError("Say whose requests to stop: `stop requests from @person`.")
            writer = self._person(speaker, found[1])
            return Outcome(self.experts().stop_from(key, writer))
        if name == "campaign":
            return self._campaign(speaker, args)
        return self._settings(speaker, args, now)

    def _person(self, speaker: Speaker, token: str) -> Person:
        if speaker.resolve is None:
            raise ChorusError(NO_PEOPLE)
        person = speaker.resolve(token)
        if person is None:
            raise ChorusError(NOT_FOUND)
        return person

    def _ask(self, speaker: Speaker, args: str) -> Outcome:
        if args.isdigit():  # the button under a critique: the adapter opens the form
            if speaker.resolve is None:
                raise ChorusError(NO_PEOPLE)
            return Outcome(Reply("command", "Who should check it?"), form=Form("ask", int(args)))
        found = ASK.match(args)
        if not found:
            raise ChorusError("Say who: `ask @person what do you think of the second line?`")
        expert = self._person(speaker, found[1])
        return self.experts().ask(speaker.person, expert, found[2] or "")

    def ask(self, speaker: Speaker, expert: Person, question: str, critique_id: int) -> Outcome:
        """The ask form was sent: a chosen colleague and an optional question."""
        try:
            return self.experts().ask(speaker.person, expert, question, critique_id or None)
        except ChorusError as error:
            return Outcome(Reply("invalid", error.message))

    def _campaign(self, speaker: Speaker, args: str) -> Outcome:
        key = speaker.key
        desk = self.campaigns(key, speaker.channel)
        verb, _, rest = args.partition(" ")
        verb = verb.lower()
        if verb == "start":
            return desk.start(key, speaker.channel, args)
        if verb == "status":
            return Outcome(desk.status(key, speaker.channel, self._admin(speaker)))
        if verb == "stop":
            return desk.stop(key, speaker.channel, self._admin(speaker))
        if verb == "draft":
            if not rest.strip():
                raise ChorusError("Paste your draft after `campaign draft`.")
            return Outcome(desk.draft(key, rest.strip(), self._review))
        found = CAMPAIGN.match(args)
        if found and found[1].lower() == "join":
            return Outcome(desk.join(key)(int(found[2])))
        if found and found[1].lower() == "posted":
            return Outcome(desk.posted(key, int(found[2])))
        if found:  # check: the button under a critique re-checks it for the campaign
            text = self.coach.stored_text(key, int(found[2]))
            return Outcome(desk.draft(key, text, self._review))
        raise ChorusError(
            'Try `campaign start "Title" until 2027-03-12`, `campaign status` or `campaign stop`.'
        )

    def brief(
        self, speaker: Speaker, campaign_id: int, facts: str, link: str, audience: str
    ) -> Outcome:
        """The campaign brief form was sent."""
        try:
            return self.campaigns(speaker.key).brief(
                speaker.key, campaign_id, facts, link, audience
            )
        except ChorusError as error:
            return Outcome(Reply("invalid", error.message))

    def _review(
        self, key: UserKey, text: str, adjust: Callable[[Critique], Critique]
    ) -> tuple[Reply, Critique]:
        reply = self.coach.review(key, text, adjust=adjust)
        assert reply.critique is not None
        return reply, reply.critique

    def _admin(self, speaker: Speaker) -> bool:
        return self.workspace.is_admin(speaker.key, speaker.platform_admin())

    def _settings(self, speaker: Speaker, args: str, now: datetime) -> Outcome:
        desk, key = self.workspace, speaker.key
        platform_admin = speaker.platform_admin()
        if args.lower() == "edit":
            if speaker.resolve is None:
                return Outcome(desk.show(key, platform_admin))
            return Outcome(Reply("command", "Settings"), form=desk.form(key, platform_admin))
        found = ADMIN.match(args)
        if found:
            if not desk.is_admin(key, platform_admin):
                return Outcome(desk.show(key, platform_admin))
            person = self._person(speaker, found[2])
            if found[1].lower() == "add" and (person.is_bot or not person.in_workspace):
                raise ChorusError("Admins must be people in this workspace.")
            return Outcome(
                desk.admin(key, platform_admin, found[1].lower(), person.key.user_id, now)
            )
        return Outcome(desk.command(key, platform_admin, args, now))

    def save_settings(self, speaker: Speaker, values: dict[str, str]) -> Reply:
        """The settings form was sent: checked for admin rights again, whatever the payload."""
        try:
            return self.workspace.change(
                speaker.key, speaker.platform_admin(), values, self.coach.clock()
            )
        except ChorusError as error:
            return Reply("invalid", error.message)

    # what other parts of the coach ask

    def decorate(self, key: UserKey, reply: Reply) -> Reply:
        """Under a critique of a campaign participant: re-check it for the campaign."""
        if reply.critique_id is None:
            return reply
        joined = [c for c in Campaigns(self.coach.store).joined_by(key)]
        if not joined:
            return reply
        check = Action(f"Check for “{joined[0].title[:40]}”", f"campaign check {reply.critique_id}")
        return replace(reply, actions=(*reply.actions, check))

    def sweep(self, now: datetime) -> list[Message]:
        """Reminders, expiries and campaign nudges due at `now` (claimed before sending)."""
        ctx = Context(self.coach.store, now, self.coach.default_zone)
        messages = Experts(ctx).sweep(now)
        for member in Campaigns(self.coach.store).due_nudges(now):
            desk = CampaignDesk(ctx, self.settings_for(member.user).companies)
            messages += desk.nudge_member(member, now)
        return messages


def sweep_together(
    together: Together, deliverers: Mapping[str, Deliverer], now: datetime
) -> list[str]:
    """The scheduler's part for issue 13: send what `Together.sweep` found due; the outcome of
    each send (sent, retry is not possible: each was claimed once, so failures are logged)."""
    outcomes: list[str] = []
    for message in together.sweep(now):
        deliverer = deliverers.get(message.to.platform) if message.to else None
        if deliverer is None or message.to is None:
            outcomes.append("unscheduled")
            continue
        try:
            deliverer.to_user(message.to, message.reply)
        except DeliveryError as error:
            log.warning("an expert request or campaign message was not delivered: %s", error.code)
            outcomes.append("gone" if error.outcome == "gone" else "failed")
        else:
            outcomes.append("sent")
    return outcomes
