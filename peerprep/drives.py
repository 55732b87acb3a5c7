"""Removable drives (a USB stick, a memory card) the person may carry their words to.

Only looks, never writes; an empty list is fine: the person can type any folder.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import string
import sys
from pathlib import Path


def removable_places(limit: int = 6) -> list[Path]:
    """Folders that are probably a USB stick or a card, to offer as one-key choices.

    Only looks (never writes); an empty list is fine: the person can type any folder.
    """
    found: list[Path] = []
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        # D: and up; A: and B: are skipped because an empty floppy drive can hang.
        candidates = [Path(f"{letter}:\\") for letter in string.ascii_uppercase[3:]]
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
        with contextlib.suppress(OSError):
            if candidate.is_dir() and os.access(candidate, os.W_OK):
                found.append(candidate)
        if len(found) >= limit:
            break
    return found


def on_removable_drive(path: Path) -> bool:
    """Is `path` (a file or a folder) on a USB stick or a card (`removable_places`)?"""
    with contextlib.suppress(OSError, RuntimeError):
        path = path.resolve()
    places = removable_places(limit=26)
    return any(path == place or place in path.parents for place in places)
