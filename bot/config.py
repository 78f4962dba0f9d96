"""Settings, read once from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import ChorusError

ROOT = Path(__file__).resolve().parent.parent
PROMPTS_DIR = ROOT / "prompts"


DEFAULT_SLACK_API_URL = "https://slack.com/api/"
TEAMS_PREFIXES = ("CONNECTIONS__", "CONNECTIONSMAP", "AGENTAPPLICATION__")
TEAMS_CLIENT_ID = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID"


@dataclass(frozen=True)
class SlackSettings:
    """Slack credentials; secrets stay out of repr() so they can't reach a log line."""

    api_url: str = DEFAULT_SLACK_API_URL
    bot_token: str = field(default="", repr=False)
    signing_secret: str = field(default="", repr=False)
    app_token: str = field(default="", repr=False)
    client_id: str = ""
    client_secret: str = field(default="", repr=False)

    @property
    def oauth(self) -> bool:
        """True for the multi-workspace install (client id and secret set)."""
        return bool(self.client_id and self.client_secret)

    @property
    def http_ready(self) -> bool:
        """True when `chorus serve` can take Slack's HTTP requests."""
        return bool(self.signing_secret and (self.bot_token or self.oauth))

    @property
    def socket_ready(self) -> bool:
        """True when `chorus slack` can connect over Socket Mode."""
        return bool(self.app_token and self.bot_token)


@dataclass(frozen=True)
class ModelSettings:
    """The optional language model; the key stays out of repr()."""

    api_key: str = field(default="", repr=False)
    base_url: str = ""
    azure_endpoint: str = ""
    azure_api_version: str = "2024-10-21"
    model: str = "gpt-4.1-mini"
    timeout: float = 20.0
    daily_limit: int = 50_000

    @property
    def enabled(self) -> bool:
        """True when a key, a compatible server or an Azure endpoint is configured."""
        return bool(self.api_key or self.base_url or self.azure_endpoint)


@dataclass(frozen=True)
class Settings:
    """Everything Chorus reads from its environment."""

    database: Path
    companies: tuple[str, ...]
    policy_terms: tuple[str, ...]
    retention_days: int
    log_level: str | None
    tips_file: Path
    port: int = 3000
    slack: SlackSettings = SlackSettings()
    scheduler: bool = True
    sends_per_second: float = 30.0  # per workspace, shared by every replica
    send_window_minutes: int = 60
    send_threads: int = 8
    replica: str = ""  # this process's name on its claims (default host:pid)
    database_url: str = field(default="", repr=False)  # postgresql://...; wins over CHORUS_DB
    nudges_file: Path = PROMPTS_DIR / "nudges.yaml"
    model: ModelSettings = ModelSettings()
    # The Agents SDK's own variables (CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID, ...),
    # handed to it as read here; secrets among them stay out of repr().
    teams_environment: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    admins: tuple[str, ...] = ()  # CHORUS_ADMINS: Chorus admins from the start (Teams' first)
    # "credentials" when the SDK's variables name an app; "anonymous" only by explicit opt-in
    # (CHORUS_TEAMS=anonymous, for local testing); otherwise "off": /api/messages isn't served.
    teams_mode: str = "off"

    @property
    def store_location(self) -> str:
        """DATABASE_URL (PostgreSQL) when set, else the SQLite file."""
        return self.database_url or str(self.database)


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(item.strip() for item in (value or "").split(",") if item.strip())


def _whole_number(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise ChorusError(f"{name} must be a whole number, not '{raw}'.")
    return int(raw)


def _switch(environ: Mapping[str, str], name: str, default: bool) -> bool:
    raw = environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in ("on", "true", "1", "yes"):
        return True
    if raw in ("off", "false", "0", "no"):
        return False
    raise ChorusError(f"{name} must be on or off, not '{raw}'.")


def _teams_mode(environ: Mapping[str, str]) -> str:
    raw = environ.get("CHORUS_TEAMS", "").strip().lower()
    credentials = bool(environ.get(TEAMS_CLIENT_ID, "").strip())
    if raw not in ("", "off", "anonymous"):
        raise ChorusError(f"CHORUS_TEAMS must be anonymous or off, not '{raw}'.")
    if raw == "anonymous" and credentials:
        raise ChorusError(
            "CHORUS_TEAMS=anonymous is for local testing without Teams credentials; "
            f"unset it or {TEAMS_CLIENT_ID}."
        )
    if raw == "off":
        return "off"
    return "anonymous" if raw == "anonymous" else ("credentials" if credentials else "off")


def _database_url(url: str) -> str:
    if url and not url.startswith(("postgresql://", "postgres://")):
        raise ChorusError("DATABASE_URL must be a postgresql:// URL (or unset for SQLite).")
    return url


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read settings from the environment (os.environ unless given)."""
    env = os.environ if environ is None else environ
    return Settings(
        database=Path(env.get("CHORUS_DB", "chorus.db")),
        companies=_list(env.get("CHORUS_COMPANY")),
        policy_terms=_list(env.get("CHORUS_POLICY_TERMS")),
        admins=_list(env.get("CHORUS_ADMINS")),
        retention_days=_whole_number(env, "CHORUS_RETENTION_DAYS", 30),
        log_level=env.get("CHORUS_LOG_LEVEL", "").upper() or None,
        tips_file=Path(env.get("CHORUS_TIPS_FILE", PROMPTS_DIR / "tips.yaml")),
        port=_whole_number(env, "PORT", 3000),
        scheduler=_switch(env, "CHORUS_SCHEDULER", default=True),
        sends_per_second=float(_whole_number(env, "CHORUS_SENDS_PER_SECOND", 30)),
        send_window_minutes=_whole_number(env, "CHORUS_SEND_WINDOW_MINUTES", 60),
        send_threads=max(1, _whole_number(env, "CHORUS_SEND_THREADS", 8)),
        replica=env.get("CHORUS_REPLICA", "").strip(),
        database_url=_database_url(env.get("DATABASE_URL", "").strip()),
        nudges_file=Path(env.get("CHORUS_NUDGES_FILE", PROMPTS_DIR / "nudges.yaml")),
        teams_environment=tuple(
            (k, v) for k, v in sorted(env.items()) if k.startswith(TEAMS_PREFIXES)
        ),
        teams_mode=_teams_mode(env),
        model=ModelSettings(
            api_key=(env.get("OPENAI_API_KEY") or env.get("AZURE_OPENAI_API_KEY") or "").strip(),
            base_url=env.get("OPENAI_BASE_URL", "").strip(),
            azure_endpoint=env.get("AZURE_OPENAI_ENDPOINT", "").strip(),
            azure_api_version=env.get("OPENAI_API_VERSION", "").strip() or "2024-10-21",
            model=env.get("CHORUS_MODEL", "").strip() or "gpt-4.1-mini",
            timeout=float(_whole_number(env, "CHORUS_LLM_TIMEOUT", 20)),
            daily_limit=_whole_number(env, "CHORUS_LLM_DAILY_LIMIT", 50_000),
        ),
        slack=SlackSettings(
            api_url=env.get("SLACK_API_URL", "").strip() or DEFAULT_SLACK_API_URL,
            bot_token=env.get("SLACK_BOT_TOKEN", "").strip(),
            signing_secret=env.get("SLACK_SIGNING_SECRET", "").strip(),
            app_token=env.get("SLACK_APP_TOKEN", "").strip(),
            client_id=env.get("SLACK_CLIENT_ID", "").strip(),
            client_secret=env.get("SLACK_CLIENT_SECRET", "").strip(),
        ),
    )
