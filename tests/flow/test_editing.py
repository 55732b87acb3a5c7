"""The session behind the screens: saving is numbered, locks are taken and let go."""

from __future__ import annotations

from pathlib import Path

from peerprep.flow.editing import EditingSession as Session
from peerprep.flow.editing import resume_step
from peerprep.model import Preparation
from peerprep.store import Store, StoreError


def test_an_older_snapshot_never_overwrites_a_newer_one(store: Store) -> None:
    session = Session(store)
    prep = session.new("da")
    session.set_part("introduction", "først")
    old = session.snapshot()
    session.set_part("introduction", "så")
    new = session.snapshot()
    assert old is not None and new is not None
    assert session.write(new).kind == "saved"
    session.write(old)  # a slow thread finishing late
    assert store.load(prep.id).statement.introduction == "så"
    assert not session.dirty


def test_nothing_to_save_means_no_file(store: Store) -> None:
    session = Session(store)
    session.new("da")
    assert session.snapshot() is None
    session.close()
    assert store.list().preparations == []


def test_close_saves_and_lets_go_of_the_lock(store: Store) -> None:
    session = Session(store)
    prep = session.new("da")
    assert store.lock_holder(prep.id) is not None
    session.set_part("important", "noget")
    assert session.close().kind == "saved"
    assert store.lock_holder(prep.id) is None
    assert store.load(prep.id).statement.important == "noget"


class Refusing(Store):
    def save(self, prep: Preparation) -> Path:
        raise StoreError("errors.read_only", path="x")


def test_a_failed_save_keeps_everything_open(data_dir: Path) -> None:
    session = Session(Refusing(data_dir))
    prep = session.new("da")
    session.set_part("introduction", "mine ord")
    state = session.close()
    assert state.kind == "failed" and state.error_key == "errors.read_only"
    assert session.prep is prep and session.dirty  # still there, still to be saved


def test_resume_step() -> None:
    prep = Preparation.new("da")
    assert resume_step(prep) == 0
    prep.set_part("introduction", "a")
    prep.set_part("help_with", "b")
    assert resume_step(prep) == 1
    for key in ("important", "so_that"):
        prep.set_part(key, "c")
    assert resume_step(prep) == 4


def test_a_new_preparation_begun_later_is_made_by_whatever_needs_it(store: Store) -> None:
    session = Session(store)
    session.new_later("en")
    assert session.pending
    assert session.set_part("introduction", "") is False and session.pending  # still empty
    assert session.set_part("introduction", "My words") is True
    assert not session.pending and session.prep is not None
    assert session.prep.language == "en"
    session.close()
    [saved] = store.list().preparations
    assert saved.statement.introduction == "My words"


def test_a_new_preparation_never_made_leaves_nothing(store: Store) -> None:
    session = Session(store)
    session.new_later("da")
    session.close()
    assert not session.pending and session.prep is None
    assert store.list().preparations == []
    assert not store.locks_dir.exists() or not any(store.locks_dir.iterdir())
