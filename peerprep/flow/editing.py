"""The editing session: the open preparation, its lock, and its saving, for both faces.

A face owns one EditingSession. It reads the preparation from it and reports every change
(`changed()`); the face decides *when* to save (the full screen: shortly after typing, on
every move, on quit; plain mode: after each answer) and calls `save_now()`, or
`snapshot()` + `write()` from a thread so that a slow disk never blocks typing. Writes are
serialised and numbered, so an older snapshot can never overwrite a newer one, whatever
order the threads finish in.

The same rules in both faces:
- a preparation open in another program opens read-only, naming who has it, and the
  person may work on a copy instead (`open_copy`);
- a failed save keeps everything open and in memory (`close` returns the failed state),
  so the face can offer another place, and nothing is lost;
- text longer than a field may hold is never cut silently (`TooLong`, `fit_text`).
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from peerprep.choices import LANGUAGES, PART_KEYS
from peerprep.errors import StoreError
from peerprep.locks import LockedError, LockInfo
from peerprep.model import PART_MAX, Preparation, new_id, now

if TYPE_CHECKING:
    from peerprep.flow.deleting import DeletePlan
    from peerprep.store import Listing, Lock, PreparationStore


class TooLong(ValueError):
    """More text than one field of the file may hold; the words stay on screen."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


@dataclass(frozen=True)
class Fitted:
    """A text put into a field of `limit` characters: what fits, and what did not."""

    kept: str
    rest: str
    limit: int

    @property
    def cut(self) -> bool:
        return bool(self.rest)


def fit_text(text: str, limit: int) -> Fitted:
    """Split `text` at the field's limit (in characters, as the file format counts)."""
    return Fitted(text[:limit], text[limit:], limit)


SaveKind = Literal["idle", "saving", "saved", "failed", "read_only"]


@dataclass(frozen=True)
class SaveState:
    """How saving stands, for the quiet status line (full screen) or one sentence (plain).

    kind       "idle" (nothing new), "saving", "saved", "failed", "read_only"
    at         when it was last saved (or failed)
    error_key  the catalogue key of why it failed, filled in by `values`
    in_memory  "saved" means kept in memory only (a shared computer): never say "saved"
    """

    kind: SaveKind = "idle"
    at: dt.datetime | None = None
    error_key: str = ""
    values: dict[str, object] = field(default_factory=dict)
    in_memory: bool = False


@dataclass(frozen=True)
class Snapshot:
    """A frozen copy of the preparation, numbered so that newer writes win."""

    generation: int
    prep: Preparation


@dataclass(frozen=True)
class Opened:
    """The result of opening: the preparation, and who holds its lock if it is not ours."""

    prep: Preparation
    holder: LockInfo | None = None

    @property
    def read_only(self) -> bool:
        return self.holder is not None


class EditingSession:
    """The preparation being worked on, its editing lock, and the state of its saving."""

    def __init__(self, store: PreparationStore) -> None:
        self.store = store
        self.prep: Preparation | None = None
        self.read_only = False
        self.holder: LockInfo | None = None
        self.state = SaveState()
        # where the cursor was in each part's text, so back/next returns to the same spot
        self.cursors: dict[str, tuple[int, int]] = {}
        # a date or time as typed that could not be read yet (kept to be fixed later)
        self.drafts: dict[str, str] = {}
        self._lock: Lock | None = None
        self._generation = 0  # bumped on every change
        self._written = 0  # the newest generation on disk
        self._write_lock = threading.Lock()

    # --- opening and closing ------------------------------------------------------------

    def new(self, language: str) -> Preparation:
        self.close()
        prep = Preparation.new(language)
        self._take(prep, lock=True)
        return prep

    def open(self, prep_id: str, *, force: bool = False) -> Opened:
        """Open for editing; if another program holds the lock, open read-only. `force`:
        take over a lock this program cannot see running (`open --force`; take_over)."""
        self.close()
        prep = self.store.load(prep_id)
        holder: LockInfo | None = None
        try:
            lock: Lock | None = self.store.lock(prep.id, force=force)
        except LockedError as error:
            lock, holder = None, error.holder
        self._take(prep, lock=False)
        self._lock = lock
        self.holder = holder
        self.read_only = holder is not None
        self.state = SaveState("read_only") if self.read_only else SaveState()
        return Opened(prep, holder)

    def take_over(self) -> Opened:
        """Take the lock of the open, read-only preparation from a program on another
        computer, after the person said it is closed there (flow.taking_over), and read
        its newest words from disk. A program seen running on this computer keeps it.

        Raises:
            LockedError: it is open in a program running on this computer, or another
                program took the lock meanwhile.
            StoreError: it can no longer be read.
        """
        if self.prep is None:
            raise RuntimeError("nothing is open")
        prep_id = self.prep.id
        lock = self.store.lock(prep_id, force=True)
        try:
            prep = self.store.load(prep_id)
        except StoreError:
            lock.release()
            raise
        self._take(prep, lock=False)
        self._lock = lock
        return Opened(prep)

    def open_copy(self) -> Preparation:
        """A writable copy of the open (read-only) preparation, under a new id. Saved at once."""
        if self.prep is None:
            raise RuntimeError("nothing is open")
        source = self.prep
        stamp = now()
        copy = source.model_copy(deep=True)
        copy.id = new_id(stamp)
        copy.created_at = stamp
        copy.updated_at = stamp
        self.close()
        self._take(copy, lock=True)
        self.changed()
        return copy

    def start_from(self, prep_id: str, language: str) -> Preparation:
        """A new preparation starting from an earlier one's words (copy for a new meeting)."""
        source = self.store.load(prep_id)
        self.close()
        fresh = source.copy_for_new_meeting()
        fresh.language = language if language in LANGUAGES else fresh.language  # type: ignore[assignment]
        self._take(fresh, lock=True)
        self.changed()  # it holds words already: keep it even if nothing more is typed
        return fresh

    def _take(self, prep: Preparation, *, lock: bool) -> None:
        self.prep = prep
        self.read_only = False
        self.holder = None
        self.cursors = {}
        self.drafts = {}
        self.state = SaveState()
        self._generation = 0
        self._written = 0
        if lock:
            try:
                self._lock = self.store.lock(prep.id)
            except StoreError:
                # A new id cannot be locked by anyone else; a folder that cannot be written
                # to will say so on the first save, which is the message the person needs.
                self._lock = None

    def close(self) -> SaveState:
        """Save what is unsaved and let go of the lock. Returns how the last save went."""
        state = self.save_now()
        if state.kind == "failed":
            return state  # keep everything open: the words exist only on screen now
        if self._lock is not None:
            self._lock.release()
        self._lock = None
        self.prep = None
        self.read_only = False
        self.holder = None
        return state

    def discard(self) -> None:
        """Let go without saving (only after the person chose to leave unsaved text)."""
        if self._lock is not None:
            self._lock.release()
        self._lock = None
        self.prep = None
        self._generation = self._written = 0

    # --- changes and saving -------------------------------------------------------------

    def changed(self) -> None:
        """The preparation was edited; a save is now due."""
        if self.prep is not None and not self.read_only:
            self._generation += 1

    @property
    def dirty(self) -> bool:
        return self.prep is not None and not self.read_only and self._generation > self._written

    def set_part(self, key: str, text: str) -> bool:
        """Put the person's words into a part. Returns True when something changed.

        Raises TooLong (and changes nothing) past the model's limit for one part."""
        if self.prep is None or self.read_only or key not in PART_KEYS:
            return False
        if self.prep.statement.get(key) == text:
            return False
        if len(text) > PART_MAX:
            raise TooLong(PART_MAX)
        self.prep.set_part(key, text)
        self.changed()
        return True

    def snapshot(self) -> Snapshot | None:
        """A copy to write, or None when there is nothing new to save."""
        if not self.dirty or self.prep is None:
            return None
        self.prep.touched()
        return Snapshot(self._generation, self.prep.model_copy(deep=True))

    def write(self, snap: Snapshot) -> SaveState:
        """Write a snapshot. Safe to call from a thread; older snapshots never win."""
        with self._write_lock:
            if snap.generation <= self._written:
                return self.state
            try:
                self.store.save(snap.prep)
            except StoreError as error:
                self.state = SaveState("failed", now(), error.key, dict(error.values))
            except OSError:
                self.state = SaveState("failed", now(), "errors.write_failed", {"path": ""})
            else:
                self._written = max(self._written, snap.generation)
                self.state = SaveState("saved", now(), in_memory=self.store.in_memory)
                self.refresh_lock()
            return self.state

    def refresh_lock(self) -> None:
        """Show that our editing lock is still in use. Seen from another computer (a shared
        USB stick, a network folder) a lock not renewed for hours looks left behind."""
        lock = self._lock
        if lock is not None and not lock.released:
            lock.refresh()

    def save_now(self) -> SaveState:
        snap = self.snapshot()
        if snap is None:
            return self.state
        return self.write(snap)

    # --- the list on the home screen ------------------------------------------------------

    def listing(self) -> Listing:
        return self.store.list()

    def delete(self, plan: DeletePlan) -> None:
        """Delete a preparation the person agreed to delete (flow.deleting), letting go of
        it first when it is the one open here.

        Raises:
            OpenElsewhere, StoreError: see flow.deleting.delete.
        """
        from peerprep.flow import deleting

        if self.prep is not None and self.prep.id == plan.prep.id:
            self.discard()
        deleting.delete(self.store, plan)


def resume_step(prep: Preparation) -> int:
    """Where to pick up: the first part not yet written, or 4 (the review) when all are."""
    for index, key in enumerate(PART_KEYS):
        if not prep.statement.get(key).strip():
            return index
    return len(PART_KEYS)
