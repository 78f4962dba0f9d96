"""Multi-workspace install: /slack/install, the OAuth redirect, then events for that workspace."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.fakes.chorus_server import ChorusServer
from tests.fakes.slack_api import INSTALLED_TOKEN, FakeSlack


@pytest.fixture
def oauth_server(tmp_path: Path, fake: FakeSlack) -> Iterator[ChorusServer]:
    chorus = ChorusServer(
        tmp_path,
        fake,
        SLACK_BOT_TOKEN="",
        SLACK_CLIENT_ID="111.222",
        SLACK_CLIENT_SECRET="client-secret-do-not-leak",
    )
    yield chorus
    chorus.stop()


def test_install_then_answer_the_installed_workspace(
    oauth_server: ChorusServer, fake: FakeSlack
) -> None:
    status, headers, page = oauth_server.get("/slack/install")
    assert status == 200
    link = re.search(r'href="(https://slack\.com/oauth/v2/authorize\?[^"]+)"', page)
    assert link is not None
    query = parse_qs(urlparse(link[1].replace("&amp;", "&")).query)
    assert query["client_id"] == ["111.222"]
    assert "chat:write" in query["scope"][0] and "im:history" in query["scope"][0]
    state = query["state"][0]
    cookie = headers["Set-Cookie"].split(";")[0]
    assert cookie == f"slack-app-oauth-state={state}"

    status, _, page = oauth_server.get(
        f"/slack/oauth_redirect?code=abc&state={state}", {"Cookie": cookie}
    )
    assert status == 200, page
    [exchange] = fake.of("oauth.v2.access")
    assert exchange.args["code"] == "abc"

    oauth_server.event(
        {
            "type": "message",
            "channel_type": "im",
            "channel": "DU9",
            "user": "U9",
            "text": "how do I grow my followers?",
            "ts": "1700000500.1",
        },
        team="T9",
    )
    [reply] = fake.wait_for_calls("chat.postMessage")
    assert reply.token == INSTALLED_TOKEN
    assert "Tip:" in reply.args["text"]


def test_a_forged_state_installs_nothing(oauth_server: ChorusServer, fake: FakeSlack) -> None:
    status, _, page = oauth_server.get(
        "/slack/oauth_redirect?code=abc&state=forged", {"Cookie": "slack-app-oauth-state=forged"}
    )
    assert status >= 400
    assert not fake.of("oauth.v2.access")
    assert "client-secret-do-not-leak" not in page


def test_health_reports_slack_on_in_oauth_mode(oauth_server: ChorusServer) -> None:
    status, _, body = oauth_server.get("/healthz")
    assert status == 200 and '"slack": true' in body
