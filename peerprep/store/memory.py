"""Preparations kept in this process only (a shared computer): nothing is ever on disk.

Each preparation is held as the same JSON bytes the disk store would write, and read back
through the same decoder, so a draft behaves exactly as it would on disk.
"""

from __future__ import annotations

import builtins
import datetime as dt
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from peerprep.errors import StoreError
from peerprep.fileformat import decode
from peerprep.ids import is_valid_id
from peerprep.locks import Lock, LockInfo
from peerprep.store.contract import Listing

if TYPE_CHECKING:
    from peerprep.crypto import Cipher
    from peerprep.model import Preparation


class MemoryLock(Lock):
    """Nothing to write: one program, one person, the lock is only a formality."""

    def still_mine(self) -> bool:
        return not self.released

    def refresh(self) -> None:
        return None  # there is no file whose time could be touched

    def release(self) -> None:
        self.released = True


class MemoryStore:
    """A PreparationStore (store.contract) kept in this process only."""

    in_memory = True
    protected = False

    def __init__(self) -> None:
        self.root = Path("<memory>")  # shown, never used as a folder
        self.cipher: Cipher | None = None
        self._files: dict[str, bytes] = {}
        # The full-screen program saves from a worker thread while the screen lists.
        self._guard = threading.RLock()

    def path_of(self, prep_id: str) -> Path:
        if not is_valid_id(prep_id):
            raise StoreError("errors.unknown_id", id=prep_id)
        return self.root / f"{prep_id}.json"

    def list(self) -> Listing:
        with self._guard:
            files = list(self._files.values())
        preparations = [decode(raw) for raw in files]
        preparations.sort(key=lambda p: p.updated_at, reverse=True)
        return Listing(preparations, [])

    def newest(self, count: int) -> Listing:
        listing = self.list()
        return Listing(listing.preparations[:count], [])

    def load(self, prep_id: str) -> Preparation:
        self.path_of(prep_id)
        with self._guard:
            raw = self._files.get(prep_id)
        if raw is None:
            raise StoreError("errors.unknown_id", id=prep_id)
        return decode(raw)

    def exists(self, prep_id: str) -> bool:
        with self._guard:
            return prep_id in self._files

    def save(self, prep: Preparation) -> Path:
        path = self.path_of(prep.id)
        data = prep.to_json().encode("utf-8")
        with self._guard:
            self._files[prep.id] = data
        return path

    def delete(self, prep_id: str) -> None:
        self.path_of(prep_id)
        with self._guard:
            if self._files.pop(prep_id, None) is None:
                raise StoreError("errors.unknown_id", id=prep_id)

    def wipe(self) -> builtins.list[Path]:
        """Forget everything. Returns the (pretend) paths of what went."""
        with self._guard:
            gone = [self.root / f"{prep_id}.json" for prep_id in self._files]
            self._files.clear()
        return gone

    def lock(self, prep_id: str, *, force: bool = False) -> Lock:
        path = self.path_of(prep_id)
        info = LockInfo(pid=os.getpid(), host="", created_at=dt.datetime.now().timestamp())
        return MemoryLock(path=path, info=info)

    def lock_holder(self, prep_id: str) -> LockInfo | None:
        return None

    def quarantined_files(self) -> builtins.list[Path]:
        return []  # nothing is ever read from a file, so nothing is ever broken
