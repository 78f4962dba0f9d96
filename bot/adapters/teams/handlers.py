"""Agents SDK handlers: turn Teams activities into coach calls and reply with cards."""

from __future__ import annotations

import asyncio
import html
import logging
import re
from typing import TYPE_CHECKING, Any

from microsoft_agents.activity import Activity, ActivityTypes, AdaptiveCardInvokeResponse
from microsoft_agents.hosting.core import AgentApplication, TurnContext, TurnState
from microsoft_agents.hosting.core.app.adaptive_card import factory as invoke_response

from bot.adapters.teams.cards import as_activity
from bot.adapters.teams.elements import command_from
from bot.coach import Coach, Reply, classify
from storage import UserKey

if TYPE_CHECKING:
    from bot.adapters.teams.together import TeamsTogether

log = logging.getLogger(__name__)

__all__ = ["TeamsCoach", "as_activity", "plain_text", "user_key"]

TAG = re.compile(r"<[^>]+>")
PUBLIC_COMMANDS = ("help", "draft")
ANSWERED = "Answered below."  # the pressed card's status line; the reply is a message of its own
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
    """Teams text without HTML, as the writer typed it (other people's @names stay, as names)."""
    return html.unescape(TAG.sub("", text or "")).strip()


def personal(activity: Activity) -> bool:
    """True in a one-to-one chat with Chorus (not a channel or a group chat)."""
    conversation = activity.conversation
    return conversation is None or (conversation.conversation_type or "personal") == "personal"


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
        kind, owner = (
            ("user", key.user_id) if personal(activity) else ("channel", activity.conversation.id)
        )
        await asyncio.to_thread(self.coach.remember_conversation, key, kind, owner, reference)
        return key

    async def on_message(self, context: TurnContext, state: TurnState) -> None:
        """A message, or an Action.Submit from one of our cards."""
        key = await self._learn(context)
        activity = context.activity
        if personal(activity):  # a channel thread's id would make Teams refuse the indicator
            await context.send_activity(Activity(type=ActivityTypes.typing))
        channel = None if personal(activity) else activity.conversation.id
        if self.together is not None and self.together.handles(context, activity.value):
            raw = activity.text or ""  # with its <at> mentions: the resolver needs them
            await self.together.on_turn(context, key, raw, channel, activity.value)
            return
        command = command_from(activity.value)
        if command is not None:
            reply = await asyncio.to_thread(self._command, key, command, channel)
            await context.send_activity(as_activity(reply))
            return
        text = plain_text(TurnContext.remove_recipient_mention(activity))
        reply = await asyncio.to_thread(self._reply, key, text, channel)
        sent = await context.send_activity(as_activity(reply))
        if reply.critique is not None and self.coach.editor_enabled and sent is not None:
            enriched = await asyncio.to_thread(self.coach.enrich, key, reply, text)
            if enriched is not reply:
                update = as_activity(enriched)
                update.id = sent.id
                await context.update_activity(update)

    def _command(self, key: UserKey, command: str, channel: str | None) -> Reply:
        """A card button's command; in a channel only what may be said in public."""
        if channel is None:
            return self.coach.command(key, command)
        return self._reply(key, command, channel)

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
        if personal(context.activity):
            welcome = await asyncio.to_thread(self.coach.welcome, key)
        else:
            welcome = self.coach.channel_welcome()
        if welcome is not None:
            await context.send_activity(as_activity(welcome))

    async def on_card_action(
        self, context: TurnContext, state: TurnState, data: Any
    ) -> AdaptiveCardInvokeResponse:
        """An Action.Execute from a card: the reply comes as a new message, as for Action.Submit,
        and the card that was pressed stays as it was."""
        key = await self._learn(context)
        channel = None if personal(context.activity) else context.activity.conversation.id
        if self.together is not None and self.together.handles(context, data):
            await self.together.on_turn(context, key, "", channel, data)
            return invoke_response.message(ANSWERED)
        reply = await asyncio.to_thread(self._command, key, command_from(data) or "help", channel)
        await context.send_activity(as_activity(reply))
        return invoke_response.message(ANSWERED)

    async def on_error(self, context: TurnContext, error: Exception) -> None:
        """Log with the traceback; the user gets the fixed apology, never exception text."""
        from bot.errors import APOLOGY

        log.error("teams turn failed", exc_info=error)
        await context.send_activity(APOLOGY)
