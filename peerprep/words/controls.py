"""Terminal control sequences and control characters: what a terminal acts on instead of showing.

A preparation file can come from anywhere (a USB stick, a folder another program wrote, a
hand edit), and a terminal obeys what it is sent: ESC [ 2 J wipes the screen, ESC ] 0 ; ...
BEL changes the window's title, ESC ] 52 ; ... writes the clipboard of a shared computer.
Text from outside is therefore made harmless twice:

- where it is read (`fileformat.decode`, the one door of every preparation file):
  `without_controls` takes the control sequences and characters out of the person's words;
- where it is shown (every value a catalogue text is filled in with, every line plain mode
  prints): `printable` does the same for names, paths and anything else from outside, so
  that a file name or another computer's name cannot act on the terminal either.

Line breaks and tabs are the person's and stay; a carriage return becomes a line break
(Windows line ends, an old Mac file). The sheet keeps its own rule (export.layout).

The sequences are those of ECMA-48 (5th edition, 1991), sections 5.3 to 5.6: CSI
(ESC [ or 0x9B) with its parameter, intermediate and final bytes; the control strings OSC,
DCS, SOS, PM and APC up to their terminator (BEL, ST or ESC \\); and two-byte escape
sequences. A control string with no terminator loses only its opening bytes, never the
words after it.
"""

from __future__ import annotations

import re

_SEQUENCE = re.compile(
    r"""
      (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]?         # CSI ... final byte
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) [^\x07\x1b\x9c]*
      (?:\x07|\x1b\\|\x9c)                                          # a terminated string
    | \x1b [\x20-\x2f]* [\x30-\x7e]?                                # any other ESC ...
    """,
    re.VERBOSE,
)
# C0 and C1 control characters and DEL, except tab (\t) and line feed (\n).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """`text` with no terminal control sequence or control character left in it.

    Line breaks and tabs stay; "\\r\\n" and a lone "\\r" become "\\n". Text with nothing to
    take out is returned as it is (the usual case costs one search).
    """
    if _CONTROLS.search(text) is None:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", _SEQUENCE.sub("", text))


def printable(value: object) -> object:
    """A value about to be shown on a terminal: text (and a path) without controls;
    anything else (a number, a date) as it is."""
    if isinstance(value, str):
        return without_controls(value)
    if hasattr(value, "__fspath__"):
        return without_controls(str(value))
    return value


def has_controls(text: str) -> bool:
    """Would a terminal act on something in `text` (other than a line break or a tab)?"""
    return _CONTROLS.search(text) is not None
