"""Can the full screen work here? A terminal on both ends, one that can draw it, and an
encoding that can show its characters; otherwise plain mode, and one line saying why.

The full screen (Textual) reads keys from standard input and draws on standard error
(and the person sees standard output). It does not ask whether it can: started into a
file it never ends, on `TERM=dumb` it spins at full speed deaf to Ctrl+Q, and on a
Latin-1 terminal every box character comes out as "\\u2554". So the command line asks
first (`problem`), and starts plain mode instead (or, with no terminal at all, says so
and ends with exit code 2: there is nobody to type the answers).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TextIO

# Characters the full screen draws: box lines, the gauge, marks, Danish letters.
DRAWN = "╔═╗║╚╝─│┌┐└┘█░▶◀○●✓…–æøåÆØÅ"

# TERM values that can never draw a full screen.
CANNOT_DRAW = frozenset({"", "dumb", "unknown", "emacs", "network", "lpr", "glasstty"})
# Families of terminals that draw a full screen the way Textual does (xterm's sequences),
# for systems without a terminfo database to ask (a small container, an odd install).
KNOWN_FAMILIES = (
    "xterm", "screen", "tmux", "rxvt", "linux", "vt220", "vt320", "vt420", "vt52",
    "alacritty", "kitty", "foot", "wezterm", "st-", "konsole", "gnome", "putty",
    "ms-terminal", "iterm", "contour", "cygwin", "mintty", "ansi", "vte", "eterm", "mlterm",
)  # fmt: skip


@dataclass(frozen=True)
class Problem:
    """Why the full screen cannot start: `key` says it (catalogue, start.*) with `values`;
    `fatal`: no terminal at all, so plain mode cannot ask anything either (exit 2)."""

    key: str
    values: dict[str, object] = field(default_factory=dict)
    fatal: bool = False


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def can_show(encoding: str | None, text: str = DRAWN) -> bool:
    """Can a stream of this encoding show every character of `text`?"""
    if not encoding:
        return False
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def term_can_draw(term: str) -> bool:
    """Is `term` a terminal that can draw a full screen? Asked of the terminfo database
    (it must know it, with cursor addressing); a well-known family counts where the
    database does not know it or there is none to ask (Textual itself needs no entry).

    curses reads the database once per process (its setupterm does nothing the second
    time), so this answers for the first `term` asked: the program asks once."""
    name = term.strip().lower()
    if name in CANNOT_DRAW:
        return False
    try:
        import curses
    except ImportError:  # no curses here (Windows, a slim build): no database to ask
        return name.startswith(KNOWN_FAMILIES)
    try:
        curses.setupterm(term, _fileno(sys.__stdout__))
    except (curses.error, OSError, ValueError):  # no database, or no such entry in it
        return name.startswith(KNOWN_FAMILIES)
    return curses.tigetstr("cup") is not None


def _fileno(stream: TextIO | None) -> int:
    try:
        return stream.fileno() if stream is not None else -1
    except (OSError, ValueError, AttributeError):
        return -1


def problem(
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
) -> Problem | None:
    """Why the full screen cannot work here, or None when it can (defaults: this process's
    own streams and environment)."""
    stdin = sys.__stdin__ if stdin is None else stdin
    stdout = sys.__stdout__ if stdout is None else stdout
    stderr = sys.__stderr__ if stderr is None else stderr
    environ = os.environ if environ is None else environ
    keys_in, shown = _is_terminal(stdin), _is_terminal(stdout)
    if not keys_in and not shown:
        return Problem("start.no_terminal", fatal=True)
    if not keys_in:
        return Problem("start.input_not_terminal")
    if not shown or not _is_terminal(stderr):
        return Problem("start.output_not_terminal")
    if sys.platform != "win32":  # Windows consoles have no TERM; Textual drives them
        term = environ.get("TERM", "")
        if not term_can_draw(term):
            return Problem("start.term_cannot_draw", {"term": term or "-"})
    for stream in (stdout, stderr):
        encoding = getattr(stream, "encoding", None)
        if not can_show(encoding):
            return Problem("start.encoding", {"encoding": encoding or "-"})
    return None
