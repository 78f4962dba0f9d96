"""Persistence: the sqlite-utils store and its migrations. All SQL lives here."""

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
from storage.store import Store, text_hash

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
