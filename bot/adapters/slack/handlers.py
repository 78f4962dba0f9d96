"""Bolt listeners: turn Slack payloads into coach calls and render the Replies."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from slack_bolt import Ack, App, BoltContext, BoltRequest, BoltResponse, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.adapters.slack import blocks
from bot.adapters.slack.delivery import post
from bot.adapters.slack.directory import Directory
from bot.adapters.slack.forms import replay_key, typed, user_key
from bot.adapters.slack.markup import plain_text, without_mention
from bot.adapters.slack.status import Working
from bot.adapters.slack.streaming import stream_answer
from bot.adapters.slack.together import SlackTogether
from bot.coach import Coach, Reply, classify
from bot.coach.router import command_name
from storage import UserKey

log = logging.getLogger(__name__)

PERSON_SUBTYPES = (None, "file_share", "thread_broadcast")
PUBLIC_COMMANDS = ("help", "draft")
PRIVATE_DRAFT = (
    "I only give feedback on drafts in private, so nobody else sees your work in progress. "
    "Send it to me in a direct message and I'll take a look."
)
PRIVATE_COMMAND = "That's personal, so let's keep it between us: send it to me in a direct message."
SLASH_HELP = (
    "\n• `/chorus review <draft>` critiques privately; `/chorus tips here weekly mon 10:00` "
    "schedules tips in this channel (`/chorus tips off` stops them)."
)
NOT_A_MEMBER = "Invite me to this channel first (`/invite @Chorus`), then schedule tips again."
# Critiques, tips searches and charts are CPU work under one GIL: more of them at once only
# slows every acknowledgement (and holds more memory); the listener threads' other work is
# waiting on Slack or the model, which needs no slot.
COACH_SLOTS = 2
SUGGESTED_PROMPTS = (
    {"title": "Critique my LinkedIn draft", "message": "draft"},
    {"title": "How do I grow my followers?", "message": "How do I grow my followers?"},
    {"title": "Set a weekly goal", "message": "goal"},
)


@dataclass(frozen=True)
class SlackCoach:
    """The listeners, sharing one coach and one directory."""

    coach: Coach
    directory: Directory
    busy: threading.BoundedSemaphore = field(
        default_factory=lambda: threading.BoundedSemaphore(COACH_SLOTS), compare=False
    )

    @cached_property
    def together(self) -> SlackTogether:
        """Ask an expert, campaigns and settings (issue 13), tried before everything else."""
        return SlackTogether(self.coach, self.directory)

    def register(self, app: App) -> None:
        """Attach every listener to the Bolt app."""
        app.middleware(self.drop_repeats)
        app.event("message")(self.on_message)
        app.event("app_mention")(self.on_mention)
        app.event("app_home_opened")(self.on_home_opened)
        app.event("assistant_thread_started")(self.on_assistant_thread)
        app.event("user_change")(self.on_user_change)
        app.command("/chorus")(self.on_slash)
        app.shortcut("chorus_feedback")(self.on_shortcut)
        app.action(re.compile(r"^chorus:"))(self.on_action)
        app.view("chorus_goal")(self.on_goal_submitted)
        app.view("chorus_nudges")(self.on_nudges_submitted)
        self.together.register(app)
        app.error(self.on_error)

    # Retries and errors

    def drop_repeats(
        self,
        req: BoltRequest,
        body: dict[str, Any],
        context: BoltContext,
        next: Callable[[], None],
    ) -> BoltResponse | None:
        """Acknowledge a request already handled (Slack's retry, or a replay) without handling
        it again."""
        key = replay_key(req, body, context.team_id or context.enterprise_id or "")
        if key is not None and not self.coach.first_sighting(*key):
            return BoltResponse(status=200, body="")
        next()
        return None

    def on_error(self, error: Exception, body: dict[str, Any]) -> None:
        """Log what went wrong with its traceback; never the message text."""
        log.error("slack listener failed on a %s", body.get("type"), exc_info=error)

    # Events

    def on_message(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        """A person writing to Chorus in its DM: a draft, a question or a command."""
        if event.get("channel_type") != "im" or not self._from_a_person(event, context):
            return
        key = user_key(context, event["user"])
        self.directory.learn_tz(client, key)
        if self.together.on_dm(client, key, event["channel"], event.get("text") or ""):
            return
        text = plain_text(event.get("text") or "")
        kind = classify(text).kind if text.strip() else "message"
        working = Working.start(
            client,
            self.directory,
            (key.team_id, event["channel"], event["ts"], event.get("thread_ts")),
            "is reading your draft…" if kind == "draft" else "is thinking…",
        )
        if kind == "question" and self.coach.editor_enabled:
            stream_answer(
                client, self.coach, key, (event["channel"], working.thread_ts or event["ts"]), text
            )
            return
        with self.busy:
            reply = self.coach.handle(key, text)
            message = blocks.message(reply)
        posted = working.finish(message)
        if reply.critique is not None and self.coach.editor_enabled:
            enriched = self.coach.enrich(key, reply, text)
            if enriched is not reply:
                client.chat_update(channel=event["channel"], ts=posted, **blocks.message(enriched))
        if reply.image is not None:
            post(
                client,
                event["channel"],
                replace(reply, text=reply.image.title, actions=()),
                working.thread_ts,
            )
        if reply.critique is not None:
            self.publish_home(client, key)

    def _from_a_person(self, event: dict[str, Any], context: BoltContext) -> bool:
        return (
            event.get("subtype") in PERSON_SUBTYPES
            and not event.get("bot_id")
            and bool(event.get("user"))
            and event.get("user") != context.bot_user_id
        )

    def on_mention(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        """@Chorus in a channel: answer questions in the thread, never critique in public."""
        if not self._from_a_person(event, context):
            return
        key = user_key(context, event["user"])
        text = plain_text(without_mention(event.get("text") or "", context.bot_user_id))
        intent = classify(text) if text.strip() else None
        if intent is None or (intent.kind == "command" and intent.command in PUBLIC_COMMANDS):
            reply = self.coach.handle(key, "help")
        elif intent.kind == "question":
            with self.busy:
                reply = self.coach.handle(key, text)
        else:
            reply = Reply("command", PRIVATE_DRAFT if intent.kind == "draft" else PRIVATE_COMMAND)
        client.chat_postMessage(
            channel=event["channel"],
            thread_ts=event.get("thread_ts") or event["ts"],
            **blocks.message(reply),
        )

    def on_home_opened(
        self, event: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        """Home tab: publish the dashboard. Messages tab: a first welcome, once."""
        key = user_key(context, event["user"])
        self.directory.learn_tz(client, key)
        if event.get("tab") == "messages":
            welcome = self.coach.welcome(key)
            if welcome is not None:
                channel = event.get("channel") or self.directory.dm_channel(client, key)
                client.chat_postMessage(channel=channel, **blocks.message(welcome))
            return
        self.publish_home(client, key)

    def on_assistant_thread(self, event: dict[str, Any], client: WebClient) -> None:
        """The agent pane opened: offer three prompts to start with."""
        thread = event.get("assistant_thread") or {}
        client.assistant_threads_setSuggestedPrompts(
            channel_id=thread.get("channel_id"),
            thread_ts=thread.get("thread_ts"),
            prompts=list(SUGGESTED_PROMPTS),
        )

    def on_user_change(self, event: dict[str, Any], context: BoltContext) -> None:
        """A profile changed: refresh a known user's time zone; a deleted user gets no more."""
        profile = event.get("user") or {}
        if not profile.get("id"):
            return
        key = user_key(context, profile["id"])
        if profile.get("deleted"):
            self.coach.user_gone(key)
        elif profile.get("tz"):
            self.coach.update_tz(key, profile["tz"])

    def publish_home(self, client: WebClient, key: UserKey) -> None:
        """Refresh the user's App Home dashboard."""
        with self.busy:
            dashboard = self.coach.dashboard(key)
        client.views_publish(user_id=key.user_id, view=self.together.home(client, key, dashboard))

    # Slash command and shortcut

    def on_slash(
        self,
        ack: Ack,
        command: dict[str, Any],
        context: BoltContext,
        client: WebClient,
        respond: Respond,
    ) -> None:
        """/chorus SUBCOMMAND: always answered privately (ephemeral)."""
        ack()
        key = user_key(context, command["user_id"])
        self.directory.learn_tz(client, key)
        if self.together.on_slash(client, key, command, respond):
            return
        text = plain_text(command.get("text") or "").strip() or "help"
        if command_name(text) == "tips" and text.split()[1:] and not self._member(client, command):
            reply = Reply("invalid", NOT_A_MEMBER)
        else:
            with self.busy:
                reply = self.coach.command(key, text, channel=command.get("channel_id"))
        if command_name(text) == "help":
            reply = Reply(reply.kind, reply.text + SLASH_HELP, actions=reply.actions)
        if reply.image is not None:  # files can't go in an ephemeral reply: the DM gets them
            post(client, self.directory.dm_channel(client, key), reply)
            reply = Reply("command", "I sent your chart to our direct messages.")
        respond(**blocks.message(reply), response_type="ephemeral")
        if reply.critique is not None or command_name(text) in ("goal", "checkin", "nudges"):
            self.publish_home(client, key)

    def _member(self, client: WebClient, command: dict[str, Any]) -> bool:
        try:
            info = client.conversations_info(channel=command["channel_id"])["channel"]
        except SlackApiError:
            return False
        return bool(info.get("is_member")) and not info.get("is_im")

    def on_shortcut(
        self, ack: Ack, shortcut: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        """'Get Chorus feedback' on a message: the critique arrives privately, in the DM."""
        ack()
        key = user_key(context, shortcut["user"]["id"])
        self.directory.learn_tz(client, key)
        text = plain_text((shortcut.get("message") or {}).get("text") or "")
        with self.busy:
            reply = self.coach.review_draft(key, text)
        channel = self.directory.dm_channel(client, key)
        post(client, channel, reply)
        if reply.critique is not None:
            self.publish_home(client, key)

    # Buttons and forms

    def on_action(
        self,
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        context: BoltContext,
        client: WebClient,
        respond: Respond,
    ) -> None:
        """Every Chorus button: open a form, show a critique in full, or run its command."""
        ack()
        key = user_key(context, body["user"]["id"])
        action_id = action["action_id"]
        if action_id.startswith("chorus:open:"):
            form = action_id.removeprefix("chorus:open:")
            view = blocks.goal_modal() if form == "goal" else self._nudges_form(key)
            client.views_open(trigger_id=body["trigger_id"], view=view)
            return
        if action_id == "chorus:expand":
            with self.busy:
                reply = self.coach.critique_again(key, int(action.get("value") or 0))
            self._answer_action(body, client, respond, key, reply, in_place=True)
            return
        if self.together.on_action(client, key, body, action.get("value") or "", respond):
            self.publish_home(client, key)
            return
        with self.busy:
            reply = self.coach.command(key, action.get("value") or "help")
        self._answer_action(body, client, respond, key, reply)
        self.publish_home(client, key)

    def _nudges_form(self, key: UserKey) -> dict[str, Any]:
        nudges = self.coach.dashboard(key).nudges
        return blocks.nudges_modal(nudges.time, nudges.days)

    def _answer_action(
        self,
        body: dict[str, Any],
        client: WebClient,
        respond: Respond,
        key: UserKey,
        reply: Reply,
        in_place: bool = False,
    ) -> None:
        """Answer where the button was: its ephemeral message, its channel, or the DM."""
        container = body.get("container") or {}
        on_message = container.get("type") == "message"
        if on_message and container.get("is_ephemeral") and reply.image is None:
            respond(
                **blocks.message(reply, in_place),
                replace_original=in_place,
                response_type="ephemeral",
            )
        elif on_message and in_place and reply.critique is not None:
            client.chat_update(
                channel=container["channel_id"],
                ts=container["message_ts"],
                **blocks.message(reply, expanded=True),
            )
        elif on_message and not container.get("is_ephemeral"):
            post(client, container["channel_id"], reply, container.get("thread_ts"))
        else:
            post(client, self.directory.dm_channel(client, key), reply)

    def on_goal_submitted(
        self,
        ack: Ack,
        body: dict[str, Any],
        view: dict[str, Any],
        context: BoltContext,
        client: WebClient,
    ) -> None:
        """The goal form: set the goal, or show what's wrong next to the field."""
        key = user_key(context, body["user"]["id"])
        text = typed(view["state"]["values"], "goal")
        reply = self.coach.command(key, f"goal {text}")
        if reply.kind == "invalid":
            ack(response_action="errors", errors={"goal": reply.text[:300]})
            return
        ack()
        self._tell(client, key, reply)

    def on_nudges_submitted(
        self,
        ack: Ack,
        body: dict[str, Any],
        view: dict[str, Any],
        context: BoltContext,
        client: WebClient,
    ) -> None:
        """The nudge form: time and days."""
        key = user_key(context, body["user"]["id"])
        values = view["state"]["values"]
        time = values["time"]["time"].get("selected_time") or "09:30"
        days = [o["value"] for o in values["days"]["days"].get("selected_options") or []]
        if not days:
            ack(response_action="errors", errors={"days": "Pick at least one day."})
            return
        ack()
        self.coach.command(key, f"nudges at {time}")
        self._tell(client, key, self.coach.command(key, f"nudges days {','.join(days)}"))

    def _tell(self, client: WebClient, key: UserKey, reply: Reply) -> None:
        post(client, self.directory.dm_channel(client, key), reply)
        self.publish_home(client, key)
