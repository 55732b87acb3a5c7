"""Careful file writing shared by store.py and settings.py: atomic, private, explained.

A save never leaves a half-written file behind: the text goes to a temporary file in
the same folder, is flushed and fsynced, and then replaces the old file in one step.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import sys
import time
from pathlib import Path

POSIX = os.name == "posix"
DIR_MODE = 0o700
FILE_MODE = 0o600
TEMP_SUFFIX = ".tmp"


class DiskError(Exception):
    """A write failed for a reason the person can act on. `key` names the catalogue text."""

    def __init__(self, key: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{key}: {path}: {detail}")
        self.key = key
        self.path = path
        self.detail = detail


def reason_key(error: OSError) -> str:
    """The catalogue key that explains an OSError in plain words."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "errors.disk_full"
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "errors.read_only"
    if error.errno == errno.ENOENT:
        return "errors.folder_missing"
    return "errors.write_failed"


def ensure_private_dir(path: Path) -> Path:
    """Create the folder (and parents) and make it private, even if it existed with looser modes."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        if POSIX:
            os.chmod(path, DIR_MODE)
    except OSError as error:
        raise DiskError(reason_key(error), path, str(error)) from error
    return path


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if not POSIX:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def temp_name(target: Path) -> Path:
    """A temporary name beside `target` that says whose it is (pid), so leftovers can be told apart."""
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def atomic_write(target: Path, data: bytes, *, private: bool = True) -> None:
    """Write `data` to `target` so that a crash leaves either the old or the new file."""
    folder = target.parent
    temp = temp_name(target)
    mode = FILE_MODE if private else 0o644
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        try:
            if POSIX and private:
                os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise DiskError(reason_key(error), target, str(error)) from error
    _fsync_dir(folder)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def process_started_at(pid: int) -> float | None:
    """When a process started (epoch seconds), where the system tells us (Linux); else None."""
    stat = Path(f"/proc/{pid}/stat")
    try:
        fields = stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()
        ticks = int(fields[19])
        uptime = float(Path("/proc/uptime").read_text(encoding="utf-8").split()[0])
    except (OSError, IndexError, ValueError):
        return None
    hertz = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    return time.time() - uptime + ticks / hertz


def clean_stale_temps(folder: Path, older_than: float = 60.0) -> int:
    """Remove temporary files left by a save that was killed half way. Returns how many."""
    removed = 0
    if not folder.is_dir():
        return 0
    for temp in folder.glob(f".*{TEMP_SUFFIX}"):
        parts = temp.name.rsplit(".", 3)
        try:
            owner = int(parts[-3])
        except (IndexError, ValueError):
            owner = -1
        try:
            age = time.time() - temp.stat().st_mtime
        except OSError:
            continue
        if owner == os.getpid():
            continue
        if not pid_alive(owner) or age > older_than:
            with contextlib.suppress(OSError):
                temp.unlink()
                removed += 1
    return removed
