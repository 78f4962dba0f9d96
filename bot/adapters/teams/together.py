"""Teams for issue 13: ask an expert (a card with Teams' people picker, or a typed @mention),
the expert's card, campaigns in channels, and the admins' settings card.

Teams' people picker is `Input.ChoiceSet` with `choices.data` = Data.Query over
graph.microsoft.com/users: Teams searches the organisation itself and submits the chosen
person's Azure AD object id, which is how Chorus keys Teams users. Chorus can only message
people who have a chat with it (it keeps that chat's conversation reference)."""

from __future__ import annotations

import asyncio
import html
import json
import logging
import re
from typing import Any

from microsoft_agents.activity import Activity, ActivityTypes
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import CardFactory, TurnContext

from bot.adapters.teams.cards import as_activity
from bot.adapters.teams.delivery import TeamsDelivery
from bot.adapters.teams.elements import FORM_KEY, card, literal, text
from bot.coach import Coach, Reply
from bot.coach.delivery import DeliveryError
from bot.coach.people import Form, Outcome, Person
from bot.coach.together import Speaker
from bot.feedback import PLATFORMS
from storage import UserKey

log = logging.getLogger(__name__)

FORMS = frozenset({"ask", "suggest", "campaign_brief", "settings"})  # {FORM_KEY: kind, "ref": id}
AT = re.compile(r"<at>(.*?)</at>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
PEOPLE = {"type": "Data.Query", "dataset": "graph.microsoft.com/users"}


def _submit(title: str, kind: str, ref: int = 0) -> dict[str, Any]:
    return {"type": "Action.Submit", "title": title, "data": {FORM_KEY: kind, "ref": str(ref)}}


def _form_kind(value: Any) -> str | None:
    """Which of these forms an action's data submits, if any (the goal form is elements')."""
    kind = value.get(FORM_KEY) if isinstance(value, dict) else None
    return kind if kind in FORMS else None


def _text_input(input_id: str, label: str, value: str = "", multiline: bool = False) -> dict:
    return {
        "type": "Input.Text",
        "id": input_id,
        "label": label,
        "value": value,
        "isMultiline": multiline,
        "maxLength": 2000,
    }


def form_card(form: Form) -> dict[str, Any]:
    """A coach Form as an Adaptive Card (1.5, plus Teams' people picker on the ask form)."""
    if form.kind == "ask":
        picker = {
            "type": "Input.ChoiceSet",
            "id": "expert",
            "label": "Who should check it?",
            "choices": [],
            "choices.data": PEOPLE,  # Teams' people picker (a Teams extension of 1.5)
            "isRequired": True,
            "errorMessage": "Pick a colleague.",
        }
        return card(
            [
                text("**Ask an expert**"),
                picker,
                _text_input("question", "Your question (optional)"),
                text("Only you and the person you choose will see this draft.", isSubtle=True),
            ],
            [_submit("Ask", "ask", form.ref)],
        )
    if form.kind == "suggest":
        return card(
            [_text_input("comment", "Your comment or a better sentence", multiline=True)],
            [_submit("Send", "suggest", form.ref)],
        )
    if form.kind == "campaign_brief":
        return card(
            [
                text(f"**Brief for {literal(form.values.get('title', 'the campaign'))}**"),
                text("Only the person who started the campaign can send it.", isSubtle=True),
                _text_input("facts", "The key facts", multiline=True),
                _text_input("link", "A link"),
                _text_input("audience", "Who it is for"),
            ],
            [_submit("Announce", "campaign_brief", form.ref)],
        )
    platforms = [{"title": p.label, "value": name} for name, p in PLATFORMS.items()]
    return card(
        [
            text("**Workspace settings** (admins only)"),
            _text_input("companies", "Companies that need disclosure", form.values["companies"]),
            _text_input("policy_terms", "Policy terms", form.values["policy_terms"]),
            {
                "type": "Input.ChoiceSet",
                "id": "default_platform",
                "label": "Default platform",
                "choices": platforms,
                "value": form.values["default_platform"],
            },
        ],
        [_submit("Save", "settings")],
    )


def _activity(content: dict[str, Any], summary: str) -> Activity:
    """One bubble: the card alone, its summary for notifications (no duplicate text)."""
    return Activity(
        type=ActivityTypes.message,
        summary=summary,
        attachments=[CardFactory.adaptive_card(content)],
    )


class TeamsTogether:
    """The issue 13 hooks TeamsCoach calls first."""

    def __init__(self, coach: Coach, adapter: CloudAdapter, app_id: str) -> None:
        self.coach = coach
        self.adapter = adapter
        self.app_id = app_id

    # who is who

    def person(self, key: UserKey, name: str = "") -> Person:
        """A Teams user: reachable when Chorus has their chat; inactive when a send said gone."""
        reference = self.coach.conversation("teams", key.team_id, "user", key.user_id)
        if reference and not name:
            user = json.loads(reference).get("user") or {}
            name = user.get("name") or ""
        tz, gone = self.coach.together.standing(key)
        return Person(key, name=name, tz=tz, deleted=gone, reachable=bool(reference))

    def speaker(self, context: TurnContext, key: UserKey, channel: str | None) -> Speaker:
        """Who speaks; colleagues are found by Azure AD object id or a typed @mention."""
        activity = context.activity
        mentions = {
            _token(AT.sub(r"\1", m.get("text", ""))): m.get("mentioned") or {}
            for m in (e.model_dump(by_alias=True) for e in activity.entities or [])
            if m.get("type") == "mention"
        }
        bot_id = activity.recipient.id if activity.recipient else ""

        def resolve(token: str) -> Person | None:
            found = mentions.get(token)
            if found is not None:
                account = str(found.get("id") or "")
                if account == bot_id or account.startswith("28:"):
                    return Person(
                        UserKey("teams", key.team_id, account), found.get("name", ""), is_bot=True
                    )
                aad = found.get("aadObjectId") or self._aad_of(key.team_id, account)
                if aad is None:
                    return Person(
                        UserKey("teams", key.team_id, account),
                        found.get("name", ""),
                        reachable=False,
                    )
                return self.person(UserKey("teams", key.team_id, aad), found.get("name", ""))
            aad = token.lstrip("@")
            if not aad:
                return None
            return self.person(UserKey("teams", key.team_id, aad))

        name = activity.from_property.name if activity.from_property else ""
        return Speaker(self.person(key, name or ""), channel, resolve)

    def _aad_of(self, tenant: str, account: str) -> str | None:
        """The Azure AD object id of a Teams account id (29:...), from the stored chats."""
        for owner, reference in self.coach.together.user_chats("teams", tenant):
            if (json.loads(reference).get("user") or {}).get("id") == account:
                return owner
        return None

    # entry points from TeamsCoach

    def handles(self, context: TurnContext, value: Any) -> bool:
        """True for Chorus's forms and the issue 13 commands (typed mentions as tokens)."""
        if _form_kind(value) is not None:
            return True
        if isinstance(value, dict) and "chorus" in value:
            return self.coach.together.is_command(str(value["chorus"]))
        return self.coach.together.is_command(
            self._with_mentions(context, context.activity.text or "")
        )

    async def on_turn(
        self, context: TurnContext, key: UserKey, text: str, channel: str | None, value: Any
    ) -> None:
        """Run a command, a button or a form (`value`, from Action.Submit or Action.Execute) and
        answer: here, and to whoever else it concerns."""
        speaker = self.speaker(context, key, channel)
        if _form_kind(value) is not None:
            outcome = await asyncio.to_thread(self._form, speaker, value)
        else:
            command = (
                str(value["chorus"]) if isinstance(value, dict) and "chorus" in value else text
            )
            command = self._with_mentions(context, command)
            outcome = await asyncio.to_thread(self.coach.together.handle, speaker, command)
        assert outcome is not None
        if outcome.form is not None:
            await context.send_activity(_activity(form_card(outcome.form), outcome.reply.text))
        elif channel is not None and outcome.reply.kind != "invalid" and self._private(outcome):
            await self._to_user_or_here(context, key, outcome.reply)
        else:
            await context.send_activity(as_activity(outcome.reply))
        await self._deliver(context, outcome)

    def _private(self, outcome: Outcome) -> bool:
        """A join confirmation: the joiner's own business, not the channel's."""
        return outcome.reply.text.startswith(("You're in", "You're already in"))

    def _with_mentions(self, context: TurnContext, command: str) -> str:
        """Typed @mentions as '@Name' tokens the resolver knows (the bot's own is dropped)."""
        bot = context.activity.recipient.name if context.activity.recipient else "Chorus"
        named = AT.sub(lambda m: "" if m[1] == bot else _token(m[1]), command)
        return html.unescape(TAG.sub("", named)).strip()

    def _form(self, speaker: Speaker, value: dict[str, Any]) -> Outcome:
        kind, ref = str(value.get(FORM_KEY)), str(value.get("ref") or "0")
        ref_id = int(ref) if ref.isdigit() else 0
        together = self.coach.together
        if kind == "ask":
            expert = speaker.resolve(str(value.get("expert") or "")) if speaker.resolve else None
            if expert is None:
                return Outcome(Reply("invalid", "Pick a colleague from your organisation."))
            return together.ask(speaker, expert, str(value.get("question") or ""), ref_id)
        if kind == "suggest":
            comment = str(value.get("comment") or "").strip()
            if not comment:
                return Outcome(Reply("invalid", "Write what you'd change, then send it."))
            outcome = together.handle(speaker, f"expert {ref_id} suggest {comment}")
            assert outcome is not None
            return outcome
        if kind == "campaign_brief":
            return together.brief(
                speaker,
                ref_id,
                str(value.get("facts") or ""),
                str(value.get("link") or ""),
                str(value.get("audience") or ""),
            )
        if kind == "settings":
            fields = ("companies", "policy_terms", "default_platform")
            values = {f: str(value[f]) for f in fields if f in value}
            return Outcome(together.save_settings(speaker, values))
        return Outcome(Reply("invalid", "That form isn't one of mine."))

    # delivery

    async def _to_user_or_here(self, context: TurnContext, key: UserKey, reply: Reply) -> None:
        try:
            await asyncio.to_thread(self._delivery().to_user, key, reply)
        except DeliveryError:
            await context.send_activity(
                "Start a personal chat with me first, so I can write to you privately."
            )

    def _delivery(self) -> TeamsDelivery:
        loop = asyncio.get_running_loop()
        return TeamsDelivery(self.adapter, self.app_id, self.coach, lambda: loop)

    async def _deliver(self, context: TurnContext, outcome: Outcome) -> None:
        delivery = self._delivery()
        here = context.activity.conversation.id if context.activity.conversation else None
        for message in outcome.messages:
            try:
                if message.to is not None:
                    await asyncio.to_thread(delivery.to_user, message.to, message.reply)
                elif message.channel == here:
                    await context.send_activity(as_activity(message.reply))
                elif message.channel is not None:
                    tenant = _tenant(context)
                    await asyncio.to_thread(
                        delivery.to_channel, tenant, message.channel, message.reply
                    )
            except DeliveryError as error:
                log.warning("a message for someone else was not delivered: %s", error.code)


def _token(name: str) -> str:
    """A typed mention as one word: '@Bo_Smith'."""
    return "@" + "_".join(name.split())


def _tenant(context: TurnContext) -> str:
    conversation = context.activity.conversation
    return (conversation.tenant_id if conversation else None) or ""
