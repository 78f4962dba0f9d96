"""`make run` / `chorus run` with Slack set in .env: Socket Mode, end to end against fakes."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.fakes.chorus_server import BOT_TOKEN, clean_env
from tests.fakes.slack_api import FakeSlack
from tests.fakes.socket_mode import FakeSocketMode

APP_TOKEN = "xapp-1-test-app-token"


def envelope(envelope_id: str, text: str) -> dict:
    return {
        "envelope_id": envelope_id,
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": 0,
        "retry_reason": "",
        "payload": {
            "token": "legacy",
            "team_id": "T1",
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": f"Ev-{envelope_id}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
            "event": {
                "type": "message",
                "channel_type": "im",
                "channel": "DU1",
                "user": "U1",
                "text": text,
                "ts": "1700000600.1",
            },
        },
    }


def test_run_reads_slack_from_dotenv_and_answers_over_socket_mode(
    tmp_path: Path, fake: FakeSlack
) -> None:
    socket = FakeSocketMode([envelope("env-1", "how do I grow my followers?")]).start()
    fake.socket_url = socket.url
    (tmp_path / ".env").write_text(
        f"SLACK_APP_TOKEN={APP_TOKEN}\nSLACK_BOT_TOKEN={BOT_TOKEN}\n"
        f"SLACK_API_URL={fake.api_url}\nCHORUS_DB={tmp_path / 'chorus.db'}\n"
    )
    env = clean_env()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert socket.wait_for_ack("env-1")["envelope_id"] == "env-1"
        [reply] = fake.wait_for_calls("chat.postMessage")
        assert "Tip:" in reply.args["text"] and reply.token == BOT_TOKEN
        [connect] = fake.of("apps.connections.open")
        assert connect.token == APP_TOKEN
    finally:
        process.terminate()
        process.wait(timeout=30)
        socket.stop()


def test_a_refused_app_token_is_a_clear_error(tmp_path: Path, fake: FakeSlack) -> None:
    fake.fail("apps.connections.open", times=1, status=200)
    fake.failures["apps.connections.open"].body = {"ok": False, "error": "invalid_auth"}
    env = clean_env(
        SLACK_APP_TOKEN="xapp-wrong",
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_API_URL=fake.api_url,
        CHORUS_DB=str(tmp_path / "c.db"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "slack"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "Slack refused the app token (invalid_auth)" in result.stderr
    assert "xapp-wrong" not in result.stderr


def test_slack_without_tokens_explains_what_is_missing(tmp_path: Path) -> None:
    env = clean_env()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "slack"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "SLACK_APP_TOKEN" in result.stderr and "Traceback" not in result.stderr


def test_manifest_matches_the_app() -> None:
    import yaml

    from bot.adapters.slack.app import BOT_SCOPES

    root = Path(__file__).resolve().parents[2]
    manifest = yaml.safe_load((root / "manifest.yml").read_text())
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == sorted(BOT_SCOPES)
    features = manifest["features"]
    assert features["slash_commands"][0]["command"] == "/chorus"
    assert features["shortcuts"][0]["callback_id"] == "chorus_feedback"
    assert features["app_home"]["home_tab_enabled"] and features["app_home"]["messages_tab_enabled"]
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert {"message.im", "app_mention", "app_home_opened", "user_change"} <= set(
        manifest["settings"]["event_subscriptions"]["bot_events"]
    )
    assert len(manifest["display_information"]["long_description"]) >= 174
    example = (root / ".env.example").read_text()
    for name in (
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_APP_TOKEN",
        "SLACK_CLIENT_ID",
        "SLACK_CLIENT_SECRET",
        "SLACK_API_URL",
        "PORT",
        "CHORUS_DB",
    ):
        assert f"{name}=" in example
