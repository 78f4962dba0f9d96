"""The base every part of the Store builds on: its backend, and shorthand for statements."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import timedelta
from typing import Any

from storage.backend import Backend, Result


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
