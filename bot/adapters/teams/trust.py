"""What Chorus trusts from Teams before any work or outbound call: the Bot Connector hosts a
serviceUrl may name, loopback peers in anonymous mode, and a token header worth validating."""

from __future__ import annotations

import base64
import binascii
import ipaddress
import json
from urllib.parse import urlsplit

# Where the Bot Framework channels live. Teams: the public cloud's Traffic Manager host and the
# US government clouds (GCC, GCC High, DoD) from the Agents SDK's TeamsServiceEndpoints; every
# other channel (Web Chat, Direct Line, ...) under botframework.com, or its Azure Government
# and Azure China counterparts. A host matches exactly or as a subdomain. Not
# "trafficmanager.net" itself: anyone can create a profile there.
SERVICE_HOSTS = (
    "smba.trafficmanager.net",
    "smba.infra.gcc.teams.microsoft.com",
    "smba.infra.gov.teams.microsoft.us",
    "smba.infra.dod.teams.microsoft.us",
    "botframework.com",
    "botframework.azure.us",
    "botframework.azure.cn",
)
LOOPBACK_NAMES = ("localhost",)
MAX_URL_LENGTH = 2048


def loopback(host: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost."""
    if not host:
        return False
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def service_url_allowed(url: object, anonymous: bool) -> bool:
    """True when Chorus may call this serviceUrl: https on a Bot Framework channel host, or
    (anonymous local mode only) http or https on loopback. No credentials, no odd ports."""
    if not isinstance(url, str) or not url or len(url) > MAX_URL_LENGTH:
        return False
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    host = (parts.hostname or "").rstrip(".")
    if parts.username is not None or parts.password is not None or not host:
        return False
    if anonymous:
        return parts.scheme in ("http", "https") and loopback(host)
    if parts.scheme != "https" or port not in (None, 443):
        return False
    return any(host == known or host.endswith("." + known) for known in SERVICE_HOSTS)


def bearer_token_plausible(authorization: str | None) -> bool:
    """False for a header the SDK's validator can't judge safely: not `Bearer <JWT>`, or a JWT
    whose header isn't RS256 with a key id (it would raise KeyError on a missing `kid`)."""
    if authorization is None:
        return True  # the SDK answers a missing header with 401 itself
    scheme, _, token = authorization.strip().partition(" ")
    segments = token.strip().split(".")
    if scheme.lower() != "bearer" or len(segments) != 3 or not all(segments[:2]):
        return False
    try:
        header = json.loads(base64.urlsafe_b64decode(segments[0] + "=" * (-len(segments[0]) % 4)))
    except (ValueError, binascii.Error, RecursionError):
        return False
    return (
        isinstance(header, dict)
        and header.get("alg") == "RS256"
        and isinstance(header.get("kid"), str)
        and bool(header["kid"])
    )
