"""Careful file writing: atomic, private, never over another file, and explained in words.

A save never leaves a half-written file behind: the text goes to a temporary file in
the same folder, is flushed and fsynced, and then replaces the old file in one step.
Folders are made 0700 and files 0600 on POSIX; where the file system has no modes
(a FAT-formatted USB stick) that step is skipped rather than failing the save.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
import time
from pathlib import Path

from peerprep.processes import pid_alive

POSIX = os.name == "posix"
DIR_MODE = 0o700
FILE_MODE = 0o600
SHARED_FILE_MODE = 0o644
TEMP_SUFFIX = ".tmp"

# Windows refuses to replace a file that another program (a virus scanner, a backup
# tool) has open for a moment; a few short retries ride that out.
_REPLACE_RETRIES = 5 if sys.platform == "win32" else 1
_REPLACE_PAUSE = 0.05

# Flags only some systems have, looked up once (0 where the system has no such flag):
# O_BINARY keeps Windows from turning "\n" into "\r\n"; O_NONBLOCK lets a pipe put in a
# file's place be opened without waiting for a writer; O_NOFOLLOW refuses a link.
O_BINARY: int = getattr(os, "O_BINARY", 0)
O_NONBLOCK: int = getattr(os, "O_NONBLOCK", 0)
O_NOFOLLOW: int = getattr(os, "O_NOFOLLOW", 0)


class DiskError(Exception):
    """A write failed for a reason the person can act on. `key` names the catalogue text,
    `path` the file or folder; the system's own error is the exception's cause."""

    def __init__(self, key: str, path: Path) -> None:
        super().__init__(f"{key}: {path}")
        self.key = key
        self.path = path


def reason_key(error: OSError) -> str:
    """The catalogue key that explains an OSError in plain words."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "errors.disk_full"
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "errors.read_only"
    if error.errno == errno.ENOENT:
        return "errors.folder_missing"
    return "errors.write_failed"


def make_private(path: Path, mode: int) -> None:
    """chmod where the file system supports it; a FAT stick or a folder owned by someone
    else cannot be changed, and that must not stop the person from saving."""
    if POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, mode)


def ensure_private_dir(path: Path) -> Path:
    """Create the folder (and parents) and make it private, even if it existed with looser modes.

    Raises:
        DiskError: the folder cannot be made or made private; the key says why.
    """
    try:
        path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    except OSError as error:
        raise DiskError(reason_key(error), path) from error
    make_private(path, DIR_MODE)
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
    """A hidden name beside `target` carrying our pid, so a leftover can be told apart."""
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def _replace(source: Path, target: Path) -> None:
    for attempt in range(_REPLACE_RETRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt + 1 == _REPLACE_RETRIES:
                raise
            time.sleep(_REPLACE_PAUSE)


def atomic_write(target: Path, data: bytes, *, private: bool = True) -> None:
    """Write `data` to `target` so that a crash leaves either the old or the new file.

    On any failure the temporary file is removed, the old file is untouched, and a
    DiskError with a catalogue key is raised.

    Raises:
        DiskError: the write failed (full disk, read-only, no permission, name too long).
    """
    folder = target.parent
    temp = temp_name(target)
    mode = FILE_MODE if private else SHARED_FILE_MODE
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | O_BINARY, mode)
        try:
            if POSIX and private:
                # The umask may have loosened nothing, but a file system may ignore the
                # mode given to open(); say it again, and accept a refusal (FAT).
                with contextlib.suppress(OSError):
                    os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        _replace(temp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise DiskError(reason_key(error), target) from error
    _fsync_dir(folder)


def create_exclusive(target: Path, data: bytes) -> bool:
    """Create `target` holding `data`, only if no file of that name exists. Returns False
    when one does. Other readers never see the file half written where the file system
    has hard links (the data is written aside, then linked into place in one step)."""
    temp = temp_name(target)
    atomic_write(temp, data)
    try:
        os.link(temp, target)
    except FileExistsError:
        return False
    except OSError:
        return _create_then_write(target, data)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return True


def _create_then_write(target: Path, data: bytes) -> bool:
    # No hard links here (FAT, some network shares): create, then write.
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    except OSError as error:
        raise DiskError(reason_key(error), target) from error
    try:
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        # Our own file, created a moment ago and not whole: it must not stay behind
        # looking like a lock (or a file) of someone else's.
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise DiskError(reason_key(error), target) from error
    return True


def clean_stale_temps(folder: Path, older_than: float = 60.0) -> int:
    """Remove temporary files left by a save that was killed half way. Returns how many.

    A temp file belongs to the process named in it; it is removed when that process is
    gone, or when it is so old that no save can still be writing it.
    """
    removed = 0
    if not folder.is_dir():
        return 0
    for temp in folder.glob(f".*{TEMP_SUFFIX}"):
        parts = temp.name.rsplit(".", 3)
        try:
            owner = int(parts[-3])
        except (IndexError, ValueError):
            owner = -1
        if owner == os.getpid():
            continue
        try:
            age = time.time() - temp.stat().st_mtime
        except OSError:
            continue
        if not pid_alive(owner) or age > older_than:
            with contextlib.suppress(OSError):
                temp.unlink()
                removed += 1
    return removed


MAX_NUMBERED = 9999


def numbered(path: Path, number: int) -> Path:
    """ "name.pdf" -> "name (2).pdf": the name a second file of the same name gets."""
    return path.with_name(f"{path.stem} ({number}){path.suffix}")


def claim_new_name(path: Path) -> Path:
    """Claim `path`, or the first free "name (2).ext", "name (3).ext", ..., by creating it
    empty and exclusively (O_EXCL), so that no file is ever overwritten, even in a race
    with another program. The caller writes the content into the claimed name (with
    atomic_write) or removes it.

    Raises:
        FileExistsError: all MAX_NUMBERED names are taken.
        OSError: the folder cannot be written (its errno says why; see reason_key).
    """
    candidate = path
    for number in range(2, MAX_NUMBERED + 2):
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            candidate = numbered(path, number)
            continue
        os.close(fd)
        return candidate
    raise FileExistsError(path)


class NotARegularFile(OSError):
    """A path the program reads is a folder, a pipe, a device or a socket (errno EINVAL),
    or a link it was asked not to follow (errno ELOOP); `filename` is the path."""


class TooLarge(OSError):
    """A file the program reads is larger than anything it ever writes there (errno
    EFBIG); `filename` is the path."""


def read_regular_file(path: Path, limit: int, *, follow_links: bool = True) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Opened without blocking (a pipe put in a file's place cannot hang the program) and,
    with `follow_links=False`, without following a symbolic link (O_NOFOLLOW, where the
    system has it). Checked to be a regular file after opening, on the open descriptor.

    Raises:
        FileNotFoundError: nothing there (or a link to nothing).
        NotARegularFile: a folder, pipe, device, socket (or a link, when not followed).
        TooLarge: more than `limit` bytes (a link to an endless device included).
        OSError: any other reason it cannot be read (see reason_key).
    """
    flags = os.O_RDONLY | O_NONBLOCK | O_BINARY
    if not follow_links:
        flags |= O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            raise NotARegularFile(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from error
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(errno.EINVAL, os.strerror(errno.EINVAL), str(path))
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise TooLarge(errno.EFBIG, os.strerror(errno.EFBIG), str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)
