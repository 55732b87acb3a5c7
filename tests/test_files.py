"""files.py: atomic writes, private folders, exclusive creation, process checks."""

from __future__ import annotations

import errno
import itertools
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peerprep import files
from peerprep.files import (
    DiskError,
    atomic_write,
    clean_stale_temps,
    create_exclusive,
    ensure_private_dir,
    reason_key,
)
from peerprep.processes import pid_alive, started_at

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes exist on POSIX only")


def test_atomic_write_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


@posix_only
def test_atomic_write_is_private_unless_asked(tmp_path: Path) -> None:
    before = os.umask(0o022)  # the usual umask: a shared file is readable by others
    try:
        atomic_write(tmp_path / "private", b"x")
        atomic_write(tmp_path / "shared", b"x", private=False)
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "private").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "shared").stat().st_mode) == 0o644


@posix_only
def test_the_words_are_never_readable_by_others_not_even_for_a_moment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temporary copy is created 0600 (the mode given to open), not made private
    after it was created: in between, another user could open it. The real call runs;
    the test writes down the mode it was given."""
    modes: list[int] = []
    real_open = os.open

    def spy(path: object, flags: int, mode: int = 0o777, **kwargs: object) -> int:
        if str(path).endswith(".tmp"):
            modes.append(mode)
        return real_open(path, flags, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", spy)
    atomic_write(tmp_path / "prep.json", b"Jeg hedder Sam.")
    assert modes == [0o600]


@posix_only
def test_a_save_never_writes_through_a_link_planted_at_its_temporary_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link put where the next temporary copy will be (its name made predictable
    here) is not followed: the save fails and says so, and the file the link points at
    is untouched (O_EXCL)."""
    monkeypatch.setattr(files.secrets, "token_hex", lambda n: "0" * (2 * n))
    victim = tmp_path / "someone-elses.txt"
    victim.write_bytes(b"theirs")
    target = tmp_path / "prep.json"
    files.temp_name(target).symlink_to(victim)
    with pytest.raises(DiskError):
        atomic_write(target, b"Jeg hedder Sam.")
    assert victim.read_bytes() == b"theirs"
    assert not target.exists()


def test_atomic_write_writes_all_of_a_large_text_in_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write

    def short_write(fd: int, data: bytes) -> int:
        return real_write(fd, bytes(data[:1000]))  # a system may write less than asked

    monkeypatch.setattr(os, "write", short_write)
    payload = os.urandom(10_000)
    atomic_write(tmp_path / "big", payload)
    assert (tmp_path / "big").read_bytes() == payload


@pytest.mark.parametrize("step", ["open", "write", "fsync", "replace"])
def test_a_failure_at_any_step_keeps_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    target = tmp_path / "a.json"
    atomic_write(target, b"old")
    real = getattr(os, step)
    calls = {"n": 0}

    def fail(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if step == "open" and "tmp" not in str(args[0]):
            return real(*args, **kwargs)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(DiskError) as caught:
        atomic_write(target, b"new")
    monkeypatch.undo()
    assert calls["n"] >= 1
    assert caught.value.key == "errors.disk_full"
    assert caught.value.path == target
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


@pytest.mark.parametrize("retries", [1, 5])  # this system; Windows (simulated here)
def test_a_file_held_open_elsewhere_is_replaced_after_a_pause_or_the_save_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, retries: int
) -> None:
    """Windows refuses to replace a file another program (a virus scanner) holds open for
    a moment: the save tries again `_REPLACE_RETRIES` times, 50 ms apart. Refused every
    time, it fails and says so; it never claims a save that did not happen."""
    monkeypatch.setattr(files, "_REPLACE_RETRIES", retries)
    target = tmp_path / "a.json"
    atomic_write(target, b"old")
    real_replace = os.replace
    tries: list[float] = []

    def held_open(refusals: int):  # type: ignore[no-untyped-def]
        def replace(source: object, dest: object) -> None:
            tries.append(time.monotonic())
            if len(tries) <= refusals:
                raise PermissionError(errno.EACCES, "The process cannot access the file")
            real_replace(source, dest)  # type: ignore[arg-type]

        return replace

    monkeypatch.setattr(os, "replace", held_open(retries))  # refused every time it tries
    with pytest.raises(DiskError) as caught:
        atomic_write(target, b"new")
    assert len(tries) == retries
    assert caught.value.key == "errors.read_only" and caught.value.path == target
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]

    tries.clear()
    monkeypatch.setattr(os, "replace", held_open(retries - 1))  # let go before the last
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and len(tries) == retries
    pauses = [later - earlier for earlier, later in itertools.pairwise(tries)]
    assert all(pause >= files._REPLACE_PAUSE for pause in pauses)


@pytest.mark.parametrize(
    ("code", "key"),
    [
        (errno.ENOSPC, "errors.disk_full"),
        (errno.EROFS, "errors.read_only"),
        (errno.EACCES, "errors.read_only"),
        (errno.ENOENT, "errors.folder_missing"),
        (errno.EIO, "errors.write_failed"),
    ],
)
def test_reason_keys(code: int, key: str) -> None:
    assert reason_key(OSError(code, "x")) == key


@posix_only
def test_ensure_private_dir_tightens_an_existing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True, mode=0o777)
    os.chmod(folder, 0o777)
    assert ensure_private_dir(folder) == folder
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_new_account_gets_every_folder_on_the_way(tmp_path: Path) -> None:
    """On a new account even ~/.local/share may not exist yet: every folder on the way
    to the data folder is made, and making it again is no error."""
    data = tmp_path / "home" / ".local" / "share" / "peerprep"
    assert ensure_private_dir(data) == data
    assert data.is_dir()
    assert ensure_private_dir(data) == data
    if files.POSIX:
        assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_ensure_private_dir_reports_a_file_in_the_way(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(DiskError) as caught:
        ensure_private_dir(blocker / "sub")
    assert caught.value.path == blocker / "sub"  # the folder the person is told of


def test_create_exclusive_never_replaces(tmp_path: Path) -> None:
    target = tmp_path / "x.lock"
    assert create_exclusive(target, b"first")
    assert not create_exclusive(target, b"second")
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["x.lock"]


def test_create_exclusive_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT sticks and some network shares have no hard links: create, then write."""

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "x.lock"
    assert create_exclusive(target, b"first")
    assert not create_exclusive(target, b"second")
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["x.lock"]


def test_pid_alive() -> None:
    assert pid_alive(os.getpid())
    assert not pid_alive(0)
    assert not pid_alive(-5)
    assert not pid_alive(2**22 + 11)
    assert not pid_alive(2**80)
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait(timeout=30)
    assert not pid_alive(process.pid)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_process_started_at_is_in_the_past_and_after_boot() -> None:
    started = started_at(os.getpid())
    assert started is not None
    assert started <= time.time()
    assert started_at(2**22 + 11) is None


def test_clean_stale_temps_removes_only_dead_or_ancient_leftovers(tmp_path: Path) -> None:
    dead = tmp_path / f".a.json.{2**22 + 11}.00000000.tmp"
    mine = tmp_path / f".a.json.{os.getpid()}.00000000.tmp"
    live_young = tmp_path / ".a.json.1.00000000.tmp"  # pid 1 is alive
    live_ancient = tmp_path / ".b.json.1.00000000.tmp"
    nameless = tmp_path / ".junk.tmp"
    real = tmp_path / "a.json"
    for path in (dead, mine, live_young, live_ancient, nameless, real):
        path.write_bytes(b"x")
    long_ago = time.time() - 3600
    os.utime(live_ancient, (long_ago, long_ago))
    assert clean_stale_temps(tmp_path) == 3
    assert {p.name for p in tmp_path.iterdir()} == {mine.name, live_young.name, real.name}
    assert clean_stale_temps(tmp_path / "missing") == 0


def test_temp_names_are_hidden_and_carry_the_pid(tmp_path: Path) -> None:
    name = files.temp_name(tmp_path / "x.json").name
    assert name.startswith(".x.json.") and name.endswith(".tmp")
    assert f".{os.getpid()}." in name


@posix_only
def test_a_save_reaches_the_disk_before_it_replaces_and_the_folder_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order that makes a save survive a power cut (the text fsynced before the
    rename; the folder fsynced after it, so the new name is on disk too). The real calls
    run; the test only writes down which file each one was about (a power cut cannot be
    arranged here)."""
    calls: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(source: object, target: object) -> None:
        calls.append(("replace", str(target)))
        real_replace(source, target)  # type: ignore[arg-type]

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("no /proc to name a file descriptor by")
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    target = tmp_path / "prep.json"
    atomic_write(target, b"ord for ord")
    assert [name for name, _ in calls] == ["fsync", "replace", "fsync"]
    assert Path(calls[0][1]).name.startswith(".prep.json.")  # the temporary copy
    assert calls[1][1] == str(target)
    assert calls[2][1] == str(tmp_path)  # the folder holding the new name
    assert target.read_bytes() == b"ord for ord"


def test_a_leftover_of_a_running_program_is_kept_for_a_minute(tmp_path: Path) -> None:
    """The shipped window: a temporary file of a program still running is its save in
    progress for 60 seconds, and a leftover after that (a save cannot take a minute)."""
    young = tmp_path / ".a.json.1.00000000.tmp"  # pid 1 is alive
    old = tmp_path / ".b.json.1.00000000.tmp"
    for path, age in ((young, 59.5), (old, 60.5)):
        path.write_bytes(b"x")
        then = time.time() - age
        os.utime(path, (then, then))
    assert clean_stale_temps(tmp_path) == 1
    assert [p.name for p in tmp_path.iterdir()] == [young.name]


def test_a_new_name_is_claimed_privately_up_to_the_last_number(tmp_path: Path) -> None:
    """A sheet never replaces another file: "Mit statement.pdf", then "(2)" ... up to
    "(9999)" (files.MAX_NUMBERED names in all), each claimed empty and private; when every
    one is taken, the claim says so instead of overwriting."""
    path = tmp_path / "Mit statement.pdf"
    assert files.claim_new_name(path) == path
    assert path.read_bytes() == b""
    if files.POSIX:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for number in range(2, files.MAX_NUMBERED):
        files.numbered(path, number).touch()
    last = files.claim_new_name(path)
    assert last.name == "Mit statement (9999).pdf" and files.MAX_NUMBERED == 9999
    with pytest.raises(FileExistsError):
        files.claim_new_name(path)
    assert len(list(tmp_path.iterdir())) == files.MAX_NUMBERED


def test_a_leftover_of_this_program_does_not_stop_the_clean_up_of_the_others(
    tmp_path: Path,
) -> None:
    """This program's own temporary file (a save in progress) is passed over, and every
    leftover of a program that is gone is still removed, in whatever order the folder
    lists them."""
    mine = tmp_path / f".mine.json.{os.getpid()}.00000000.tmp"
    mine.write_bytes(b"x")
    dead = [tmp_path / f".p{n}.json.{2**22 + 11}.00000000.tmp" for n in range(20)]
    for path in dead:
        path.write_bytes(b"x")
    assert clean_stale_temps(tmp_path) == 20
    assert [p.name for p in tmp_path.iterdir()] == [mine.name]
