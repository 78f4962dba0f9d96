"""Settings, read once from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.errors import ChorusError

ROOT = Path(__file__).resolve().parent.parent
PROMPTS_DIR = ROOT / "prompts"


@dataclass(frozen=True)
class Settings:
    """Everything Chorus reads from its environment."""

    database: Path
    companies: tuple[str, ...]
    policy_terms: tuple[str, ...]
    retention_days: int
    log_level: str | None
    tips_file: Path


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(item.strip() for item in (value or "").split(",") if item.strip())


def _whole_number(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise ChorusError(f"{name} must be a whole number, not '{raw}'.")
    return int(raw)


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read settings from the environment (os.environ unless given)."""
    env = os.environ if environ is None else environ
    return Settings(
        database=Path(env.get("CHORUS_DB", "chorus.db")),
        companies=_list(env.get("CHORUS_COMPANY")),
        policy_terms=_list(env.get("CHORUS_POLICY_TERMS")),
        retention_days=_whole_number(env, "CHORUS_RETENTION_DAYS", 30),
        log_level=env.get("CHORUS_LOG_LEVEL", "").upper() or None,
        tips_file=Path(env.get("CHORUS_TIPS_FILE", PROMPTS_DIR / "tips.yaml")),
    )
