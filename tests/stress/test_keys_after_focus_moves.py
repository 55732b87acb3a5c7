"""Keys typed right after a key that moves the focus go where the focus went.

A fast typist presses F6 (the next part) or Tab (the next field) and goes straight on
typing. Textual moves the focus later than it takes in the next keys: F6 puts a new
screen on top that has nothing focused until it is built (about 50 ms), and Tab is
acted on only after it has passed through the field's own queue (about 30 ms), so the
first letters were lost or went into the field just left. Here the program runs on a
real pseudo-terminal, each key that moves the focus is sent in one write with the words
after it, and what counts is what the screen shows (through a VT100 emulator, pyte)
and what is saved, with no other key (the autosave).
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from terminal import env, ptyrun, welcomed

from peerprep.fileformat import decode
from peerprep.model import Preparation
from peerprep.words import catalogue

pyte = pytest.importorskip("pyte")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

F6, TAB, SHIFT_TAB, ENTER, ESCAPE = "\x1b[17~", "\t", "\x1b[Z", "\r", "\x1b"
SAVE_DELAY = 1.0  # the program's own: it saves about this long after typing stops
WAIT = 30.0  # seconds for a screen to show what it should (a slow, shared machine)
SIZES = [(80, 24), (40, 15)]


class Terminal:
    """The program on a pty of one size, and what its screen shows."""

    def __init__(self, tmp_path: Path, size: tuple[int, int]) -> None:
        welcomed(tmp_path)
        self.data_dir = tmp_path / "data"
        columns, lines = size  # the pty's size, and the size the environment says
        environment = {**env(tmp_path), "COLUMNS": str(columns), "LINES": str(lines)}
        self.proc = ptyrun.spawn([sys.executable, "-m", "peerprep", "new"], env=environment,
                                 size=size)  # fmt: skip
        self.screen = pyte.Screen(*size)
        self.stream = pyte.ByteStream(self.screen)
        self.seen = 0

    def words(self) -> str:
        """The screen as one line of words, frames left out: a wrapped sentence is whole."""
        self.proc.drain(0.02)
        data = bytes(self.proc.output[self.seen :])
        self.seen = len(self.proc.output)
        if data:
            self.stream.feed(data)
        frames = {chr(c) for c in range(0x2500, 0x25A0)}
        text = " ".join(self.screen.display)
        return " ".join("".join(" " if ch in frames else ch for ch in text).split())

    def wait_for(self, *wanted: str) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline and self.proc.poll() is None:
            if all(w in self.words() for w in wanted):
                return
        missing = [w for w in wanted if w not in self.words()]
        raise AssertionError(f"not on the screen: {missing}\n---\n{self.words()}")

    def saved(self) -> Preparation | None:
        files = sorted((self.data_dir / "preparations").glob("*.json"))
        return decode(files[0].read_bytes()) if len(files) == 1 else None

    def wait_until_saved(self, done: Callable[[Preparation], bool]) -> Preparation:
        """The saved preparation once `done(prep)` holds (the autosave, no key pressed)."""
        self.proc.drain_until(
            lambda: (prep := self.saved()) is not None and done(prep), SAVE_DELAY + WAIT
        )
        prep = self.saved()
        assert prep is not None, self.words()
        return prep

    def close(self) -> None:
        self.proc.kill(signal.SIGKILL)  # no quitting: what was saved is what counts
        self.proc.close()


def _starter(part: str) -> str:
    """The first words of a part's starter (they fit in 40 columns), as the screen shows."""
    return " ".join(catalogue("da").part(part).starter.split()[:3])


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "40x15"])
def test_words_typed_right_after_f6_land_in_the_next_part_and_are_saved(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    pytest.importorskip("textual")
    term = Terminal(tmp_path, size)
    try:
        term.wait_for(_starter("introduction"))
        term.proc.send("Jeg")
        term.wait_for("Jeg")  # part 1 has the focus: the words are in it
        term.proc.send(F6 + "hej æøå")  # one write: no pause after F6
        term.wait_for(_starter("important"), "hej æøå")
        prep = term.wait_until_saved(lambda p: p.statement.important.strip() != "")
    finally:
        term.close()
    assert prep.statement.introduction == "Jeg"
    assert prep.statement.important == "hej æøå"


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "40x15"])
def test_words_typed_right_after_tab_land_in_the_next_field_and_are_saved(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """On the meeting's form the focus starts on the kind of meeting; three Tabs on is
    the place, one more the people at the meeting."""
    pytest.importorskip("textual")
    term = Terminal(tmp_path, size)
    # the form's first field (at 40x15 one field a row: the place is below the fold)
    first = catalogue("da").text("tui.meeting.date")
    try:
        term.wait_for(_starter("introduction"))
        term.proc.send(ESCAPE)  # one room back: the meeting
        term.wait_for(first)
        term.proc.send(TAB * 3 + "Aarhus" + TAB + "mor og far")
        term.wait_for("Aarhus", "mor og far")
        prep = term.wait_until_saved(lambda p: bool(p.meeting.attendees))
    finally:
        term.close()
    assert prep.meeting.place == "Aarhus"
    assert prep.meeting.attendees == ["mor og far"]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "40x15"])
def test_words_typed_right_after_enter_on_a_button_land_in_the_room_it_opens(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """On the meeting's form two Shift+Tabs back from the kind of meeting is the button
    on to the four parts; Enter on it opens part 1, where the words go."""
    pytest.importorskip("textual")
    term = Terminal(tmp_path, size)
    first = catalogue("da").text("tui.meeting.date")  # the form's first field
    try:
        term.wait_for(_starter("introduction"))
        term.proc.send(ESCAPE)  # one room back: the meeting
        term.wait_for(first)
        term.proc.send(SHIFT_TAB * 2 + ENTER + "Jeg er Ida")
        term.wait_for(_starter("introduction"), "Jeg er Ida")
        prep = term.wait_until_saved(lambda p: p.statement.introduction != "")
    finally:
        term.close()
    assert prep.statement.introduction == "Jeg er Ida"
    assert prep.meeting.is_empty()
