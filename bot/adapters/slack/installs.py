"""Where OAuth installations and OAuth state live: the SQLite file, or the PostgreSQL database
every replica shares (slack_sdk's own SQLAlchemy stores, so any replica serves any workspace).

slack_sdk maintains both stores and their tables (bots, installations, token rotation,
Enterprise Grid); writing our own would copy that model. SQLAlchemy loads only here, and
only with DATABASE_URL and the multi-workspace install."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from storage.backend import is_postgres

if TYPE_CHECKING:
    from slack_sdk.oauth.installation_store import InstallationStore
    from slack_sdk.oauth.state_store import OAuthStateStore

log = logging.getLogger(__name__)
OAUTH_STATE_SECONDS = 600


def sqlalchemy_url(url: str) -> str:
    """A postgresql:// URL for SQLAlchemy's psycopg 3 driver."""
    rest = url.split("://", 1)[1]
    return f"postgresql+psycopg://{rest}"


def installation_stores(location: str, client_id: str) -> tuple[InstallationStore, OAuthStateStore]:
    """The installation and OAuth state stores for an SQLite path or a postgresql:// URL."""
    if not is_postgres(location):
        from slack_sdk.oauth.installation_store.sqlite3 import SQLite3InstallationStore
        from slack_sdk.oauth.state_store.sqlite3 import SQLite3OAuthStateStore

        return (
            SQLite3InstallationStore(database=location, client_id=client_id),
            SQLite3OAuthStateStore(database=location, expiration_seconds=OAUTH_STATE_SECONDS),
        )
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
    from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError

    engine = create_engine(
        sqlalchemy_url(location), pool_size=2, max_overflow=4, pool_pre_ping=True
    )
    installs = SQLAlchemyInstallationStore(client_id=client_id, engine=engine)
    states = SQLAlchemyOAuthStateStore(expiration_seconds=OAUTH_STATE_SECONDS, engine=engine)
    for store in (installs, states):
        try:
            store.create_tables()  # IF NOT EXISTS; `chorus db migrate` has usually done it
        except SQLAlchemyError:  # another replica created them at the same moment
            log.info("Slack OAuth tables were being created by another process")
    return installs, states
