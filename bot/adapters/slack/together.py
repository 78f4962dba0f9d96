"""Slack listeners for issue 13: ask an expert (users_select modal, the expert's DM and its
buttons), campaigns (brief modal, Join button) and the admins' Settings (App Home, modal).

Drafts only ever go to the writer's DM and the chosen expert's DM; every settings action is
checked against Slack's users.info (admins and owners) or Chorus's admin list when it runs."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.adapters.slack import blocks, kit
from bot.adapters.slack.directory import Directory
from bot.adapters.slack.forms import chosen, ref, typed, user_key
from bot.adapters.slack.markup import USER, clip, escape, plain_text
from bot.adapters.slack.together_views import form_view, plain_label, quoted_blocks
from bot.coach import Coach, Dashboard, Reply
from bot.coach.people import Outcome, Person
from bot.coach.together import Speaker, command_words
from storage import UserKey

log = logging.getLogger(__name__)

SLACK_ID = re.compile(r"^[UW][A-Z0-9]+$")
NOT_A_MEMBER = "Invite me to this channel first (`/invite @Chorus`), then start the campaign."


@dataclass(frozen=True)
class SlackTogether:
    """The issue 13 hooks SlackCoach calls first, and the modals' listeners."""

    coach: Coach
    directory: Directory

    def register(self, app: App) -> None:
        """Attach the modal listeners."""
        app.view("together_ask")(self.on_ask_submitted)
        app.view("together_suggest")(self.on_suggest_submitted)
        app.view("together_campaign")(self.on_brief_submitted)
        app.view("together_settings")(self.on_settings_submitted)

    # who is who

    def person(self, client: WebClient, key: UserKey, fresh: bool = False) -> Person:
        """A Slack user as the coach needs them (users.info)."""
        profile = self.directory.profile(client, key, fresh)
        if profile is None:
            return Person(key, in_workspace=False)
        name = (
            (profile.get("profile") or {}).get("display_name")
            or profile.get("real_name")
            or profile.get("name")
            or ""
        )
        team = profile.get("team_id")
        return Person(
            key,
            name=name,
            tz=profile.get("tz"),
            is_bot=bool(profile.get("is_bot") or profile.get("is_app_user"))
            or key.user_id == "USLACKBOT",
            deleted=bool(profile.get("deleted")),
            in_workspace=not profile.get("is_stranger") and (team is None or team == key.team_id),
        )

    def speaker(self, client: WebClient, key: UserKey, channel: str | None = None) -> Speaker:
        """Who speaks, with Slack's way to look colleagues up and to ask whether they're admins."""

        def resolve(token: str) -> Person | None:
            user_id = token.strip("<>").lstrip("@").split("|")[0]
            if not SLACK_ID.match(user_id):
                return None
            return self.person(client, UserKey("slack", key.team_id, user_id), fresh=True)

        def platform_admin() -> bool:
            profile = self.directory.profile(client, key, fresh=True) or {}
            return any(profile.get(f) for f in ("is_admin", "is_owner", "is_primary_owner"))

        return Speaker(self.person(client, key), channel, resolve, platform_admin)

    def handles(self, text: str) -> bool:
        """True for the issue 13 command words."""
        return self.coach.together.is_command(plain_text(text))

    def _run(
        self, client: WebClient, key: UserKey, raw: str, channel: str | None
    ) -> tuple[Outcome, Speaker]:
        text = plain_text(USER.sub(lambda m: "@" + m[1], raw))  # keep ids, not display names
        speaker = self.speaker(client, key, channel)
        outcome = self.coach.together.handle(speaker, text)
        assert outcome is not None
        return outcome, speaker

    # entry points from SlackCoach

    def on_dm(self, client: WebClient, key: UserKey, channel: str, raw: str) -> bool:
        """A DM with one of these commands; False for anything else."""
        if not self.handles(raw):
            return False
        outcome, _ = self._run(client, key, raw, None)
        reply = outcome.reply
        if outcome.form is not None and outcome.form.kind != "suggest":
            reply = Reply("command", "Use the button under a critique for that form.")
        self._post(client, channel, reply)
        self.deliver(client, key, outcome)
        return True

    def on_slash(
        self, client: WebClient, key: UserKey, command: dict[str, Any], respond: Respond
    ) -> bool:
        """/chorus with one of these commands, answered privately; False for anything else."""
        raw = command.get("text") or ""
        if not self.handles(raw):
            return False
        channel = command.get("channel_id")
        words = command_words(plain_text(raw))
        if (
            words[0] == "campaign"
            and words[1].lower().startswith("start")
            and not self._member(client, channel)
        ):
            respond(**blocks.message(Reply("invalid", NOT_A_MEMBER)), response_type="ephemeral")
            return True
        outcome, _ = self._run(client, key, raw, channel)
        if outcome.form is not None:
            client.views_open(trigger_id=command["trigger_id"], view=form_view(outcome.form))
        respond(**blocks.message(outcome.reply), response_type="ephemeral")
        self.deliver(client, key, outcome)
        return True

    def on_action(
        self, client: WebClient, key: UserKey, body: dict[str, Any], value: str, respond: Respond
    ) -> bool:
        """A button carrying one of these commands; False for anything else."""
        if not self.handles(value):
            return False
        container = body.get("container") or {}
        channel = container.get("channel_id") if container.get("type") == "message" else None
        in_dm = bool(channel and channel.startswith("D"))
        outcome, _ = self._run(client, key, value, None if in_dm else channel)
        if outcome.form is not None:
            client.views_open(trigger_id=body["trigger_id"], view=form_view(outcome.form))
        elif channel and not in_dm:  # a Join in a channel: answered to the joiner only
            respond(
                **blocks.message(outcome.reply), response_type="ephemeral", replace_original=False
            )
        else:
            self._post(client, self.directory.dm_channel(client, key), outcome.reply)
        self.deliver(client, key, outcome)
        return True

    def home_blocks(self, client: WebClient, key: UserKey) -> list[dict[str, Any]]:
        """The Settings section of App Home, for admins only."""
        speaker = self.speaker(client, key)
        desk = self.coach.together.workspace
        if not desk.is_admin(key, speaker.platform_admin()):
            return []
        lines = "\n".join(escape(line) for line in desk.lines(key))
        return [
            {"type": "header", "text": plain_label("Settings (admins only)")},
            kit.section(lines),
            {
                "type": "actions",
                "elements": [
                    kit.button("Edit settings", "chorus:cmd:settings", "settings edit", "primary")
                ],
            },
        ]

    # delivery

    def _post(self, client: WebClient, channel: str, reply: Reply) -> None:
        rendered = blocks.message(reply) if reply.critique is not None else quoted_blocks(reply)
        client.chat_postMessage(channel=channel, **rendered)

    def deliver(self, client: WebClient, speaker: UserKey, outcome: Outcome) -> None:
        """Messages for others: a colleague's DM, or a channel in the speaker's workspace."""
        for message in outcome.messages:
            try:
                if message.to is not None:
                    self._post(client, self.directory.dm_channel(client, message.to), message.reply)
                elif message.channel is not None:
                    client.chat_postMessage(
                        channel=message.channel, **blocks.message(message.reply)
                    )
            except SlackApiError as error:
                log.warning("a message for someone else failed: %s", error.response.get("error"))

    def _member(self, client: WebClient, channel: str | None) -> bool:
        if not channel:
            return False
        try:
            info = client.conversations_info(channel=channel)["channel"]
        except SlackApiError:
            return False
        return bool(info.get("is_member")) and not info.get("is_im")

    # modals

    def on_ask_submitted(
        self,
        ack: Ack,
        body: dict[str, Any],
        view: dict[str, Any],
        context: BoltContext,
        client: WebClient,
    ) -> None:
        """The ask form: the chosen colleague and an optional question."""
        key = user_key(context, body["user"]["id"])
        values = view["state"]["values"]
        chosen = values["expert"]["person"].get("selected_user") or ""
        question = typed(values, "question")
        speaker = self.speaker(client, key)
        expert = speaker.resolve(chosen) if speaker.resolve else None
        if expert is None:
            ack(response_action="errors", errors={"expert": "Pick a person from this workspace."})
            return
        outcome = self.coach.together.ask(speaker, expert, question, ref(view))
        if outcome.reply.kind == "invalid":
            ack(response_action="errors", errors={"expert": clip(outcome.reply.text, 300)})
            return
        ack()
        self._post(client, self.directory.dm_channel(client, key), outcome.reply)
        self.deliver(client, key, outcome)

    def on_suggest_submitted(
        self,
        ack: Ack,
        body: dict[str, Any],
        view: dict[str, Any],
        context: BoltContext,
        client: WebClient,
    ) -> None:
        """The expert's suggestion."""
        key = user_key(context, body["user"]["id"])
        comment = typed(view["state"]["values"], "comment")
        if not comment.strip():
            ack(response_action="errors", errors={"comment": "Write what you'd change."})
            return
        ack()
        outcome, _ = self._run(client, key, f"expert {ref(view)} suggest {comment}", None)
        self._post(client, self.directory.dm_channel(client, key), outcome.reply)
        self.deliver(client, key, outcome)

    def on_brief_submitted(
        self,
        ack: Ack,
        body: dict[str, Any],
        view: dict[str, Any],
        context: BoltContext,
        client: WebClient,
    ) -> None:
        """The campaign brief: announce the campaign in its channel."""
        key = user_key(context, body["user"]["id"])
        values = view["state"]["values"]
        outcome = self.coach.together.brief(
            self.speaker(client, key),
            ref(view),
            typed(values, "facts"),
            typed(values, "link"),
            typed(values, "audience"),
        )
        if outcome.reply.kind == "invalid":
            ack(response_action="errors", errors={"facts": clip(outcome.reply.text, 300)})
            return
        ack()
        self.deliver(client, key, outcome)

    def on_settings_submitted(
        self,
        ack: Ack,
        body: dict[str, Any],
        view: dict[str, Any],
        context: BoltContext,
        client: WebClient,
    ) -> None:
        """The settings form: saved only if the sender is an admin now (forged views do nothing)."""
        key = user_key(context, body["user"]["id"])
        values = view["state"]["values"]
        reply = self.coach.together.save_settings(
            self.speaker(client, key),
            {
                "companies": typed(values, "companies"),
                "policy_terms": typed(values, "policy_terms"),
                "default_platform": chosen(values, "default_platform", "choice") or "linkedin",
            },
        )
        if reply.kind == "invalid":
            ack(response_action="errors", errors={"companies": clip(reply.text, 300)})
            return
        ack()
        self._post(client, self.directory.dm_channel(client, key), reply)
        view = self.home(client, key, self.coach.dashboard(key))
        client.views_publish(user_id=key.user_id, view=view)

    def home(self, client: WebClient, key: UserKey, dashboard: Dashboard) -> dict[str, Any]:
        """App Home: the dashboard, plus Settings for admins."""
        view = blocks.home_view(dashboard)
        view["blocks"] = (view["blocks"] + self.home_blocks(client, key))[: blocks.MAX_BLOCKS]
        return view
