"""What keeps `chorus serve` quick to acknowledge and bounded in memory under load: at most
COACH_SLOTS critiques at once, and per-process caches of a bounded size."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any
from unittest.mock import MagicMock

from bot.adapters.slack.directory import CACHED_USERS, Directory
from bot.adapters.slack.handlers import COACH_SLOTS, SlackCoach
from bot.coach import Reply
from storage import UserKey


def test_the_directory_forgets_its_oldest_users() -> None:
    directory = Directory(MagicMock())
    client = MagicMock()
    client.users_info.side_effect = lambda user: {"user": {"tz": "Europe/Berlin"}}
    client.conversations_open.side_effect = lambda users: {"channel": {"id": f"D{users}"}}
    for n in range(CACHED_USERS + 50):
        key = UserKey("slack", "T1", f"U{n}")
        directory.dm_channel(client, key)
        directory.learn_tz(client, key)
    assert len(directory._dm) == len(directory._tz) == CACHED_USERS
    assert UserKey("slack", "T1", f"U{CACHED_USERS + 49}") in directory._dm
    assert UserKey("slack", "T1", "U0") not in directory._dm


class BlockingCoach:
    """A coach whose critiques wait until the test lets them finish."""

    editor_enabled = False
    together = SimpleNamespace(is_command=lambda text: False)  # no issue-13 command here

    def __init__(self) -> None:
        self.inside = 0
        self.most = 0
        self.changed = threading.Condition()
        self.finish = threading.Event()

    def handle(self, key: UserKey, text: str) -> Reply:
        with self.changed:
            self.inside += 1
            self.most = max(self.most, self.inside)
            self.changed.notify_all()
        self.finish.wait(30)
        with self.changed:
            self.inside -= 1
        return Reply("command", "ok")

    def known_tz(self, key: UserKey) -> str | None:
        return None

    def remember_tz(self, key: UserKey, tz: str) -> None:
        return None


def test_no_more_than_coach_slots_critiques_run_at_once() -> None:
    coach: Any = BlockingCoach()
    listeners = SlackCoach(coach, Directory(coach))
    context = MagicMock(team_id="T1", enterprise_id=None, bot_user_id="UBOT")
    client = MagicMock()
    client.users_info.return_value = {"user": {"tz": "Europe/Berlin"}}
    client.chat_postMessage.return_value = {"ts": "1.1"}
    threads = [
        threading.Thread(
            target=listeners.on_message,
            args=(
                {"channel_type": "im", "user": f"U{n}", "channel": f"DU{n}", "ts": f"{n}.1"},
                context,
                client,
            ),
        )
        for n in range(COACH_SLOTS + 3)
    ]
    for thread in threads:
        thread.start()
    with coach.changed:
        assert coach.changed.wait_for(lambda: coach.inside == COACH_SLOTS, timeout=30)
        # the others are queued at the gate: given time, none of them gets in
        assert not coach.changed.wait_for(lambda: coach.inside > COACH_SLOTS, timeout=0.5)
    coach.finish.set()
    for thread in threads:
        thread.join(30)
    assert coach.most == COACH_SLOTS
    assert client.chat_postMessage.call_count == len(threads)  # every one answered
