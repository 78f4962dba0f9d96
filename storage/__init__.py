"""Persistence: the Store over SQLite (sqlite-utils) or PostgreSQL (psycopg 3), its
migrations, and every query Chorus runs. All SQL lives here."""

# Issue 13's tables forget a user with the rest of their data (Store.delete_user).
from storage.campaigns import Campaigns
from storage.experts import ExpertRequests
from storage.records import (
    ChannelTips,
    Checkin,
    CritiqueRecord,
    DataSummary,
    Goal,
    NewCritique,
    NudgeSettings,
    User,
    UserKey,
)
from storage.store import FORGET_HOOKS, Store, text_hash
from storage.workspace import Workspaces

FORGET_HOOKS.extend((ExpertRequests.forget, Campaigns.forget, Workspaces.forget))

__all__ = [
    "ChannelTips",
    "Checkin",
    "CritiqueRecord",
    "DataSummary",
    "Goal",
    "NewCritique",
    "NudgeSettings",
    "Store",
    "User",
    "UserKey",
    "text_hash",
]
