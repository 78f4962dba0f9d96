"""Teams messages for coach Replies: one bubble each, plain text or an Adaptive Card."""

from __future__ import annotations

import base64

from microsoft_agents.activity import Activity, ActivityTypes
from microsoft_agents.hosting.core import CardFactory

from bot.adapters.teams.critique_card import critique_card
from bot.adapters.teams.elements import CODE, Card, action_rows, button, card, lines
from bot.coach import Reply

SUMMARY_CHARACTERS = 250


def message_text(value: str) -> str:
    """Coach text for a plain Teams message: every line its own paragraph (Teams folds single
    line breaks), and angle brackets shown as such rather than as escaped markup."""
    paragraphs = [line for line in value.splitlines() if line.strip()]
    return "\n\n".join(paragraphs).replace("<", "‹").replace(">", "›")


def reply_card(reply: Reply) -> Card:
    """Any coach Reply as a card."""
    if reply.critique is not None:
        return critique_card(reply, summary(reply))
    body = lines(reply.text)
    if reply.image is not None:
        encoded = base64.b64encode(reply.image.png).decode()
        body.append(
            {
                "type": "Image",
                "url": f"data:image/png;base64,{encoded}",
                "altText": reply.image.alt,
            }
        )
    rows, actions = action_rows([button(a) for a in reply.actions])
    return card(body + rows, actions, summary(reply))


def summary(reply: Reply) -> str:
    """One plain line that stands for a card (notifications, screen readers)."""
    first = next((line for line in reply.text.splitlines() if line.strip()), "")
    return CODE.sub(r"\1", first)[:SUMMARY_CHARACTERS]


def as_activity(reply: Reply) -> Activity:
    """One message per reply: plain text, or a card (built with the SDK's CardFactory) with no
    duplicate text beside it, which Teams would draw as a second bubble."""
    if reply.critique is None and not reply.actions and reply.image is None:
        return Activity(type=ActivityTypes.message, text=message_text(reply.text))
    return Activity(
        type=ActivityTypes.message,
        summary=summary(reply),
        attachments=[CardFactory.adaptive_card(reply_card(reply))],
    )
