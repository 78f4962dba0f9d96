"""`chorus teams package`: a Teams app package (manifest.json and two icons, zipped)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from bot import __version__

MANIFEST_VERSION = "1.30"  # the current GA schema (developer.microsoft.com/json-schemas/teams)
SCHEMA = f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
ACCENT = "#3B2A63"
COMMANDS = (
    ("help", "What Chorus can do"),
    ("review", "Critique a draft (paste it after review)"),
    ("goal", "Set, list or finish a goal"),
    ("checkin", "How confident you feel posting, 1-5"),
    ("progress", "Scores, confidence, streak and goals"),
    ("platform", "The platform your drafts are for"),
    ("nudges", "Your daily nudge: on, off, at 08:15, snooze 3d"),
    ("ask", "Ask a colleague to check your last draft"),
    ("my data", "Everything Chorus keeps about you"),
    ("forget me", "Delete all of it"),
)  # Teams shows at most 10 commands a list; `chart` and the rest are in `help`
CHANNEL_COMMANDS = (
    ("help", "What Chorus can do"),
    ("campaign start", 'A campaign: "Title" until 2027-03-12'),
    ("campaign status", "How the campaign is going (counts only)"),
    ("campaign stop", "End the campaign"),
    ("tips here", "Tips in this channel: weekly mon 10:00, daily 09:00, off"),
)


def manifest(bot_id: str, domains: tuple[str, ...]) -> dict[str, Any]:
    """The app manifest for this bot."""
    return {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": __version__,
        "id": bot_id,
        "developer": {
            "name": "Chorus",
            "websiteUrl": f"https://{domains[0]}" if domains else "https://example.com",
            "privacyUrl": f"https://{domains[0]}/privacy" if domains else "https://example.com",
            "termsOfUseUrl": f"https://{domains[0]}/terms" if domains else "https://example.com",
        },
        "name": {"short": "Chorus", "full": "Chorus writing coach"},
        "description": {
            "short": "A writing coach for posting in public.",
            "full": "Send Chorus a draft and it tells you what works, then the three fixes that "
            "matter most. Ask how to grow, set goals, and get one small step a weekday. "
            "Drafts stay private.",
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": bot_id,
                "scopes": ["personal", "team", "groupChat"],
                "supportsFiles": False,
                "isNotificationOnly": False,
                "commandLists": [
                    {
                        "scopes": ["personal"],
                        "commands": [{"title": t, "description": d} for t, d in COMMANDS],
                    },
                    {
                        "scopes": ["team", "groupChat"],
                        "commands": [{"title": t, "description": d} for t, d in CHANNEL_COMMANDS],
                    },
                ],
            }
        ],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": list(domains),
    }


def _icon(
    size: int, background: tuple[int, int, int, int], ink: tuple[int, int, int, int]
) -> bytes:
    from PIL import Image, ImageDraw  # Pillow comes with matplotlib

    image = Image.new("RGBA", (size, size), background)
    draw = ImageDraw.Draw(image)
    margin, width = size // 5, max(2, size // 10)
    draw.arc((margin, margin, size - margin, size - margin), 45, 315, fill=ink, width=width)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def write_package(path: Path, bot_id: str, domains: tuple[str, ...]) -> Path:
    """Write the zip Teams admins upload (or sideload): manifest.json, color.png, outline.png."""
    colour = _icon(192, (59, 42, 99, 255), (255, 255, 255, 255))
    outline = _icon(32, (0, 0, 0, 0), (255, 255, 255, 255))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest(bot_id, domains), indent=2))
        package.writestr("color.png", colour)
        package.writestr("outline.png", outline)
    return path
