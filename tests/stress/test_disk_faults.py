"""A disk that fills up or turns read-only in the middle of a session.

Promise: the store says which (errors.disk_full / errors.read_only), the file on disk
stays the one from the last good save, no temporary file is left behind, the text stays
in memory, and the next save after the disk recovers writes all of it.

The disk fails for real where the machine lets a test mount a file system (root on
Linux, as in CI): the data and config folders are tiny tmpfs file systems, filled up to
the last byte or remounted read-only in the middle of a session (faults.RealDisk).
Elsewhere the same tests run on a simulation, a wrapped `os` whose calls fail on cue
(faults.FaultyDisk; chmod proves nothing as root, see faults.py).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from faults import FULL, READ_ONLY, FaultyDisk, RealDisk, can_mount

from peerprep import cli, settings
from peerprep.model import Preparation
from peerprep.store import Store, StoreError
from peerprep.words import catalogue

KEY = {FULL: "errors.disk_full", READ_ONLY: "errors.read_only"}
FIRST = "Jeg hedder Sam og bor i Ærøskøbing."
SECOND = "Det er vigtigt for mig at sove om natten."


def _files(folder: Path) -> list[str]:
    """Every name in the folder, hidden temp files included."""
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def _saved_prep(store: Store) -> Preparation:
    prep = Preparation.new("da")
    prep.set_part("introduction", FIRST)
    store.save(prep)
    return prep


# --- a wrapped os ------------------------------------------------------------------------


@pytest.fixture
def disk(
    data_dir: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[FaultyDisk | RealDisk]:
    """The data and config folders on a real tmpfs each, that really fills up or turns
    read-only, where this machine lets the test mount one (root on Linux; CI). Elsewhere
    a simulation: the `os` calls under those folders fail on cue (faults.FaultyDisk)."""
    if can_mount():
        real = RealDisk([data_dir, config_dir], monkeypatch)
        try:
            yield real
        finally:
            real.close()
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    yield FaultyDisk(data_dir.parent, monkeypatch)


@pytest.fixture(params=[FULL, READ_ONLY])
def mode(request: pytest.FixtureRequest) -> str:
    return request.param


def test_a_failed_save_keeps_the_old_file_and_the_text(
    data_dir: Path, disk: FaultyDisk, mode: str
) -> None:
    store = Store(data_dir)
    prep = _saved_prep(store)
    path = store.path_of(prep.id)
    before = path.read_bytes()
    names = _files(store.preparations_dir)

    disk.fail(mode)
    prep.set_part("important", SECOND)
    with pytest.raises(StoreError) as caught:
        store.save(prep)
    assert caught.value.key == KEY[mode]
    assert disk.failures >= 1
    for language in ("da", "en"):  # one sentence the person can read
        assert catalogue(language).text(caught.value.key, **caught.value.values)
    assert path.read_bytes() == before
    assert _files(store.preparations_dir) == names  # no temp file left behind
    assert prep.statement.important == SECOND  # still in memory
    assert store.load(prep.id).statement.introduction == FIRST  # reading still works

    disk.fail(None)  # space freed, stick writable again: the next save writes everything
    store.save(prep)
    again = store.load(prep.id)
    assert (again.statement.introduction, again.statement.important) == (FIRST, SECOND)
    assert _files(store.preparations_dir) == names


def test_a_first_save_that_fails_leaves_nothing(
    data_dir: Path, disk: FaultyDisk, mode: str
) -> None:
    store = Store(data_dir)
    _saved_prep(store)  # the folder exists
    names = _files(store.preparations_dir)
    disk.fail(mode)
    fresh = Preparation.new("da")
    fresh.set_part("introduction", FIRST)
    with pytest.raises(StoreError) as caught:
        store.save(fresh)
    assert caught.value.key == KEY[mode]
    assert _files(store.preparations_dir) == names


def test_a_read_only_disk_can_still_be_read(data_dir: Path, disk: FaultyDisk) -> None:
    store = Store(data_dir)
    prep = _saved_prep(store)
    disk.fail(READ_ONLY)
    listing = store.list()
    assert [p.id for p in listing.preparations] == [prep.id]
    assert store.load(prep.id).statement.introduction == FIRST
    with pytest.raises(StoreError) as caught:  # the editing lock cannot be written either
        store.lock(prep.id)
    assert caught.value.key == KEY[READ_ONLY]


def test_a_broken_file_on_a_read_only_disk_does_not_hide_the_others(
    data_dir: Path, disk: FaultyDisk
) -> None:
    store = Store(data_dir)
    prep = _saved_prep(store)
    broken = store.preparations_dir / "20240101-000000-000000.json"
    broken.write_bytes(b"{broken")
    disk.fail(READ_ONLY)
    listing = store.list()  # it cannot be moved to quarantine now; the others still show
    assert [p.id for p in listing.preparations] == [prep.id]
    assert broken.read_bytes() == b"{broken"


def test_delete_and_wipe_on_a_read_only_disk_say_why_and_take_nothing(
    data_dir: Path, disk: FaultyDisk | RealDisk
) -> None:
    from peerprep.crypto import protection_path

    store = Store(data_dir)
    prep = _saved_prep(store)
    marker = protection_path(data_dir)
    marker.write_text("{}", encoding="utf-8")
    everything = sorted(p.name for p in data_dir.rglob("*"))
    disk.fail(READ_ONLY)
    for action in (lambda: store.delete(prep.id), store.wipe):
        with pytest.raises(StoreError) as caught:
            action()
        # said as what failed, deleting, never "could not save" (issue 12)
        assert caught.value.key == "errors.cannot_delete"
        said = catalogue("da").text(caught.value.key, **caught.value.values)
        assert str(data_dir) in said  # which folder or file could not be changed
    assert sorted(p.name for p in data_dir.rglob("*")) == everything
    disk.fail(None)
    # only the protection marker left, and the disk read-only: it says so about the marker
    for folder in (store.preparations_dir, store.quarantine_dir, store.locks_dir):
        shutil.rmtree(folder, ignore_errors=True)
    disk.fail(READ_ONLY)
    with pytest.raises(StoreError) as caught:
        store.wipe()
    assert caught.value.key == "errors.cannot_delete"
    assert caught.value.values["path"] == str(marker)
    disk.fail(None)
    assert store.wipe() == [marker] and not marker.exists()


def test_a_broken_file_on_a_read_only_disk_says_why_when_opened(
    data_dir: Path, disk: FaultyDisk | RealDisk
) -> None:
    store = Store(data_dir)
    _saved_prep(store)
    store.quarantine_dir.mkdir()  # there from an earlier day: only the new name fails
    broken = store.preparations_dir / "20240101-000000-000000.json"
    broken.write_bytes(b"{broken")
    disk.fail(READ_ONLY)
    with pytest.raises(StoreError) as caught:
        store.load(broken.stem)
    assert caught.value.key == KEY[READ_ONLY]
    assert Path(str(caught.value.values["path"])).parent == store.quarantine_dir
    assert broken.read_bytes() == b"{broken"
    disk.fail(None)
    with pytest.raises(StoreError) as moved:  # writable again: put aside, and said where
        store.load(broken.stem)
    assert moved.value.key == "errors.quarantined"
    assert store.quarantined_files() and not broken.exists()


def test_a_file_in_a_read_only_folder_is_left_where_it_is_and_said(data_dir: Path) -> None:
    """Only the preparations folder is read-only (a real read-only bind mount, as root):
    the quarantine can take a name, but the file cannot be moved out."""
    if not can_mount():
        pytest.skip("a read-only bind mount needs root on Linux")
    store = Store(data_dir)
    _saved_prep(store)
    broken = store.preparations_dir / "20240101-000000-000000.json"
    broken.write_bytes(b"{broken")
    folder = str(store.preparations_dir)
    assert _run("mount", "--bind", folder, folder)
    try:
        assert _run("mount", "-o", "remount,bind,ro", folder)
        with pytest.raises(StoreError) as caught:
            store.load(broken.stem)
        # Moving out of a mount the kernel refuses as crossing file systems (EXDEV)
        # before it looks at read-only: "could not write" is the honest sentence then.
        assert caught.value.key in (KEY[READ_ONLY], "errors.write_failed")
        assert caught.value.values["path"] == str(broken)
        assert store.quarantined_files() == []  # the name it took is given back
        [skipped] = store.list().skipped
        # named in the list with why in a few words (issue 12)
        assert skipped.path == broken and skipped.reason == "rows.why.cannot_move"
    finally:
        _run("umount", "-l", folder)
    assert broken.read_bytes() == b"{broken"


@pytest.fixture
def no_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulation of a FAT-formatted stick, which has no hard links (this machine cannot
    mount one): a lock is then created and written in two steps."""

    def refused(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", refused)


def test_a_lock_on_a_failing_stick_without_hard_links_says_why(
    data_dir: Path, disk: FaultyDisk | RealDisk, mode: str, no_hard_links: None
) -> None:
    store = Store(data_dir)
    prep = _saved_prep(store)
    store.locks_dir.mkdir()
    disk.fail(mode)
    with pytest.raises(StoreError) as caught:
        store.lock(prep.id)
    assert caught.value.key == KEY[mode]
    assert Path(str(caught.value.values["path"])).parent == store.locks_dir
    disk.fail(None)
    with store.lock(prep.id) as lock:  # the stick works again: so does the lock
        assert lock.still_mine()


def test_settings_on_a_failing_disk(config_dir: Path, disk: FaultyDisk, mode: str) -> None:
    settings.save(config_dir, settings.Settings(language="en"))
    before = settings.settings_path(config_dir).read_bytes()
    disk.fail(mode)
    with pytest.raises(settings.SettingsError) as caught:
        settings.save(config_dir, settings.Settings(language="da"))
    assert caught.value.key == KEY[mode]
    assert settings.settings_path(config_dir).read_bytes() == before
    assert settings.load(config_dir).language == "en"


# --- the plain program, end to end ---------------------------------------------------------


def _plain(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> tuple[int, str]:
    stdin = io.TextIOWrapper(io.BytesIO("".join(a + "\n" for a in answers).encode()), "utf-8")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    code = cli.main(["--plain", "new"])
    stdout.flush()
    return code, stdout.buffer.getvalue().decode("utf-8")


# new (straight away) -> no meeting details -> part 1 -> part 2 (each ended with the word
# for end) -> leave
SCRIPT = ["", FIRST, "slut", SECOND, "slut"]


def test_plain_mode_says_so_and_loses_nothing_when_the_disk_fails_mid_session(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, disk: FaultyDisk, mode: str
) -> None:
    # The first answer is saved; the disk fails for the second; then it recovers, and the
    # save on leaving writes both.
    disk.fail(mode, after_ok=1)
    real_save = Store.save

    def save_then_recover(self: Store, prep: Preparation) -> Path:
        try:
            return real_save(self, prep)
        except StoreError:
            disk.fail(None)  # space freed / stick writable again, after one failed save
            raise

    monkeypatch.setattr(Store, "save", save_then_recover)
    code, out = _plain(monkeypatch, SCRIPT)
    assert code == 0
    cat = catalogue("da")
    message = cat.text(KEY[mode], path="§").split("§")[0]
    assert message in out, out
    assert disk.failures >= 1
    [saved] = list((data_dir / "preparations").glob("*.json"))
    prep = Store(data_dir).load(saved.stem)
    assert prep.statement.introduction == FIRST
    assert prep.statement.important == SECOND
    assert [n for n in _files(saved.parent) if n.startswith(".")] == []


def test_plain_mode_prints_the_text_when_the_disk_never_recovers(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, disk: FaultyDisk, mode: str
) -> None:
    disk.fail(mode, after_ok=1)
    code, out = _plain(monkeypatch, SCRIPT)
    assert code == 0
    cat = catalogue("da")
    assert cat.text("plain.rescue") in out
    assert out.rindex(SECOND) > out.index(cat.text("plain.rescue"))  # printed to copy by hand
    [saved] = list((data_dir / "preparations").glob("*.json"))
    prep = Store(data_dir).load(saved.stem)
    assert prep.statement.introduction == FIRST  # the last good save, intact
    assert [n for n in _files(saved.parent) if n.startswith(".")] == []


# --- a real tiny tmpfs --------------------------------------------------------------------


def _run(*argv: str) -> bool:
    try:
        return subprocess.run(argv, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs of our own, or a skip where this machine does not let us mount."""
    mount_point = tmp_path / "stick"
    mount_point.mkdir()
    if sys.platform != "linux" or not _run("mount", "-t", "tmpfs", "-o", "size=256k,mode=0700",
                                           "peerprep-test", str(mount_point)):  # fmt: skip
        pytest.skip("cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)")
    try:
        yield mount_point
    finally:
        _run("umount", "-l", str(mount_point))


def _fill(folder: Path) -> Path:
    """Fill the file system up to the last byte."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as handle:
        for size in (65536, 4096, 512, 64, 1):
            with contextlib.suppress(OSError):
                while True:
                    handle.write(b"\0" * size)
    with pytest.raises(OSError) as caught, open(folder / "probe", "wb", buffering=0) as probe:
        probe.write(b"x")
    assert caught.value.errno == errno.ENOSPC
    (folder / "probe").unlink(missing_ok=True)
    return filler


def test_a_real_full_disk(tmpfs: Path) -> None:
    store = Store(tmpfs / "data")
    prep = _saved_prep(store)
    path = store.path_of(prep.id)
    before = path.read_bytes()
    filler = _fill(tmpfs)

    prep.set_part("important", SECOND * 20)
    with pytest.raises(StoreError) as caught:
        store.save(prep)
    assert caught.value.key == "errors.disk_full"
    assert path.read_bytes() == before
    assert _files(store.preparations_dir) == [path.name]
    assert store.load(prep.id).statement.introduction == FIRST

    filler.unlink()
    store.save(prep)
    assert store.load(prep.id).statement.important == SECOND * 20


def test_a_lock_on_a_full_stick_without_hard_links(tmpfs: Path, no_hard_links: None) -> None:
    """Without hard links a lock is written aside, then created and written in its place.
    The stick has room for the copy aside and not for the lock: the person hears that the
    disk is full, and neither the copy nor a half-written lock stays behind."""
    store = Store(tmpfs / "data")
    prep = _saved_prep(store)
    store.locks_dir.mkdir()
    filler = _fill(tmpfs)
    os.truncate(filler, filler.stat().st_size - 4096)  # one page: the copy aside fits
    with pytest.raises(StoreError) as caught:
        store.lock(prep.id)
    assert caught.value.key == "errors.disk_full"
    assert caught.value.values["path"] == str(store.locks_dir / f"{prep.id}.lock")
    assert _files(store.locks_dir) == []
    filler.unlink()
    with store.lock(prep.id) as lock:  # room again: so is the lock
        assert lock.still_mine()


@pytest.mark.skipif(sys.platform != "linux", reason="a tmpfs with few inodes: Linux")
def test_a_lock_on_a_stick_without_hard_links_and_out_of_file_entries(
    tmp_path: Path, no_hard_links: None
) -> None:
    """The last free file entry (inode) goes to the lock's copy aside: creating the lock
    itself is refused, and the person hears that the disk is full."""
    stick = tmp_path / "stick"
    stick.mkdir()
    if not _run("mount", "-t", "tmpfs", "-o", "size=256k,nr_inodes=32,mode=0700",
                "peerprep-test", str(stick)):  # fmt: skip
        pytest.skip("cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)")
    try:
        store = Store(stick / "data")
        prep = _saved_prep(store)
        store.locks_dir.mkdir()
        used = []
        with contextlib.suppress(OSError):
            for number in range(100):
                used.append(stick / f"entry{number}")
                used[-1].touch()
        used.pop()  # the one that could not be made
        used.pop().unlink()  # one entry free: for the copy aside
        with pytest.raises(StoreError) as caught:
            store.lock(prep.id)
        assert caught.value.key == "errors.disk_full"
        assert caught.value.values["path"] == str(store.locks_dir / f"{prep.id}.lock")
        assert _files(store.locks_dir) == []
    finally:
        _run("umount", "-l", str(stick))


def test_a_real_read_only_disk(tmpfs: Path) -> None:
    store = Store(tmpfs / "data")
    prep = _saved_prep(store)
    path = store.path_of(prep.id)
    before = path.read_bytes()
    assert _run("mount", "-o", "remount,ro", str(tmpfs))
    try:
        prep.set_part("important", SECOND)
        with pytest.raises(StoreError) as caught:
            store.save(prep)
        assert caught.value.key == "errors.read_only"
        assert path.read_bytes() == before
        assert [p.id for p in store.list().preparations] == [prep.id]
    finally:
        assert _run("mount", "-o", "remount,rw", str(tmpfs))
    store.save(prep)
    assert store.load(prep.id).statement.important == SECOND
    assert _files(store.preparations_dir) == [path.name]


# --- the full-screen program, driven by Pilot -----------------------------------------------
# tests/tui/test_safety.py covers the dialogs around a failed save with a store that
# refuses; here the store is the real one and the operating system refuses.


async def _settle(app: object, pilot: object) -> None:
    await pilot.pause(0.1)  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_full_screen_keeps_the_words_and_says_why_when_the_disk_fails(
    data_dir: Path, config_dir: Path, disk: FaultyDisk, mode: str
) -> None:
    pytest.importorskip("textual")
    from peerprep.flow.editing import SaveState
    from peerprep.tui.app import PeerprepApp, Start
    from peerprep.tui.widgets.save_status import status_text

    settings.save(config_dir, settings.Settings(welcomed=True, cursor_blink=False))
    store = Store(data_dir)
    prep = _saved_prep(store)
    path = store.path_of(prep.id)
    app = PeerprepApp(store=store, language="da", data_dir=data_dir, config_dir=config_dir,
                      start=Start("open", prep.id), save_delay=0.05)  # fmt: skip
    cat = catalogue("da")
    async with app.run_test(size=(80, 24)) as pilot:
        app.go_to("introduction")
        await _settle(app, pilot)
        answer = app.screen.query_one("#answer")
        answer.move_cursor(answer.document.end)
        await pilot.press(*" Ord")
        await _settle(app, pilot)
        good = path.read_bytes()
        assert b"Ord" in good

        disk.fail(mode)
        await pilot.press(*" der ikke må gå tabt")
        await _settle(app, pilot)
        assert answer.text == FIRST + " Ord der ikke må gå tabt"  # still on the screen
        shown = str(app.screen.query_one("#status").render())
        expected = status_text(cat, SaveState("failed", error_key=KEY[mode]))
        assert shown == expected, shown
        assert path.read_bytes() == good  # the last good save, untouched
        assert [n for n in _files(path.parent) if n.startswith(".")] == []

        disk.fail(None)  # space freed / stick writable: the next key saves everything
        await pilot.press("!")
        await _settle(app, pilot)
        assert "Gemt" in str(app.screen.query_one("#status").render())
        await pilot.press("ctrl+q")
    on_disk = Store(data_dir).load(prep.id).statement.introduction
    assert on_disk == FIRST + " Ord der ikke må gå tabt!"
