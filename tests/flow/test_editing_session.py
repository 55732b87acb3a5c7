"""The editing session's promises, each on a real store: what is typed is kept, what is
open elsewhere is never written over, and nothing is cut or dropped without a word.

(tests/flow/test_editing.py holds the first few; these are the rest of its contract, so
that a change to flow/editing.py that breaks one of them is noticed without the full
screen's slower tests.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerprep.flow.deleting import plan_delete
from peerprep.flow.editing import EditingSession, SaveState, TooLong, fit_text
from peerprep.locks import hostname
from peerprep.model import PART_MAX, Preparation
from peerprep.store import MemoryStore, Store, StoreError


@pytest.fixture
def live_process() -> Iterator[subprocess.Popen[bytes]]:
    """Another program that is running for as long as the test needs it."""
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        yield process
    finally:
        process.kill()
        process.wait(timeout=30)


def _saved(store: Store, **parts: str) -> Preparation:
    prep = Preparation.new("da")
    prep.title = "Mit møde"
    for key, text in parts.items():
        prep.set_part(key, text)
    prep.questions = ["Hvornår kan jeg komme hjem?"]
    store.save(prep)
    return prep


def _held_by(store: Store, prep: Preparation, pid: int) -> Path:
    """A lock on `prep` held by another (live) program on this computer."""
    store.locks_dir.mkdir(parents=True, exist_ok=True)
    path = store.locks_dir / f"{prep.id}.lock"
    info = {"pid": pid, "host": hostname(), "created_at": time.time()}
    path.write_text(json.dumps(info), encoding="utf-8")
    return path


# --- opening ---------------------------------------------------------------------------------


def test_open_takes_the_lock_and_starts_clean(store: Store) -> None:
    prep = _saved(store, introduction="Jeg hedder Åse.")
    session = EditingSession(store)
    opened = session.open(prep.id)
    assert not opened.read_only and opened.holder is None
    assert session.prep is not None and session.prep.id == prep.id
    assert session.state == SaveState() and not session.dirty
    assert session.snapshot() is None  # opening is not a change
    holder = store.lock_holder(prep.id)
    assert holder is not None and holder.pid == os.getpid()
    session.close()
    assert store.lock_holder(prep.id) is None


def test_open_elsewhere_is_read_only_names_the_holder_and_writes_nothing(
    store: Store, live_process: subprocess.Popen[bytes]
) -> None:
    prep = _saved(store, introduction="Andens ord.")
    lock = _held_by(store, prep, live_process.pid)
    before = store.path_of(prep.id).read_bytes()
    session = EditingSession(store)
    opened = session.open(prep.id)
    assert opened.read_only and session.read_only
    assert opened.holder is not None and opened.holder.pid == live_process.pid
    assert session.holder == opened.holder
    assert session.state.kind == "read_only"
    # nothing typed here can reach the file of the one who has it open
    assert session.set_part("introduction", "Mine ord over dine.") is False
    session.changed()
    assert not session.dirty and session.snapshot() is None
    assert session.close().kind == "read_only"
    assert store.path_of(prep.id).read_bytes() == before
    assert json.loads(lock.read_text(encoding="utf-8"))["pid"] == live_process.pid  # theirs


def test_a_read_only_preparation_can_be_worked_on_as_a_copy(
    store: Store, live_process: subprocess.Popen[bytes]
) -> None:
    prep = _saved(store, introduction="Andens ord.", important="Noget vigtigt.")
    _held_by(store, prep, live_process.pid)
    session = EditingSession(store)
    session.open(prep.id)
    copy = session.open_copy()
    assert copy.id != prep.id
    assert copy.statement.introduction == "Andens ord."
    assert copy.statement.important == "Noget vigtigt."
    assert copy.questions == prep.questions and copy.title == prep.title
    assert copy.created_at == copy.updated_at and copy.created_at >= prep.created_at
    assert not session.read_only and session.holder is None
    assert session.dirty  # kept at once, even if nothing more is typed
    assert session.save_now().kind == "saved"
    assert store.load(copy.id).statement.introduction == "Andens ord."
    assert store.lock_holder(copy.id) is not None  # and it is ours to edit
    assert session.set_part("introduction", "Mine egne ord.") is True
    session.close()
    assert store.load(copy.id).statement.introduction == "Mine egne ord."
    assert store.load(prep.id).statement.introduction == "Andens ord."  # theirs untouched


def test_open_copy_needs_something_open(store: Store) -> None:
    with pytest.raises(RuntimeError):
        EditingSession(store).open_copy()


def test_starting_from_an_earlier_preparation(store: Store) -> None:
    earlier = _saved(store, introduction="Jeg hedder Åse.", so_that="passe mit arbejde")
    session = EditingSession(store)
    fresh = session.start_from(earlier.id, "en")
    assert fresh.id != earlier.id and fresh.language == "en"
    assert fresh.statement.introduction == "Jeg hedder Åse."
    assert fresh.statement.so_that == "passe mit arbejde"
    assert session.dirty and store.lock_holder(fresh.id) is not None
    session.close()
    assert store.load(fresh.id).statement.introduction == "Jeg hedder Åse."
    # a language the program does not have keeps the earlier one's
    other = EditingSession(store).start_from(earlier.id, "sv")
    assert other.language == "da"


def test_opening_another_lets_go_of_the_first_and_keeps_its_words(store: Store) -> None:
    first = _saved(store)
    second = _saved(store)
    session = EditingSession(store)
    session.open(first.id)
    session.set_part("help_with", "at sove bedre")
    session.open(second.id)
    assert store.load(first.id).statement.help_with == "at sove bedre"
    assert store.lock_holder(first.id) is None
    assert store.lock_holder(second.id) is not None
    assert session.cursors == {} and session.drafts == {}
    session.close()


def test_a_new_preparation_has_its_lock_and_a_fresh_state(store: Store) -> None:
    session = EditingSession(store)
    session.cursors["introduction"] = (1, 2)
    session.drafts["date"] = "i morgen"
    prep = session.new("en")
    assert prep.language == "en"
    assert session.cursors == {} and session.drafts == {}
    assert not session.read_only and session.state == SaveState()
    assert store.lock_holder(prep.id) is not None
    session.discard()
    assert store.lock_holder(prep.id) is None and session.prep is None


# --- changing and saving ------------------------------------------------------------------------


def test_set_part_says_whether_anything_changed(store: Store) -> None:
    session = EditingSession(store)
    assert session.set_part("introduction", "intet åbent") is False  # nothing open
    session.new("da")
    assert session.set_part("introduction", "Hej") is True
    assert session.set_part("introduction", "Hej") is False  # the same words
    assert session.set_part("no_such_part", "Hej") is False
    assert session.prep is not None and session.prep.statement.introduction == "Hej"


def test_too_long_is_refused_whole_and_changes_nothing(store: Store) -> None:
    session = EditingSession(store)
    session.new("da")
    session.set_part("introduction", "før")
    session.save_now()
    exactly = "å" * PART_MAX
    assert session.set_part("important", exactly) is True  # the limit itself fits
    with pytest.raises(TooLong) as caught:
        session.set_part("introduction", "x" * (PART_MAX + 1))
    assert caught.value.limit == PART_MAX
    assert session.prep is not None and session.prep.statement.introduction == "før"


def test_fit_text_keeps_what_fits_and_hands_back_the_rest() -> None:
    fitted = fit_text("abcdef", 4)
    assert (fitted.kept, fitted.rest, fitted.limit, fitted.cut) == ("abcd", "ef", 4, True)
    whole = fit_text("æøå", 3)
    assert (whole.kept, whole.rest, whole.cut) == ("æøå", "", False)


def test_every_change_is_saved_and_saving_twice_writes_once(store: Store) -> None:
    session = EditingSession(store)
    prep = session.new("da")
    assert not session.dirty
    session.set_part("introduction", "en")
    assert session.dirty
    state = session.save_now()
    assert state.kind == "saved" and state.at is not None and not state.in_memory
    assert not session.dirty
    written = store.path_of(prep.id).stat().st_mtime_ns
    again = session.save_now()  # nothing new: nothing written, the same state said
    assert again == state
    assert store.path_of(prep.id).stat().st_mtime_ns == written
    session.prep.questions.append("Et spørgsmål")  # type: ignore[union-attr]
    session.changed()  # a change made on the model directly, then reported
    assert session.save_now().kind == "saved"
    assert store.load(prep.id).questions == ["Et spørgsmål"]


def test_a_snapshot_is_a_copy_and_marks_the_time(store: Store) -> None:
    session = EditingSession(store)
    prep = session.new("da")
    before = prep.updated_at
    session.set_part("introduction", "først")
    snap = session.snapshot()
    assert snap is not None and snap.prep is not prep
    assert snap.prep.updated_at >= before
    session.set_part("introduction", "så")
    assert snap.prep.statement.introduction == "først"  # later typing is not in it


def test_in_memory_saving_is_never_called_saved_on_disk() -> None:
    session = EditingSession(MemoryStore())
    session.new("da")
    session.set_part("introduction", "kun her")
    state = session.save_now()
    assert state.kind == "saved" and state.in_memory


class _Broken(Store):
    def __init__(self, root: Path, error: Exception) -> None:
        super().__init__(root)
        self.error = error
        self.broken = True

    def save(self, prep: Preparation) -> Path:
        if self.broken:
            raise self.error
        return super().save(prep)


@pytest.mark.parametrize(
    ("error", "key"),
    [
        (StoreError("errors.disk_full", path="/x"), "errors.disk_full"),
        (OSError(5, "Input/output error"), "errors.write_failed"),
    ],
    ids=["store-error", "os-error"],
)
def test_a_failed_save_says_why_and_the_next_one_writes_everything(
    data_dir: Path, error: Exception, key: str
) -> None:
    store = _Broken(data_dir, error)
    session = EditingSession(store)
    prep = session.new("da")
    session.set_part("introduction", "ord der ikke må gå tabt")
    state = session.save_now()
    assert state.kind == "failed" and state.error_key == key and state.at is not None
    assert state.values == {"path": "/x" if isinstance(error, StoreError) else ""}  # said whole
    assert session.dirty
    assert session.close().kind == "failed"  # nothing let go: the words are only here
    assert session.prep is prep and store.lock_holder(prep.id) is not None
    store.broken = False
    assert session.save_now().kind == "saved"
    assert session.close().kind == "saved"
    assert Store(data_dir).load(prep.id).statement.introduction == "ord der ikke må gå tabt"
    assert store.lock_holder(prep.id) is None


def test_a_save_renews_the_lock(store: Store) -> None:
    session = EditingSession(store)
    prep = session.new("da")
    lock = store.locks_dir / f"{prep.id}.lock"
    old = time.time() - 6 * 60 * 60
    os.utime(lock, (old, old))
    session.set_part("introduction", "nyt")
    session.save_now()
    assert time.time() - lock.stat().st_mtime < 60
    os.utime(lock, (old, old))
    session.refresh_lock()
    assert time.time() - lock.stat().st_mtime < 60
    session.close()
    session.refresh_lock()  # nothing open: nothing to renew, and no error


def test_discard_lets_go_without_saving(store: Store) -> None:
    session = EditingSession(store)
    prep = _saved(store, introduction="gemt")
    session.open(prep.id)
    session.set_part("introduction", "ikke gemt")
    session.discard()
    assert not session.dirty and session.prep is None
    assert store.load(prep.id).statement.introduction == "gemt"
    assert store.lock_holder(prep.id) is None


# --- the list and deleting ------------------------------------------------------------------------


def test_listing_and_deleting_the_open_one(store: Store) -> None:
    keep = _saved(store, introduction="bliver")
    prep = _saved(store, introduction="går")
    session = EditingSession(store)
    session.open(prep.id)
    assert {p.id for p in session.listing().preparations} == {keep.id, prep.id}
    session.delete(plan_delete(store, prep.id))
    assert session.prep is None
    assert [p.id for p in store.list().preparations] == [keep.id]
    assert store.lock_holder(prep.id) is None


def test_deleting_another_keeps_the_open_one(store: Store) -> None:
    other = _saved(store, introduction="går")
    mine = _saved(store, introduction="bliver")
    session = EditingSession(store)
    session.open(mine.id)
    session.delete(plan_delete(store, other.id))
    assert session.prep is not None and session.prep.id == mine.id
    assert store.lock_holder(mine.id) is not None
    session.close()


# --- what the status line and the dialog about unsaved words are told --------------------------


def test_a_date_or_time_that_cannot_be_read_is_named_with_what_is_kept(store: Store) -> None:
    from peerprep.flow.meeting_when import set_when
    from peerprep.words import catalogue

    session = EditingSession(store)
    assert session.kept_instead("date") is None  # nothing open: nothing kept
    prep = session.new("da")
    assert set_when(session, "24.12.2026", "10.30", catalogue("da")) is None
    set_when(session, "24.12.2026", "25", catalogue("da"))
    assert session.unsaved_words() == [("meeting.time", "25")]
    assert session.status().unread == ("time",)
    assert str(session.kept_instead("time")) == "10:30:00"  # what the file still holds
    assert session.kept_instead("no such field") is None
    assert prep.meeting.time is not None


def test_newer_words_while_a_save_runs_are_said_as_not_saved_yet(store: Store) -> None:
    session = EditingSession(store)
    session.new("da")
    session.set_part("introduction", "Jeg hedder Åse.")
    session.save_now()
    at = session.state.at
    session.state = SaveState("saving", at)  # a save in its thread ...
    session.set_part("introduction", "Jeg hedder Åse og bor på Ærø.")  # ... and more typed
    status = session.status()
    assert status.kind == "pending" and status.at == at


def test_the_same_snapshot_is_written_once(data_dir: Path) -> None:
    class Counting(Store):
        saves = 0

        def save(self, prep: Preparation) -> Path:
            Counting.saves += 1
            return super().save(prep)

    session = EditingSession(Counting(data_dir))
    session.new("da")
    session.set_part("introduction", "ord")
    snap = session.snapshot()
    assert snap is not None
    session.write(snap)
    session.write(snap)  # two threads handed the same snapshot
    assert Counting.saves == 1


def test_taking_over_reads_the_newest_words_and_holds_the_lock(store: Store) -> None:
    """Open on another computer (its lock young), then closed there: taken over."""
    prep = _saved(store, introduction="Skrevet her.")
    store.locks_dir.mkdir(parents=True, exist_ok=True)
    lock_path = store.locks_dir / f"{prep.id}.lock"
    info = {"pid": 4242, "host": "afdelingens-pc", "created_at": time.time()}
    lock_path.write_text(json.dumps(info), encoding="utf-8")
    session = EditingSession(store)
    opened = session.open(prep.id)
    assert session.read_only and opened.holder is not None
    prep.set_part("introduction", "Skrevet på den anden computer.")  # its last save
    store.save(prep)
    taken = session.take_over()
    assert taken.prep is session.prep
    assert taken.prep.statement.introduction == "Skrevet på den anden computer."
    assert not session.read_only
    holder = store.lock_holder(prep.id)
    assert holder is not None and holder.pid == os.getpid()
    session.close()
    assert store.lock_holder(prep.id) is None
