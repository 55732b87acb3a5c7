"""The editing session: the open preparation, its lock, and its saving, for both faces.

A face owns one EditingSession. It reads the preparation from it and reports every change
(`changed()`); when to save while the person types is one rule (flow.autosave: about a
second after typing stops, and never more than about two seconds after the first unsaved
change), asked with `save_due_in()`. The face saves then, on every move and on quit (plain
mode: after each answer) with `save_now()`, or `snapshot()` + `write()` from a thread so
that a slow disk never blocks typing. Writes are serialised and numbered, so an older
snapshot can never overwrite a newer one, whatever order the threads finish in. `status()`
is what the person is told: never "saved" while newer words are only in memory, and
never "saved" without saying which typed date or time is not (flow.meeting_when,
`SaveState.unread`).

The same rules in both faces:
- a preparation open in another program opens read-only, naming who has it, and the
  person may work on a copy instead (`open_copy`);
- a preparation in a folder that cannot be written to (a write-protected USB stick, a
  read-only mount) opens read-only too, with the same calm line;
- a failed save keeps everything open and in memory (`close` returns the failed state),
  so the face can offer another place, and nothing is lost;
- text longer than a field may hold is never cut silently (`TooLong`, `fit_text`; what
  did not fit is kept in `leftovers` until the person lets it go, see flow.limits).

A new preparation may be begun "later" (`new_later`): the full screen shows part 1 before
the preparation model (and pydantic) is loaded, and makes it right after that first frame.
Whatever touches `prep` before then (a key typed into part 1, a save, quitting) makes it
at that moment, so nothing typed can fall between.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from peerprep.choices import LANGUAGES, PART_KEYS
from peerprep.errors import StoreError
from peerprep.flow.autosave import AutosaveClock
from peerprep.flow.limits import Fitted, Leftovers, fit_text
from peerprep.ids import new_id, now
from peerprep.locks import LockedError, LockInfo

__all__ = [
    "EditingSession",
    "Fitted",
    "Opened",
    "SaveState",
    "Snapshot",
    "TooLong",
    "fit_text",
    "resume_step",
]

if TYPE_CHECKING:
    from peerprep.flow.deleting import DeletePlan
    from peerprep.model import Preparation
    from peerprep.store import Listing, Lock, PreparationStore


class TooLong(ValueError):
    """More text than one field of the file may hold; the words stay on screen."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


SaveKind = Literal["idle", "pending", "saving", "saved", "failed", "read_only"]


@dataclass(frozen=True)
class SaveState:
    """How saving stands, for the quiet status line (full screen) or one sentence (plain).

    kind       "idle" (nothing new), "pending" (newer words are only in memory; a save is
               coming), "saving", "saved", "failed", "read_only"
    at         when it was last saved (or failed)
    error_key  the catalogue key of why it failed, filled in by `values`
    in_memory  "saved" means kept in memory only (a shared computer): never say "saved"
    unread     the meeting's "date" and/or "time" as typed that cannot be read: kept on
               screen only, never saved, so "saved" is never said without "but not the
               date" (the file keeps the last date that could be read)
    """

    kind: SaveKind = "idle"
    at: dt.datetime | None = None
    error_key: str = ""
    values: dict[str, object] = field(default_factory=dict)
    in_memory: bool = False
    unread: tuple[str, ...] = ()


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
    # why it could not be locked when no one else holds it: the folder cannot be written
    # to (a catalogue key, errors.read_only / errors.disk_full / ...); "" when it could
    unwritable: str = ""

    @property
    def read_only(self) -> bool:
        return self.holder is not None or bool(self.unwritable)


class EditingSession:
    """The preparation being worked on, its editing lock, and the state of its saving."""

    def __init__(self, store: PreparationStore, autosave: AutosaveClock | None = None) -> None:
        self.store = store
        self._prep: Preparation | None = None
        self._later: str | None = None  # the language of a new preparation not made yet
        self.read_only = False
        self.holder: LockInfo | None = None
        self.state = SaveState()
        # when the next save is due while the person types (flow.autosave)
        self.autosave = autosave or AutosaveClock()
        # text that did not fit into a field, kept to be shown until the person lets it go
        self.leftovers = Leftovers()
        # a preparation was written to disk in this run (what a face may say on leaving)
        self.saved_this_run = False
        # where the cursor was in each part's text, so back/next returns to the same spot
        self.cursors: dict[str, tuple[int, int]] = {}
        # a date or time as typed that could not be read yet (kept to be fixed later)
        self.drafts: dict[str, str] = {}
        self._lock: Lock | None = None
        self._generation = 0  # bumped on every change
        self._written = 0  # the newest generation on disk
        self._write_lock = threading.Lock()

    # --- opening and closing ------------------------------------------------------------

    @property
    def prep(self) -> Preparation | None:
        """The open preparation, if any. A new one begun with `new_later` is made now."""
        if self._later is not None:
            self._make_new(self._later)
        return self._prep

    @prep.setter
    def prep(self, value: Preparation | None) -> None:
        self._later = None
        self._prep = value

    @property
    def pending(self) -> bool:
        """A new preparation was begun with `new_later` and is not made yet: it is empty."""
        return self._later is not None

    def new(self, language: str) -> Preparation:
        """A new, empty preparation, made and locked now (see `new_later`)."""
        self.close()
        self.cursors = {}
        self.leftovers.clear()
        return self._make_new(language)

    def new_later(self, language: str) -> None:
        """Begin a new, empty preparation that is made when first needed (see the module's
        docstring): `pending` is True until then, and `prep` makes it."""
        self.close()
        self._later = language
        self.state = SaveState()
        self.cursors = {}
        self.drafts = {}
        self.leftovers.clear()

    def _make_new(self, language: str) -> Preparation:
        from peerprep.model import Preparation

        prep = Preparation.new(language)
        # What was typed or pasted into part 1 before the preparation was made (cursors, a
        # paste's rest that did not fit) belongs to this same preparation: kept.
        cursors, rests = dict(self.cursors), list(self.leftovers.items())
        self._take(prep, lock=True)  # (clears `_later`)
        self.cursors = cursors
        for name, rest in rests:
            self.leftovers.add(name, rest)
        return prep

    def open(self, prep_id: str, *, force: bool = False) -> Opened:
        """Open for editing; read-only if another program holds the lock, or if the folder
        cannot be written to (nothing could be saved there, and reading must still work).
        `force`: take over a lock this program cannot see running (`open --force`;
        take_over).

        Raises:
            StoreError: no such preparation, or its file cannot be read (see Store.load).
        """
        self.close()
        prep = self.store.load(prep_id)
        holder: LockInfo | None = None
        unwritable = ""
        try:
            lock: Lock | None = self.store.lock(prep.id, force=force)
        except LockedError as error:
            lock, holder = None, error.holder
        except StoreError as error:
            lock, unwritable = None, error.key
        self._take(prep, lock=False)
        self._lock = lock
        self.holder = holder
        self.read_only = holder is not None or bool(unwritable)
        self.state = SaveState("read_only") if self.read_only else SaveState()
        return Opened(prep, holder, unwritable)

    def take_over(self) -> Opened:
        """Take the lock of the open, read-only preparation from a program on another
        computer, after the person said it is closed there (flow.taking_over), and read
        its newest words from disk. A program seen running on this computer keeps it.

        Raises:
            LockedError: it is open in a program running on this computer, or another
                program took the lock meanwhile.
            StoreError: it can no longer be read.
            RuntimeError: nothing is open (a face's mistake).
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
        """A writable copy of the open (read-only) preparation, under a new id. Saved at once.

        Raises:
            RuntimeError: nothing is open (a face's mistake).
            StoreError: the copy cannot be saved.
        """
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
        self.leftovers.clear()
        self.autosave.started()
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
        """Save what is unsaved and let go of the lock. Returns how the last save went
        ("failed" only when words that are not on disk are still open)."""
        if self._later is not None:
            self._later = None  # never made, so nothing was written into it
            return self.state
        state = self.save_now()
        if state.kind == "failed" and self.dirty:
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
        self.leftovers.clear()
        self.autosave.started()
        self._generation = self._written = 0

    # --- changes and saving -------------------------------------------------------------

    def changed(self) -> None:
        """The preparation was edited; a save is now due."""
        if self._prep is not None and not self.read_only:
            self._generation += 1
            self.autosave.changed()

    @property
    def dirty(self) -> bool:
        return self._prep is not None and not self.read_only and self._generation > self._written

    def save_due_in(self) -> float | None:
        """Seconds until the next save should start (flow.autosave); None: nothing to save."""
        return self.autosave.due_in() if self.dirty else None

    def status(self) -> SaveState:
        """How saving stands, as the person should be told it: "pending" while newer words
        are only in memory (never "saved" then), `in_memory` on a shared computer, and
        `unread`: a date or time as typed that cannot be read, which is not saved."""
        state = self.state
        if self.dirty and state.kind in ("idle", "saved", "saving"):
            state = SaveState("pending", state.at)
        if state.in_memory != self.store.in_memory:
            state = replace(state, in_memory=self.store.in_memory)
        unread = tuple(name for name in ("date", "time") if self.drafts.get(name, "").strip())
        if state.unread != unread:
            state = replace(state, unread=unread)
        return state

    def kept_instead(self, name: str) -> object:
        """What stays saved in place of a date or time that cannot be read ("date" or
        "time"): the last one that could be (a datetime.date or .time), or None."""
        prep = self._prep
        return getattr(prep.meeting, name, None) if prep is not None else None

    def unsaved_words(self) -> list[tuple[str, str]]:
        """Words the person typed or pasted that will not be kept if they leave now, as
        (field, text): what did not fit into a field (flow.limits), and a date or time
        that could not be read ("meeting.date" / "meeting.time", flow.meeting_when; in its
        place the file keeps `kept_instead`)."""
        words = list(self.leftovers.items())
        for name in ("date", "time"):  # kept as typed only while they cannot be read
            typed = self.drafts.get(name, "")
            if typed.strip():
                words.append((f"meeting.{name}", typed))
        return words

    def set_part(self, key: str, text: str) -> bool:
        """Put the person's words into a part. Returns True when something changed.

        Raises TooLong (and changes nothing) past the model's limit for one part.

        Raises:
            TooLong: past the part's limit (field_limits); nothing is changed.
        """
        if self._later is not None and not text:
            return False  # a new preparation not made yet is empty already
        if self.prep is None or self.read_only or key not in PART_KEYS:
            return False
        if self.prep.statement.get(key) == text:
            return False
        from peerprep.field_limits import PART_MAX

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
        self.autosave.started()
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
                self.saved_this_run = self.saved_this_run or not self.store.in_memory
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

        if self._prep is not None and self._prep.id == plan.prep.id:
            self.discard()
        deleting.delete(self.store, plan)


def resume_step(prep: Preparation) -> int:
    """Where to pick up: the first part not yet written, or 4 (the review) when all are."""
    for index, key in enumerate(PART_KEYS):
        if not prep.statement.get(key).strip():
            return index
    return len(PART_KEYS)
