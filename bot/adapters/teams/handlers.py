"""Agents SDK handlers: turn Teams activities into coach calls and reply with cards."""

from __future__ import annotations

import asyncio
import html
import logging
import re
from typing import TYPE_CHECKING, Any

from microsoft_agents.activity import (
    Activity,
    ActivityTypes,
    AdaptiveCardInvokeResponse,
    Attachment,
)
from microsoft_agents.hosting.core import AgentApplication, TurnContext, TurnState

from bot.adapters.teams.cards import COMMAND_KEY, reply_card
from bot.coach import Coach, Reply, classify

if TYPE_CHECKING:
    from bot.adapters.teams.together import TeamsTogether
from storage import UserKey

log = logging.getLogger(__name__)

CARD = "application/vnd.microsoft.card.adaptive"
MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
PUBLIC_COMMANDS = ("help", "draft")
PRIVATE_DRAFT = (
    "I only give feedback on drafts in private, so nobody else sees your work in progress. "
    "Send it to me in a personal chat and I'll take a look."
)
PRIVATE_COMMAND = "That's personal, so let's keep it between us: send it to me in a personal chat."


def user_key(activity: Activity) -> UserKey:
    """The tenant-scoped key for the Teams user who sent the activity."""
    tenant = (activity.conversation.tenant_id if activity.conversation else None) or ""
    sender = activity.from_property
    user = (sender.aad_object_id or sender.id) if sender else ""
    return UserKey("teams", tenant, user or "")


def plain_text(text: str | None) -> str:
    """Teams text without @mention markup or HTML, as the writer typed it."""
    without = TAG.sub("", MENTION.sub(" ", text or ""))
    return html.unescape(without).strip()


def as_activity(reply: Reply) -> Activity:
    """A reply as a message: an Adaptive Card when it has a critique or buttons."""
    if reply.critique is None and not reply.actions and reply.image is None:
        return Activity(type=ActivityTypes.message, text=reply.text)
    return Activity(
        type=ActivityTypes.message,
        text=reply.text,
        attachments=[Attachment(content_type=CARD, content=reply_card(reply))],
    )


class TeamsCoach:
    """The Teams handlers, sharing one coach."""

    def __init__(self, coach: Coach, together: TeamsTogether | None = None) -> None:
        self.coach = coach
        self.together = together  # ask an expert, campaigns, settings (issue 13)

    def register(self, app: AgentApplication[TurnState]) -> None:
        """Attach every handler to the agent application."""
        app.activity(ActivityTypes.message)(self.on_message)
        app.conversation_update("membersAdded")(self.on_members_added)
        app.adaptive_card.action_execute(re.compile(".*"))(self.on_card_action)
        app.error(self.on_error)

    async def _learn(self, context: TurnContext) -> UserKey:
        """The sender's key; also their time zone and how to reach this chat later."""
        activity = context.activity
        key = user_key(activity)
        if activity.local_timezone:
            await asyncio.to_thread(self.coach.remember_tz, key, activity.local_timezone)
        reference = activity.get_conversation_reference().model_dump_json(
            by_alias=True, exclude_none=True
        )
        personal = (activity.conversation.conversation_type or "personal") == "personal"
        kind, owner = ("user", key.user_id) if personal else ("channel", activity.conversation.id)
        await asyncio.to_thread(self.coach.remember_conversation, key, kind, owner, reference)
        return key

    async def on_message(self, context: TurnContext, state: TurnState) -> None:
        """A message, or an Action.Submit from one of our cards."""
        key = await self._learn(context)
        await context.send_activity(Activity(type=ActivityTypes.typing))
        value = context.activity.value
        text = plain_text(context.activity.text)
        conversation = context.activity.conversation
        personal = (conversation.conversation_type or "personal") == "personal"
        if self.together is not None and self.together.handles(context, value):
            raw = context.activity.text or ""  # with its <at> mentions: the resolver needs them
            await self.together.on_turn(context, key, raw, None if personal else conversation.id)
            return
        if isinstance(value, dict) and COMMAND_KEY in value:
            reply = await asyncio.to_thread(self.coach.command, key, str(value[COMMAND_KEY]))
            await context.send_activity(as_activity(reply))
            return
        channel = (
            None
            if (conversation.conversation_type or "personal") == "personal"
            else (conversation.id)
        )
        reply = await asyncio.to_thread(self._reply, key, text, channel)
        sent = await context.send_activity(as_activity(reply))
        if reply.critique is not None and self.coach.editor_enabled and sent is not None:
            enriched = await asyncio.to_thread(self.coach.enrich, key, reply, text)
            if enriched is not reply:
                update = as_activity(enriched)
                update.id = sent.id
                await context.update_activity(update)

    def _reply(self, key: UserKey, text: str, channel: str | None) -> Reply:
        if channel is None:
            return self.coach.handle(key, text)
        intent = classify(text) if text else None
        if intent is not None and intent.kind == "command" and intent.command == "tips":
            return self.coach.command(key, text, channel=channel)
        if intent is None or (intent.kind == "command" and intent.command in PUBLIC_COMMANDS):
            return self.coach.handle(key, "help")
        if intent.kind == "question":
            return self.coach.handle(key, text)
        return Reply("command", PRIVATE_DRAFT if intent.kind == "draft" else PRIVATE_COMMAND)

    async def on_members_added(self, context: TurnContext, state: TurnState) -> None:
        """Chorus was added: say who it is, three things to try, and how to stop nudges."""
        bot = context.activity.recipient.id if context.activity.recipient else None
        added = [m.id for m in context.activity.members_added or []]
        if bot not in added:
            return
        key = await self._learn(context)
        welcome = await asyncio.to_thread(self.coach.welcome, key)
        if welcome is not None:
            await context.send_activity(as_activity(welcome))

    async def on_card_action(
        self, context: TurnContext, state: TurnState, data: Any
    ) -> AdaptiveCardInvokeResponse:
        """An Action.Execute from a card: run its command and answer with a card."""
        key = await self._learn(context)
        command = str((data or {}).get(COMMAND_KEY) or "help") if isinstance(data, dict) else "help"
        reply = await asyncio.to_thread(self.coach.command, key, command)
        return AdaptiveCardInvokeResponse(status_code=200, type=CARD, value=reply_card(reply))

    async def on_error(self, context: TurnContext, error: Exception) -> None:
        """Log with the traceback; the user gets the fixed apology, never exception text."""
        from bot.errors import APOLOGY

        log.error("teams turn failed", exc_info=error)
        await context.send_activity(APOLOGY)
