"""The serviceUrl check (inbound and for stored references), the loopback peer check and the
token pre-check, directly."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from unittest.mock import MagicMock

import pytest
from aiohttp.test_utils import make_mocked_request

from bot.adapters.teams.app import build_teams
from bot.adapters.teams.delivery import TeamsDelivery
from bot.adapters.teams.trust import bearer_token_plausible, service_url_allowed
from bot.coach import Coach, Reply
from bot.coach.delivery import DeliveryError
from bot.server import build_web_app
from storage import UserKey

CHANNELS = [
    "https://smba.trafficmanager.net/amer/",
    "https://smba.trafficmanager.net/teams/",
    "https://SMBA.trafficmanager.net/emea/",
    "https://smba.infra.gcc.teams.microsoft.com/teams",
    "https://smba.infra.gov.teams.microsoft.us/teams",
    "https://smba.infra.dod.teams.microsoft.us/teams",
    "https://webchat.botframework.com/",
    "https://europe.webchat.botframework.com/",
    "https://directline.botframework.azure.us/",
    "https://smba.trafficmanager.net:443/amer/",
]
LOCAL = [
    "http://127.0.0.1:3978/",
    "http://localhost:56150",
    "https://[::1]:8443/",
    "http://127.9.9.9/",
]
NEVER = [
    None,
    5,
    "",
    "not a url",
    "https://evil.example/",
    "https://trafficmanager.net/",
    "https://evil.trafficmanager.net/",
    "https://smba.trafficmanager.net.evil.example/",
    "https://botframework.com.evil.example/",
    "https://evilbotframework.com/",
    "https://user:pw@smba.trafficmanager.net/",
    "https://smba.trafficmanager.net@evil.example/",
    "https://127.0.0.1@evil.example/",
    "https://169.254.169.254/",
    "https://10.0.0.1/",
    "file:///etc/passwd",
    "https://smba.trafficmanager.net:99999/",
    "https://" + "a" * 5000 + ".botframework.com/",
]


@pytest.mark.parametrize("url", CHANNELS)
def test_bot_framework_channels_are_trusted_with_credentials_only(url: str) -> None:
    assert service_url_allowed(url, anonymous=False)
    assert not service_url_allowed(url, anonymous=True)


@pytest.mark.parametrize("url", LOCAL)
def test_loopback_is_trusted_in_anonymous_mode_only(url: str) -> None:
    assert service_url_allowed(url, anonymous=True)
    assert not service_url_allowed(url, anonymous=False)


@pytest.mark.parametrize("url", [*NEVER, "http://smba.trafficmanager.net/amer/"])
def test_everything_else_is_never_trusted(url: Any) -> None:
    assert not service_url_allowed(url, anonymous=True)
    assert not service_url_allowed(url, anonymous=False)


@pytest.mark.parametrize(
    ("header", "plausible"),
    [
        (None, True),  # the SDK itself answers 401
        ("Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJhIjoxfQ.c2ln", True),
        ("Bearer eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln", False),  # RS256, no kid
        ("Bearer eyJhbGciOiJub25lIn0.eyJhIjoxfQ.", False),  # alg none
        ("Basic dXNlcjpwdw==", False),
        ("Bearer", False),
        ("Bearer !!!.!!!.!!!", False),
    ],
)
def test_token_precheck(header: str | None, plausible: bool) -> None:
    assert bearer_token_plausible(header) is plausible


def test_anonymous_mode_refuses_a_peer_that_isnt_loopback(coach: Coach) -> None:
    teams = build_teams({}, coach, anonymous=True)
    app = build_web_app(lambda: True, None, teams)
    [route] = [r for r in app.router.routes() if r.resource.canonical == "/api/messages"]
    for peer, status in (("192.0.2.7", 403), ("127.0.0.1", 400)):
        transport = MagicMock()
        transport.get_extra_info.side_effect = lambda key, default=None, peer=peer: (
            (peer, 5555) if key == "peername" else default
        )
        request = make_mocked_request(
            "POST",
            "/api/messages",
            headers={"Content-Type": "application/json"},
            app=app,
            transport=transport,
            payload=None,
        )
        request._read_bytes = b"[]"
        response = asyncio.run(route.handler(request))
        assert response.status == status, peer


class RecordingAdapter:
    """Stands in for the SDK's adapter: records whether anything was sent."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    async def continue_conversation(self, *args: Any) -> None:
        self.calls.append("continue_conversation")

    async def continue_conversation_with_claims(self, *args: Any) -> None:
        self.calls.append("continue_conversation_with_claims")


def reference(service_url: str) -> str:
    return json.dumps(
        {
            "serviceUrl": service_url,
            "channelId": "msteams",
            "conversation": {"id": "a:personal-1"},
            "bot": {"id": "28:chorus"},
        }
    )


@pytest.mark.parametrize(
    ("service_url", "app_id", "sent"),
    [
        ("http://127.0.0.1:3978/", "", True),
        ("https://smba.trafficmanager.net/amer/", "", False),  # anonymous: loopback only
        ("http://evil.example/", "", False),
        ("https://smba.trafficmanager.net/amer/", "app-1", True),
        ("http://127.0.0.1:3978/", "app-1", False),  # stored in anonymous mode, not trusted now
        ("https://evil.example/", "app-1", False),
    ],
)
def test_proactive_sends_use_only_trusted_references(
    coach: Coach, service_url: str, app_id: str, sent: bool
) -> None:
    key = UserKey("teams", "tenant-1", "aad-1")
    coach.remember_conversation(key, "user", key.user_id, reference(service_url))
    adapter = RecordingAdapter()
    delivery = TeamsDelivery(adapter, app_id, coach, lambda: None)  # type: ignore[arg-type]
    if sent:
        delivery.to_user(key, Reply("command", "hello"))
        assert adapter.calls
    else:
        with pytest.raises(DeliveryError) as refused:
            delivery.to_user(key, Reply("command", "hello"))
        assert refused.value.outcome == "failed" and not adapter.calls
