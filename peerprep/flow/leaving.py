"""Leaving a shared computer: which words have not been taken along yet, forgetting the
session (at the person's choice, or after the erase minutes), and leaving nothing on the
terminal to scroll back to - for both faces."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING, TextIO

# Clear the screen, then its scrollback (xterm's "E3"; VTE, xterm, tmux, iTerm2, Windows
# Terminal and the Windows console in VT mode know it; others ignore it).
CLEAR_SCREEN_AND_SCROLLBACK = "\x1b[H\x1b[2J\x1b[3J"

if TYPE_CHECKING:
    from peerprep.flow.taking_along import TakenAlong
    from peerprep.model import Preparation
    from peerprep.settings import Settings, SettingsKeeper
    from peerprep.store import PreparationStore


def not_taken_along(store: PreparationStore, record: TakenAlong) -> list[Preparation]:
    """The preparations with words in them that were not exported, printed or saved since
    they last changed: what leaving would lose, to ask about once."""
    return record.untaken(store.list().preparations)


def erase_session(store: PreparationStore, record: TakenAlong, keeper: SettingsKeeper) -> Settings:
    """Forget everything of this session kept in memory: the preparations, the record of
    what was taken along, and the settings (back to the session's first ones). Returns
    those settings, marked as welcomed (the next person starts at home).

    Only for a store in memory: on a folder the person named (--data-dir) their words are
    theirs, and the face saves and closes them instead.

    Raises:
        ValueError: the store is on disk (a programming error: this would delete files).
    """
    if not store.in_memory:
        raise ValueError("erase_session is for a session kept in memory")
    store.wipe()
    record.forget()
    keeper.remove()
    fresh = keeper.load()
    fresh.welcomed = True
    return fresh


def clear_terminal(stream: TextIO | None = None) -> bool:
    """Clear the terminal's screen and its scrollback, so the next person cannot scroll
    back to anyone's words. Does nothing (False) when `stream` (default standard output)
    is not a terminal: a pipe or a file keeps what it was given."""
    stream = stream or sys.stdout
    with contextlib.suppress(AttributeError, OSError, ValueError):
        if not stream.isatty():
            return False
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            os.system("cls")  # the console's own way: screen and buffer
        stream.write(CLEAR_SCREEN_AND_SCROLLBACK)
        stream.flush()
        return True
    return False
