"""Shared-computer mode: how it is turned on, that IT's choice sticks, and that nothing is kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from peerprep import machine
from peerprep.cli import main
from peerprep.flow.context import Context
from peerprep.flow.shared_mode import SharedMode, resolve
from peerprep.flow.taking_along import TakenAlong, print_without_file
from peerprep.folders import SITE_CONFIG_ENV
from peerprep.machine import MACHINE_FILE, MAX_MACHINE_FILE_BYTES, machine_config_path
from peerprep.model import Preparation
from peerprep.settings import Settings
from peerprep.store import MemoryStore, Store, StoreError


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The machine-wide config folder, empty unless a test places the file."""
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.setenv(SITE_CONFIG_ENV, str(folder))
    return folder


def _place(site: Path, text: str) -> Path:
    path = site / MACHINE_FILE
    path.write_text(text, encoding="utf-8")
    return path


def _context(*argv: str) -> Context:
    return Context(language="da", data_dir=Path(os.environ["PEERPREP_DATA_DIR"]),
                   config_dir=Path(os.environ["PEERPREP_CONFIG_DIR"]),
                   shared_flag="--shared" in argv)  # fmt: skip


def _tree(root: Path) -> set[str]:
    if not root.exists():
        return set()
    return {str(p.relative_to(root)) for p in root.rglob("*")}


# --- turning it on ----------------------------------------------------------------------


def test_off_by_default(site: Path) -> None:
    mode = resolve()
    assert not mode.on and not mode.locked
    assert mode.machine.path == site / MACHINE_FILE


def test_flag_turns_it_on(site: Path) -> None:
    mode = resolve(flag=True)
    assert mode.on and mode.by_flag and not mode.locked


@pytest.mark.parametrize(("value", "on"), [("1", True), ("yes", True), ("TRUE", True),
                                           ("ja", True), ("0", False), ("", False),
                                           ("no", False), ("maybe", False)])  # fmt: skip
def test_environment_variable(site: Path, value: str, on: bool) -> None:
    assert resolve(environ={"PEERPREP_SHARED": value}).on is on


def test_machine_file_turns_it_on_and_sets_minutes(site: Path) -> None:
    _place(
        site, "\ufeff# ward 7\n[peerprep]\nshared = yes\nprivacy_minutes = 2\nerase-minutes=15\n"
    )
    mode = resolve()
    assert mode.on and mode.locked and not mode.by_flag
    assert (mode.privacy_minutes, mode.erase_minutes) == (2, 15)
    assert mode.machine.problems == ()
    assert mode.timers_fixed


def test_a_placed_file_means_shared_unless_it_says_no(site: Path) -> None:
    _place(site, "privacy_minutes = 5\n")
    assert resolve().locked
    _place(site, "shared = no\n")
    mode = resolve()
    assert not mode.on and not mode.locked


@pytest.mark.parametrize("text", ["shared = perhaps\n", "shared\n", "shared = \n", "\x00\xff"])
def test_a_file_we_cannot_understand_fails_safe(site: Path, text: str) -> None:
    _place(site, text)
    mode = resolve()
    assert mode.on and mode.locked


def test_bad_minutes_are_reported_and_defaults_used(site: Path) -> None:
    _place(site, "shared = yes\nprivacy_minutes = 0\nerase_minutes = lots\ncolour = red\n")
    mode = resolve()
    assert (mode.privacy_minutes, mode.erase_minutes) == (3, 20)
    assert len(mode.machine.problems) == 3


def test_an_unreadable_file_still_means_shared(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _place(site, "shared = no\n")

    def closed(path: Path, limit: int) -> bytes:
        # root reads every file whatever its mode: the refusal is simulated
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(machine, "read_regular_file", closed)
    mode = resolve()
    assert mode.on and mode.locked
    assert mode.machine.problems == ("unreadable",)
    assert mode.machine.path == site / MACHINE_FILE  # the place IT is told to look at


def test_a_folder_we_may_not_look_into_still_means_shared(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """IT may have placed the file in a folder this account cannot look into: shared mode,
    locked, and the place named (fail closed)."""
    real_lstat = os.lstat

    def refused(path: object, *args: object, **kwargs: object) -> os.stat_result:
        # root looks into every folder: the refusal is simulated
        if Path(str(path)) == site / MACHINE_FILE:
            raise PermissionError(13, "Permission denied", str(path))
        return real_lstat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(machine.os, "lstat", refused)
    mode = resolve()
    assert mode.on and mode.locked
    assert mode.machine.problems == ("unreadable",)
    assert mode.machine.path == site / MACHINE_FILE


def test_a_machine_file_in_another_encoding_is_read_not_refused(site: Path) -> None:
    """A file saved in Latin-1 by a Windows editor ("bemærk" with a single byte for æ):
    its lines are read (the odd byte replaced), never a crash."""
    (site / MACHINE_FILE).write_bytes(
        "# bem\xe6rk\nshared = yes\nprivacy_minutes = 7\n".encode("latin-1")
    )
    mode = resolve()
    assert mode.on and mode.locked
    assert mode.privacy_minutes == 7


@pytest.mark.parametrize("kind", ["broken link", "folder", "fifo"])
def test_a_machine_file_that_is_no_file_still_means_shared(
    site: Path, kind: str, no_hang: None
) -> None:
    """A share that did not mount (a broken link), a folder, a pipe: shared mode, and no hang."""
    path = site / MACHINE_FILE
    if kind == "broken link":
        path.symlink_to(site / "share-not-mounted" / MACHINE_FILE)
    elif kind == "folder":
        path.mkdir()
    else:
        os.mkfifo(path)
    mode = resolve()
    assert mode.on and mode.locked
    assert mode.machine.problems == ("unreadable",)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the Linux folders")
def test_the_site_variable_cannot_hide_the_machine_file(site: Path) -> None:
    """PEERPREP_SITE_CONFIG_DIR adds a place to look first; it never hides the machine's own
    folders, so no user can switch machine-wide shared mode off with it."""
    from peerprep.folders import machine_config_dirs

    dirs = machine_config_dirs()
    assert dirs[0] == site
    assert Path("/etc/xdg/peerprep") in dirs


def test_a_huge_file_is_read_only_in_part(site: Path) -> None:
    _place(site, "shared = yes\n" + "# " + "x" * (MAX_MACHINE_FILE_BYTES * 2) + "\n")
    assert resolve().on


def test_machine_wide_mode_cannot_be_switched_off(site: Path) -> None:
    _place(site, "shared = yes\n")
    mode = resolve(environ={"PEERPREP_SHARED": "0"})
    assert mode.on  # an environment that says no does not undo IT's choice
    assert mode.turn_off().on  # nor does the program


def test_flag_mode_can_be_left_when_no_machine_file(site: Path) -> None:
    assert not resolve(flag=True).turn_off().on


def test_machine_minutes_win_over_settings(site: Path) -> None:
    _place(site, "shared = yes\nprivacy_minutes = 4\n")
    mode = resolve()
    assert mode.timers(Settings(privacy_minutes=30, erase_minutes=60)) == (4, 60)
    flag_only = SharedMode(on=True, by_flag=True)
    assert flag_only.timers(Settings(privacy_minutes=30, erase_minutes=60)) == (30, 60)


def test_default_location_is_the_site_config_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SITE_CONFIG_ENV, raising=False)
    from platformdirs import site_config_dir

    expected = Path(site_config_dir("peerprep", appauthor=False)) / MACHINE_FILE
    assert machine_config_path() == expected


# --- nothing on disk ----------------------------------------------------------------------


def _prep(text: str = "Det er vigtigt for mig at sove") -> Preparation:
    prep = Preparation.new("da")
    prep.set_part("important", text)
    return prep


def test_memory_store_behaves_like_the_disk_store(site: Path, isolated: Path) -> None:
    memory, disk = MemoryStore(), Store(isolated / "disk")
    for store in (memory, disk):
        first, second = _prep("en"), _prep("to")
        second.touched(second.updated_at.replace(year=second.updated_at.year + 1))
        store.save(first)
        store.save(second)
        assert [p.id for p in store.list().preparations] == [second.id, first.id]
        loaded = store.load(first.id)
        loaded.set_part("important", "ændret uden at gemme")
        assert store.load(first.id).statement.important == "en"  # a copy, as from disk
        assert store.exists(first.id) and not store.exists("no-such-id")
        lock = store.lock(first.id)
        lock.release()
        store.delete(first.id)
        with pytest.raises(StoreError):
            store.load(first.id)
        with pytest.raises(StoreError):
            store.delete(first.id)
        with pytest.raises(StoreError):
            store.load("../../etc/passwd")
        store.wipe()
        assert store.list().preparations == []
    assert memory.in_memory and not disk.in_memory


def test_memory_store_writes_nothing(site: Path, isolated: Path) -> None:
    before = _tree(isolated)
    store = MemoryStore()
    prep = _prep()
    store.save(prep)
    store.lock(prep.id).refresh()
    store.list()
    store.delete(prep.id)
    assert _tree(isolated) == before


def test_untaken_words_are_known_until_taken_along(site: Path) -> None:
    store, record = MemoryStore(), TakenAlong(shared=True)

    def untaken() -> list[Preparation]:
        return record.untaken(store.list().preparations)

    empty, written = Preparation.new("da"), _prep()
    store.save(empty)
    store.save(written)
    assert [p.id for p in untaken()] == [written.id]
    record.mark(written)
    assert untaken() == []
    store.save(written.touched(written.updated_at.replace(year=written.updated_at.year + 1)))
    assert untaken() == []  # saved again with the same words: still taken along
    written.set_part("so_that", "jeg kan arbejde")
    store.save(written.touched(written.updated_at.replace(year=written.updated_at.year + 1)))
    assert [p.id for p in untaken()] == [written.id]


def test_context_in_shared_mode_keeps_everything_in_memory(
    site: Path, isolated: Path, data_dir: Path, config_dir: Path
) -> None:
    context = _context("--shared")
    assert context.in_memory
    store = context.store()
    assert store is context.store()  # one store for the whole session
    store.save(_prep())
    keeper = context.settings_keeper()
    changed = keeper.load()
    changed.theme = "textual-light"
    changed.peer_mode = True
    keeper.save(changed)
    assert keeper.load().peer_mode
    assert not data_dir.exists() and not config_dir.exists()


def test_shared_settings_ignore_the_file_of_whoever_was_here(site: Path, config_dir: Path) -> None:
    from peerprep import settings

    settings.save(config_dir, Settings(language="en", peer_mode=True, welcomed=True))
    _place(site, "shared = yes\nerase_minutes = 7\n")
    loaded = _context().settings_keeper().load()
    assert loaded.peer_mode is False and loaded.language is None and loaded.erase_minutes == 7


def test_disk_settings_on_a_personal_computer(site: Path, config_dir: Path) -> None:
    keeper = _context().settings_keeper()
    assert not keeper.in_memory
    keeper.save(Settings(peer_mode=True))
    assert keeper.load().peer_mode and config_dir.exists()


def test_explicit_data_dir_is_the_persons_own_choice(site: Path, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    context = Context(language="da", data_dir=stick, config_dir=tmp_path / "cfg",
                      data_dir_chosen=True, shared_flag=True)  # fmt: skip
    assert context.shared.on and not context.in_memory
    context.store().save(_prep())
    assert len(list((stick / "preparations").glob("*.json"))) == 1
    assert not (tmp_path / "cfg").exists()


def test_cli_where_and_wipe_in_shared_mode(
    site: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(data_dir).save(_prep())  # someone's own data on the same account
    assert main(["--lang", "en", "--shared", "where"]) == 0
    out = capsys.readouterr().out
    assert "only while you use it" in out and str(data_dir) not in out
    assert main(["--shared", "wipe", "--yes"]) == 0
    assert len(list((data_dir / "preparations").glob("*.json"))) == 1  # not theirs to wipe


def test_cli_where_names_the_machine_file(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _place(site, "shared = yes\n")
    assert main(["--lang", "en", "where"]) == 0
    out = capsys.readouterr().out
    assert "for everyone here" in out and str(path) in out


def test_wipe_removes_everything_listed(
    site: Path, data_dir: Path, config_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from peerprep import settings

    store = Store(data_dir)
    prep = _prep()
    store.save(prep)
    store.lock(prep.id)
    (data_dir / "preparations" / "broken.json").write_text("{", encoding="utf-8")
    store.list()  # moves the broken file to quarantine
    settings.save(config_dir, Settings(peer_mode=True))
    assert (data_dir / "quarantine").is_dir() and (data_dir / "locks").is_dir()
    assert main(["wipe", "--yes"]) == 0
    assert not data_dir.exists()
    assert not settings.settings_path(config_dir).exists()


def test_protect_is_refused_in_shared_mode(site: Path, data_dir: Path) -> None:
    assert main(["--shared", "protect", "--yes"]) == 1
    assert not data_dir.exists()


def _snapshot(roots: list[Path]) -> set[str]:
    return {str(p) for root in roots for p in root.rglob("*")}


def test_light_commands_in_shared_mode_leave_no_file_anywhere(tmp_path: Path) -> None:
    """A real process with HOME, XDG folders and TMPDIR of its own: nothing appears."""
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    xdg = {name: tmp_path / name.lower() for name in
           ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")}  # fmt: skip
    for folder in (home, tmp, *xdg.values()):
        folder.mkdir()
    carried = tmp_path / "usb"
    carried.mkdir()
    brought = _prep("fra min USB-nøgle")
    (carried / "mine.json").write_text(brought.to_json(), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PEERPREP_", "XDG_"))}
    env.update({k: str(v) for k, v in xdg.items()})
    env.update(HOME=str(home), TMPDIR=str(tmp), PEERPREP_SHARED="1", PYTHONDONTWRITEBYTECODE="1")
    env["PEERPREP_SITE_CONFIG_DIR"] = str(tmp_path / "site")
    roots = [home, tmp, *xdg.values(), carried]
    before = _snapshot(roots)
    for argv in (["list"], ["where"], ["import", str(carried / "mine.json")], ["wipe", "--yes"],
                 ["schema"], ["--version"]):  # fmt: skip
        done = subprocess.run([sys.executable, "-m", "peerprep", *argv], env=env,
                              capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
        assert done.returncode == 0, (argv, done.stderr)
        assert "Traceback" not in done.stderr
    assert _snapshot(roots) == before
    assert (carried / "mine.json").read_text(encoding="utf-8") == brought.to_json()


def test_print_only_keeps_no_file(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cups_printer
) -> None:
    """Printed through the real lp to a private CUPS scheduler (tests/print_scheduler.py)."""
    import tempfile

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    print_without_file(_prep("min søster"))
    printed = cups_printer.printed()
    assert len(printed) == 1 and printed[0].startswith(b"%PDF")  # the printer got the sheet
    assert list(tmp.iterdir()) == []  # and nothing of it is left behind


def test_print_only_cleans_up_when_printing_fails(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cups_printer
) -> None:
    """The private scheduler's printer refuses jobs: lp fails as it does for a person."""
    import tempfile

    from peerprep.export import ExportError

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    cups_printer.refuse()
    with pytest.raises(ExportError):
        print_without_file(_prep())
    assert list(tmp.iterdir()) == []
    assert cups_printer.nothing_printed()


def test_a_file_that_says_no_cannot_outvote_one_that_says_yes(tmp_path: Path) -> None:
    """The variable's folder is looked at first: its "shared = no" must not switch off
    the file IT placed in the machine's own folder."""
    own, placed_by_it = tmp_path / "own", tmp_path / "it"
    own.mkdir()
    placed_by_it.mkdir()
    (own / MACHINE_FILE).write_text("shared = no\n", encoding="utf-8")
    (placed_by_it / MACHINE_FILE).write_text("shared = yes\nprivacy_minutes = 5\n", "utf-8")
    config = machine.read_machine_config([own, placed_by_it])
    assert config.shared and config.path == placed_by_it / MACHINE_FILE
    assert config.privacy_minutes == 5
    # Two that say no: not shared, and the first one is named.
    (placed_by_it / MACHINE_FILE).write_text("shared = no\n", encoding="utf-8")
    config = machine.read_machine_config([own, placed_by_it])
    assert not config.shared and config.path == own / MACHINE_FILE


def test_printing_without_a_file_never_names_a_file_when_the_queue_refuses(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The queue did not take it: the sentence must not say where the sheet is kept,
    because on a shared computer nothing is."""
    from peerprep.export import ExportError, printing
    from peerprep.words import catalogue

    def refused(path: Path) -> None:
        raise ExportError("export.errors.print_failed", path=str(path))

    monkeypatch.setattr(printing, "print_file", refused)
    with pytest.raises(ExportError) as caught:
        print_without_file(_prep())
    assert caught.value.key == "export.errors.print_failed_no_file"
    said = catalogue("da").text(caught.value.key, **caught.value.values)
    assert "gemt her" not in said and "ikke gemt nogen fil" in said


def test_a_blank_sheet_follows_the_same_rules(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """take_blank on a shared computer: printing keeps no file, a file needs a place the
    person chose, and one left on the computer is said to stay there."""
    import tempfile

    from peerprep import drives
    from peerprep.export import ExportError, printing
    from peerprep.flow.taking_along import SheetRequest, take_blank

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    monkeypatch.setattr(drives, "on_removable_drive", lambda path: False)
    sent: list[bytes] = []
    monkeypatch.setattr(printing, "print_file", lambda path: sent.append(path.read_bytes()))
    record = TakenAlong(shared=True)
    taken = take_blank(record, SheetRequest(print_now=True, language="en"))
    assert taken.path is None and taken.printed and sent[0].startswith(b"%PDF")
    assert list(tmp.iterdir()) == []
    with pytest.raises(ExportError) as refused:
        take_blank(record, SheetRequest(fmt="txt"))
    assert refused.value.key == "export.errors.choose_place"
    assert not (tmp_path / "exports").exists()
    here = tmp_path / "Skrivebord"
    here.mkdir()
    taken = take_blank(record, SheetRequest(fmt="txt", destination=here, folder_given=True))
    assert taken.path is not None and taken.path.parent == here
    assert [s.key for s in taken.said] == ["export.done", "export.stays_here"]
