"""The base every part of the Store builds on: its backend, and shorthand for statements."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from storage.backend import Backend, Result

if TYPE_CHECKING:
    from storage.store import Store


class Queries:
    """Shared by the Store's parts (users, critiques, goals, channel tips, usage, ...)."""

    backend: Backend
    retention: timedelta

    def _x(self, sql: str, params: Sequence[Any] = ()) -> Result:
        return self.backend.execute(sql, params)

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        return self.backend.execute(sql, params).one()

    def _tx(self) -> AbstractContextManager[None]:
        return self.backend.transaction()


class StorePart(Queries):
    """Queries kept beside the Store, built over one (deliveries, expert requests, campaigns,
    workspace settings): the same backend, so they join its transactions."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.backend = store.backend
        self.retention = store.retention
