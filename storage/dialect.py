"""The SQL that differs between SQLite and PostgreSQL, side by side; everything else is written
once (`?` placeholders, `ON CONFLICT` upserts and `RETURNING` work in both)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    """One database's spelling of the statements that can't be shared."""

    name: str
    greatest: str  # the two-argument maximum: max() in SQLite, GREATEST() in PostgreSQL
    lease_due: str  # take up to N due schedules for this sweep; other sweeps skip them
    find: str  # where a substring starts in a text, 0 if absent: instr() / strpos()
    tables: str  # the names of every table in the database (the current schema on PostgreSQL)


# SQLite has one writer at a time, so a single UPDATE over a sub-select is already atomic
# between processes; RETURNING needs SQLite 3.35 or later. `+kind` keeps the planner on the
# next_due index (on the primary key's kind it would sort every schedule of that kind).
SQLITE = Dialect(
    name="sqlite",
    greatest="max",
    find="instr",
    tables="SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    lease_due="""
        UPDATE schedules SET leased_by = ?, lease_until = ?
        WHERE rowid IN (
            SELECT rowid FROM schedules
            WHERE next_due <= ? AND (lease_until IS NULL OR lease_until <= ?)
                AND +kind IN ({kinds})
            ORDER BY next_due LIMIT ?)
        RETURNING kind, owner, next_due
    """,
)

# Replicas lease disjoint batches: rows another transaction is leasing are skipped, not waited on.
POSTGRES = Dialect(
    name="postgresql",
    greatest="GREATEST",
    find="strpos",
    tables="SELECT table_name FROM information_schema.tables"
    " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
    lease_due="""
        UPDATE schedules AS s SET leased_by = ?, lease_until = ?
        FROM (
            SELECT kind, owner FROM schedules
            WHERE next_due <= ? AND (lease_until IS NULL OR lease_until <= ?) AND kind IN ({kinds})
            ORDER BY next_due LIMIT ?
            FOR UPDATE SKIP LOCKED) AS due
        WHERE s.kind = due.kind AND s.owner = due.owner
        RETURNING s.kind, s.owner, s.next_due
    """,
)
