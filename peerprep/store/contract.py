"""What a store of preparations does: one contract, kept on disk or in memory.

`PreparationStore` is the Protocol every store satisfies (`store.disk.Store` in a data
folder, `store.memory.MemoryStore` on a shared computer); a type checker run by the
tests holds both to it, so no code needs to ask a store what it can do.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from peerprep.crypto import Cipher
    from peerprep.locks import Lock, LockInfo
    from peerprep.model import Preparation


@dataclass(frozen=True)
class Quarantined:
    """A file that could not be read and was moved aside (never deleted).

    `reason` is a catalogue key (errors.file_*) and `values` fill it in."""

    original: Path
    moved_to: Path
    reason: str
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Skipped:
    """A file that could not even be opened or moved aside (no permission, a read-only
    stick): left where it is. `reason` is a catalogue key."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Listing:
    """Every readable preparation, newest change first, and what could not be read."""

    preparations: list[Preparation]
    quarantined: list[Quarantined]
    skipped: list[Skipped] = field(default_factory=list)


class PreparationStore(Protocol):
    """A store of preparations.

    Every method may raise StoreError (a catalogue key saying why, in words the person can
    act on); `lock` may raise LockedError, naming who holds the lock.
    """

    @property
    def in_memory(self) -> bool:
        """True where nothing is written to disk (a shared computer)."""
        ...

    @property
    def root(self) -> Path:
        """The data folder (a placeholder path for a store in memory)."""
        ...

    @property
    def protected(self) -> bool:
        """Does this store ask for a passphrase?"""
        ...

    cipher: Cipher | None

    def list(self) -> Listing:
        """Every readable preparation, newest first; unreadable files set aside and named.
        The preparations may be shared with the store (read them; `load` one to change)."""
        ...

    def newest(self, count: int) -> Listing:
        """A first look at a long list: about the `count` last changed, read as `list`
        reads them, newest first (the full order comes from `list`)."""
        ...

    def load(self, prep_id: str) -> Preparation:
        """One preparation. Raises StoreError ("errors.unknown_id") when there is none."""
        ...

    def exists(self, prep_id: str) -> bool: ...

    def save(self, prep: Preparation) -> Path:
        """Write one preparation atomically; returns where (a placeholder in memory)."""
        ...

    def delete(self, prep_id: str) -> None:
        """Remove one preparation; LockedError while another program has it open."""
        ...

    def wipe(self) -> builtins.list[Path]:
        """Remove everything this store keeps; returns what went."""
        ...

    def lock(self, prep_id: str, *, force: bool = False) -> Lock:
        """Take the editing lock; LockedError naming the holder when another has it."""
        ...

    def lock_holder(self, prep_id: str) -> LockInfo | None:
        """Who holds a live lock on this preparation, if anyone (this process included)."""
        ...

    def quarantined_files(self) -> builtins.list[Path]:
        """What lies in quarantine now."""
        ...
