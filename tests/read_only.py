"""A data folder that cannot be written to, for tests: a write-protected USB stick.

Where the test runs as root, a folder's mode bits stop nothing; a real read-only mount
does. `read_only(folder, monkeypatch)` bind-mounts the folder over itself and remounts it
read-only (Linux, as root, where mounting is allowed: CI runs as root). Where that cannot
be done, it simulates the same at the level of the system calls: every call that would
change something under the folder fails with EROFS, as the kernel's would (also when
PEERPREP_TEST_NO_MOUNT=1, to try that path). Its `real` says which one a test got.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount_read_only(folder: Path) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    run = {"capture_output": True, "check": False, "timeout": 20}
    if subprocess.run(["mount", "--bind", str(folder), str(folder)], **run).returncode != 0:
        return False
    done = subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], **run)
    if done.returncode != 0:
        subprocess.run(["umount", str(folder)], **run)
        return False
    probe = folder / ".write-probe"
    try:
        probe.write_bytes(b"")
    except OSError as error:
        return error.errno == errno.EROFS
    probe.unlink()
    subprocess.run(["umount", str(folder)], **run)
    return False


def _simulate(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = str(folder.resolve())

    def inside(path: object) -> bool:
        try:
            return os.path.abspath(os.fspath(path)).startswith(root)  # type: ignore[arg-type]
        except TypeError:
            return False

    def refuse(path: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", os.fspath(path))  # type: ignore[arg-type]

    writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    real_open = os.open

    def guarded_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & writes and inside(path):
            refuse(path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    for name in ("mkdir", "unlink", "remove", "rmdir", "utime", "chmod", "link", "symlink"):
        real = getattr(os, name)

        def guarded(path, *args, _real=real, **kwargs):  # type: ignore[no-untyped-def]
            if inside(path):
                refuse(path)
            return _real(path, *args, **kwargs)

        monkeypatch.setattr(os, name, guarded)
    for name in ("replace", "rename"):
        real = getattr(os, name)

        def guarded2(src, dst, *args, _real=real, **kwargs):  # type: ignore[no-untyped-def]
            if inside(src) or inside(dst):
                refuse(dst)
            return _real(src, dst, *args, **kwargs)

        monkeypatch.setattr(os, name, guarded2)
    real_builtin_open = open

    def guarded_builtin_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if any(c in mode for c in "wax+") and inside(file):
            refuse(file)
        return real_builtin_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_builtin_open)


class ReadOnly:
    def __init__(self, real: bool) -> None:
        self.real = real  # a real read-only mount (else simulated system calls)


@contextlib.contextmanager
def read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ReadOnly]:
    """Make `folder` read-only while the block runs (see the module's docstring)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.environ.get("PEERPREP_TEST_NO_MOUNT") != "1" and _mount_read_only(folder):
        try:
            yield ReadOnly(real=True)
        finally:
            subprocess.run(["umount", str(folder)], capture_output=True, check=False, timeout=20)
        return
    with monkeypatch.context() as patch:
        _simulate(folder, patch)
        yield ReadOnly(real=False)
