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


# --- the real thing: a tmpfs of the test's own --------------------------------------------


def _run(*argv: str) -> bool:
    import subprocess

    try:
        return subprocess.run(argv, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def can_mount() -> bool:
    """Can this process mount a tmpfs (root, or CAP_SYS_ADMIN, on Linux)?"""
    import sys

    return sys.platform == "linux" and os.geteuid() == 0


class RealDisk:
    """Tiny tmpfs file systems mounted on the given folders, that really fill up (FULL) or
    really turn read-only (READ_ONLY), and recover (`fail(None)`).

    The same interface as FaultyDisk: `fail(mode, after_ok=n)` lets n whole saves of a
    preparation succeed first (counted at Store.save, where the real disk then fails);
    `failures` counts writes the operating system refused.
    """

    SIZE = "2m"

    def __init__(self, folders: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
        self.folders = folders
        self.mode: str | None = None
        self.after_ok = 0
        self.failures = 0
        self._pending: str | None = None
        self._mounted: list[Path] = []
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
            if not _run("mount", "-t", "tmpfs", "-o", f"size={self.SIZE},mode=0700",
                        "peerprep-test", str(folder)):  # fmt: skip
                self.close()
                pytest.skip("cannot mount a tmpfs here")
            self._mounted.append(folder)
        self._count_refusals(monkeypatch)
        self._switch_after_saves(monkeypatch)

    def _count_refusals(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from peerprep import files

        real = files.atomic_write

        def counting(*args: Any, **kwargs: Any) -> None:
            try:
                real(*args, **kwargs)
            except files.DiskError:
                self.failures += 1
                raise

        monkeypatch.setattr(files, "atomic_write", counting)
        for module in ("peerprep.store.disk", "peerprep.settings"):
            import importlib

            loaded = importlib.import_module(module)
            if getattr(loaded, "atomic_write", None) is real:
                monkeypatch.setattr(loaded, "atomic_write", counting)

    def _switch_after_saves(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from peerprep.store import Store

        real_save = Store.save
        disk = self

        def save(store: Store, prep: Any) -> Path:
            path = real_save(store, prep)
            if disk._pending is not None:
                disk.after_ok -= 1
                if disk.after_ok <= 0:
                    pending, disk._pending = disk._pending, None
                    disk._apply(pending)
            return path

        monkeypatch.setattr(Store, "save", save)

    def fail(self, mode: str | None, after_ok: int = 0) -> None:
        if after_ok > 0 and mode is not None:
            self.after_ok, self._pending = after_ok, mode
            return
        self._pending = None
        self._apply(mode)

    def _apply(self, mode: str | None) -> None:
        if self.mode == READ_ONLY:
            for folder in self._mounted:
                assert _run("mount", "-o", "remount,rw", str(folder))
        if self.mode == FULL:
            for folder in self._mounted:
                (folder / ".filler").unlink(missing_ok=True)
        self.mode = mode
        if mode == FULL:
            for folder in self._mounted:
                _fill(folder / ".filler")
        elif mode == READ_ONLY:
            for folder in self._mounted:
                assert _run("mount", "-o", "remount,ro", str(folder))

    def close(self) -> None:
        for folder in self._mounted:
            _run("umount", "-l", str(folder))
        self._mounted = []


def _fill(filler: Path) -> None:
    """Fill the file system `filler` is on, to the last byte."""
    import contextlib

    with open(filler, "wb", buffering=0) as handle:
        for size in (65536, 4096, 512, 64, 1):
            with contextlib.suppress(OSError):
                while True:
                    handle.write(b"\0" * size)
