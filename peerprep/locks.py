"""Editing locks: who has a preparation open right now, so a second window opens it read-only.

A lock is a small JSON file `{"pid", "host", "created_at"}` created in one step (it
never exists half written where the file system has hard links). A lock is stale, and
may be taken over, when:

- it was made on this computer and its process is gone, or its process number now
  belongs to another process (the number was reused). The lock records which start of
  its process it is (processes.start_mark: Linux, Windows and macOS), which setting the
  clock cannot move; a lock without that is compared by wall-clock time;
- it was made on another computer (a shared USB stick or network folder) and has not
  been renewed for FOREIGN_LOCK_SECONDS: we cannot ask that computer, and a stick
  carried home after a crash must not stay read-only for ever;
- it cannot be read: a lock holds a few bytes of JSON, so anything else protects
  nothing. Only an empty lock younger than a few seconds is left alone: where the file
  system has no hard links, a lock is created first and written a moment later.

A stale lock is set aside only by the program that holds its guard (`.<name>.lock.guard`,
made in one step as a lock is, for the moment it takes), after one more look: so a lock
just taken in the stale one's place is never moved away by a program that looked before.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from peerprep.errors import StoreError
from peerprep.files import DiskError, clean_stale_temps, create_exclusive, read_regular_file
from peerprep.processes import pid_alive, start_mark, started_at

FOREIGN_LOCK_SECONDS = 12 * 60 * 60
MAX_LOCK_BYTES = 4096  # a lock holds well under 200 bytes of JSON
UNREADABLE_GRACE_SECONDS = 5.0
# Process start times are exact to a tick or a millisecond; allow for clock rounding.
_START_SLACK = 2.0
# A program sets a stale lock aside in well under a second while it holds the lock's
# guard (see _clear_stale); a guard older than this was left by a program that stopped.
GUARD_SECONDS = 10.0


def hostname() -> str:
    return socket.gethostname()


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock."""

    pid: int
    host: str
    created_at: float
    started: int | None = None  # which start of the holder's process (processes.start_mark)

    def to_bytes(self) -> bytes:
        data: dict[str, object] = {
            "pid": self.pid,
            "host": self.host,
            "created_at": self.created_at,
        }
        if self.started is not None:
            data["started"] = self.started
        return (json.dumps(data) + "\n").encode("utf-8")


class LockedError(StoreError):
    """Another program instance is editing this preparation. `takeable`: this program
    cannot prove that it is (another computer's lock); the person may take it over."""

    def __init__(self, holder: LockInfo) -> None:
        super().__init__("errors.locked", host=holder.host, pid=holder.pid)
        self.holder = holder
        self.takeable = not provably_live(holder)


@dataclass
class Lock:
    """Held while this program edits a preparation; release() when done (or use `with`).

    `took_over` names the stale holder this lock replaced, if any. A lock taken again
    by the process that already holds it is `reentrant`: releasing it leaves the first
    one in place.
    """

    path: Path
    info: LockInfo
    took_over: LockInfo | None = None
    reentrant: bool = False
    released: bool = False

    def still_mine(self) -> bool:
        return read(self.path) == self.info

    def refresh(self) -> None:
        """Show that the lock is still in use (for a lock seen from another computer)."""
        if not self.released and self.still_mine():
            with contextlib.suppress(OSError):
                os.utime(self.path)

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        if not self.reentrant and self.still_mine():
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> Lock:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.release()


def read(path: Path) -> LockInfo | None:
    """The lock's holder, or None when there is no lock or it cannot be read.

    Only a regular file of at most MAX_LOCK_BYTES is read, without following a link and
    without blocking: a pipe in a lock's place cannot hang the program, nor a link to an
    endless device fill its memory."""
    try:
        raw = read_regular_file(path, MAX_LOCK_BYTES, follow_links=False)
        # utf-8-sig: a lock copied or looked at with Windows Notepad may start with a BOM
        data = json.loads(raw.decode("utf-8-sig"))
        started = data.get("started")
        return LockInfo(
            pid=int(data["pid"]),
            host=str(data["host"]),
            created_at=float(data["created_at"]),
            started=None if started is None else int(started),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _age(path: Path) -> float | None:
    try:
        return time.time() - path.lstat().st_mtime
    except OSError:
        return None


def _is_empty(path: Path) -> bool:
    try:
        info = path.lstat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size == 0


def is_stale(path: Path, holder: LockInfo | None) -> bool:
    """May this lock be taken over? See the module docstring for the rules."""
    if holder is None:
        age = _age(path)
        return age is None or age > UNREADABLE_GRACE_SECONDS or not _is_empty(path)
    if holder.host != hostname():
        age = _age(path)
        return age is None or age > FOREIGN_LOCK_SECONDS
    if not pid_alive(holder.pid):
        return True
    if holder.started is not None:
        now = start_mark(holder.pid)
        return now is not None and now != holder.started
    started = started_at(holder.pid)
    # The pid is alive but belongs to a process younger than the lock: the number was reused.
    return started is not None and started > holder.created_at + _START_SLACK


def live_holder(path: Path) -> LockInfo | None:
    """Who holds a live lock at `path`, if anyone (our own process included)."""
    if not os.path.lexists(path):
        return None
    holder = read(path)
    if holder is None or is_stale(path, holder):
        return None
    return holder


def provably_live(holder: LockInfo) -> bool:
    """Can this program see for itself that the holder of a live lock is running?

    Only on this computer, where its process can be looked at (is_stale has done so).
    A lock from another computer - a USB stick or a network folder, perhaps carried away
    after a crash, perhaps from a computer whose clock is ahead so that it never seems
    old - cannot be checked: the person may take it over after a plain question that
    names the computer and the time (flow.taking_over)."""
    return holder.host == hostname()


def is_mine(holder: LockInfo) -> bool:
    return holder.pid == os.getpid() and holder.host == hostname()


def _set_aside(path: Path, expected: LockInfo | None) -> bool:
    """Move a stale lock out of the way. Returns False when what we moved turned out to
    be a fresh lock another program had just taken (it is then put back)."""
    aside = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.stale")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return True  # someone else cleared it first; try again
    moved = read(aside)
    if moved is None or moved == expected:
        with contextlib.suppress(OSError):
            if stat.S_ISDIR(aside.lstat().st_mode):
                shutil.rmtree(aside)  # a folder in a lock's place: nothing of anyone's
            else:
                aside.unlink()
        return True
    # Between our look and our move, another program replaced the stale lock with its
    # own. Give it back, unless yet another lock is already in its place.
    with contextlib.suppress(OSError):
        os.link(aside, path)
    with contextlib.suppress(OSError):
        aside.unlink()
    return False


def acquire(path: Path, *, force: bool = False) -> Lock:
    """Take the lock at `path`, or raise LockedError naming who holds it.

    `force=True` takes it from a holder this program cannot prove is running (another
    computer's lock; see provably_live), only when the person said that it is not open
    there any more. A program that is seen running on this computer keeps its lock.

    Raises:
        LockedError: another program holds it (named with its process and computer).
        StoreError: the locks folder cannot be written.
    """
    mine = LockInfo(
        pid=os.getpid(),
        host=hostname(),
        created_at=time.time(),
        started=start_mark(os.getpid()),
    )
    took_over: LockInfo | None = None
    attempts = 0
    waited_until = time.monotonic() + GUARD_SECONDS
    while attempts < 5:
        try:
            if create_exclusive(path, mine.to_bytes()):
                return Lock(path=path, info=mine, took_over=took_over)
        except DiskError as error:
            raise StoreError(error.key, path=str(error.path)) from error
        holder = read(path)
        if holder is not None and is_mine(holder):
            return Lock(path=path, info=holder, reentrant=True)
        live = holder is not None and not is_stale(path, holder)
        if holder is not None and live and (not force or provably_live(holder)):
            raise LockedError(holder)
        if holder is None and not force and not is_stale(path, holder):
            attempts += 1
            time.sleep(0.05)  # being written by someone right now: look again
            continue
        cleared = _clear_stale(path, holder, force=force)
        if cleared is None and time.monotonic() < waited_until:
            time.sleep(0.02)  # another program is setting it aside: look again soon
            continue
        attempts += 1
        if cleared:
            took_over = holder or took_over
    # A lock we cannot read, renewed again and again: someone is there; do not push in.
    raise StoreError("errors.locked_unknown")


def _clear_stale(path: Path, expected: LockInfo | None, *, force: bool = False) -> bool | None:
    """Set aside the stale lock at `path` that was read as `expected`. Returns True when it
    is gone, False when the lock there is not that one any more (look again), None when
    another program is setting it aside right now (wait).

    Only the program holding the lock's guard (a second small file beside it, created in
    one step as a lock is) may set a lock aside, and it looks at the lock again first:
    so no program can move away a lock another has just taken in the stale one's place
    (without the guard, one program could take the place while a second moved its new
    lock away and a third took the empty place: two holders; tests/stress/
    test_concurrency.py's race of eight programs saw it under load).
    """
    guard = _hold_guard(path)
    if guard is None:
        return None
    try:
        current = read(path)
        if not os.path.lexists(path):
            return True
        if current != expected or not (force or is_stale(path, current)):
            return False
        return _set_aside(path, expected)
    finally:
        if read(guard[0]) == guard[1]:
            with contextlib.suppress(OSError):
                guard[0].unlink()


_GUARD_SUFFIX = ".guard"


def _guard_path(path: Path) -> Path:
    return path.with_name(f".{path.name}{_GUARD_SUFFIX}")


def _hold_guard(path: Path) -> tuple[Path, LockInfo] | None:
    """Take the guard of the lock at `path` (see _clear_stale), or None while another
    program holds it. A guard its program left (killed, or older than GUARD_SECONDS) is
    set aside so that the next look can take it."""
    guard = _guard_path(path)
    mine = LockInfo(
        pid=os.getpid(), host=hostname(), created_at=time.time(), started=start_mark(os.getpid())
    )
    try:
        if create_exclusive(guard, mine.to_bytes()):
            return guard, mine
    except DiskError as error:
        raise StoreError(error.key, path=str(error.path)) from error
    _set_aside_if_left(guard)
    return None


def _set_aside_if_left(guard: Path) -> None:
    """Set aside a guard its program left: killed, or stopped for GUARD_SECONDS."""
    holder = read(guard)
    age = _age(guard)
    if age is None or age > GUARD_SECONDS or is_stale(guard, holder):
        with contextlib.suppress(OSError):
            _set_aside(guard, holder)


def sweep_stale(folder: Path) -> int:
    """Remove locks left behind by programs that were killed (a power cut, kill -9), so
    they do not pile up. Only locks `is_stale` gives up on go; a live one is never touched.
    The copy a lock is written in first (files.create_exclusive) goes too when the program
    that wrote it is gone (files.clean_stale_temps): a kill between its writing and its
    linking into place left it for good (tests/stress/test_kill.py), and so does a lock's
    guard its program left (see _clear_stale). Returns how many locks went."""
    removed = 0
    if not folder.is_dir():
        return 0
    clean_stale_temps(folder)
    for guard in folder.glob(f".*.lock{_GUARD_SUFFIX}"):
        _set_aside_if_left(guard)
    for path in folder.glob("*.lock"):
        holder = read(path)
        if not is_stale(path, holder):
            continue
        with contextlib.suppress(OSError, StoreError):
            if _clear_stale(path, holder):
                removed += 1
    return removed
