"""Persistence: the sqlite-utils store and its migrations. All SQL lives here."""

from storage.records import (
    Checkin,
    CritiqueRecord,
    DataSummary,
    Goal,
    NewCritique,
    User,
    UserKey,
)
from storage.store import Store, text_hash

__all__ = [
    "Checkin",
    "CritiqueRecord",
    "DataSummary",
    "Goal",
    "NewCritique",
    "Store",
    "User",
    "UserKey",
    "text_hash",
]
