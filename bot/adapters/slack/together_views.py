"""Block Kit for issue 13: the ask, suggestion, campaign brief and settings modals, and
messages that quote a draft or a comment (every line escaped, the quote kept)."""

from __future__ import annotations

from typing import Any

from bot.adapters.slack import kit
from bot.adapters.slack.markup import clip, escape
from bot.coach import Reply
from bot.coach.people import Form
from bot.feedback import PLATFORMS


def plain_label(text: str) -> dict[str, str]:
    """A plain_text object, clipped to what Slack accepts in labels."""
    return {"type": "plain_text", "text": clip(text, 150)}


def _input(block_id: str, label: str, element: dict[str, Any], optional: bool = False) -> dict:
    return {
        "type": "input",
        "block_id": block_id,
        "label": plain_label(label),
        "element": element,
        "optional": optional,
    }


def _text_input(action: str, multiline: bool = False, initial: str = "", limit: int = 2000) -> dict:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": action,
        "multiline": multiline,
        "max_length": limit,
    }
    if initial:
        element["initial_value"] = initial
    return element


def _modal(callback: str, title: str, submit: str, body: list[dict], meta: str = "") -> dict:
    return {
        "type": "modal",
        "callback_id": callback,
        "private_metadata": meta,
        "title": plain_label(title[:24]),
        "submit": plain_label(submit),
        "close": plain_label("Cancel"),
        "blocks": body,
    }


def form_view(form: Form) -> dict[str, Any]:
    """A coach Form as a Slack modal."""
    if form.kind == "ask":
        return _modal(
            "together_ask",
            "Ask an expert",
            "Ask",
            [
                _input(
                    "expert",
                    "Who should check it?",
                    {"type": "users_select", "action_id": "person"},
                ),
                _input(
                    "question", "Your question (optional)", _text_input("text", limit=500), True
                ),
                kit.context("Only you and the person you choose will see this draft."),
            ],
            str(form.ref),
        )
    if form.kind == "suggest":
        return _modal(
            "together_suggest",
            "Suggest a change",
            "Send",
            [_input("comment", "Your comment or a better sentence", _text_input("text", True))],
            str(form.ref),
        )
    if form.kind == "campaign_brief":
        return _modal(
            "together_campaign",
            "Campaign brief",
            "Announce",
            [
                kit.section(f"*{escape(form.values.get('title', ''))}*"),
                _input("facts", "The key facts", _text_input("text", True, limit=1500)),
                _input("link", "A link", {"type": "url_text_input", "action_id": "text"}, True),
                _input("audience", "Who it is for", _text_input("text", limit=300), True),
            ],
            str(form.ref),
        )
    options = [{"text": plain_label(p.label), "value": name} for name, p in PLATFORMS.items()]
    chosen = form.values.get("default_platform", "linkedin")
    return _modal(
        "together_settings",
        "Workspace settings",
        "Save",
        [
            _input(
                "companies",
                "Companies that need disclosure (comma-separated)",
                _text_input("text", initial=form.values.get("companies", ""), limit=1000),
                True,
            ),
            _input(
                "policy_terms",
                "Policy terms: names that must not appear in posts",
                _text_input("text", initial=form.values.get("policy_terms", ""), limit=1000),
                True,
            ),
            _input(
                "default_platform",
                "Default platform",
                {
                    "type": "static_select",
                    "action_id": "choice",
                    "options": options,
                    "initial_option": next(
                        (o for o in options if o["value"] == chosen), options[0]
                    ),
                },
            ),
        ],
    )


def quoted_blocks(reply: Reply) -> dict[str, Any]:
    """A reply whose '> ' lines quote a draft or comment: our lines as mrkdwn, the quoted words
    as rich-text quotes, which Slack shows exactly as typed (a draft's *stars* stay stars)."""
    found: list[dict[str, Any]] = []
    run: list[str] = []
    quoting = False
    for line in [*reply.text.splitlines(), None]:
        is_quote = line is not None and line.startswith("> ")
        if run and (line is None or is_quote != quoting):
            text = "\n".join(run)
            if quoting:
                found += [
                    kit.rich(kit.quoted(text[i : i + kit.SECTION_LIMIT]))
                    for i in range(0, len(text), kit.SECTION_LIMIT)
                ]
            else:
                found += kit.sections(text)
            run = []
        if line is not None:
            run.append(line[2:] if is_quote else line)
            quoting = is_quote
    buttons = kit.action_buttons(reply.actions)
    return {
        "text": escape(clip(reply.text.splitlines()[0] if reply.text else "", 300)),
        "blocks": [*found[: kit.MAX_BLOCKS - len(buttons)], *buttons],
    }
