"""Line editing at a real terminal: the arrow keys move in the line, Backspace deletes,
and a paste arrives as one piece.

POSIX terminals edit a line through the standard library's `readline` (GNU readline or
macOS's libedit); Windows consoles edit lines themselves, so there is nothing to add. In
a pipe (a script of answers) nothing is edited and this module is not used.

Set up for this program:
- no history: an answer must never come back with the Up key for the next person at a
  shared computer (and nothing is written to a history file). readline holds the line
  just accepted only until the console has taken it (`settled`), so that a signal
  arriving in between (the terminal closing) still finds it (`typed_so_far`);
- bracketed paste on (GNU readline): a text pasted in one go, blank lines and all,
  arrives as ONE input with its line breaks, so a pasted answer of two paragraphs stays
  one answer and a word inside it is never taken for a command;
- Tab inserts a space in text, and completes a folder's name where a folder is asked for.
"""

from __future__ import annotations

import contextlib
import glob
import os
import sys
from types import ModuleType


def _readline() -> ModuleType | None:
    try:
        import readline
    except ImportError:  # Windows, or a Python built without it
        return None
    return readline


def usable(reader_fd: int | None, writer_fd: int | None) -> bool:
    """Can `input()` edit lines here: both ends are the process's own terminal (fd 0 and 1,
    which is what `input()` reads and writes) and readline is there?"""
    if reader_fd != 0 or writer_fd != 1:
        return False
    try:
        if not (os.isatty(0) and os.isatty(1)):
            return False
    except OSError:
        return False
    return _readline() is not None


class LineEditor:
    """`input()` with readline, set up once for the whole run (see the module's docstring).

    `read` returns what was typed: one line, or a pasted text with its line breaks.
    Raises EOFError when the input ends (Ctrl+D).
    """

    def __init__(self) -> None:
        readline = _readline()
        if readline is None:  # a programming error: check `usable` first
            raise RuntimeError("readline is not available")
        self.readline = readline
        self.gnu = "libedit" not in (readline.__doc__ or "")
        readline.set_auto_history(True)  # one line at most, see `settled`
        readline.clear_history()
        if self.gnu:
            readline.parse_and_bind("set enable-bracketed-paste on")
            readline.parse_and_bind("tab: tab-insert")
        readline.set_completer(None)
        self._preset = ""
        readline.set_startup_hook(self._put_back)
        # What the terminal cannot decode is kept as it came, then read as bytes again
        # (console.clean_line decides the encoding, as for a pipe).
        with contextlib.suppress(AttributeError, ValueError):
            sys.stdin.reconfigure(errors="surrogateescape")  # type: ignore[union-attr]

    def _put_back(self) -> None:
        if self._preset:
            self.readline.insert_text(self._preset)
            self._preset = ""

    def read(self, prompt: str, preset: str = "", folders: bool = False) -> str:
        """One input, with `preset` already in the line (words typed before the screen was
        covered). With `folders`, Tab completes a folder's name."""
        self._preset = preset
        if folders and self.gnu:
            self.readline.set_completer(_complete_folder)
            self.readline.set_completer_delims("\n")
            self.readline.parse_and_bind("tab: complete")
        try:
            return input(prompt)
        finally:
            self._preset = ""
            if folders and self.gnu:
                self.readline.parse_and_bind("tab: tab-insert")
                self.readline.set_completer(None)

    def typed_so_far(self) -> str:
        """For a signal handler: the line being typed, not yet ended with Enter - or, when
        the line was just accepted and not yet taken by the console (closing a terminal
        ends the line being typed), that line."""
        try:
            typed = str(self.readline.get_line_buffer())
            count = self.readline.get_current_history_length()
            if not typed and count:
                typed = str(self.readline.get_history_item(count) or "")
        except (AttributeError, OSError):
            return ""
        return typed

    def settled(self) -> None:
        """The console has the line: readline keeps nothing of it (no history)."""
        self.readline.clear_history()

    def forget(self) -> None:
        """Nothing of this session remains in the editor (after erasing it)."""
        self.readline.clear_history()


def _complete_folder(text: str, state: int) -> str | None:
    """readline's completer: the folders whose names begin with what is typed."""
    base = os.path.expanduser(text)
    matches = sorted(
        path + os.sep for path in glob.glob(glob.escape(base) + "*") if os.path.isdir(path)
    )
    return matches[state] if state < len(matches) else None
