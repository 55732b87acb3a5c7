"""Removable drives (a USB stick, a memory card) the person may carry their words to.

Only looks, never writes; an empty list is fine: the person can type any folder.

Looking can take a while (Windows asks each drive; a card reader without a card, a
sleeping USB disk), so a face that must keep answering keys (the full screen) has it done
on a thread of its own with `watch()`: `removable_places` then gives the latest answer at
once, and the watch looks again every WATCH_SECONDS.

Windows: a drive counts when Windows says its type is removable (GetDriveTypeW,
DRIVE_REMOVABLE: USB sticks, memory cards); a fixed disk, a network drive or a CD does
not. A USB hard disk says it is fixed and is left out: the person types its folder.
Source: Microsoft's documentation of GetLogicalDrives, GetDriveTypeW, SetThreadErrorMode.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import string
import sys
import threading
from pathlib import Path

DRIVE_REMOVABLE = 2  # GetDriveTypeW: a USB stick or a memory card
_SEM_FAILCRITICALERRORS = 0x0001  # no "There is no disk in the drive" box
WATCH_SECONDS = 2.0  # how often the watch looks again: a stick just put in shows soon
MAX_PLACES = 26  # a drive letter each, at most


def _windows_removable() -> list[Path]:
    """The roots of the drives Windows says are removable, C: to Z: (A: and B: are
    floppy drives, which can hang when empty)."""
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    # Asking an empty card reader must not put up a box the person has to close.
    with contextlib.suppress(AttributeError, OSError):
        kernel32.SetThreadErrorMode(_SEM_FAILCRITICALERRORS, None)
    present = int(kernel32.GetLogicalDrives())
    roots = []
    for index, letter in enumerate(string.ascii_uppercase):
        if index < 2 or not present & (1 << index):
            continue
        root = f"{letter}:\\"
        if kernel32.GetDriveTypeW(root) == DRIVE_REMOVABLE:
            roots.append(Path(root))
    return roots


def _usable(folder: Path) -> bool:
    """A folder that is there and can be written to (a card reader without a card is not)."""
    try:
        return folder.is_dir() and os.access(folder, os.W_OK)
    except OSError:
        return False


def look(limit: int = MAX_PLACES) -> list[Path]:
    """Look now, on this thread: the folders that are probably a USB stick or a card.

    Only looks (never writes); an empty list is fine: the person can type any folder.
    """
    found: list[Path] = []
    if sys.platform == "win32":
        try:
            candidates = _windows_removable()
        except (AttributeError, OSError):
            candidates = []
    elif sys.platform == "darwin":  # pragma: no cover - exercised on macOS only
        candidates = sorted(Path("/Volumes").glob("*"))
        candidates = [p for p in candidates if p.name != "Macintosh HD"]
    else:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = ""
        roots = [Path("/media") / user, Path("/run/media") / user] if user else []
        candidates = [p for root in roots for p in sorted(root.glob("*"))]
    for candidate in candidates:
        if _usable(candidate):
            found.append(candidate)
        if len(found) >= limit:
            break
    return found


class Watch:
    """Looks for removable drives on a thread of its own, every `every` seconds, until
    stopped; `latest` is the last answer (None before the first one is in)."""

    def __init__(self, every: float = WATCH_SECONDS) -> None:
        self.every = every
        self.latest: list[Path] | None = None
        self._stop = threading.Event()
        self._first = threading.Event()
        self._thread = threading.Thread(target=self._run, name="peerprep-drives", daemon=True)

    def start(self) -> Watch:
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(Exception):  # a drive that misbehaves: look again later
                self.latest = look()
            self._first.set()
            self._stop.wait(self.every)

    def first(self, timeout: float | None = None) -> list[Path] | None:
        """Wait (at most `timeout` seconds) for the first answer; the answer or None."""
        self._first.wait(timeout)
        return self.latest

    def stop(self) -> None:
        self._stop.set()


_watch: Watch | None = None


def watch(every: float = WATCH_SECONDS) -> Watch:
    """From now on look on a thread of its own (see the module's docstring); started once,
    stopped with `unwatch()`."""
    global _watch
    if _watch is None:
        _watch = Watch(every).start()
    return _watch


def unwatch() -> None:
    global _watch
    if _watch is not None:
        _watch.stop()
        _watch = None


def removable_places(limit: int = 6) -> list[Path]:
    """Folders that are probably a USB stick or a card, to offer as one-key choices: the
    watch's latest answer when one runs (an empty list until its first), else `look()`."""
    current = _watch
    if current is not None:
        return list(current.latest or [])[:limit]
    return look(limit)


def on_removable_drive(path: Path) -> bool:
    """Is `path` (a file or a folder) on a USB stick or a card (`removable_places`)?"""
    with contextlib.suppress(OSError, RuntimeError):
        path = path.resolve()
    places = removable_places(limit=MAX_PLACES)
    return any(path == place or place in path.parents for place in places)
