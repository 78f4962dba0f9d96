"""What each platform allows and expects: limits, folds, hashtag and emoji norms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.errors import ChorusError


@dataclass(frozen=True)
class Platform:
    """One platform's limits and norms."""

    name: str
    label: str
    limit: int  # 0 means no hard limit
    unit: Literal["characters", "weighted", "graphemes"]
    fold: int | None  # characters visible before "see more"
    fold_mobile: int | None
    max_hashtags: int
    max_emoji: int
    target_grade: float
    max_paragraph_words: int
    # Tags under a short caption are how the platform is searched (Instagram): up to the norm,
    # they are not stuffing however short the caption.
    caption_tags: bool = False


PLATFORMS: dict[str, Platform] = {
    p.name: p
    for p in (
        Platform("linkedin", "LinkedIn", 3000, "characters", 210, 140, 5, 3, 10.0, 60),
        Platform("x", "X", 280, "weighted", None, None, 2, 2, 8.0, 60),
        Platform("bluesky", "Bluesky", 300, "graphemes", None, None, 2, 2, 8.0, 60),
        Platform("threads", "Threads", 500, "characters", None, None, 1, 3, 8.0, 60),
        Platform("instagram", "Instagram", 2200, "characters", 125, 125, 5, 8, 8.0, 60, True),
        Platform("facebook", "Facebook", 63206, "characters", None, None, 3, 4, 8.0, 80),
        Platform("blog", "a blog", 0, "characters", None, None, 5, 3, 12.0, 120),
        Platform("internal", "a company channel", 4000, "characters", None, None, 2, 4, 10.0, 80),
    )
}

DEFAULT_PLATFORM = "linkedin"

ALIASES = {"twitter": "x", "bsky": "bluesky", "ig": "instagram", "fb": "facebook", "li": "linkedin"}


def get_platform(name: str) -> Platform:
    """Return the platform called `name` (or a common alias), or raise a kind ChorusError."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in PLATFORMS:
        known = ", ".join(PLATFORMS)
        raise ChorusError(f"I don't know the platform '{name}'. Try one of: {known}.")
    return PLATFORMS[key]
