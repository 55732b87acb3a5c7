"""The store's promises that tests/test_store.py leaves to the faces: the sentence a person
reads when something is not there, putting a file aside by hand, and the store kept in
memory on a shared computer answering exactly as the one on disk does.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from peerprep.files import FILE_MODE, create_exclusive, reason_key
from peerprep.model import Preparation
from peerprep.store import MemoryStore, Store, StoreError
from peerprep.words import catalogue

UNKNOWN = "20200101-000000-abcdef"


def _said(error: StoreError) -> str:
    """The one sentence a person reads, in Danish."""
    return catalogue("da").text(error.key, **error.values)


@pytest.fixture(params=["disk", "memory"])
def any_store(request: pytest.FixtureRequest, data_dir: Path) -> Store | MemoryStore:
    return Store(data_dir) if request.param == "disk" else MemoryStore()


def test_an_unknown_preparation_is_named_in_the_sentence(any_store: Store | MemoryStore) -> None:
    for action in (any_store.load, any_store.delete):
        with pytest.raises(StoreError) as caught:
            action(UNKNOWN)
        assert caught.value.key == "errors.unknown_id"
        assert UNKNOWN in _said(caught.value)


@pytest.mark.parametrize("bad", ["../../etc/passwd", "", "x" * 300, "a/b"])
def test_an_id_that_is_no_file_name_is_unknown(any_store: Store | MemoryStore, bad: str) -> None:
    for action in (any_store.load, any_store.delete, any_store.lock):
        with pytest.raises(StoreError) as caught:
            action(bad)
        assert caught.value.key == "errors.unknown_id"
        assert caught.value.values == {"id": bad}  # the sentence names what was asked for
    assert not any_store.exists(bad)


def test_both_stores_keep_and_forget_alike(any_store: Store | MemoryStore) -> None:
    from peerprep.flow.summaries import listing_report

    prep = Preparation.new("da")
    prep.set_part("introduction", "Jeg hedder Åse.")
    assert any_store.save(prep).name == f"{prep.id}.json"  # where it went (or would)
    assert listing_report(any_store.list()) == []  # nothing to report, in either
    assert any_store.exists(prep.id)
    assert any_store.load(prep.id).statement.introduction == "Jeg hedder Åse."
    assert [p.id for p in any_store.list().preparations] == [prep.id]
    any_store.delete(prep.id)
    assert not any_store.exists(prep.id)
    assert any_store.list().preparations == []


def test_the_memory_lock_is_ours_until_let_go() -> None:
    store = MemoryStore()
    prep = Preparation.new("da")
    store.save(prep)
    lock = store.lock(prep.id)
    assert lock.still_mine() and not lock.released
    lock.refresh()  # nothing to touch: no error, nothing written
    lock.release()
    assert lock.released and not lock.still_mine()
    assert store.lock_holder(prep.id) is None and store.quarantined_files() == []


def test_wiping_the_memory_store_names_what_went() -> None:
    store = MemoryStore()
    first, second = Preparation.new("da"), Preparation.new("en")
    store.save(first)
    store.save(second)
    gone = store.wipe()
    assert sorted(p.name for p in gone) == sorted([f"{first.id}.json", f"{second.id}.json"])
    assert store.list().preparations == [] and store.wipe() == []


def test_putting_a_file_aside_by_hand(store: Store) -> None:
    prep = Preparation.new("da")
    path = store.save(prep)
    moved = store.quarantine(path, "errors.file_broken", detail="x")
    assert moved.original == path and moved.reason == "errors.file_broken"
    assert moved.values == {"detail": "x"}
    assert moved.moved_to.parent == store.quarantine_dir and moved.moved_to.exists()
    assert not path.exists()
    with pytest.raises(StoreError) as caught:  # it is gone: nothing left to move
        store.quarantine(path, "errors.file_broken")
    assert caught.value.key == "errors.folder_missing"
    assert str(path) in _said(caught.value)


def test_a_file_that_cannot_be_opened_says_why_when_opened(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulation: as root every file can be opened, so the refusal is made by hand."""
    import os

    prep = Preparation.new("da")
    path = store.save(prep)
    real_open = os.open

    def refused(file: object, *args: object, **kwargs: object) -> int:
        if os.fspath(file) == os.fspath(path):  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refused)  # every file is read through os.open (files.py)
    with pytest.raises(StoreError) as caught:
        store.load(prep.id)
    assert caught.value.key == "errors.cannot_read"
    assert str(path) in _said(caught.value)
    [skipped] = store.list().skipped
    assert skipped.path == path and skipped.reason == "rows.why.cannot_read"


def test_a_lock_without_hard_links_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulation of a FAT stick (no hard links; this machine cannot mount one): the lock
    is created, then written, and is the program's own (0600)."""

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "x.lock"
    assert create_exclusive(target, b"first")
    assert stat.S_IMODE(target.stat().st_mode) == FILE_MODE
    assert target.read_bytes() == b"first"


@pytest.mark.parametrize(
    ("code", "key"),
    [
        (errno.ENOSPC, "errors.disk_full"),
        (errno.EDQUOT, "errors.disk_full"),  # over the quota on a shared server: full, too
        (errno.EROFS, "errors.read_only"),
        (errno.EACCES, "errors.read_only"),
        (errno.EPERM, "errors.read_only"),
        (errno.ENOENT, "errors.folder_missing"),
        (errno.EIO, "errors.write_failed"),
    ],
)
def test_each_refusal_of_the_system_has_its_sentence(code: int, key: str) -> None:
    assert reason_key(OSError(code, os.strerror(code))) == key
    assert catalogue("da").text(key, path="/x")


def test_after_discarding_the_session_closes_and_starts_again_calmly(store: Store) -> None:
    from peerprep.flow.editing import EditingSession

    session = EditingSession(store)
    first = session.new("da")
    session.set_part("introduction", "kasseres")
    session.discard()
    assert session.close().kind == "idle"  # nothing open, nothing to say, no error
    second = session.new("da")
    session.set_part("introduction", "beholdes")
    assert session.close().kind == "saved"
    assert [p.id for p in store.list().preparations] == [second.id]
    assert store.lock_holder(first.id) is None and store.lock_holder(second.id) is None


def test_a_file_put_aside_is_named_by_its_name_and_the_moment(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    class Frozen(dt.datetime):
        @classmethod
        def now(cls, tz: object = None) -> Frozen:  # type: ignore[override]
            return cls(2026, 3, 24, 9, 5, 7)

    monkeypatch.setattr("peerprep.store.disk.dt.datetime", Frozen)
    store.preparations_dir.mkdir(parents=True)
    names = []
    for _ in range(4):  # four broken copies of the same file, put aside in the same second
        path = store.preparations_dir / "20240101-000000-000000.json"
        path.write_bytes(b"{broken")
        moved = store.quarantine(path, "errors.file_broken")
        names.append(moved.moved_to.name)
        assert moved.moved_to.read_bytes() == b"{broken"
    assert names == [
        "20240101-000000-000000.20260324-090507.json",
        "20240101-000000-000000.20260324-090507-2.json",
        "20240101-000000-000000.20260324-090507-3.json",
        "20240101-000000-000000.20260324-090507-4.json",
    ]


# --- what the person is told when a file cannot be removed or read --------------------------


def test_a_preparation_on_a_write_protected_stick_cannot_be_deleted_and_says_where(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from read_only import read_only

    store = Store(data_dir)
    prep = Preparation.new("da")
    store.save(prep)
    path = store.path_of(prep.id)
    with read_only(store.root, monkeypatch):
        with pytest.raises(StoreError) as refused:
            store.delete(prep.id)
        assert (refused.value.key, refused.value.values) == (
            "errors.cannot_delete", {"path": str(path)}
        )  # fmt: skip
        with pytest.raises(StoreError) as wiped:
            store.wipe()
        assert wiped.value.key == "errors.cannot_delete"
        assert wiped.value.values["path"].startswith(str(store.root))
    assert store.load(prep.id).id == prep.id  # nothing went


def test_a_broken_file_asked_for_by_id_is_named_and_put_aside(data_dir: Path) -> None:
    from peerprep.errors import UnreadableError

    store = Store(data_dir)
    prep = Preparation.new("da")
    path = store.save(prep)
    path.write_bytes(b"{ not json")
    with pytest.raises(UnreadableError) as caught:
        store.load(prep.id)
    [moved] = store.quarantined_files()
    assert caught.value.key == "errors.quarantined"
    assert caught.value.values == {"name": path.name, "path": str(moved)}
    assert moved.read_bytes() == b"{ not json"


def test_a_first_look_at_an_empty_folder_finds_nothing(data_dir: Path) -> None:
    for store in (Store(data_dir), MemoryStore()):
        first = store.newest(40)
        assert first.preparations == [] and first.quarantined == []


# --- what a save refuses, and what a list leaves alone --------------------------------------


def test_a_preparation_whose_id_is_no_file_name_is_never_written(data_dir: Path) -> None:
    """The id becomes the file's name: one that is not an id is refused, named, and
    nothing is written anywhere (not outside the folder either)."""
    prep = Preparation.new("da")
    object.__setattr__(prep, "id", "../udenfor")  # as a bug elsewhere could leave it
    with pytest.raises(StoreError) as caught:
        Store(data_dir).save(prep)
    assert caught.value.key == "errors.unknown_id"
    assert "../udenfor" in _said(caught.value)
    assert not (data_dir / "udenfor.json").exists()
    assert not (data_dir / "preparations").exists()


def test_text_that_json_cannot_hold_is_refused_with_its_sentence(data_dir: Path) -> None:
    prep = Preparation.new("da")
    # a lone surrogate, pasted from somewhere: the model refuses it, and should one get past
    # it (a bug elsewhere), the store still writes nothing it cannot read back
    object.__setattr__(prep.statement, "introduction", "Åse \udcff")
    with pytest.raises(StoreError) as caught:
        Store(data_dir).save(prep)
    assert caught.value.key == "errors.not_saveable"
    assert _said(caught.value) == catalogue("da").text("errors.not_saveable")


def test_a_data_folder_that_cannot_be_made_is_named(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("en fil, ikke en mappe", encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        Store(blocked).save(Preparation.new("da"))
    assert caught.value.values["path"] == str(blocked)
    assert str(blocked) in _said(caught.value)


def test_plain_text_never_goes_into_a_folder_protected_meanwhile(data_dir: Path) -> None:
    """Another program protected the folder since this one opened it (anything in the
    marker's place counts): the save is refused, and the sentence names the folder."""
    from peerprep.crypto import protection_path
    from peerprep.errors import CryptoError

    store = Store(data_dir)
    store.save(Preparation.new("da"))
    protection_path(data_dir).mkdir()
    prep = Preparation.new("da")
    prep.set_part("introduction", "Hemmeligt")
    with pytest.raises(CryptoError) as caught:
        store.save(prep)
    assert caught.value.key == "crypto.protected_meanwhile"
    assert caught.value.values["path"] == str(data_dir)
    assert "Hemmeligt" not in "".join(
        p.read_text(encoding="utf-8") for p in (data_dir / "preparations").iterdir()
    )


def test_a_hidden_file_in_the_folder_is_neither_listed_nor_put_aside(store: Store) -> None:
    kept = store.save(Preparation.new("da"))
    hidden = store.preparations_dir / ".20261201-120000-abcdef.json"
    hidden.write_text("ikke vores", encoding="utf-8")
    assert [p.id for p in store.list().preparations] == [kept.stem]
    assert [p.id for p in store.newest(5).preparations] == [kept.stem]
    assert not store.quarantined_files()
    assert hidden.read_text(encoding="utf-8") == "ikke vores"


def test_the_first_look_reads_the_files_changed_last(store: Store) -> None:
    """By the time of change our saves set, not by when the file was made (a copy
    restored from a backup is made now but changed long ago)."""
    paths = [store.save(Preparation.new("da")) for _ in range(3)]
    for age, path in zip((10, 30, 20), paths, strict=True):  # made in order, changed out of it
        os.utime(path, ns=(1_700_000_000_000_000_000 - age * 10**9,) * 2)
    assert [p.id for p in store.newest(1).preparations] == [paths[0].stem]
    assert [p.id for p in store.newest(2).preparations] == [paths[0].stem, paths[2].stem]


def test_a_preparation_open_on_another_computer_is_deleted_only_when_the_person_says_so(
    store: Store,
) -> None:
    """A lock from another computer cannot be seen to run from here: delete and wipe are
    refused unless the person says that window is closed (`force`)."""
    import datetime as dt
    import json

    from peerprep.locks import LockedError

    # one of ours, open here, is named first: the other computer's is still found after it
    ours = Preparation.new("da")
    object.__setattr__(ours, "id", "20200101-000000-aaaaaa")
    store.save(ours)
    our_lock = store.lock(ours.id)
    prep = Preparation.new("da")
    path = store.save(prep)
    store.locks_dir.mkdir(parents=True, exist_ok=True)
    holder = {"pid": 4242, "host": "afdelingens-pc-2", "created_at": dt.datetime.now().timestamp()}
    (store.locks_dir / f"{prep.id}.lock").write_text(json.dumps(holder), encoding="utf-8")
    with pytest.raises(LockedError):
        store.delete(prep.id)
    with pytest.raises(LockedError):
        store.wipe()
    assert path.exists()
    assert store.open_elsewhere() is not None
    store.delete(prep.id, force=True)
    assert not path.exists()
    our_lock.release()
    store.save(Preparation.new("da"))
    (store.locks_dir / f"{prep.id}.lock").write_text(json.dumps(holder), encoding="utf-8")
    assert store.preparations_dir in store.wipe(force=True)
