"""The store: atomic private saves, quarantine, migration, delete and wipe."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import peerprep.store.disk as store_module
from peerprep.choices import PART_KEYS
from peerprep.fileformat import MAX_FILE_BYTES, decode, migrate
from peerprep.folders import resolve_data_dir
from peerprep.model import Preparation
from peerprep.store import Store, StoreError, UnreadableError
from peerprep.words import catalogue

FIXTURES = Path(__file__).parent / "fixtures"
POSIX = os.name == "posix"
posix_only = pytest.mark.skipif(not POSIX, reason="file modes exist on POSIX only")


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


def _prep(title: str = "", **parts: str) -> Preparation:
    prep = Preparation.new("da")
    prep.title = title
    for key, text in parts.items():
        prep.set_part(key, text)
    return prep


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _temps(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


# --- saving and reading -----------------------------------------------------------------


def test_save_writes_one_indented_utf8_file_named_by_id(store: Store) -> None:
    prep = _prep("Møde på afsnittet", important="At sove om natten — og “ro”.")
    path = store.save(prep)
    assert path == store.preparations_dir / f"{prep.id}.json"
    raw = path.read_bytes()
    assert raw.endswith(b"}\n")
    assert "Møde på afsnittet".encode() in raw  # UTF-8 as it is, not \u escapes
    assert b'\n  "statement": {\n' in raw
    assert store.load(prep.id) == prep


def test_list_is_newest_change_first(store: Store) -> None:
    base = dt.datetime(2024, 1, 1, 12, tzinfo=dt.timezone.utc)
    preps = []
    for hours in (5, 1, 9):
        prep = _prep(f"{hours}")
        prep.touched(base + dt.timedelta(hours=hours))
        store.save(prep)
        preps.append(prep)
    listing = store.list()
    assert [p.title for p in listing.preparations] == ["9", "5", "1"]
    assert listing.quarantined == []


def test_list_of_a_folder_that_does_not_exist_is_empty_and_creates_nothing(
    store: Store,
) -> None:
    listing = store.list()
    assert listing.preparations == [] and listing.quarantined == []
    assert not store.root.exists()


def test_a_file_renamed_by_hand_is_known_by_its_name(store: Store) -> None:
    prep = _prep("Kopi")
    path = store.save(prep)
    copy = path.with_name("my-copy.json")
    copy.write_bytes(path.read_bytes())
    assert store.load("my-copy").title == "Kopi"
    assert {p.id for p in store.list().preparations} == {prep.id, "my-copy"}


@pytest.mark.parametrize("bad", ["", "../etc/passwd", "a/b", "abc\n", "CON"])
def test_unsafe_ids_are_unknown(store: Store, bad: str) -> None:
    with pytest.raises(StoreError) as caught:
        store.load(bad)
    assert caught.value.key == "errors.unknown_id"
    assert not store.exists(bad)


def test_an_unknown_id_is_a_clear_error(store: Store) -> None:
    store.save(_prep())
    with pytest.raises(StoreError) as caught:
        store.load("20990101-000000-ffffff")
    assert caught.value.key == "errors.unknown_id"
    assert "20990101-000000-ffffff" in catalogue("da").text(caught.value.key, **caught.value.values)


# What a person writes: anything but the controls a terminal acts on, which a file loses
# when it is read (tests/words/test_controls.py).
_WRITTEN = st.characters(
    exclude_characters="".join(
        chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if c not in (9, 10)
    ),
    exclude_categories=("Cs",),
)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=st.text(_WRITTEN, max_size=200),
    parts=st.fixed_dictionaries({key: st.text(_WRITTEN, max_size=300) for key in PART_KEYS}),
)
def test_whatever_is_saved_is_read_back_the_same(
    store: Store, title: str, parts: dict[str, str]
) -> None:
    prep = _prep(title, **parts)
    store.save(prep)
    assert store.load(prep.id) == prep
    assert prep.id in {p.id for p in store.list().preparations}


# --- atomic writes -------------------------------------------------------------------------


def _failing(monkeypatch: pytest.MonkeyPatch, name: str, code: int = errno.ENOSPC) -> None:
    original = getattr(os, name)

    def fail(*args: object, **kwargs: object) -> object:
        # write and fsync take a file descriptor: every call in a save is the temp file's.
        if name in ("write", "fsync") or any(".tmp" in str(a) for a in args):
            raise OSError(code, os.strerror(code))
        return original(*args, **kwargs)

    monkeypatch.setattr(os, name, fail)


@pytest.mark.parametrize(
    ("step", "code", "key"),
    [
        ("replace", errno.ENOSPC, "errors.disk_full"),
        ("write", errno.ENOSPC, "errors.disk_full"),
        ("fsync", errno.EIO, "errors.write_failed"),
        ("replace", errno.EROFS, "errors.read_only"),
    ],
)
def test_a_save_that_fails_half_way_leaves_the_old_file_whole(
    store: Store, monkeypatch: pytest.MonkeyPatch, step: str, code: int, key: str
) -> None:
    prep = _prep("Før", important="Den gamle tekst.")
    path = store.save(prep)
    before = path.read_bytes()

    prep.set_part("important", "Den nye tekst, som aldrig blev gemt.")
    with monkeypatch.context() as patch:
        _failing(patch, step, code)
        with pytest.raises(StoreError) as caught:
            store.save(prep)
    assert caught.value.key == key
    assert path.read_bytes() == before
    assert store.load(prep.id).statement.important == "Den gamle tekst."
    assert _temps(store.preparations_dir) == []
    for language in ("da", "en"):
        assert str(path) in catalogue(language).text(key, **caught.value.values)


@pytest.mark.parametrize("reading", ["list", "newest"])
def test_a_leftover_temp_file_of_a_dead_save_is_cleared_and_never_read(
    store: Store, reading: str
) -> None:
    """By the whole list, and by the first look the home screen takes (a short list is read
    by that alone)."""
    prep = _prep("Hel")
    path = store.save(prep)
    dead_pid = 2**22 + 11  # above any pid Linux hands out
    leftover = path.with_name(f".{path.name}.{dead_pid}.0123abcd.tmp")
    leftover.write_bytes(b'{"half": ')
    mine = path.with_name(f".{path.name}.{os.getpid()}.0123abcd.tmp")
    mine.write_bytes(b"being written by us right now")
    listing = store.list() if reading == "list" else store.newest(40)
    assert [p.id for p in listing.preparations] == [prep.id]
    assert listing.quarantined == []
    assert not leftover.exists()
    assert mine.exists(), "a temp file of a live save is not touched"


# --- permissions ---------------------------------------------------------------------------


@posix_only
def test_folders_are_0700_and_files_0600(store: Store) -> None:
    old_umask = os.umask(0)  # the most careless umask must not loosen anything
    try:
        path = store.save(_prep())
        lock = store.lock(path.stem)
        (store.preparations_dir / "20240101-000000-000000.json").write_text("x")
        store.list()
    finally:
        os.umask(old_umask)
    assert _mode(store.root) == 0o700
    assert _mode(store.preparations_dir) == 0o700
    assert _mode(store.locks_dir) == 0o700
    assert _mode(store.quarantine_dir) == 0o700
    assert _mode(path) == 0o600
    assert _mode(lock.path) == 0o600
    [put_aside] = store.quarantined_files()  # the broken file, written 0666 by hand
    assert _mode(put_aside) == 0o600
    lock.release()


@posix_only
def test_a_folder_that_existed_with_loose_modes_is_made_private(store: Store) -> None:
    store.preparations_dir.mkdir(parents=True)
    os.chmod(store.root, 0o755)
    os.chmod(store.preparations_dir, 0o777)
    prep = _prep()
    loose = store.preparations_dir / f"{prep.id}.json"
    loose.write_text(prep.to_json(), encoding="utf-8")
    os.chmod(loose, 0o644)
    store.save(prep)
    assert _mode(store.root) == 0o700
    assert _mode(store.preparations_dir) == 0o700
    assert _mode(loose) == 0o600


@posix_only
def test_a_file_system_without_modes_does_not_stop_a_save(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FAT-formatted USB stick refuses chmod; the person must still be able to save."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "chmod", refuse)
    monkeypatch.setattr(os, "fchmod", refuse)
    prep = _prep("På en USB-nøgle")
    store.save(prep)
    assert store.load(prep.id).title == "På en USB-nøgle"


def test_a_folder_that_cannot_be_made_says_why(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(StoreError) as caught:
        store.save(_prep())
    assert caught.value.key == "errors.read_only"


# --- quarantine ----------------------------------------------------------------------------

BROKEN = {
    "not_json": (b'{"schema_version": 1, "title": "half', "errors.file_not_json"),
    "empty": (b"", "errors.file_empty"),
    "only_space": (b"  \n\t ", "errors.file_empty"),
    "binary": (bytes(range(256)) * 4, "errors.file_not_text"),
    "nul_bytes": (b"\x00" * 64, "errors.file_not_text"),
    "array": (b"[1, 2, 3]", "errors.file_wrong_shape"),
    "no_version": (b'{"title": "whose?"}', "errors.file_wrong_shape"),
    "bad_field": (b'{"schema_version": 1, "language": 7}', "errors.file_bad_field"),
    "future": (b'{"schema_version": 2, "title": "from tomorrow"}', "errors.file_from_future"),
    "duplicate_key": (
        b'{"schema_version": 1, "title": "a", "title": "b"}',
        "errors.file_duplicate_key",
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_an_unreadable_file_is_put_aside_and_the_rest_still_listed(store: Store, name: str) -> None:
    raw, reason = BROKEN[name]
    good = store.save(_prep("God"))
    bad = store.preparations_dir / "20240202-020202-badbad.json"
    bad.write_bytes(raw)

    listing = store.list()

    assert [p.title for p in listing.preparations] == ["God"]
    [item] = listing.quarantined
    assert item.reason == reason
    assert item.original == bad and not bad.exists()
    assert item.moved_to.parent == store.quarantine_dir
    assert item.moved_to.read_bytes() == raw, "quarantine keeps the bytes exactly"
    assert item.moved_to.name.startswith("20240202-020202-badbad.")
    assert good.exists()
    for language in ("da", "en"):
        text = catalogue(language).text(item.reason, **item.values)
        assert text and "{" not in text
    if name == "bad_field":  # the file's own word, quoted: not English in a Danish sentence
        assert catalogue("da").text(item.reason, **item.values).startswith("feltet »language«")
    assert store.list().quarantined == [], "reported once: it is no longer in the way"


def test_a_future_version_names_its_version(store: Store) -> None:
    store.preparations_dir.mkdir(parents=True)
    (store.preparations_dir / "x1.json").write_bytes(b'{"schema_version": 3}')
    [item] = store.list().quarantined
    assert item.values == {"version": 3}
    assert "3" in catalogue("da").text(item.reason, **item.values)


def test_a_file_far_too_large_is_put_aside_without_reading_it_all(store: Store) -> None:
    store.preparations_dir.mkdir(parents=True)
    huge = store.preparations_dir / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 10)
    [item] = store.list().quarantined
    assert item.reason == "errors.file_too_large"
    assert item.moved_to.stat().st_size == MAX_FILE_BYTES + 10


def test_a_file_whose_name_is_no_id_is_put_aside(store: Store) -> None:
    prep = _prep("Kopi")
    path = store.save(prep)
    odd = path.with_name("kopi af min forberedelse.json")
    odd.write_bytes(path.read_bytes())
    listing = store.list()
    assert [p.id for p in listing.preparations] == [prep.id]
    assert [q.reason for q in listing.quarantined] == ["errors.file_bad_name"]


def test_a_bom_is_read_and_the_file_left_alone(store: Store) -> None:
    """Notepad on Windows starts a saved file with a byte-order mark: still the person's."""
    prep = _prep("Med BOM")
    path = store.save(prep)
    raw = b"\xef\xbb\xbf" + path.read_bytes()
    path.write_bytes(raw)
    listing = store.list()
    assert [p.title for p in listing.preparations] == ["Med BOM"]
    assert listing.quarantined == []
    assert path.read_bytes() == raw


def test_load_of_a_broken_file_puts_it_aside_and_says_where(store: Store) -> None:
    store.preparations_dir.mkdir(parents=True)
    bad = store.preparations_dir / "x2.json"
    bad.write_bytes(b"{oops")
    with pytest.raises(UnreadableError) as caught:
        store.load("x2")
    assert caught.value.key == "errors.quarantined"
    moved = Path(str(caught.value.values["path"]))
    assert moved.read_bytes() == b"{oops"
    assert moved in store.quarantined_files()


def test_quarantine_never_overwrites(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same file name, same second, again and again: every copy is kept."""

    class FrozenDatetime(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> FrozenDatetime:
            return cls(2024, 3, 1, 12, 0, 0)

    class FrozenModule:
        datetime = FrozenDatetime

    monkeypatch.setattr(store_module, "dt", FrozenModule)
    store.quarantine_dir.mkdir(parents=True)
    # Something already sits under the first name the store would pick.
    (store.quarantine_dir / "x3.20240301-120000.json").write_bytes(b"older")
    bad = store.preparations_dir / "x3.json"
    bad.parent.mkdir(parents=True)
    contents = [b"first", b"second", b"third"]
    for raw in contents:
        bad.write_bytes(raw)
        store.list()
    kept = sorted(p.read_bytes() for p in store.quarantined_files())
    assert kept == sorted([b"older", *contents])


def test_a_file_that_cannot_be_opened_is_reported_and_not_moved(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(_prep("God"))
    locked_out = store.preparations_dir / "x4.json"
    locked_out.write_bytes(_prep("Hemmelig").to_json().encode())
    if POSIX and os.geteuid() != 0:
        locked_out.chmod(0)  # the real thing; root may read anything, so it gets the mock
    else:
        real_read = store_module.read_regular_file

        def refused(path: Path, limit: int, **kwargs: bool) -> bytes:
            if path.name == "x4.json":
                raise PermissionError(errno.EACCES, "Permission denied")
            return real_read(path, limit, **kwargs)

        monkeypatch.setattr(store_module, "read_regular_file", refused)
    listing = store.list()
    assert [p.title for p in listing.preparations] == ["God"]
    assert [(s.path, s.reason) for s in listing.skipped] == [(locked_out, "rows.why.cannot_read")]
    assert locked_out.exists() and listing.quarantined == []


# --- migration -----------------------------------------------------------------------------


def _install(store: Store, fixture: str, prep_id: str) -> Path:
    store.preparations_dir.mkdir(parents=True, exist_ok=True)
    path = store.preparations_dir / f"{prep_id}.json"
    path.write_bytes((FIXTURES / fixture).read_bytes())
    return path


def test_a_version_0_file_is_migrated_with_every_word(store: Store) -> None:
    path = _install(store, "preparation-v0.json", "20230301-093000-a1b2c3")
    original = path.read_bytes()

    prep = store.load("20230301-093000-a1b2c3")

    assert prep.schema_version == 1
    assert prep.title == "Samtale på jobcentret"
    assert prep.language == "da"
    local = dt.datetime(2023, 3, 1, 9, 30).astimezone()
    assert prep.created_at == local, "a naive v0 time is this computer's local time"
    assert prep.updated_at == dt.datetime(2023, 3, 2, 20, 15).astimezone()
    assert prep.meeting.kind == "jobcenter"
    assert prep.meeting.date == dt.date(2023, 3, 10)
    assert prep.meeting.time == dt.time(10, 0)
    assert prep.meeting.place == "Jobcentret, lokale 3"
    assert prep.meeting.attendees == ["Sagsbehandler Mette", "min mentor"]
    assert prep.meeting.companion == "Min mor"
    assert prep.statement.introduction.startswith("Jeg hedder Sara.")
    assert prep.statement.so_that == "… så jeg kan tjene mine egne penge og møde andre."
    assert prep.parts_filled() == 4
    assert prep.questions[0] == "Hvad er mine muligheder?"
    assert prep.model_extra == {"mood_scale": 3}, "an unknown field comes along"
    assert path.read_bytes() == original, "reading never rewrites the file"

    store.save(prep)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == 1 and "version" not in saved
    assert saved["mood_scale"] == 3
    assert store.load(prep.id) == prep


def test_migrate_keeps_unknown_v0_fields_and_accepts_a_list_of_attendees() -> None:
    data = json.loads((FIXTURES / "preparation-v0.json").read_text(encoding="utf-8"))
    data["attendees"] = ["A", "B"]
    migrated = migrate(data)
    assert migrated["meeting"]["attendees"] == ["A", "B"]
    assert migrated["mood_scale"] == 3
    assert "lang" not in migrated and "introduction" not in migrated


def test_a_file_from_this_release_stays_readable_byte_for_byte() -> None:
    raw = (FIXTURES / "preparation-v1.json").read_bytes()
    prep = decode(raw)
    assert prep.meeting.kind == "discharge"
    assert prep.to_json().encode("utf-8") == raw


# --- delete and wipe -----------------------------------------------------------------------


def test_delete_removes_the_file_its_lock_and_leftovers(store: Store) -> None:
    keep = _prep("Bliver")
    store.save(keep)
    prep = _prep("Går")
    path = store.save(prep)
    lock = store.lock(prep.id)
    leftover = path.with_name(f".{path.name}.{os.getpid()}.deadbeef.tmp")
    leftover.write_bytes(b"x")
    store.delete(prep.id)
    assert not path.exists() and not leftover.exists() and not lock.path.exists()
    assert [p.title for p in store.list().preparations] == ["Bliver"]
    with pytest.raises(StoreError) as caught:
        store.delete(prep.id)
    assert caught.value.key == "errors.unknown_id"


def test_delete_is_refused_while_another_program_has_it_open(store: Store) -> None:
    from peerprep.locks import LockedError, hostname

    prep = _prep()
    path = store.save(prep)
    store.locks_dir.mkdir(parents=True)
    # pid 1 is alive and older than this lock: a live holder.
    info = {"pid": 1, "host": hostname(), "created_at": dt.datetime.now().timestamp()}
    (store.locks_dir / f"{prep.id}.lock").write_text(json.dumps(info), encoding="utf-8")
    with pytest.raises(LockedError):
        store.delete(prep.id)
    assert path.exists()
    with pytest.raises(LockedError):
        store.wipe()
    assert path.exists()


def test_wipe_removes_everything_of_ours_and_only_ours(store: Store) -> None:
    store.save(_prep("A"))
    lock = store.lock(store.save(_prep("B")).stem)
    (store.preparations_dir / "x5.json").write_bytes(b"broken")
    store.list()
    assert store.quarantined_files()
    mine = store.root / "my-own-notes.txt"
    mine.write_text("not peerprep's", encoding="utf-8")

    gone = store.wipe()

    assert set(gone) == {store.preparations_dir, store.quarantine_dir, store.locks_dir}
    assert not store.preparations_dir.exists()
    assert not store.quarantine_dir.exists()
    assert not store.locks_dir.exists()
    assert mine.read_text(encoding="utf-8") == "not peerprep's"
    lock.release()  # harmless after a wipe
    mine.unlink()
    assert store.wipe() == []
    assert not store.root.exists(), "an empty data folder goes too"


# --- where the data lives --------------------------------------------------------------------


def test_data_dir_comes_from_the_option_then_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PEERPREP_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "opt")) == tmp_path / "opt"
    assert resolve_data_dir() == tmp_path / "env"
    monkeypatch.delenv("PEERPREP_DATA_DIR")
    assert resolve_data_dir().name == "peerprep"


# --- what is not a preparation file ---------------------------------------------------------


@posix_only
@pytest.mark.parametrize(
    ("kind", "why"),
    [
        ("fifo", "rows.why.not_a_file"),
        ("folder", "rows.why.not_a_file"),
        ("link to a file", "rows.why.not_a_file"),
        ("link loop", "rows.why.not_a_file"),
    ],
)
def test_what_is_not_a_regular_file_is_named_and_left_alone(
    store: Store, kind: str, why: str, no_hang: None
) -> None:
    """Never read (a pipe would hang the program, /dev/zero would fill its memory, a link
    may point at someone else's file), never moved, and never hiding the others."""
    store.save(_prep("God"))
    odd = store.preparations_dir / "20240101-000000-0dd0dd.json"
    if kind == "fifo":
        os.mkfifo(odd)
    elif kind == "folder":
        odd.mkdir()
    elif kind == "link to a file":
        elsewhere = store.root.parent / "elsewhere.json"
        elsewhere.write_bytes(_prep("Andres").to_json().encode())
        odd.symlink_to(elsewhere)
    else:
        odd.symlink_to(odd)  # a link loop
    listing = store.list()
    assert [p.title for p in listing.preparations] == ["God"]
    assert [(s.path, s.reason) for s in listing.skipped] == [(odd, why)]
    assert os.path.lexists(odd) and listing.quarantined == []
    with pytest.raises(StoreError) as caught:
        store.load(odd.stem)
    assert caught.value.key == "errors.not_a_file"
    assert not store.exists(odd.stem)


def test_a_giant_file_is_read_only_up_to_the_limit_and_put_aside(store: Store) -> None:
    store.save(_prep("God"))
    giant = store.preparations_dir / "20240101-000000-b16b16.json"
    with giant.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES * 4)  # sparse: no room taken on disk
    listing = store.list()
    assert [p.title for p in listing.preparations] == ["God"]
    assert [q.reason for q in listing.quarantined] == ["errors.file_too_large"]
