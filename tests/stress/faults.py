"""A disk that fails on cue, for tests: full (ENOSPC) or read-only (EROFS).

Tests here run as root (locally and in CI), and root ignores a folder's permission bits,
so `chmod a-w` proves nothing. Instead the operating-system calls the program makes
through `os` (and `open`) are wrapped: calls that touch a path under `root` fail with the
chosen error once the fault is switched on, the way a real full or read-only file
system answers. test_disk_faults.py also runs the same checks on a real, tiny tmpfs when
the machine lets us mount one.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest

FULL = "full"
READ_ONLY = "read_only"
ERRNO = {FULL: errno.ENOSPC, READ_ONLY: errno.EROFS}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


class FaultyDisk:
    """Wraps os.open/write/replace/... so that paths under `root` fail while `mode` is set.

    `mode` None: everything works. FULL: writing bytes fails (creating an empty file,
    renaming and deleting still work, as on a real full disk). READ_ONLY: every change fails.
    `after_ok` lets that many whole saves (os.replace onto a .json file) succeed first, so a
    fault can strike in the middle of a session.
    """

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = str(Path(root).resolve())
        self.mode: str | None = None
        self.after_ok = 0
        self.failures = 0
        self._fds: set[int] = set()
        self._patch(monkeypatch)

    def fail(self, mode: str | None, after_ok: int = 0) -> None:
        self.mode = mode
        self.after_ok = after_ok

    def _mine(self, path: Any) -> bool:
        if isinstance(path, int):
            return path in self._fds
        try:
            return os.path.abspath(os.fsdecode(path)).startswith(self.root)
        except (TypeError, ValueError):
            return False

    def _active(self) -> bool:
        return self.mode is not None and self.after_ok <= 0

    def _raise(self, path: Any) -> None:
        self.failures += 1
        code = ERRNO[self.mode or FULL]
        raise OSError(
            code, os.strerror(code), os.fsdecode(path) if not isinstance(path, int) else None
        )

    def _patch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_open, real_write, real_close = os.open, os.write, os.close
        real_io_open = io.open

        def fake_open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: Any = None) -> int:
            if (
                self._mine(path)
                and flags & _WRITE_FLAGS
                and self._active()
                and self.mode == READ_ONLY
            ):
                self._raise(path)
            fd = real_open(path, flags, mode, dir_fd=dir_fd)
            if self._mine(path) and flags & _WRITE_FLAGS:
                self._fds.add(fd)
            return fd

        def fake_write(fd: int, data: Any) -> int:
            if fd in self._fds and self._active() and len(data):
                self._raise(fd)
            return real_write(fd, data)

        def fake_close(fd: int) -> None:
            self._fds.discard(fd)
            real_close(fd)

        def fake_io_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            if (
                not isinstance(file, int)
                and self._mine(file)
                and any(c in mode for c in "wax+")
                and self._active()
            ):
                self._raise(file)
            return real_io_open(file, mode, *args, **kwargs)

        def changing(name: str, counts_as_save: bool = False) -> None:
            real = getattr(os, name)

            def fake(*args: Any, **kwargs: Any) -> Any:
                target = args[1] if counts_as_save and len(args) > 1 else args[0]
                if self._mine(target):
                    if self._active() and self.mode == READ_ONLY:
                        self._raise(target)
                    if counts_as_save and self.after_ok > 0 and str(target).endswith(".json"):
                        self.after_ok -= 1
                return real(*args, **kwargs)

            monkeypatch.setattr(os, name, fake)

        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(os, "write", fake_write)
        monkeypatch.setattr(os, "close", fake_close)
        monkeypatch.setattr(io, "open", fake_io_open)
        monkeypatch.setattr(builtins, "open", fake_io_open)
        changing("replace", counts_as_save=True)
        changing("rename", counts_as_save=True)
        for name in ("link", "unlink", "mkdir", "rmdir", "chmod", "utime"):
            changing(name)
