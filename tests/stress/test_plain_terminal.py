"""Line-by-line mode on a real pseudo-terminal, as a person's terminal runs it: the arrow
keys edit the line, a pasted answer stays one answer, and closing the terminal (SIGHUP)
or stopping the program (SIGTERM) in the middle of an answer keeps every line of it, the
one being typed too, and removes the editing lock."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pytest
from terminal import env, ptyrun, screen_text

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

PASTE_ON, PASTE_OFF = "\x1b[200~", "\x1b[201~"  # what a terminal sends around a paste


def _start(tmp_path: Path) -> ptyrun.PtyProcess:
    """`peerprep --plain new`, past the question about the meeting, at part 1's first line."""
    proc = ptyrun.spawn([sys.executable, "-m", "peerprep", "--plain", "new"], env=env(tmp_path))
    assert proc.drain_until(lambda: "Vil du først skrive" in screen_text(proc), 30.0), screen_text(
        proc
    )
    assert proc.drain_until(lambda: screen_text(proc).rstrip().endswith(">"), 10.0)
    proc.send("\r")  # no meeting details now
    assert proc.drain_until(lambda: "Del 1 af 4" in screen_text(proc), 10.0)
    assert proc.drain_until(lambda: screen_text(proc).rstrip().endswith(">"), 10.0)
    return proc


def _lines_typed(proc: ptyrun.PtyProcess, *lines: str) -> None:
    for line in lines:
        count = screen_text(proc).count("> ")
        proc.send(line + "\r")
        assert proc.drain_until(lambda n=count: screen_text(proc).count("> ") > n, 10.0)


def _only(data_dir: Path) -> dict:
    files = list((data_dir / "preparations").glob("*.json"))
    assert len(files) == 1, files
    return json.loads(files[0].read_text(encoding="utf-8"))


def _locks(data_dir: Path) -> list[Path]:
    folder = data_dir / "locks"
    return list(folder.glob("*.lock")) if folder.is_dir() else []


@pytest.mark.parametrize("how", ["SIGHUP", "SIGTERM", "the terminal closes"])
def test_stopped_in_the_middle_of_an_answer_keeps_every_line(tmp_path: Path, how: str) -> None:
    data_dir = tmp_path / "data"
    proc = _start(tmp_path)
    try:
        _lines_typed(proc, "Jeg hedder Åse.", "", "Jeg bor i Ærøskøbing.")
        proc.send("og har en ha")  # not yet ended with Enter
        proc.drain(1.0)  # a moment passes before the window is closed
        assert _locks(data_dir), "the preparation is open: its lock is there"
        if how == "the terminal closes":
            os.close(proc.master)  # the kernel sends SIGHUP to the program
            proc.master = os.open(os.devnull, os.O_RDONLY)  # nothing more to read
        else:
            proc.kill(getattr(signal, how))
        code = proc.wait(20.0)
    finally:
        proc.close()
    assert code == 0
    assert _only(data_dir)["statement"]["introduction"] == (
        "Jeg hedder Åse.\n\nJeg bor i Ærøskøbing.\nog har en ha"
    )
    assert _locks(data_dir) == []


def test_the_arrow_keys_edit_the_line(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    proc = _start(tmp_path)
    try:
        proc.send("Hej med")
        proc.send("\x1b[D\x1b[D\x1b[D")  # three times left: before "med"
        proc.send("du ")
        proc.send("\x1b[F")  # End
        proc.send("dig\x7f\x7f\x7fig\r")  # typed, rubbed out, typed again
        _lines_typed(proc, "slut")
        proc.send("stop\r")
        code = proc.wait(20.0)
        shown = screen_text(proc)
    finally:
        proc.close()
    assert code == 0
    assert _only(data_dir)["statement"]["introduction"] == "Hej du medig"
    assert "^[[D" not in shown


def test_a_pasted_answer_stays_one_answer(tmp_path: Path) -> None:
    """A paste of two paragraphs, whose last line is the word for end, is all text; the
    answer ends when "slut" is typed on its own."""
    data_dir = tmp_path / "data"
    proc = _start(tmp_path)
    try:
        pasted = "Første afsnit.\r\rAndet afsnit.\rslut"
        proc.send(PASTE_ON + pasted + PASTE_OFF)
        proc.drain(0.3)
        proc.send("\r")
        assert proc.drain_until(lambda: screen_text(proc).rstrip().endswith(">"), 10.0)
        _lines_typed(proc, "slut")
        assert proc.drain_until(lambda: "Del 2 af 4" in screen_text(proc), 10.0)
        proc.send("stop\r")
        code = proc.wait(20.0)
    finally:
        proc.close()
    assert code == 0
    assert _only(data_dir)["statement"]["introduction"] == ("Første afsnit.\n\nAndet afsnit.\nslut")
