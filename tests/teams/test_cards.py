"""The Teams renderers on their own: the largest possible critique card, rows of buttons,
notes that don't fit, and draft text that must stay text."""

from __future__ import annotations

import json

import jsonschema
import pytest

from bot.adapters.teams.cards import as_activity, reply_card
from bot.adapters.teams.critique_card import size
from bot.adapters.teams.elements import MAX_ACTIONS, literal
from bot.coach import Action, Reply
from bot.coach.coach import _critique_reply
from bot.feedback import ALSO_NOTICED_MAX, PLATFORMS, critique
from tests.drafts import noisy_draft
from tests.teams.parts import find, text_blocks
from tests.teams.test_teams_http import SCHEMA

LARGEST_CARD_BYTES = 40_000


@pytest.mark.parametrize("characters", [1, 280, 3_000, 12_000, 40_000])
def test_the_largest_critique_card_stays_small_and_valid(characters: int) -> None:
    draft = noisy_draft(characters)
    for platform in PLATFORMS:
        reply = _critique_reply(critique(draft, platform, ("Acme",)), 1)
        activity = as_activity(reply)
        card = activity.attachments[0].content
        assert size(card) < LARGEST_CARD_BYTES, (platform, size(card))
        assert len(card.get("actions", [])) <= MAX_ACTIONS
        assert all(len(s["actions"]) <= MAX_ACTIONS for s in find(card, "ActionSet"))
        jsonschema.validate(card, SCHEMA)


def test_notes_that_are_left_out_are_counted_with_how_to_see_them() -> None:
    result = critique(noisy_draft(3_000), "blog", ("Acme",))
    assert len(result.other_notes) > ALSO_NOTICED_MAX
    card = reply_card(_critique_reply(result, 1))
    left = len(result.other_notes) - ALSO_NOTICED_MAX
    said = " ".join(text_blocks(card))
    assert f"… and {left} more minor notes. Fix the ones above and send the draft again" in said
    assert " others)" in json.dumps(card)  # a repeated note names 3 excerpts, counts the rest


def test_a_long_thread_split_is_cut_with_a_count_of_the_rest() -> None:
    card = reply_card(_critique_reply(critique(noisy_draft(12_000), "x"), 1))
    said = text_blocks(card)
    assert any(s.startswith("… and ") and s.endswith(" more lines.") for s in said)


def test_more_than_five_buttons_wrap_into_rows_the_renderer_keeps() -> None:
    buttons = (
        *(Action(str(n), f"checkin {n}") for n in range(1, 6)),
        Action("Snooze a day", "nudges snooze 1d"),
        Action("Pause a week", "nudges snooze 7d"),
        Action("Stop nudges", "nudges off"),
    )
    card = reply_card(Reply("command", "How confident do you feel?", actions=buttons))
    rows = [s["actions"] for s in find(card, "ActionSet")] + [card["actions"]]
    assert [len(r) for r in rows] == [5, 3]
    assert [a["title"] for row in rows for a in row] == [b.label for b in buttons]


def test_draft_markup_is_shown_as_typed() -> None:
    assert literal("*bold* _it_ `code` [link](x) ~s~ a\\b") == (
        "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~s\\~ a\\\\b"
    )
