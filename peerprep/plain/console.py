"""Reading and writing lines: the whole of the line-by-line face's contact with the terminal.

No colours and no cursor movement: every text is printed once, in order, so a screen
reader or a braille display reads it as it comes. At a real terminal the arrow keys edit
the line (plain.line_editing) and long texts wrap between words; the screen is cleared
only on a shared computer (the privacy cover, erasing, leaving), and then its scrollback
too, so that the next person cannot scroll up to the words.

Input is read as bytes and decoded here, so Danish letters survive a terminal, a pipe or
a Windows console whose encoding is not UTF-8; output that the terminal cannot show is
spelled the Danish way (æ -> ae, ø -> oe, å -> aa) rather than lost or turned into an
error. What comes back from a read is one line, or a text pasted in one go with its line
breaks (`pasted`).
"""

from __future__ import annotations

import codecs
import contextlib
import re
import shutil
import signal
import sys
import textwrap
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO, Protocol

from peerprep.flow.leaving import CLEAR_SCREEN_AND_SCROLLBACK
from peerprep.words import Catalogue

if TYPE_CHECKING:
    from peerprep.flow.idle import IdleClock


class Editor(Protocol):
    """Line editing at a real terminal (plain.line_editing.LineEditor)."""

    def read(self, prompt: str, preset: str = "", folders: bool = False) -> str: ...

    def typed_so_far(self) -> str: ...

    def settled(self) -> None: ...

    def forget(self) -> None: ...


class Guard(Protocol):
    """A shared computer's privacy cover and erase while waiting (plain.privacy.IdleGuard)."""

    minutes: tuple[int, int]
    covering: bool
    idle: IdleClock

    def arm(self, ticking: bool) -> None: ...

    def disarm(self) -> None: ...

    def check(self, partial: str) -> None: ...

    def after_read(self) -> bool: ...


class EndOfInput(Exception):
    """Nobody is there to answer any more: the input ended (a pipe, Ctrl+D) or Ctrl+C."""


class Hangup(EndOfInput):
    """The terminal was closed (SIGHUP) or the program was told to stop (SIGTERM).

    `partial` is the line being typed when it came, not yet ended with Enter."""

    def __init__(self, partial: str = "") -> None:
        super().__init__(partial)
        self.partial = partial


class Quit(Exception):
    """The person asked to stop (typed the word for stop)."""


class Back(Exception):
    """The person typed the word for back (or 0 where a step starts): leave this step."""


class Covered(Exception):
    """The privacy minutes passed while waiting for input (a shared computer): cover the
    screen. `partial` is what was typed on the line so far."""

    def __init__(self, partial: str = "") -> None:
        super().__init__(partial)
        self.partial = partial


class Erased(Exception):
    """The erase minutes passed on a shared computer: the session is to be forgotten."""


_SPELLED: dict[str, str] = {
    "æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa",
    "é": "e", "è": "e", "ü": "u", "ö": "o", "ä": "a", "Ü": "U", "Ö": "O", "Ä": "A",
    "…": "...", "–": "-", "—": "-", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "‘": "'", "’": "'", "•": "*", "\u00a0": " ",
}  # fmt: skip


def _spell_out(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_SPELLED.get(ch, "?") for ch in bad), error.end


codecs.register_error("peerprep-spell-out", _spell_out)

# Keys such as the arrows arrive as escape sequences when the terminal is in line mode;
# they are never part of what a person meant to write.
_ESCAPES = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_line(raw: bytes, fallback: str = "cp1252") -> str:
    """One line of input as text: UTF-8 when it is UTF-8, else the terminal's own encoding."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode(fallback, errors="replace")
    text = text.lstrip("\ufeff").rstrip("\r\n")
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text.replace("\t", " "))


def pasted(text: str) -> bool:
    """Was this read a text pasted in one go (several lines at once)?"""
    return "\n" in text


@dataclass
class Console:
    """Lines in (bytes), lines out (bytes in the terminal's encoding).

    terminal  a person at a real terminal (not a pipe): text wraps at its width, and the
              screen can be cleared
    editor    line editing (readline), when input is the process's own terminal
    guard     the idle cover and erase of a shared computer (plain.privacy), or None
    """

    reader: BinaryIO
    writer: BinaryIO
    cat: Catalogue
    encoding: str = "utf-8"
    input_encoding: str = "utf-8"
    terminal: bool = False
    editor: Editor | None = None
    guard: Guard | None = None
    closed: bool = False
    waiting: bool = False  # blocked in a read (a signal may end it: plain.hangup)
    stopping: bool = False  # SIGHUP/SIGTERM came while not reading: stop at the next read
    tick_every: float = 0.0  # seconds between ticks while waiting (plain.signals), 0: none
    snapshot: str = ""  # the line being typed, as of the last tick
    gone: bool = False  # the terminal is gone: writing is pointless
    shown: deque[str] = field(default_factory=lambda: deque(maxlen=200))
    _hinted: set[str] = field(default_factory=set)

    # writing

    def write(self, text: str = "") -> None:
        if self.gone:
            return
        data = text.encode(self.encoding, errors="peerprep-spell-out")
        try:
            self.writer.write(data)
            self.writer.flush()
        except OSError:  # the terminal was closed (SIGHUP): nobody can read it any more
            self.gone = True

    def _width(self) -> int:
        return max(20, shutil.get_terminal_size((80, 24)).columns - 1)

    def say(self, text: str = "") -> None:
        """Print a text (wrapped between words at a terminal). Nothing in it can act on the
        terminal: escape sequences and control characters (in a title or an answer read
        from a file) are left out."""
        lines = [_CONTROLS.sub("", _ESCAPES.sub("", line)) for line in text.split("\n")]
        if self.terminal:
            width = self._width()
            lines = [
                wrapped
                for line in lines
                for wrapped in (
                    textwrap.wrap(
                        line, width, break_long_words=False, break_on_hyphens=False,
                        subsequent_indent=" " * (len(line) - len(line.lstrip())),
                    ) or [""]
                )
            ]  # fmt: skip
        self.shown.extend(lines)
        self.write("\n".join(lines) + "\n")

    def t(self, key: str, **values: object) -> str:
        return self.cat.text(key, **values)

    def tell(self, key: str, **values: object) -> None:
        self.say(self.t(key, **values))

    def tell_once(self, key: str, **values: object) -> None:
        """Say a hint the first time only (the scheme is announced once, not at every
        prompt); `help` says it again."""
        if key not in self._hinted:
            self._hinted.add(key)
            self.tell(key, **values)

    def start_over(self) -> None:
        """A new person may be at the keyboard (a shared session was erased): the screen
        and its scrollback are cleared, and hints are said again."""
        self._hinted.clear()
        self.clear()

    def blank(self) -> None:
        self.say()

    def clear(self) -> None:
        """Clear the screen and its scrollback (a shared computer); nothing is kept to
        show again."""
        self.shown.clear()
        if not self.terminal:
            return
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import os

            os.system("cls")  # the console's own way: screen and buffer
        self.write(CLEAR_SCREEN_AND_SCROLLBACK)

    def show_again(self, lines: int | None = None) -> None:
        """Show the last screenful again (after the privacy cover is lifted)."""
        height = lines or max(5, shutil.get_terminal_size((80, 24)).lines - 2)
        again = list(self.shown)[-height:]
        self.write("\n".join(again) + ("\n" if again else ""))

    # reading

    def read_line(self, prompt: str = "> ", *, folders: bool = False) -> str:
        """What the person typed: one line, or a pasted text with its line breaks.

        Raises EndOfInput when the input has ended (and ever after), Hangup when the
        terminal closed, Erased when a shared computer's erase minutes passed.
        """
        if self.closed:
            raise EndOfInput
        preset = ""
        while True:
            try:
                text = self._read_once(prompt, preset, folders)
            except Covered as covered:
                self.cover_screen()
                assert self.guard is not None  # only a guard covers
                self.guard.covering = True
                try:
                    typed = self._read_once("", "", False)
                finally:
                    self.guard.covering = False
                preset = self._uncover(covered.partial, typed)
                continue
            if self.guard is not None and self.guard.after_read():
                preset = self._uncover("", text)  # (Windows) this line lifted the cover
                continue
            return text

    def _read_once(self, prompt: str, preset: str, folders: bool) -> str:
        if self.stopping:
            self.closed = True
            raise Hangup()
        raw: bytes
        self.snapshot = preset
        self.waiting = True
        if self.guard is not None:
            self.guard.arm(ticking=self.tick_every > 0)
        if self.tick_every > 0:
            signal.setitimer(signal.ITIMER_REAL, self.tick_every, self.tick_every)
        try:
            if self.editor is not None:
                try:
                    typed = self.editor.read(prompt, preset, folders)
                except EOFError:
                    raw = b""
                else:
                    raw = typed.encode(self.input_encoding, "surrogateescape") + b"\n"
            else:
                self.write(prompt)
                raw = self.reader.readline()
        except (KeyboardInterrupt, OSError):  # Ctrl+C; the terminal is gone (EIO)
            raw = b""
        except Hangup:
            self.closed = True
            self.write("\n")  # the line being typed ends here (if anyone still sees it)
            raise
        finally:
            if self.tick_every > 0:
                signal.setitimer(signal.ITIMER_REAL, 0)
            self.waiting = False
            if self.editor is not None:
                self.editor.settled()
            if self.guard is not None:
                self.guard.disarm()
        if not raw:
            self.closed = True
            self.say()  # the prompt line still needs its end
            raise EndOfInput
        if self.guard is not None:
            self.guard.idle.touch()  # a person is here
        fallback = (
            self.input_encoding
            if self.input_encoding.lower() not in ("utf-8", "utf8")
            else "cp1252"
        )
        lines = [clean_line(line, fallback) for line in raw.rstrip(b"\r\n").split(b"\n")]
        self.shown.extend(f"{prompt}{line}" if n == 0 else line for n, line in enumerate(lines))
        return "\n".join(lines)

    def typed_so_far(self) -> str:
        """The line being typed and not yet ended with Enter, as far as it is known."""
        typed = self.editor.typed_so_far() if self.editor is not None else ""
        return typed or self.snapshot

    def tick(self) -> None:
        """A tick while waiting (plain.signals): keep a copy of the line being typed, and
        let the idle guard end the wait when the cover or the erase is due."""
        if not self.waiting:
            return
        if self.editor is not None:
            self.snapshot = self.editor.typed_so_far() or self.snapshot
        if self.guard is not None:
            self.guard.check(self.typed_so_far())

    def cover_screen(self) -> None:
        """The privacy cover: the screen and its scrollback cleared, and only the program's
        own words (the full screen's), nothing of the person's."""
        guard = self.guard
        cover, erase = guard.minutes if guard is not None else (0, 1)
        kept = list(self.shown)
        self.clear()
        lines = [
            self.t("shared.privacy.title"),
            self.t("shared.privacy.hidden"),
            self.t("shared.privacy.erase", n=max(1, erase - cover)),
            self.t("plain.privacy_back"),
        ]
        self.write("\n\n".join(lines) + "\n\n")
        self.shown.extend(kept)  # to show again when the person is back

    def _uncover(self, partial: str, typed: str) -> str:
        """The person is back: the cover goes (screen and scrollback), the last screenful
        returns, and what they had typed is kept: put back on the line where the line is
        edited, else said back. Returns the text to put back on the line."""
        kept = list(self.shown)
        self.clear()
        self.shown.extend(kept)
        self.show_again()
        typed = " ".join(typed.split("\n")).strip()
        if self.editor is not None:
            return f"{partial}{typed}"
        if typed:
            self.tell("plain.typed_before", text=typed)
        return ""


def has_terminal(stream: object) -> bool:
    """Is this stream a terminal a person sits at?"""
    isatty = getattr(stream, "isatty", None)
    with contextlib.suppress(OSError, ValueError):
        return bool(isatty()) if callable(isatty) else False
    return False
