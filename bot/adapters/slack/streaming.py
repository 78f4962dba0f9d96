"""A model's answer streamed into the DM thread, or posted whole where Slack can't stream."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.adapters.slack import blocks
from bot.coach import Action, Coach, Reply
from storage import UserKey

log = logging.getLogger(__name__)

STREAM_FLUSH_CHARACTERS = 64  # the first words show early; each flush is one API call
ANSWER_FEEDBACK = (
    Action("Helpful", "feedback answer helpful", "primary"),
    Action("Not helpful", "feedback answer not-helpful"),
)


def stream_answer(
    client: WebClient, coach: Coach, key: UserKey, where: tuple[str, str], question: str
) -> None:
    """Stream the model's answer into the thread (`where`: channel and thread ts) with
    Helpful / Not helpful under it; one plain message where streaming isn't available."""
    channel, thread_ts = where
    written: list[str] = []
    pieces = coach.answer_stream(key, question)
    try:
        streamer = client.chat_stream(
            channel=channel,
            thread_ts=thread_ts,
            recipient_team_id=key.team_id,
            recipient_user_id=key.user_id,
            buffer_size=STREAM_FLUSH_CHARACTERS,
        )
        for piece in pieces:
            written.append(piece)
            streamer.append(markdown_text=piece)
        streamer.stop(blocks=blocks.action_buttons(ANSWER_FEEDBACK))  # under the text
    except SlackApiError as error:
        log.info(
            "streaming unavailable (%s); posting the answer whole", error.response.get("error")
        )
        text = "".join([*written, *pieces])
        reply = Reply("answer", text, actions=ANSWER_FEEDBACK)
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, **blocks.message(reply))
