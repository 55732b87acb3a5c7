"""What a person sees: the text on the screen, at the sizes people's terminals have.

Two ways to look, with one vocabulary:

- `frame(app)` / `screen_text(app)`: the frame the full-screen program draws, read inside
  `run_test` (headless). It is the compositor's full update, the same one Textual's own
  `App.export_screenshot` turns into an SVG, as lines of text: modal dialogs over their
  screen included, and only what is inside the terminal's size (a widget scrolled away or
  cut off by a small terminal is not in it). Textual leaves notifications (toasts) out
  of `run_test` unless asked: `app.run_test(size=..., notifications=True)` to see them.
- `Terminal`: the real program (`python -m peerprep ...`) on a pseudo-terminal of a given
  size, its output read by a terminal emulator (pyte), so that the text is the screen a
  person's terminal would show, escape sequences and all. Keys are sent as the terminal
  sends them (`keys("f6")`), text as typed, and `paste()` as a bracketed paste, which
  Textual's real driver turns into a paste event.

`SIZES` are the three sizes every screen is checked at: the smallest usable terminal
(40x15), the classic one (80x24) and a large one (120x40).

`readable(lines)` joins lines into one string of words without frames and rules, so a
sentence that wraps over two lines, or sits in a bordered box, is still found whole.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import signal
import struct
import sys
import termios
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

ROOT = Path(__file__).resolve().parents[2]

SMALL = (40, 15)
STANDARD = (80, 24)
LARGE = (120, 40)
SIZES: tuple[tuple[int, int], ...] = (SMALL, STANDARD, LARGE)
SIZE_IDS = ("40x15", "80x24", "120x40")

# The keys a terminal (xterm, and most others) sends for each name Textual uses.
KEYS: dict[str, str] = {
    "enter": "\r", "tab": "\t", "shift+tab": "\x1b[Z", "escape": "\x1b", "space": " ",
    "backspace": "\x7f", "delete": "\x1b[3~", "up": "\x1b[A", "down": "\x1b[B",
    "right": "\x1b[C", "left": "\x1b[D", "home": "\x1b[H", "end": "\x1b[F",
    "pageup": "\x1b[5~", "pagedown": "\x1b[6~",
    "f1": "\x1bOP", "f2": "\x1bOQ", "f3": "\x1bOR", "f4": "\x1bOS", "f5": "\x1b[15~",
    "f6": "\x1b[17~", "f7": "\x1b[18~", "f8": "\x1b[19~", "f9": "\x1b[20~",
    "f10": "\x1b[21~", "ctrl+q": "\x11", "ctrl+s": "\x13", "ctrl+c": "\x03",
}  # fmt: skip

# Frames, rules, scroll bars and the gauge's blocks: drawing, not words.
_DRAWING = re.compile(r"[\u2500-\u259f\u25a0-\u25ff\u2800-\u28ff▁▂▃▄▅▆▇█▉▊▋▌▍▎▏]")
_SPACES = re.compile(r"\s+")


# --- headless: the frame Textual draws ---------------------------------------------------------


def frame(app: App[Any]) -> list[str]:
    """The screen as lines of text, exactly `app.size` wide and high (trailing space kept).

    Read from the compositor like Textual's `export_screenshot`, so a dialog shows over
    the screen behind it, and what lies outside the terminal is not there."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return ["".join(strip.text for strip in line) for line in update.strips]


def screen_text(app: App[Any]) -> str:
    """The screen as one text, one line per terminal row, trailing spaces removed."""
    return "\n".join(line.rstrip() for line in frame(app))


def readable(lines: Iterable[str] | str) -> str:
    """The words on the screen in reading order, as one line: frames, rules and runs of
    spaces gone, so a sentence wrapped over two rows (or inside a box) reads whole."""
    if isinstance(lines, str):
        lines = lines.splitlines()
    text = " ".join(_DRAWING.sub(" ", line) for line in lines)
    return _SPACES.sub(" ", text).strip()


def compact(lines: Iterable[str] | str) -> str:
    """The screen's words with no space at all: for a long path or name that a toast or a
    narrow column wraps in the middle of a word."""
    return _SPACES.sub("", readable(lines))


def shows(app: App[Any], phrase: str) -> bool:
    """Is `phrase` on the screen (whitespace inside it may wrap to the next row)?"""
    return _SPACES.sub(" ", phrase).strip() in readable(frame(app))


async def wait_shown(pilot: Any, phrase: str, timeout: float = 10.0, *, exact: bool = False) -> str:
    """Let the app run until `phrase` is on its screen; returns the screen's text. Raises
    AssertionError with the screen when it does not appear in `timeout` seconds.

    Words may wrap to the next row; with `exact=False` a long path or name may even wrap
    in the middle (spaces are ignored)."""
    app = pilot.app
    want = _SPACES.sub(" ", phrase).strip() if exact else _SPACES.sub("", phrase)
    deadline = time.monotonic() + timeout
    while True:
        lines = frame(app)
        seen = readable(lines) if exact else compact(lines)
        if want in seen:
            return "\n".join(line.rstrip() for line in lines)
        if time.monotonic() > deadline:
            raise AssertionError(f"{phrase!r} not on the screen:\n" + "\n".join(lines))
        await pilot.pause(0.1)


# --- the real thing: a pseudo-terminal and a terminal emulator ----------------------------------


def _ptyrun() -> Any:
    benchmarks = str(ROOT / "benchmarks")
    if benchmarks not in sys.path:
        sys.path.insert(0, benchmarks)
    import ptyrun

    return ptyrun


def terminal_env(tmp_path: Path, size: tuple[int, int] = STANDARD, **extra: str) -> dict[str, str]:
    """A plain modern terminal's environment, the program's folders in `tmp_path`, Danish."""
    columns, lines = size
    values = {
        "PEERPREP_DATA_DIR": str(tmp_path / "data"),
        "PEERPREP_CONFIG_DIR": str(tmp_path / "config"),
        "PEERPREP_SITE_CONFIG_DIR": str(tmp_path / "site"),
        "PEERPREP_EXPORT_DIR": str(tmp_path / "exports"),
        "PEERPREP_LANG": "da",
        "LANG": "da_DK.UTF-8",
        "COLUMNS": str(columns),
        "LINES": str(lines),
    }
    values.update(extra)
    return _ptyrun().terminal_env(values)


class Terminal:
    """The program on a pseudo-terminal of `size`, read through a terminal emulator.

    Use as a context manager; the program is killed on leaving if it is still running.
    Every wait has a timeout and fails with the screen as it was, never hangs.
    """

    def __init__(
        self,
        argv: Sequence[str],
        env: dict[str, str],
        *,
        size: tuple[int, int] = STANDARD,
        cwd: str | os.PathLike[str] | None = None,
    ) -> None:
        import pyte

        columns, lines = size
        self.size = size
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.proc = _ptyrun().spawn(
            list(argv), env=env, cwd=None if cwd is None else str(cwd), size=size
        )
        self._fed = 0

    @classmethod
    def peerprep(
        cls,
        *args: str,
        env: dict[str, str],
        size: tuple[int, int] = STANDARD,
        cwd: str | os.PathLike[str] | None = None,
    ) -> Terminal:
        """`python -m peerprep ARGS...`, the installed program as a person starts it."""
        return cls([sys.executable, "-m", "peerprep", *args], env, size=size, cwd=cwd)

    # reading

    def _feed(self) -> None:
        output = self.proc.output
        if len(output) > self._fed:
            self.stream.feed(bytes(output[self._fed :]))
            self._fed = len(output)

    def lines(self) -> list[str]:
        self.proc.drain(0.0)
        self._feed()
        return [line.rstrip() for line in self.screen.display]

    def text(self) -> str:
        return "\n".join(self.lines())

    def shows(self, phrase: str) -> bool:
        return _SPACES.sub(" ", phrase).strip() in readable(self.lines())

    def wait_for(self, phrase: str, timeout: float = 30.0) -> None:
        """Wait until `phrase` is on the screen. Raises AssertionError (with the screen)
        when it is not there in `timeout` seconds, or the program ended without it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.shows(phrase):
                return
            if self.proc.poll() is not None:
                self.proc.drain(0.1)
                if self.shows(phrase):
                    return
                raise AssertionError(
                    f"the program ended ({self.proc.returncode}) without showing "
                    f"{phrase!r}:\n{self.text()}"
                )
            self.proc.drain(0.05)
        raise AssertionError(f"{phrase!r} not on the screen after {timeout} s:\n{self.text()}")

    def wait_until(self, done: Any, timeout: float = 30.0, what: str = "") -> None:
        """Wait until `done()` is true, reading the output meanwhile."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if done():
                return
            self.proc.drain(0.05)
        raise AssertionError(f"{what or done} not so after {timeout} s:\n{self.text()}")

    def settle(self, seconds: float = 0.3) -> None:
        """Read the output for a moment (let the screen catch up)."""
        self.proc.drain(seconds)
        self._feed()

    # writing

    def type(self, text: str, pause: float = 0.0) -> None:
        """Type `text` key by key (a pause between keys, if given)."""
        for char in text:
            self.proc.send(char)
            self.proc.drain(pause)

    def keys(self, *names: str) -> None:
        """Press named keys ("f6", "enter", "ctrl+q", ...) one after another."""
        for name in names:
            self.proc.send(KEYS[name])
            # A lone Escape is only an Escape once nothing follows it at once.
            self.proc.drain(0.2 if name == "escape" else 0.05)

    def paste(self, text: str) -> None:
        """Paste `text` as a terminal does with bracketed paste on (Textual turns it on)."""
        self.proc.send("\x1b[200~" + text.replace("\n", "\r") + "\x1b[201~")
        self.proc.drain(0.05)

    def resize(self, size: tuple[int, int]) -> None:
        """Make the terminal `size` (columns, lines); the program gets SIGWINCH."""
        columns, lines = size
        self.size = size
        self.screen.resize(lines, columns)
        fcntl.ioctl(self.proc.master, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGWINCH)

    # ending

    def wait_exit(self, timeout: float = 30.0) -> int:
        """The exit code, waiting up to `timeout` seconds (then it is killed: -9)."""
        code = self.proc.wait(timeout)
        self._feed()
        return code

    def close(self) -> None:
        self.proc.close()

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
