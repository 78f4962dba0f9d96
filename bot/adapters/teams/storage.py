"""The Agents SDK's Storage over Chorus's store: turn state lives in the shared database, so
any replica can take a conversation's next turn (and nothing grows in one process's memory)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from microsoft_agents.hosting.core import Storage, StoreItem

from storage import Store

StoreItemT = TypeVar("StoreItemT", bound=StoreItem)


class StoreStorage(Storage):
    """Storage.read/write/delete as rows of agent_state (JSON values), off the event loop."""

    def __init__(self, store: Store, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.clock = clock

    async def read(
        self, keys: list[str], *, target_cls: type[StoreItemT], **kwargs: object
    ) -> dict[str, StoreItemT]:
        """The stored items among `keys`."""
        _check(keys, "read")
        found = await asyncio.to_thread(self.store.state_read, keys)
        return {
            key: target_cls.from_json_to_store_item(json.loads(value))  # type: ignore[misc]
            for key, value in found.items()
        }

    async def write(self, changes: dict[str, StoreItem]) -> None:
        """Create or replace items."""
        _check(list(changes), "write")
        values = {key: json.dumps(item.store_item_to_json()) for key, item in changes.items()}
        await asyncio.to_thread(self.store.state_write, values, self.clock())

    async def delete(self, keys: list[str]) -> None:
        """Delete items (missing ones are ignored)."""
        _check(keys, "delete")
        await asyncio.to_thread(self.store.state_delete, keys)


def _check(keys: list[str], operation: str) -> None:
    if not keys:
        raise ValueError(f"Storage.{operation}(): keys are required")
    if any(not key for key in keys):
        raise ValueError(f"Storage.{operation}(): a key cannot be empty")
