"""SQLite schema migrations, applied in order by sqlite-utils; never edit one that has shipped.
storage/pg_migrations.py has the same steps, under the same names, for PostgreSQL."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("chorus")


@migrations()
def m001_users_critiques_events(db: Database) -> None:
    """Users keyed by tenant, critiques, and seen events for deduplicating retries."""
    db.execute(
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            team_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            tz TEXT,
            default_platform TEXT NOT NULL DEFAULT 'linkedin',
            created TEXT NOT NULL,
            UNIQUE (platform, team_id, user_id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE critiques (
            id INTEGER PRIMARY KEY,
            user_ref INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created TEXT NOT NULL,
            platform TEXT NOT NULL,
            score INTEGER NOT NULL,
            subscores TEXT NOT NULL,
            categories TEXT NOT NULL,
            hedges_per_100_words REAL NOT NULL,
            words INTEGER NOT NULL,
            text_hash TEXT NOT NULL,
            text TEXT,
            text_expires TEXT
        )"""
    )
    db.execute("CREATE INDEX critiques_by_user ON critiques (user_ref, created)")
    db.execute(
        "CREATE INDEX critiques_by_expiry ON critiques (text_expires) WHERE text IS NOT NULL"
    )
    db.execute(
        """
        CREATE TABLE events_seen (
            source TEXT NOT NULL,
            event_id TEXT NOT NULL,
            seen TEXT NOT NULL,
            PRIMARY KEY (source, event_id)
        )"""
    )


@migrations()
def m002_goals_checkins(db: Database) -> None:
    """Goals and confidence check-ins."""
    db.execute(
        """
        CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            user_ref INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('posts', 'minutes', 'confidence', 'text')),
            target INTEGER,
            platform TEXT,
            due TEXT,
            text TEXT NOT NULL,
            created TEXT NOT NULL,
            done_at TEXT
        )"""
    )
    db.execute("CREATE INDEX goals_by_user ON goals (user_ref)")
    db.execute(
        """
        CREATE TABLE confidence_checkins (
            id INTEGER PRIMARY KEY,
            user_ref INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
            created TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX checkins_by_user ON confidence_checkins (user_ref, created)")


@migrations()
def m003_critique_feedback(db: Database) -> None:
    """Whether the user found a critique helpful (NULL until they say)."""
    db.execute("ALTER TABLE critiques ADD COLUMN helpful INTEGER")


@migrations()
def m004_nudge_settings_channel_tips(db: Database) -> None:
    """Per-user nudge settings, the first-welcome marker, and channel tip schedules."""
    for column in (
        "nudges_enabled INTEGER NOT NULL DEFAULT 1",
        "nudge_time TEXT NOT NULL DEFAULT '09:30'",
        "nudge_days TEXT NOT NULL DEFAULT 'mon,tue,wed,thu,fri'",
        "snoozed_until TEXT",
        "welcomed TEXT",
    ):
        db.execute(f"ALTER TABLE users ADD COLUMN {column}")
    db.execute(
        """
        CREATE TABLE channel_tips (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            team_id TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            cadence TEXT NOT NULL CHECK (cadence IN ('daily', 'weekly')),
            weekday TEXT,
            local_time TEXT NOT NULL,
            tz TEXT NOT NULL,
            enabled INTEGER NOT NULL DEFAULT 1,
            set_by TEXT NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (platform, team_id, channel_id)
        )"""
    )


@migrations()
def m005_schedules_deliveries(db: Database) -> None:
    """When each user or channel is next due, and every delivery claimed exactly once."""
    db.execute("ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1")
    db.execute(
        """
        CREATE TABLE schedules (
            kind TEXT NOT NULL CHECK (kind IN ('nudge', 'weekly', 'tip')),
            owner INTEGER NOT NULL,
            next_due TEXT NOT NULL,
            PRIMARY KEY (kind, owner)
        )"""
    )
    db.execute("CREATE INDEX schedules_due ON schedules (next_due)")
    db.execute(
        """
        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            owner INTEGER NOT NULL,
            local_date TEXT NOT NULL,
            due TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN
                ('sending', 'sent', 'retry', 'failed', 'missed', 'unknown')),
            attempts INTEGER NOT NULL DEFAULT 0,
            content_id TEXT,
            error TEXT,
            claimed TEXT NOT NULL,
            finished TEXT,
            done_at TEXT,
            UNIQUE (kind, owner, local_date)
        )"""
    )
    db.execute(
        "CREATE INDEX deliveries_open ON deliveries (state) WHERE state IN ('sending', 'retry')"
    )
    db.execute("CREATE INDEX deliveries_by_owner ON deliveries (kind, owner, claimed)")


@migrations()
def m006_llm_usage(db: Database) -> None:
    """Tokens each user spent with the language model, per day."""
    db.execute(
        """
        CREATE TABLE llm_usage (
            user_ref INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            day TEXT NOT NULL,
            tokens INTEGER NOT NULL DEFAULT 0,
            requests INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (user_ref, day)
        )"""
    )


@migrations()
def m007_conversation_references(db: Database) -> None:
    """Where to reach a user or channel proactively (Teams conversation references)."""
    db.execute(
        """
        CREATE TABLE conversation_refs (
            platform TEXT NOT NULL,
            team_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('user', 'channel')),
            owner TEXT NOT NULL,
            reference TEXT NOT NULL,
            updated TEXT NOT NULL,
            PRIMARY KEY (platform, team_id, kind, owner)
        )"""
    )


@migrations()
def m008_replicas(db: Database) -> None:
    """Several processes on one database: leases on due schedules, who claimed each send, a
    shared rate bucket per workspace, the Teams SDK's state, and purging old event ids."""
    db.execute("ALTER TABLE schedules ADD COLUMN leased_by TEXT")
    db.execute("ALTER TABLE schedules ADD COLUMN lease_until TEXT")
    db.execute("ALTER TABLE deliveries ADD COLUMN claimed_by TEXT")
    db.execute("CREATE INDEX events_seen_by_age ON events_seen (seen)")
    db.execute("CREATE TABLE rate_buckets (bucket TEXT PRIMARY KEY, tat REAL NOT NULL)")
    db.execute(
        """
        CREATE TABLE agent_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated TEXT NOT NULL
        )"""
    )


@migrations()
def m009_experts_campaigns_workspaces(db: Database) -> None:
    """Expert requests and blocks, campaigns with members and drafts, workspace settings,
    admins and their audit log, and whether a user chose their platform themselves."""
    db.execute(
        """
        CREATE TABLE expert_requests (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            team_id TEXT NOT NULL,
            writer_id TEXT NOT NULL,
            expert_id TEXT,
            expert_tz TEXT NOT NULL,
            critique_ref INTEGER,
            draft TEXT,
            question TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL CHECK (state IN
                ('open', 'looks_right', 'suggested', 'not_mine', 'expired')),
            comment TEXT,
            created TEXT NOT NULL,
            remind_at TEXT NOT NULL,
            expires TEXT NOT NULL,
            reminded TEXT,
            answered TEXT
        )"""
    )
    db.execute("CREATE INDEX expert_requests_due ON expert_requests (state, remind_at)")
    db.execute(
        "CREATE INDEX expert_requests_writer ON expert_requests (platform, team_id, writer_id)"
    )
    db.execute(
        "CREATE INDEX expert_requests_expert ON expert_requests (platform, team_id, expert_id)"
    )
    db.execute(
        """
        CREATE TABLE expert_blocks (
            platform TEXT NOT NULL,
            team_id TEXT NOT NULL,
            expert_id TEXT NOT NULL,
            writer_id TEXT NOT NULL,
            created TEXT NOT NULL,
            PRIMARY KEY (platform, team_id, expert_id, writer_id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE campaigns (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            team_id TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            champion_id TEXT,
            title TEXT NOT NULL,
            ends TEXT NOT NULL,
            facts TEXT NOT NULL DEFAULT '',
            link TEXT NOT NULL DEFAULT '',
            audience TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL CHECK (state IN ('draft', 'open', 'stopped')),
            created TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX campaigns_by_channel ON campaigns (platform, team_id, channel_id)")
    db.execute(
        """
        CREATE TABLE campaign_members (
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL,
            joined TEXT NOT NULL,
            nudge_due TEXT,
            nudged TEXT,
            PRIMARY KEY (campaign_id, user_id)
        )"""
    )
    db.execute("CREATE INDEX campaign_members_due ON campaign_members (nudge_due)")
    db.execute(
        """
        CREATE TABLE campaign_drafts (
            id INTEGER PRIMARY KEY,
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            user_id TEXT NOT NULL,
            score INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            created TEXT NOT NULL,
            posted TEXT
        )"""
    )
    db.execute("CREATE INDEX campaign_drafts_by_campaign ON campaign_drafts (campaign_id, user_id)")
    db.execute(
        """
        CREATE TABLE workspace_settings (
            platform TEXT NOT NULL,
            team_id TEXT NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (platform, team_id, name)
        )"""
    )
    db.execute(
        """
        CREATE TABLE workspace_admins (
            platform TEXT NOT NULL,
            team_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            added_by TEXT,
            added TEXT NOT NULL,
            PRIMARY KEY (platform, team_id, user_id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE settings_audit (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            team_id TEXT NOT NULL,
            actor_id TEXT,
            name TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX settings_audit_by_workspace ON settings_audit (platform, team_id, at)")
    db.execute("ALTER TABLE users ADD COLUMN platform_chosen INTEGER NOT NULL DEFAULT 0")
