"""The Store: every query Chorus runs, on SQLite (a file) or PostgreSQL (a URL)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from storage.backend import SQLiteBackend, open_backend, stamp
from storage.channels import ChannelTipQueries
from storage.critiques import CritiqueQueries, text_hash
from storage.events import EventQueries
from storage.goals import GoalQueries
from storage.references import ReferenceQueries
from storage.shared import SharedQueries
from storage.usage import UsageQueries
from storage.users import FORGET_HOOKS, ForgetHook, UserQueries

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["FORGET_HOOKS", "ForgetHook", "Store", "stamp", "text_hash"]


class Store(
    UserQueries,
    CritiqueQueries,
    GoalQueries,
    ChannelTipQueries,
    UsageQueries,
    ReferenceQueries,
    EventQueries,
    SharedQueries,
):
    """All persistence for Chorus; safe to share across threads.

    `location` is an SQLite file path, or a postgresql:// URL (DATABASE_URL)."""

    def __init__(self, location: str | Path, retention_days: int = 30) -> None:
        self.location = str(location)
        self.retention = timedelta(days=retention_days)
        self.backend = open_backend(location)

    @property
    def db(self) -> Database:
        """This thread's sqlite-utils Database (SQLite only: for tests and benchmarks)."""
        if not isinstance(self.backend, SQLiteBackend):
            raise TypeError("Store.db is the SQLite connection; this store is PostgreSQL")
        return self.backend.db

    def migrate(self, stop_before: str | None = None) -> list[str]:
        """Apply pending migrations; return the names applied."""
        return self.backend.migrate(stop_before)

    def ping(self) -> bool:
        """True when the database answers."""
        return self.backend.execute("SELECT 1").one() == (1,)

    def close(self) -> None:
        """Close this thread's SQLite connection, or the PostgreSQL pool."""
        self.backend.close()
