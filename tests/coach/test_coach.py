"""The coach end to end over a real store: drafts, questions, commands, bad input, privacy."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.coach import Coach
from bot.errors import APOLOGY
from storage import Store, UserKey
from tests.conftest import Clock

DRAFT = (
    "We cut our CI time from 40 minutes to 9. I think caching mattered most because installs "
    "were the slow step. What's the slowest step in your pipeline?"
)
HEDGY = "I think maybe our new cache sort of helped, kind of, probably. Not sure if it matters."


def users(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM users").fetchone()[0]


def test_a_draft_gets_a_critique_that_is_stored(coach: Coach, store: Store, alice: UserKey) -> None:
    reply = coach.handle(alice, DRAFT)
    assert reply.kind == "critique"
    assert reply.critique is not None and reply.critique.platform == "linkedin"
    assert reply.text.startswith(f"{reply.critique.score}/100 for LinkedIn.")
    user = store.find_user(alice)
    assert user is not None
    [record] = store.critiques(user)
    assert record.id == reply.critique_id
    assert record.text == DRAFT
    assert record.score == reply.critique.score
    labels = [a.label for a in reply.actions]
    assert labels == [
        "Helpful",
        "Not helpful",
        "Check for X",
        "Check for Bluesky",
        "Set a goal",
        "Ask an expert",
    ]


def test_a_question_is_answered_from_a_named_tip_and_stores_nothing(
    coach: Coach, store: Store, alice: UserKey
) -> None:
    reply = coach.handle(alice, "how do I grow my followers?")
    assert reply.kind == "answer"
    assert reply.tips and "follower" in " ".join(reply.tips[0].tags)
    assert f"(Tip: {reply.tips[0].id}." in reply.text
    assert users(store) == 0


def test_no_time_gets_a_time_tip(coach: Coach, alice: UserKey) -> None:
    reply = coach.handle(alice, "I don't have time")
    assert "time" in reply.tips[0].tags


def test_a_question_with_no_matching_tip_says_so(coach: Coach, alice: UserKey) -> None:
    reply = coach.handle(alice, "what is the capital of qwzx?")
    assert reply.kind == "answer"
    assert "don't have a tip" in reply.text


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "didn't get any text"),
        ("   \n\t ", "didn't get any text"),
        ("a" * 40_001, "40,000"),
        ("hello\x00world", "NUL"),
    ],
)
def test_bad_input_gets_a_kind_message_and_changes_nothing(
    coach: Coach, store: Store, alice: UserKey, text: str, says: str
) -> None:
    reply = coach.handle(alice, text)
    assert reply.kind == "invalid"
    assert says in reply.text
    assert users(store) == 0


def test_exactly_40000_characters_is_accepted(coach: Coach, alice: UserKey) -> None:
    assert coach.handle(alice, "word " * 8000).kind == "critique"


def test_unexpected_failure_gets_the_fixed_apology_and_a_logged_traceback(
    coach: Coach, store: Store, alice: UserKey, caplog: pytest.LogCaptureFixture
) -> None:
    store.db.execute("DROP TABLE critiques")
    reply = coach.handle(alice, DRAFT)
    assert (reply.kind, reply.text) == ("error", APOLOGY)
    [record] = [r for r in caplog.records if r.levelname == "ERROR"]
    assert record.exc_info is not None
    assert DRAFT not in caplog.text


def test_draft_text_is_never_logged_at_info(
    coach: Coach, alice: UserKey, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    coach.handle(alice, DRAFT)
    assert "critique platform=linkedin" in caplog.text
    assert "CI time" not in caplog.text


def test_platform_command_changes_the_default(coach: Coach, alice: UserKey) -> None:
    assert "LinkedIn" in coach.handle(alice, "platform").text
    assert "X" in coach.handle(alice, "platform twitter").text
    reply = coach.handle(alice, DRAFT)
    assert reply.critique is not None and reply.critique.platform == "x"
    assert "don't know the platform" in coach.handle(alice, "platform myspace").text


def test_review_for_another_platform(coach: Coach, alice: UserKey) -> None:
    reply = coach.handle(alice, f"review for bluesky: {DRAFT}")
    assert reply.critique is not None and reply.critique.platform == "bluesky"
    assert coach.handle(alice, "review").kind == "invalid"


def test_recheck_and_feedback_work_on_your_own_critique_only(
    coach: Coach, store: Store, alice: UserKey, bob: UserKey
) -> None:
    first = coach.handle(alice, DRAFT)
    again = coach.handle(alice, f"recheck {first.critique_id} x")
    assert again.critique is not None and again.critique.platform == "x"
    assert coach.handle(alice, f"feedback {first.critique_id} helpful").text.startswith("Thanks")
    user = store.find_user(alice)
    assert user is not None
    assert store.find_critique(user, first.critique_id or 0).helpful is True  # type: ignore[union-attr]
    stolen = coach.handle(bob, f"recheck {first.critique_id} x")
    assert stolen.kind == "invalid" and stolen.critique is None
    assert coach.handle(bob, f"feedback {first.critique_id} not-helpful").kind == "invalid"


def test_draft_text_expires_after_the_retention_window(
    coach: Coach, store: Store, alice: UserKey, clock: Clock
) -> None:
    first = coach.handle(alice, DRAFT)
    clock.advance(days=31)
    coach.handle(alice, HEDGY)
    user = store.find_user(alice)
    assert user is not None
    old, new = sorted(store.critiques(user), key=lambda c: c.created)
    assert old.text is None and old.score == first.critique.score  # type: ignore[union-attr]
    assert new.text == HEDGY
    assert "delete drafts after 30 days" in coach.handle(alice, f"recheck {old.id} x").text


def test_checkin_compares_with_last_time(coach: Coach, alice: UserKey) -> None:
    assert "checkin 1" in coach.handle(alice, "checkin").text
    assert coach.handle(alice, "checkin 2").text == "Thanks. 2/5, a little confident."
    assert "up from 2" in coach.handle(alice, "checkin 4").text
    assert coach.handle(alice, "checkin 9").kind == "invalid"
    assert coach.handle(alice, "checkin lots").kind == "invalid"


def test_goals_set_list_and_done(coach: Coach, alice: UserKey, clock: Clock) -> None:
    assert "No goals yet" in coach.handle(alice, "goal").text
    assert (
        "Goal #1 set: 2 posts a week on LinkedIn"
        in coach.handle(alice, "goal posts 2 per week on linkedin").text
    )
    assert "#2" in coach.handle(alice, "goal minutes 15 per day").text
    assert "#3" in coach.handle(alice, "goal confidence 4 by 2027-01-31").text
    assert "#4" in coach.handle(alice, "goal Write about what I learned at the offsite").text
    coach.handle(alice, DRAFT)
    listing = coach.handle(alice, "goal list").text
    assert "2 posts a week on LinkedIn: 1/2 drafts reviewed this week" in listing
    assert "practised on 1 day this week" in listing
    assert "no check-in yet, 76 days to go" in listing
    assert "Goal done" in coach.handle(alice, "goal done 4").text
    assert "Write about" not in coach.handle(alice, "goal list").text
    assert coach.handle(alice, "goal done 4").kind == "invalid"


@pytest.mark.parametrize(
    "args",
    [
        "posts 0 per week on x",
        "posts 3 per week on myspace",
        "minutes 500",
        "confidence 4 by 2020-01-01",
        "confidence 4 by 2027-13-45",
    ],
)
def test_bad_goals_are_explained_and_not_stored(
    coach: Coach, store: Store, alice: UserKey, args: str
) -> None:
    reply = coach.handle(alice, f"goal {args}")
    assert reply.kind == "invalid"
    user = store.find_user(alice)
    assert user is None or store.goals(user) == []


def test_progress_shows_trends_checkins_and_streak(
    coach: Coach, alice: UserKey, clock: Clock
) -> None:
    assert "No drafts yet" in coach.handle(alice, "progress").text
    for day in range(4):
        coach.handle(alice, HEDGY if day < 2 else DRAFT)
        coach.handle(alice, f"checkin {day + 2}")
        clock.advance(days=1)
    text = coach.handle(alice, "progress").text
    assert "Scores:" in text and "up" in text
    assert "Hedges per 100 words:" in text and "down" in text
    assert "Confidence:" in text and "latest 5/5" in text
    assert "Streak: 4 days in a row" in text
    clock.advance(days=2)  # Sunday: Friday was missed, and one miss a week is forgiven
    assert "Streak: 4 days in a row" in coach.handle(alice, "progress").text
    clock.advance(days=3)  # Wednesday: Monday and Tuesday both missed
    assert "Streak: 0 days in a row" in coach.handle(alice, "progress").text


def test_streak_follows_the_users_time_zone(
    coach: Coach, store: Store, alice: UserKey, clock: Clock
) -> None:
    store.ensure_user(alice, clock(), tz="Pacific/Auckland")
    clock.now = datetime(2026, 11, 16, 10, 30, tzinfo=UTC)  # 23:30 Monday in Auckland
    coach.handle(alice, DRAFT)
    clock.now = datetime(2026, 11, 16, 11, 30, tzinfo=UTC)  # 00:30 Tuesday in Auckland
    coach.handle(alice, DRAFT)
    assert "Streak: 2 days in a row" in coach.handle(alice, "progress").text


def test_my_data_and_forget_me(coach: Coach, store: Store, alice: UserKey, bob: UserKey) -> None:
    assert "anything about you yet" in coach.handle(alice, "my data").text
    coach.handle(alice, DRAFT)
    coach.handle(alice, "checkin 3")
    coach.handle(alice, "goal minutes 10")
    coach.handle(bob, DRAFT)
    data = coach.handle(alice, "my data").text
    assert "1 critique:" in data and "1 goal and 1 confidence check-in" in data
    assert "We cut our CI time" in data
    confirm = coach.handle(alice, "forget me")
    assert confirm.kind == "confirm" and confirm.actions[0].command == "forget me confirm"
    assert store.find_user(alice) is not None
    assert "deleted everything" in coach.handle(alice, "forget me confirm").text
    assert store.find_user(alice) is None
    for table in ("critiques", "goals", "confidence_checkins"):
        rows = store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert rows == (1 if table == "critiques" else 0)
    assert store.find_user(bob) is not None
    assert "nothing to delete" in coach.handle(alice, "forget me confirm").text
    assert coach.dashboard(alice).empty
    assert store.find_user(alice) is None  # looking at the dashboard stores nothing


def test_help_lists_every_command(coach: Coach, alice: UserKey) -> None:
    text = coach.handle(alice, "help").text
    words = (
        "review for x",
        "platform",
        "goal",
        "checkin",
        "progress",
        "chart",
        "nudges",
        "ask @",
        "campaign start",
        "settings",
        "my data",
        "forget me",
    )
    assert [w for w in words if w not in text] == []
