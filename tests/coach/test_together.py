"""Issue 13 at the coach level, over a real store (SQLite and PostgreSQL, every test that
touches it on both) and a clock the test moves: ask an expert, campaigns, settings per
workspace, and forget-me across the new tables."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.coach import Coach
from bot.coach.experts import after_working_days
from bot.coach.people import Person
from bot.coach.together import Speaker
from bot.feedback.authenticity import COPY_THRESHOLD, borrowed, fingerprint
from storage import Store, UserKey
from tests.conftest import BACKENDS, FIXTURES, Clock, location_for, migrated

DRAFT = (
    "We cut our CI time from 40 minutes to 9. I think caching mattered most because installs "
    "were the slow step. What's the slowest step in your pipeline?"
)
EXAMPLES = yaml.safe_load((FIXTURES / "together" / "authenticity.yaml").read_text())
BRIEF = EXAMPLES["brief"]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from migrated(location_for(request.param, request, tmp_path))


def person(user: str, team: str = "T1", **extra: object) -> Person:
    return Person(UserKey("slack", team, user), name=f"Name of {user}", tz="Europe/Berlin", **extra)  # type: ignore[arg-type]


PEOPLE = {
    "@U_BOB": person("U_BOB"),
    "@U_CAROL": person("U_CAROL"),
    "@U_ALICE": person("U_ALICE"),
    "@B_BOT": person("B_BOT", is_bot=True),
    "@U_GONE": person("U_GONE", deleted=True),
    "@U_OUT": person("U_OUT", in_workspace=False),
}


def speaker(user: str, channel: str | None = None, admin: bool = False) -> Speaker:
    return Speaker(PEOPLE[f"@{user}"], channel, PEOPLE.get, lambda: admin)


def say(coach: Coach, user: str, text: str, **how: object):
    outcome = coach.together.handle(speaker(user, **how), text)  # type: ignore[arg-type]
    assert outcome is not None
    return outcome


# ask an expert


def test_ask_sends_the_quoted_draft_to_the_expert_only(coach: Coach, alice: UserKey) -> None:
    coach.handle(alice, DRAFT)
    outcome = say(coach, "U_ALICE", "ask @U_BOB is the number right?")
    assert "I sent your draft to Name of U_BOB" in outcome.reply.text
    [message] = outcome.messages
    assert message.to == UserKey("slack", "T1", "U_BOB")
    assert "> We cut our CI time" in message.reply.text
    assert "is the number right?" in message.reply.text
    labels = [a.label for a in message.reply.actions]
    assert labels == ["Looks right", "Suggest a change", "Not my area"]


@pytest.mark.parametrize(
    ("verdict", "comment", "writer_sees"),
    [
        ("looks-right", "", "it looks right to them"),
        ("suggest", "Say 9 minutes, not 9.", "suggests a change:\n> Say 9 minutes, not 9."),
        ("not-mine", "", "isn't their area"),
    ],
)
def test_each_answer_reaches_the_writer(
    coach: Coach, alice: UserKey, verdict: str, comment: str, writer_sees: str
) -> None:
    coach.handle(alice, DRAFT)
    [ask] = say(coach, "U_ALICE", "ask @U_BOB").messages
    request_id = int(ask.reply.actions[0].command.split()[1])
    answer = say(coach, "U_BOB", f"expert {request_id} {verdict} {comment}".strip())
    assert "Thanks" in answer.reply.text
    [told] = answer.messages
    assert told.to == alice and writer_sees in told.reply.text
    again = say(coach, "U_BOB", f"expert {request_id} looks-right")
    assert "already answered" in again.reply.text and not again.messages


def test_suggest_without_a_comment_asks_for_the_form(coach: Coach, alice: UserKey) -> None:
    coach.handle(alice, DRAFT)
    [ask] = say(coach, "U_ALICE", "ask @U_BOB").messages
    request_id = int(ask.reply.actions[0].command.split()[1])
    outcome = say(coach, "U_BOB", f"expert {request_id} suggest")
    assert outcome.form is not None and outcome.form.kind == "suggest"
    assert not outcome.messages


def test_only_the_chosen_expert_can_answer(coach: Coach, alice: UserKey) -> None:
    coach.handle(alice, DRAFT)
    [ask] = say(coach, "U_ALICE", "ask @U_BOB").messages
    request_id = int(ask.reply.actions[0].command.split()[1])
    forged = say(coach, "U_CAROL", f"expert {request_id} looks-right")
    assert forged.reply.kind == "invalid" and not forged.messages


@pytest.mark.parametrize(
    ("who", "says"),
    [
        ("@U_ALICE", "That's you!"),
        ("@B_BOT", "That's a bot"),
        ("@U_GONE", "isn't active in this workspace"),
        ("@U_OUT", "only pass drafts to people in this workspace"),
        ("@U_NOBODY", "couldn't find that person"),
    ],
)
def test_refusals_are_kind_and_send_nothing(
    coach: Coach, alice: UserKey, who: str, says: str
) -> None:
    coach.handle(alice, DRAFT)
    outcome = say(coach, "U_ALICE", f"ask {who} thoughts?")
    assert outcome.reply.kind == "invalid" and says in outcome.reply.text
    assert not outcome.messages


def test_a_tenth_open_request_is_refused(coach: Coach, alice: UserKey) -> None:
    coach.handle(alice, DRAFT)
    for _ in range(9):
        assert say(coach, "U_ALICE", "ask @U_BOB").messages
    tenth = say(coach, "U_ALICE", "ask @U_CAROL")
    assert "9 requests waiting" in tenth.reply.text and not tenth.messages


def test_stop_requests_from_a_person(coach: Coach, alice: UserKey) -> None:
    coach.handle(alice, DRAFT)
    assert (
        "can't send you requests" in say(coach, "U_BOB", "stop requests from @U_ALICE").reply.text
    )
    refused = say(coach, "U_ALICE", "ask @U_BOB")
    assert "asked not to get requests" in refused.reply.text and not refused.messages
    assert say(coach, "U_ALICE", "ask @U_CAROL").messages


def test_without_a_draft_there_is_nothing_to_ask_about(coach: Coach) -> None:
    assert "Send me a draft first" in say(coach, "U_ALICE", "ask @U_BOB").reply.text


def test_the_shell_explains_that_asking_needs_slack_or_teams(coach: Coach, alice: UserKey) -> None:
    coach.handle(alice, DRAFT)
    assert "works in Slack and Teams" in coach.handle(alice, "ask @bob what do you think?").text


def test_two_working_days_in_the_experts_zone() -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    friday = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    due = after_working_days(friday, 2, ZoneInfo("America/New_York"))
    assert due.isoformat() == "2026-11-24T10:00:00-05:00"  # Tuesday, the same local time


def test_reminder_once_then_expiry_tells_both_sides(
    coach: Coach, clock: Clock, alice: UserKey
) -> None:
    coach.handle(alice, DRAFT)  # Monday 09:30 UTC
    say(coach, "U_ALICE", "ask @U_BOB")
    clock.advance(days=1, hours=23)
    assert coach.together.sweep(clock.now) == []
    clock.advance(hours=1)  # Wednesday 09:30: two working days in Berlin
    [reminder] = coach.together.sweep(clock.now)
    assert (
        reminder.to == UserKey("slack", "T1", "U_BOB")
        and "friendly reminder" in reminder.reply.text
    )
    assert coach.together.sweep(clock.now) == []  # once only
    clock.advance(days=5)
    expired = coach.together.sweep(clock.now)
    assert {m.to.user_id for m in expired if m.to} == {"U_ALICE", "U_BOB"}
    assert all("expired" in m.reply.text for m in expired)
    assert all(DRAFT[:20] not in m.reply.text for m in [reminder, *expired])
    assert coach.together.sweep(clock.now) == []


def test_progress_counts_drafts_checked_by_an_expert(coach: Coach, alice: UserKey) -> None:
    coach.handle(alice, DRAFT)
    [ask] = say(coach, "U_ALICE", "ask @U_BOB").messages
    say(coach, "U_BOB", f"expert {ask.reply.actions[0].command.split()[1]} looks-right")
    assert "Drafts checked by an expert: 1" in coach.handle(alice, "progress").text
    assert "expert requests: 1 made, 0 received" in coach.handle(alice, "my data").text


def test_forget_me_removes_drafts_asked_about_and_comments_given(
    coach: Coach, store: Store, alice: UserKey
) -> None:
    bob = UserKey("slack", "T1", "U_BOB")
    coach.handle(alice, DRAFT)
    coach.handle(bob, "Our migration to the new build system took a quarter. Worth it.")
    [to_bob] = say(coach, "U_ALICE", "ask @U_BOB").messages
    [to_alice] = say(coach, "U_BOB", "ask @U_ALICE").messages
    bob_request = int(to_bob.reply.actions[0].command.split()[1])
    say(coach, "U_BOB", f"expert {bob_request} suggest Name the cache tool.")
    coach.handle(bob, "forget me confirm")
    rows = store.backend.execute(
        "SELECT writer_id, expert_id, draft, comment FROM expert_requests"
    ).rows
    assert rows == [("U_ALICE", None, DRAFT, None)]
    dump = "\n".join(
        str(r)
        for t in ("expert_requests", "expert_blocks")
        for r in store.backend.execute(f"SELECT * FROM {t}").rows
    )
    assert "U_BOB" not in dump and "Name the cache tool" not in dump and "migration" not in dump
    assert to_alice.request_id is not None


# settings per workspace


def test_an_admin_changes_policy_terms_for_their_workspace_only(coach: Coach) -> None:
    draft = "Falcon ships next week.\nI think it changes how we plan releases. Thoughts?"
    other = UserKey("slack", "T2", "U_ZED")
    reply = say(coach, "U_ALICE", "settings policy Falcon", admin=True).reply
    assert "Saved policy terms" in reply.text
    mine = coach.handle(UserKey("slack", "T1", "U_CAROL"), draft).critique
    theirs = coach.handle(other, draft).critique
    assert mine is not None and "policy.company_term" in {f.rule for f in mine.findings}
    assert theirs is not None and "policy.company_term" not in {f.rule for f in theirs.findings}
    [change] = coach.together.workspace.workspaces.audit()
    assert (change.actor_id, change.name, change.new) == ("U_ALICE", "policy_terms", ["Falcon"])


def test_a_non_admin_neither_sees_nor_changes_settings(coach: Coach) -> None:
    for text in (
        "settings",
        "settings policy Falcon",
        "settings edit",
        "settings admin add @U_BOB",
    ):
        reply = say(coach, "U_BOB", text).reply
        assert reply.kind == "invalid" and "for your workspace's Chorus admins" in reply.text
        assert "Acme" not in reply.text
    assert coach.together.workspace.workspaces.audit() == []
    saved = coach.together.save_settings(speaker("U_BOB"), {"policy_terms": "Falcon"})
    assert saved.kind == "invalid" and coach.together.workspace.workspaces.audit() == []


def test_an_added_admin_can_change_settings_and_the_default_platform(coach: Coach) -> None:
    say(coach, "U_ALICE", "settings admin add @U_BOB", admin=True)
    assert "Saved default platform" in say(coach, "U_BOB", "settings platform x").reply.text
    carol = UserKey("slack", "T1", "U_CAROL")
    assert coach.handle(carol, DRAFT).critique.platform == "x"  # type: ignore[union-attr]
    coach.handle(carol, "platform linkedin")
    assert coach.handle(carol, DRAFT).critique.platform == "linkedin"  # type: ignore[union-attr]


# campaigns


def start_campaign(coach: Coach) -> int:
    outcome = say(
        coach, "U_ALICE", 'campaign start "Launch of Acme Sync" until 2027-03-12', channel="C1"
    )
    assert outcome.form is not None and outcome.form.kind == "campaign_brief"
    announced = coach.together.brief(speaker("U_ALICE"), outcome.form.ref, BRIEF, "", "developers")
    [announcement] = announced.messages
    assert announcement.channel == "C1" and announcement.reply.actions[0].label == "Join"
    return outcome.form.ref


def test_a_campaign_from_start_to_status(coach: Coach, clock: Clock) -> None:
    campaign = start_campaign(coach)
    for user in ("U_BOB", "U_CAROL", "U_ALICE"):
        assert "You're in" in say(coach, user, f"campaign join {campaign}").reply.text
    clock.advance(days=1)
    nudges = coach.together.sweep(clock.now)
    assert len(nudges) == 3 and all("your own take" in m.reply.text for m in nudges)
    assert all("say you work at Acme" in m.reply.text for m in nudges)
    assert coach.together.sweep(clock.now) == []
    copy = say(coach, "U_BOB", f"campaign draft {BRIEF}").reply
    honest = say(coach, "U_CAROL", f"campaign draft {EXAMPLES['cases'][7]['text']}").reply
    assert copy.critique and "authenticity.brief" in {f.rule for f in copy.critique.findings}
    assert honest.critique and not {
        "authenticity.brief",
        "authenticity.peer",
        "disclosure.campaign",
    } & {f.rule for f in honest.critique.findings}
    posted = next(a for a in honest.actions if a.label == "I posted it")
    assert "Posted" in say(coach, "U_CAROL", posted.command).reply.text
    status = say(coach, "U_ALICE", "campaign status", channel="C1").reply.text
    assert "3 joined, 2 drafted, 1 posted" in status
    assert "Name of" not in status and "U_" not in status and "Acme Sync is now" not in status
    assert say(coach, "U_BOB", "campaign status", channel="C1").reply.kind == "invalid"
    stopped = say(coach, "U_ALICE", "campaign stop", channel="C1")
    assert stopped.messages[0].channel == "C1"


def test_a_campaign_draft_without_disclosure_is_an_error(coach: Coach) -> None:
    campaign = start_campaign(coach)
    say(coach, "U_BOB", f"campaign join {campaign}")
    reply = say(
        coach, "U_BOB", "campaign draft Acme Sync works offline, which I love on trains. You?"
    ).reply
    assert reply.critique and "disclosure.campaign" in {f.rule for f in reply.critique.findings}


def test_a_copy_of_another_participants_draft_is_warned(coach: Coach) -> None:
    campaign = start_campaign(coach)
    for user in ("U_BOB", "U_CAROL"):
        say(coach, user, f"campaign join {campaign}")
    first = EXAMPLES["peers"]["first"]
    assert not say(coach, "U_BOB", f"campaign draft {first}").reply.critique.findings or True  # type: ignore[union-attr]
    copied = say(coach, "U_CAROL", f"campaign draft {EXAMPLES['peers']['cases'][1]['text']}").reply
    assert copied.critique and "authenticity.peer" in {f.rule for f in copied.critique.findings}
    assert "Name of U_BOB" not in copied.text


def test_the_threshold_separates_every_labelled_example() -> None:
    brief = fingerprint(BRIEF)
    for case in EXAMPLES["cases"]:
        share = borrowed(fingerprint(case["text"]), brief)
        assert (share >= COPY_THRESHOLD) == case["copies"], (case["note"], share)
    first = fingerprint(EXAMPLES["peers"]["first"])
    for case in EXAMPLES["peers"]["cases"]:
        share = borrowed(fingerprint(case["text"]), first)
        assert (share >= COPY_THRESHOLD) == case["copies"], (case["note"], share)


def test_fingerprints_round_trip_as_text() -> None:
    from bot.feedback.authenticity import Fingerprint

    original = fingerprint(BRIEF)
    assert Fingerprint.from_text(original.to_text()) == original


def test_no_campaign_table_keeps_draft_text(coach: Coach, store: Store, tmp_path: Path) -> None:
    campaign = start_campaign(coach)
    say(coach, "U_BOB", f"campaign join {campaign}")
    say(coach, "U_BOB", "campaign draft I work at Acme and offline sync saved my week on a ferry.")
    dump = " ".join(str(r) for r in store.backend.execute("SELECT * FROM campaign_drafts").rows)
    assert "ferry" not in dump


@pytest.mark.parametrize(
    "draft",
    [
        "Campaign season is here.\nI think our team should write more, because nobody else will.",
        "Ask yourself what your customers need before you post.\nI learned that the hard way.",
        "Settings matter.\nI changed three in our CI and builds got 4x faster. Ask me how.",
    ],
)
def test_drafts_that_start_with_a_command_word_stay_drafts(
    coach: Coach, alice: UserKey, draft: str
) -> None:
    assert coach.together.handle(speaker("U_ALICE"), draft) is None
    assert coach.handle(alice, draft).kind == "critique"
