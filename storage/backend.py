"""The two databases behind the Store: SQLite (sqlite-utils, the default) and PostgreSQL
(psycopg 3 with a connection pool). Every dialect difference lives here and in dialect.py:
connections and pragmas, placeholders, parameter and timestamp types, transactions."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage.dialect import POSTGRES, SQLITE, Dialect

if TYPE_CHECKING:
    from psycopg import Connection
    from psycopg_pool import ConnectionPool
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
POOL_SIZE = 20
POOL_TIMEOUT_SECONDS = 30
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class Result:
    """What a statement returned: its rows (RETURNING or SELECT) and how many rows it changed."""

    rows: list[tuple[Any, ...]]
    rowcount: int

    def one(self) -> tuple[Any, ...] | None:
        """The first row, or None."""
        return self.rows[0] if self.rows else None


def stamp(moment: datetime) -> str:
    """A sortable UTC timestamp string (how SQLite keeps a moment)."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def moment(value: str | datetime | None) -> datetime | None:
    """A stored moment as an aware datetime, whichever database kept it."""
    if value is None or value == "":
        return None
    found = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return found.astimezone(UTC) if found.tzinfo else found.replace(tzinfo=UTC)


def day(value: str | date | None) -> date | None:
    """A stored calendar date, whichever database kept it."""
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)


def is_postgres(location: str | Path) -> bool:
    """True for a postgresql:// URL, False for an SQLite file path."""
    return str(location).startswith(POSTGRES_SCHEMES)


class Backend:
    """One database: run a statement, group statements in a transaction, migrate."""

    dialect: Dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Result:
        """Run one statement (written with ? placeholders) and return what it gave."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for many rows (bulk loads in benchmarks and tests)."""
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Statements inside commit together or not at all (nested blocks join the outer)."""
        raise NotImplementedError
        yield  # pragma: no cover

    def migrate(self, stop_before: str | None = None) -> list[str]:
        """Apply pending migrations (all, or those before `stop_before`); return their names."""
        raise NotImplementedError

    def tables(self) -> list[str]:
        """The name of every table in the database, Chorus's and slack_sdk's."""
        return [str(r[0]) for r in self.execute(self.dialect.tables).rows]

    def has_table(self, name: str) -> bool:
        """True when the database has this table."""
        return name in self.tables()

    def close(self) -> None:
        """Release connections."""

    @property
    def name(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self.dialect.name


class SQLiteBackend(Backend):
    """One connection per thread, WAL, a busy timeout, and sqlite-utils' migrations."""

    dialect = SQLITE

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        # One writer at a time inside this process, handed over at once: SQLite's own busy
        # handler waits in sleeps of up to 100 ms, which is what a burst of writers would
        # otherwise queue on (other processes still meet the busy timeout).
        self._writer = threading.RLock()

    @property
    def db(self) -> Database:
        """This thread's connection, opened on first use."""
        from sqlite_utils import Database

        db = getattr(self._local, "db", None)
        if db is None:
            # Autocommit at the driver: a lone statement commits itself; transaction() groups.
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            db = self._local.db = Database(conn)
        return db

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Result:
        """Run one statement on this thread's connection (a write waits for the writer lock)."""
        if _writes(sql):
            with self._writer:
                return self._run(sql, params)
        return self._run(sql, params)

    def _run(self, sql: str, params: Sequence[Any]) -> Result:
        cursor = self.db.execute(sql, [_sqlite_value(p) for p in params])
        rows = cursor.fetchall()
        return Result([tuple(r) for r in rows], cursor.rowcount)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for many rows in one transaction."""
        with self.transaction():
            self.db.conn.executemany(sql, ([_sqlite_value(p) for p in row] for row in rows))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """sqlite-utils' atomic(): BEGIN, or a savepoint inside one, holding the writer lock."""
        with self._writer, self.db.atomic():
            yield

    def migrate(self, stop_before: str | None = None) -> list[str]:
        """sqlite-utils' migrations, recorded in _sqlite_migrations as they always were."""
        from storage.migrations import migrations

        names = [m.name for m in migrations.pending(self.db)]
        if stop_before is not None and stop_before in names:
            names = names[: names.index(stop_before)]
        migrations.apply(self.db, stop_before=stop_before)
        return names

    def close(self) -> None:
        """Close this thread's connection."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.conn.close()
            self._local.db = None


def _writes(sql: str) -> bool:
    """True for a statement that changes the database (reads never wait for the writer)."""
    return not sql.lstrip()[:6].upper().startswith(("SELECT", "PRAGMA", "WITH", "EXPLAI"))


class PostgresBackend(Backend):
    """A psycopg 3 connection pool; autocommit outside transactions, UTC sessions."""

    dialect = POSTGRES

    def __init__(self, url: str, pool_size: int = POOL_SIZE) -> None:
        from psycopg_pool import ConnectionPool

        self.url = url
        self._local = threading.local()
        self.pool: ConnectionPool = ConnectionPool(
            url,
            min_size=1,
            max_size=pool_size,
            kwargs={"autocommit": True},
            configure=_configure,
            timeout=POOL_TIMEOUT_SECONDS,
            name="chorus",
            open=True,
        )

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Result:
        """Run one statement: in this thread's transaction if one is open, else on its own."""
        conn: Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return _run(conn, sql, params)
        with self.pool.connection() as pooled:
            return _run(pooled, sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for many rows in one transaction (pipelined by psycopg)."""
        with self.pool.connection() as conn, conn.transaction(), conn.cursor() as cursor:
            cursor.executemany(_postgres_sql(sql), [[_pg_value(p) for p in r] for r in rows])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One pooled connection for every statement inside, committed at the end."""
        if getattr(self._local, "conn", None) is not None:
            yield
            return
        with self.pool.connection() as conn, conn.transaction():
            self._local.conn = conn
            try:
                yield
            finally:
                self._local.conn = None

    def migrate(self, stop_before: str | None = None) -> list[str]:
        """Chorus's PostgreSQL migrations, under an advisory lock so replicas can start together."""
        from storage.pg_migrations import apply

        with self.pool.connection() as conn:
            return apply(conn, stop_before)

    def close(self) -> None:
        """Close the pool."""
        self.pool.close()


def open_backend(location: str | Path) -> Backend:
    """PostgreSQL for a postgresql:// URL, else an SQLite file."""
    if is_postgres(location):
        return PostgresBackend(str(location))
    return SQLiteBackend(location)


def _configure(conn: Connection) -> None:
    conn.execute("SET TIME ZONE 'UTC'")


def _run(conn: Connection, sql: str, params: Sequence[Any]) -> Result:
    cursor = conn.execute(_postgres_sql(sql), [_pg_value(p) for p in params])
    rows = cursor.fetchall() if cursor.description is not None else []
    return Result([tuple(r) for r in rows], cursor.rowcount)


@lru_cache(maxsize=512)
def _postgres_sql(sql: str) -> str:
    """`?` placeholders become psycopg's `%s` (a literal % is doubled first)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return stamp(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _pg_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(microsecond=0)
    if isinstance(value, bool):
        return int(value)
    return value
