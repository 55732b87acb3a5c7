"""Editing locks: a second program is told; stale locks (dead, reused pid, old foreign) are
taken over; a lock is never half written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from read_only import read_only

from peerprep import locks
from peerprep.errors import StoreError
from peerprep.locks import FOREIGN_LOCK_SECONDS, LockedError, LockInfo, hostname
from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.words import catalogue

PREP_ID = "20240101-120000-abcdef"


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir)
    prep = Preparation.new("da")
    prep.id = PREP_ID
    store.save(prep)
    return store


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


def _lock_path(store: Store) -> Path:
    return store.locks_dir / f"{PREP_ID}.lock"


def _write_lock(store: Store, *, pid: int, created_at: float, host: str | None = None) -> Path:
    store.locks_dir.mkdir(parents=True, exist_ok=True)
    path = _lock_path(store)
    info = {"pid": pid, "host": hostname() if host is None else host, "created_at": created_at}
    path.write_text(json.dumps(info), encoding="utf-8")
    return path


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait(timeout=30)
    return process.pid


def test_a_lock_names_this_program_and_goes_on_release(store: Store) -> None:
    lock = store.lock(PREP_ID)
    data = json.loads(lock.path.read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid() and data["host"] == hostname()
    assert store.lock_holder(PREP_ID) == lock.info
    assert lock.took_over is None  # no one had it: nothing to tell the person
    lock.release()
    assert not lock.path.exists()
    assert store.lock_holder(PREP_ID) is None
    lock.release()  # twice is harmless


def test_a_lock_works_as_a_context_manager(store: Store) -> None:
    with store.lock(PREP_ID) as lock:
        assert lock.path.exists()
    assert not lock.path.exists()


def test_a_live_holder_is_respected_and_named(
    store: Store, live_process: subprocess.Popen[bytes]
) -> None:
    path = _write_lock(store, pid=live_process.pid, created_at=time.time())
    before = path.read_bytes()
    with pytest.raises(LockedError) as caught:
        store.lock(PREP_ID)
    assert caught.value.holder.pid == live_process.pid
    assert store.lock_holder(PREP_ID) == caught.value.holder
    assert path.read_bytes() == before
    text = catalogue("da").text(caught.value.key, **caught.value.values)
    assert str(live_process.pid) in text and hostname() in text


def test_a_lock_held_by_another_real_program_is_detected(store: Store) -> None:
    """Two real processes: the first holds the lock, the second (this one) is told."""
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from peerprep.store import Store
        lock = Store(Path({str(store.root)!r})).lock({PREP_ID!r})
        print("locked", flush=True)
        sys.stdin.read()
        lock.release()
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError) as caught:
            store.lock(PREP_ID)
        assert caught.value.holder.pid == holder.pid
    finally:
        holder.communicate("", timeout=30)
    assert not _lock_path(store).exists(), "the holder let go when it ended"
    store.lock(PREP_ID).release()


def test_a_lock_of_a_dead_program_is_taken_over(store: Store) -> None:
    dead = _dead_pid()
    _write_lock(store, pid=dead, created_at=time.time() - 60)
    assert store.lock_holder(PREP_ID) is None
    lock = store.lock(PREP_ID)
    assert lock.took_over is not None and lock.took_over.pid == dead
    assert json.loads(lock.path.read_text(encoding="utf-8"))["pid"] == os.getpid()
    lock.release()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs process start times")
def test_a_reused_pid_does_not_keep_a_stale_lock(
    store: Store, live_process: subprocess.Popen[bytes]
) -> None:
    """The pid is alive, but its process started after the lock was taken: the system
    reused the number, so the program that took the lock is gone."""
    _write_lock(store, pid=live_process.pid, created_at=time.time() - 3600)
    lock = store.lock(PREP_ID)
    assert lock.took_over is not None and lock.took_over.pid == live_process.pid
    lock.release()


def test_a_fresh_lock_from_another_computer_is_respected(store: Store) -> None:
    """A shared USB stick or network folder: we cannot see the other computer's programs."""
    _write_lock(store, pid=4242, created_at=0.0, host="ward-pc-7")
    with pytest.raises(LockedError) as caught:
        store.lock(PREP_ID)
    assert caught.value.holder.host == "ward-pc-7"


def test_an_old_lock_from_another_computer_expires(store: Store) -> None:
    """A stick carried home after a crash on the ward must not stay read-only for ever."""
    path = _write_lock(store, pid=4242, created_at=0.0, host="ward-pc-7")
    long_ago = time.time() - FOREIGN_LOCK_SECONDS - 60
    os.utime(path, (long_ago, long_ago))
    lock = store.lock(PREP_ID)
    assert lock.took_over is not None and lock.took_over.host == "ward-pc-7"
    lock.release()


def test_refresh_keeps_a_lock_young(store: Store) -> None:
    lock = store.lock(PREP_ID)
    long_ago = time.time() - 3600
    os.utime(lock.path, (long_ago, long_ago))
    lock.refresh()
    assert time.time() - lock.path.stat().st_mtime < 600
    lock.release()


def test_a_broken_lock_protects_nothing(store: Store) -> None:
    store.locks_dir.mkdir(parents=True)
    _lock_path(store).write_bytes(b"\x00{not json")
    lock = store.lock(PREP_ID)
    assert lock.info.pid == os.getpid()
    lock.release()


def test_an_empty_lock_being_written_right_now_is_not_pushed_aside(store: Store) -> None:
    """Without hard links a lock is created, then written: an empty, young lock file is
    someone in the middle of taking it."""
    store.locks_dir.mkdir(parents=True)
    _lock_path(store).write_bytes(b"")
    with pytest.raises(StoreError) as caught:
        store.lock(PREP_ID)
    assert caught.value.key == "errors.locked_unknown"
    old = time.time() - 60
    os.utime(_lock_path(store), (old, old))
    store.lock(PREP_ID).release()  # an empty lock left for a minute was abandoned


def test_force_takes_even_a_live_lock(store: Store) -> None:
    _write_lock(store, pid=4242, created_at=0.0, host="ward-pc-7")
    lock = store.lock(PREP_ID, force=True)
    assert lock.info.pid == os.getpid()
    assert lock.took_over is not None and lock.took_over.host == "ward-pc-7"
    lock.release()


def test_the_same_program_may_lock_twice_and_the_first_lock_stays(store: Store) -> None:
    first = store.lock(PREP_ID)
    second = store.lock(PREP_ID)
    assert second.reentrant and second.info == first.info
    assert second.path == first.path and second.still_mine()
    second.refresh()
    second.release()
    assert first.path.exists()
    first.release()
    assert not first.path.exists()


def test_release_never_removes_someone_elses_lock(store: Store) -> None:
    lock = store.lock(PREP_ID)
    # Someone took it over meanwhile (we were thought dead).
    _write_lock(store, pid=4242, created_at=time.time(), host="ward-pc-7")
    lock.release()
    assert json.loads(_lock_path(store).read_text(encoding="utf-8"))["host"] == "ward-pc-7"


def test_a_fresh_lock_that_replaced_the_stale_one_is_given_back(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between our look at a stale lock and our move, another program took the lock: we
    must notice, put its lock back, and say it is locked."""
    dead = _dead_pid()
    path = _write_lock(store, pid=dead, created_at=time.time() - 60)
    real_rename = os.rename
    theirs = LockInfo(pid=1, host=hostname(), created_at=time.time())

    def rename_after_someone_else(source: Path, target: Path) -> None:
        if Path(source) == path:
            path.write_bytes(theirs.to_bytes())  # they won the race a moment before us
        real_rename(source, target)

    monkeypatch.setattr(locks.os, "rename", rename_after_someone_else)
    with pytest.raises(LockedError) as caught:
        store.lock(PREP_ID)
    assert caught.value.holder == theirs
    assert locks.read(path) == theirs
    assert list(store.locks_dir.glob(".*")) == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs process start times")
def test_a_live_holder_stays_live_whatever_the_clock_says(
    store: Store, live_process: subprocess.Popen[bytes]
) -> None:
    """The clock was set forward after the lock was taken: by wall-clock times the holder
    now looks younger than its lock. Its start in ticks since boot has not moved."""
    from peerprep.processes import start_mark

    ticks = start_mark(live_process.pid)
    assert ticks is not None
    info = LockInfo(live_process.pid, hostname(), time.time() - 3600, started=ticks)
    store.locks_dir.mkdir(parents=True)
    _lock_path(store).write_bytes(info.to_bytes())
    with pytest.raises(LockedError) as caught:
        store.lock(PREP_ID)
    assert caught.value.holder == info
    # The same number, another start: a reused pid, however fresh the lock looks.
    reused = LockInfo(live_process.pid, hostname(), time.time() + 3600, started=ticks - 1)
    _lock_path(store).write_bytes(reused.to_bytes())
    lock = store.lock(PREP_ID)
    assert lock.took_over == reused
    assert lock.info.started == start_mark(os.getpid())
    lock.release()


@pytest.mark.parametrize("raw", [b"[1, 2]", b'"text"', b"{}", b'{"pid": "x"}', b"\xff"])
def test_odd_lock_contents_protect_nothing(store: Store, raw: bytes) -> None:
    store.locks_dir.mkdir(parents=True)
    _lock_path(store).write_bytes(raw)
    assert store.lock_holder(PREP_ID) is None
    store.lock(PREP_ID).release()


def test_listing_sweeps_away_locks_of_killed_programs_but_keeps_live_ones(
    store: Store, live_process: subprocess.Popen[bytes]
) -> None:
    dead_lock = _write_lock(store, pid=_dead_pid(), created_at=time.time() - 60)
    other = Preparation.new("da")
    store.save(other)
    live_lock = store.locks_dir / f"{other.id}.lock"
    info = {"pid": live_process.pid, "host": hostname(), "created_at": time.time()}
    live_lock.write_text(json.dumps(info), encoding="utf-8")
    foreign_lock = store.locks_dir / "20250101-000000-abcdef.lock"
    foreign_lock.write_text(json.dumps({**info, "host": "ward-pc-7"}), encoding="utf-8")

    listing = store.list()

    assert {p.id for p in listing.preparations} == {PREP_ID, other.id}
    assert not dead_lock.exists()
    assert live_lock.read_text(encoding="utf-8") == json.dumps(info)
    assert foreign_lock.exists()  # another computer's lock is respected until it expires
    assert not list(store.locks_dir.glob(".*"))  # nothing set aside is left behind


def test_listing_sweeps_away_a_lock_half_made_by_a_killed_program(
    store: Store, live_process: subprocess.Popen[bytes]
) -> None:
    """A lock is written aside first, then linked into place; a kill in between left the
    copy in the locks folder for good (a full CI run's kill test found one)."""
    store.locks_dir.mkdir(parents=True)
    killed = store.locks_dir / f".{PREP_ID}.lock.{_dead_pid()}.23f11aaa.tmp"
    killed.write_text('{"pid": 1}', encoding="utf-8")
    writing = store.locks_dir / f".{PREP_ID}.lock.{live_process.pid}.0badcafe.tmp"
    writing.write_text('{"pid": 2}', encoding="utf-8")  # another program, writing now

    store.list()

    assert not killed.exists()
    assert writing.exists()


# --- a lock that is not a lock ----------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="pipes and links to devices are POSIX")
# A link to an endless device is in tests/stress/test_hostile_files.py, run in a process
# of its own with a memory limit: broken code would fill this one's memory.
@pytest.mark.parametrize("kind", ["fifo", "folder", "broken link", "link to a file"])
def test_a_lock_that_is_no_file_never_hangs_and_is_taken_over(
    store: Store, kind: str, no_hang: None
) -> None:
    """A pipe in a lock's place would block a plain read for good; a link is never
    followed (to /dev/zero it would be read until memory runs out): none is read as a
    lock, and opening takes its place."""
    path = store.locks_dir / f"{PREP_ID}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "broken link":
        path.symlink_to(path.parent / "nothing")
    else:  # a link to a lock-like file elsewhere: a lock is never followed
        elsewhere = store.root.parent / "elsewhere.lock"
        elsewhere.write_bytes(LockInfo(os.getpid(), hostname(), time.time()).to_bytes())
        path.symlink_to(elsewhere)
    assert locks.read(path) is None
    assert store.lock_holder(PREP_ID) is None
    assert [p.id for p in store.list().preparations] == [PREP_ID]
    with store.lock(PREP_ID) as lock:
        assert lock.still_mine()
    assert list(path.parent.iterdir()) == []  # nothing of it left behind


# --- a lock this program cannot prove is live ------------------------------------------


def _foreign_lock(store: Store, *, ahead: float = 0.0) -> LockInfo:
    """A lock of a program on another computer; `ahead`: seconds its clock is ahead (its
    time and the file's time are both in our future, so it never seems old)."""
    holder = LockInfo(pid=4242, host="afdelingens-pc", created_at=time.time() + ahead)
    path = _lock_path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(holder.to_bytes())
    if ahead:
        os.utime(path, (time.time() + ahead, time.time() + ahead))
    return holder


@pytest.mark.parametrize("ahead", [0.0, 30 * 24 * 60 * 60.0])
def test_another_computers_lock_may_be_taken_over_when_the_person_says_so(
    store: Store, ahead: float
) -> None:
    holder = _foreign_lock(store, ahead=ahead)
    with pytest.raises(LockedError) as caught:
        store.lock(PREP_ID)
    assert caught.value.holder == holder and caught.value.takeable
    lock = store.lock(PREP_ID, force=True)
    assert lock.took_over == holder and lock.still_mine()
    lock.release()


def test_a_program_seen_running_here_keeps_its_lock_even_with_force(
    store: Store, live_process: subprocess.Popen[bytes]
) -> None:
    """Only the person at this computer can close that window: no force takes it."""
    from peerprep.processes import start_mark

    started = start_mark(live_process.pid)
    holder = LockInfo(live_process.pid, hostname(), time.time(), started)
    _lock_path(store).parent.mkdir(parents=True, exist_ok=True)
    _lock_path(store).write_bytes(holder.to_bytes())
    with pytest.raises(LockedError) as caught:
        store.lock(PREP_ID, force=True)
    assert not caught.value.takeable
    with pytest.raises(LockedError):
        store.delete(PREP_ID, force=True)
    with pytest.raises(LockedError):
        store.wipe(force=True)
    assert store.exists(PREP_ID)


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from peerprep.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_delete_names_the_computer_and_the_time_and_takes_it_over_with_force(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    from peerprep.flow.taking_over import since

    holder = _foreign_lock(store)
    code, _out, err = _cli(capsys, "--lang", "en", "delete", "--yes", PREP_ID)
    assert code == 1 and store.exists(PREP_ID)
    when = since(catalogue("en"), holder)
    assert "afdelingens-pc" in err and when in err and "--force" in err
    code, out, _err = _cli(capsys, "--lang", "en", "delete", "--yes", "--force", PREP_ID)
    assert code == 0 and not store.exists(PREP_ID)
    assert "afdelingens-pc" in out and when in out
    assert not _lock_path(store).exists()


def test_wipe_with_force_takes_another_computers_lock(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    _foreign_lock(store)
    code, _out, err = _cli(capsys, "--lang", "en", "wipe", "--yes")
    assert code == 1 and store.exists(PREP_ID) and "--force" in err
    code, out, _err = _cli(capsys, "--lang", "en", "wipe", "--yes", "--force")
    assert code == 0 and not store.root.exists()
    assert "afdelingens-pc" in out


def test_a_lock_time_that_is_no_time_is_said_as_unknown() -> None:
    from peerprep.flow.taking_over import since

    cat = catalogue("da")
    for created in (1e300, float("inf"), float("nan"), -1e20):
        holder = LockInfo(pid=1, host="x", created_at=created)
        assert since(cat, holder) == cat.text("takeover.unknown_time")


def test_plain_mode_asks_and_takes_it_over(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`peerprep --plain open ID`: the question names the computer; "ja" takes it over, and
    the words typed next are saved."""
    import io

    _foreign_lock(store)
    # ja = take it over; 3 = part 1; the words; an empty line; 0 home; q.
    answers = "ja\n3\nNye ord fra mig\n\n0\nstop\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(answers.encode())))
    code, out, _err = _cli(capsys, "--plain", "open", PREP_ID)
    assert code == 0
    assert "afdelingens-pc" in out and "tage den over" in out
    assert "Nye ord fra mig" in store.load(PREP_ID).statement.introduction
    assert not _lock_path(store).exists()  # ours, and let go of at the end


def test_open_with_force_in_plain_mode_takes_it_over_at_once(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    _foreign_lock(store)
    answers = "3\nMed force\n\n0\nstop\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(answers.encode())))
    code, _out, _err = _cli(capsys, "--plain", "open", "--force", PREP_ID)
    assert code == 0
    assert "Med force" in store.load(PREP_ID).statement.introduction


def test_a_lock_taken_in_a_stale_ones_place_is_never_moved_away(
    tmp_path: Path, live_process: subprocess.Popen[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three programs at once: this one found a stale lock; before it acts, another has set
    that aside and taken the place. This one must not move the new lock away, or a third
    program takes the empty place and two hold it (seen under load in
    tests/stress/test_concurrency.py's race of eight)."""
    from peerprep.processes import start_mark

    path = tmp_path / "x.lock"
    stale = LockInfo(pid=_dead_pid(), host=hostname(), created_at=time.time() - 60)
    taken = LockInfo(
        pid=live_process.pid,
        host=hostname(),
        created_at=time.time(),
        started=start_mark(live_process.pid),
    )
    path.write_bytes(taken.to_bytes())
    third = LockInfo(pid=os.getppid(), host=hostname(), created_at=time.time())

    real_read, real_rename = locks.read, os.rename
    looks: list[Path] = []

    def read_stale_first(at: Path) -> LockInfo | None:
        looks.append(at)
        return stale if at == path and looks.count(path) == 1 else real_read(at)

    def rename_then_third_takes_the_place(source: str | Path, target: str | Path) -> None:
        real_rename(source, target)
        if Path(source) == path:
            path.write_bytes(third.to_bytes())

    monkeypatch.setattr(locks, "read", read_stale_first)
    monkeypatch.setattr(locks.os, "rename", rename_then_third_takes_the_place)
    with pytest.raises(LockedError) as refused:
        locks.acquire(path)
    assert refused.value.holder == taken
    assert real_read(path) == taken
    assert [p.name for p in tmp_path.iterdir()] == ["x.lock"]  # its guard went too


def test_a_guard_left_by_a_killed_program_does_not_block_a_takeover(tmp_path: Path) -> None:
    """A program killed while it set a stale lock aside leaves the lock's guard: the next
    program sets that aside too, takes the lock over, and leaves no guard behind."""
    path = tmp_path / "x.lock"
    dead = _dead_pid()
    stale = LockInfo(pid=dead, host=hostname(), created_at=time.time() - 60)
    path.write_bytes(stale.to_bytes())
    guard = tmp_path / ".x.lock.guard"
    guard.write_bytes(LockInfo(pid=dead, host=hostname(), created_at=time.time()).to_bytes())
    began = time.monotonic()
    lock = locks.acquire(path)
    assert time.monotonic() - began < locks.GUARD_SECONDS / 2  # not waited out
    assert lock.took_over == stale and lock.info.pid == os.getpid()
    lock.release()
    assert list(tmp_path.iterdir()) == []


def test_the_listing_sweeps_away_a_guard_left_by_a_killed_program(store: Store) -> None:
    store.locks_dir.mkdir(parents=True, exist_ok=True)
    guard = store.locks_dir / f".{PREP_ID}.lock.guard"
    guard.write_bytes(LockInfo(pid=_dead_pid(), host=hostname(), created_at=time.time()).to_bytes())
    live = store.locks_dir / f".{PREP_ID}2.lock.guard"
    live.write_bytes(LockInfo(pid=os.getpid(), host=hostname(), created_at=time.time()).to_bytes())
    store.list()
    assert not guard.exists()
    assert live.exists(), "a guard in use is left alone"


class _Clock:
    """The clock `locks` reads, moved on only by its own sleeps: waiting is counted in the
    shipped seconds without a test waiting them out."""

    def __init__(self) -> None:
        self.start_wall = time.time()
        self.elapsed = 0.0
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.start_wall + self.elapsed

    def monotonic(self) -> float:
        return self.elapsed

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.elapsed += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> _Clock:
    fake = _Clock()
    monkeypatch.setattr(locks, "time", fake)
    return fake


def _stale_lock_and_guard(
    tmp_path: Path, guard_holder: int, *, guard_age: float = 0.0
) -> tuple[Path, Path, LockInfo]:
    """A killed program's lock, and its guard held by `guard_holder` for `guard_age` s."""
    path = tmp_path / "x.lock"
    stale = LockInfo(pid=_dead_pid(), host=hostname(), created_at=time.time() - 60)
    path.write_bytes(stale.to_bytes())
    guard = tmp_path / ".x.lock.guard"
    holder = LockInfo(pid=guard_holder, host=hostname(), created_at=time.time())
    guard.write_bytes(holder.to_bytes())
    if guard_age:
        taken = time.time() - guard_age
        os.utime(guard, (taken, taken))
    return path, guard, stale


def test_a_stuck_programs_guard_is_waited_on_for_ten_seconds_then_set_aside(
    tmp_path: Path, live_process: subprocess.Popen[bytes], clock: _Clock
) -> None:
    """Another program, running, holds the guard of a stale lock (it is setting the lock
    aside): this one looks again every 20 ms. A guard held for GUARD_SECONDS (10 s) is
    one its program will not finish with (stopped, or hung): then it is set aside and the
    stale lock is taken over."""
    path, guard, stale = _stale_lock_and_guard(tmp_path, live_process.pid)
    clock.start_wall = time.time()  # this program comes after the guard was taken
    lock = locks.acquire(path)
    assert lock.took_over == stale and lock.info.pid == os.getpid()
    assert 10.0 <= clock.elapsed <= 10.1, clock.elapsed
    assert set(clock.sleeps) == {0.02}  # looked again soon, never slept long
    assert not guard.exists()
    lock.release()
    assert list(tmp_path.iterdir()) == []


def test_a_running_programs_guard_older_than_ten_seconds_is_set_aside_at_once(
    tmp_path: Path, live_process: subprocess.Popen[bytes], clock: _Clock
) -> None:
    path, _, stale = _stale_lock_and_guard(tmp_path, live_process.pid, guard_age=10.5)
    lock = locks.acquire(path)
    assert lock.took_over == stale
    assert clock.sleeps == [0.02]  # not waited on: one look again, the guard gone
    lock.release()


def test_a_running_programs_young_guard_is_not_set_aside(
    tmp_path: Path, live_process: subprocess.Popen[bytes], clock: _Clock
) -> None:
    """Nine and a half seconds: still in use (the listing's sweep leaves it too)."""
    _, guard, _ = _stale_lock_and_guard(tmp_path, live_process.pid, guard_age=9.5)
    locks.sweep_stale(tmp_path)
    assert guard.exists()
    clock.elapsed = 1.0  # ten and a half seconds old
    locks.sweep_stale(tmp_path)
    assert not guard.exists()


def test_a_lock_being_written_is_looked_at_five_times_in_a_quarter_second(
    tmp_path: Path, clock: _Clock
) -> None:
    """An empty, young lock file is another program in the middle of writing it: five looks
    50 ms apart, then "someone is there" rather than pushing in."""
    path = tmp_path / "x.lock"
    path.write_bytes(b"")
    with pytest.raises(StoreError) as caught:
        locks.acquire(path)
    assert caught.value.key == "errors.locked_unknown"
    assert clock.sleeps == [0.05] * 5
    assert path.read_bytes() == b""


def test_listing_a_read_only_folder_with_a_killed_programs_lock_and_guard(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write-protected USB stick that holds a killed program's lock and guard: the list
    is read as ever, and the lock and guard stay until the stick can be written again."""
    dead = _dead_pid()
    lock = _write_lock(store, pid=dead, created_at=time.time() - 60)
    guard = store.locks_dir / f".{PREP_ID}.lock.guard"
    guard.write_bytes(LockInfo(pid=dead, host=hostname(), created_at=time.time()).to_bytes())
    with read_only(store.root, monkeypatch):
        for listing in (store.list(), store.newest(40)):
            assert [p.id for p in listing.preparations] == [PREP_ID]
        assert lock.exists() and guard.exists()
    assert [p.id for p in store.list().preparations] == [PREP_ID]
    assert not lock.exists() and not guard.exists()  # writable again: swept


@pytest.mark.parametrize("by", ["taking the lock", "the listing's sweep"])
def test_a_lock_renewed_in_the_moment_before_it_is_set_aside_stays(
    store: Store, monkeypatch: pytest.MonkeyPatch, by: str
) -> None:
    """Another computer's lock, unrenewed for over 12 hours, looks left; in the moment
    between this program's look and its guard, that computer renews it (touches it: the
    same words, a new time). Under the guard the lock is looked at again, and stays."""
    holder = _foreign_lock(store)
    path = _lock_path(store)
    old = time.time() - FOREIGN_LOCK_SECONDS - 60
    os.utime(path, (old, old))
    real_hold_guard = locks._hold_guard

    def renewed_then_guard(lock_path: Path) -> tuple[Path, LockInfo] | None:
        os.utime(path)  # the other computer's Lock.refresh
        return real_hold_guard(lock_path)

    monkeypatch.setattr(locks, "_hold_guard", renewed_then_guard)
    if by == "taking the lock":
        with pytest.raises(LockedError) as refused:
            store.lock(PREP_ID)
        assert refused.value.holder == holder
    else:
        assert locks.sweep_stale(store.locks_dir) == 0  # none went
    assert locks.read(path) == holder
    assert time.time() - path.stat().st_mtime < 60  # the renewed lock, in its place
    assert [p.name for p in store.locks_dir.iterdir()] == [path.name]


def test_a_stale_lock_cleared_by_another_program_in_the_moment_is_still_said(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A killed program's lock, removed by another program's listing between this
    program's look and its guard: this program takes the lock, and still says whose it
    was (the person is told the preparation was left open by a program that ended)."""
    lock_path = _write_lock(store, pid=_dead_pid(), created_at=time.time() - 60)
    stale = locks.read(lock_path)
    real_hold_guard = locks._hold_guard

    def cleared_then_guard(path: Path) -> tuple[Path, LockInfo] | None:
        if lock_path.exists():
            lock_path.unlink()  # another program's sweep, just now
        return real_hold_guard(path)

    monkeypatch.setattr(locks, "_hold_guard", cleared_then_guard)
    lock = store.lock(PREP_ID)
    assert lock.took_over == stale and lock.still_mine()
    lock.release()
    assert list(store.locks_dir.iterdir()) == []


def test_a_guard_that_cannot_be_made_says_why_and_where(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder turned write-protected between the lock's look and its guard (a USB
    stick's switch): the error names the reason and the place, as every store error does."""
    _write_lock(store, pid=_dead_pid(), created_at=time.time() - 60)
    with read_only(store.root, monkeypatch), pytest.raises(StoreError) as caught:
        locks._hold_guard(_lock_path(store))
    assert caught.value.key == "errors.read_only"
    assert caught.value.values["path"].startswith(str(store.locks_dir))


def test_a_lock_in_a_write_protected_folder_says_why_and_where(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.locks_dir.mkdir(parents=True, exist_ok=True)
    with read_only(store.root, monkeypatch), pytest.raises(StoreError) as caught:
        store.lock(PREP_ID)
    assert caught.value.key == "errors.read_only"
    assert caught.value.values["path"].startswith(str(store.locks_dir))
    assert list(store.locks_dir.iterdir()) == []


def test_the_sweep_counts_the_locks_it_removed(
    store: Store, live_process: subprocess.Popen[bytes], tmp_path: Path
) -> None:
    assert locks.sweep_stale(tmp_path / "no such folder") == 0
    _write_lock(store, pid=_dead_pid(), created_at=time.time() - 60)
    for name in ("20240101-120000-bbbbbb", "20240101-120000-cccccc"):
        info = {"pid": _dead_pid() if "bbb" in name else live_process.pid, "host": hostname(),
                "created_at": time.time()}  # fmt: skip
        (store.locks_dir / f"{name}.lock").write_text(json.dumps(info), encoding="utf-8")
    assert locks.sweep_stale(store.locks_dir) == 2  # the two killed programs' locks
    assert [p.name for p in store.locks_dir.iterdir()] == ["20240101-120000-cccccc.lock"]


def test_a_lock_that_changes_at_every_look_is_given_up_after_five(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each time this program would set a left lock aside, another left lock is in its
    place (a program that keeps starting and dying): after five looks it says someone is
    there, rather than going round for ever."""
    path = _write_lock(store, pid=_dead_pid(), created_at=time.time() - 60)
    real_hold_guard = locks._hold_guard
    taken: list[int] = []

    def changed_then_guard(lock_path: Path) -> tuple[Path, LockInfo] | None:
        taken.append(1)
        if len(taken) > 20:
            raise AssertionError("looked at the lock for ever")
        other = LockInfo(pid=_dead_pid(), host=hostname(), created_at=time.time() - 60)
        path.write_bytes(other.to_bytes())
        return real_hold_guard(lock_path)

    monkeypatch.setattr(locks, "_hold_guard", changed_then_guard)
    with pytest.raises(StoreError) as caught:
        store.lock(PREP_ID)
    assert caught.value.key == "errors.locked_unknown"
    assert len(taken) == 5


def test_refresh_never_renews_a_lock_another_program_took(store: Store) -> None:
    lock = store.lock(PREP_ID)
    other = LockInfo(pid=_dead_pid(), host="afdelingens-pc", created_at=time.time() - 60)
    lock.path.write_bytes(other.to_bytes())  # taken over from another computer, say
    old = time.time() - 3600
    os.utime(lock.path, (old, old))
    lock.refresh()
    assert lock.path.stat().st_mtime == pytest.approx(old)
    lock.release()
    assert locks.read(lock.path) == other  # and not removed either


def test_an_empty_guard_being_written_is_left_alone_then_swept(tmp_path: Path) -> None:
    """A guard is created, then written (where there are no hard links): an empty young one
    is in use; an empty one left for longer than a lock's grace was abandoned."""
    guard = tmp_path / ".x.lock.guard"
    guard.write_bytes(b"")
    locks.sweep_stale(tmp_path)
    assert guard.exists()
    old = time.time() - locks.GUARD_SECONDS - 1
    os.utime(guard, (old, old))
    locks.sweep_stale(tmp_path)
    assert not guard.exists()
