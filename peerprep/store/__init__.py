"""Where preparations are kept: on disk in a data folder, or in memory on a shared computer.

    store.contract   PreparationStore (the Protocol), Listing, Quarantined, Skipped
    store.disk       Store: one data folder; atomic writes, quarantine, locks, envelopes
    store.memory     MemoryStore: this process only; nothing on disk

Both satisfy PreparationStore; a type check in the tests holds them to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerprep.errors import StoreError, UnreadableError
from peerprep.locks import Lock, LockedError, LockInfo
from peerprep.store.contract import Listing, PreparationStore, Quarantined, Skipped
from peerprep.store.disk import Store, parse
from peerprep.store.memory import MemoryStore

__all__ = [
    "Listing",
    "Lock",
    "LockInfo",
    "LockedError",
    "MemoryStore",
    "PreparationStore",
    "Quarantined",
    "Skipped",
    "Store",
    "StoreError",
    "UnreadableError",
    "parse",
]

if TYPE_CHECKING:
    # The type check the tests run holds both stores to the contract here, whether or not
    # any other code happens to use them as one.
    def _both_keep_the_contract(disk: Store, memory: MemoryStore) -> list[PreparationStore]:
        return [disk, memory]
