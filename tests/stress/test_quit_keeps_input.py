"""Leaving at once after a burst or a paste, on a real terminal: every character on disk.

The program runs on a pseudo-terminal of 80x24 (benchmarks/ptyrun.py). The keys and the
quit go to the terminal in one write, as they do when a fast typist or a paste is followed
at once by Ctrl+Q, or the window is closed (SIGHUP) or the system stops the program
(SIGTERM) a moment after. Before this was fixed, a 257-character burst then Ctrl+Q kept
167 characters, a 3,000-character paste then Ctrl+Q kept no file at all, and a burst
then SIGHUP kept 72 of 286.
"""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

import pytest
from terminal import env, ptyrun, screen_text, welcomed

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals and signals are POSIX"),
]

WORDS = "Jeg hedder Åse, og jeg går gerne lange ture med min hund. " * 6
BURST = WORDS[:257]  # the burst before Ctrl+Q
BURST_HUP = WORDS[:286]  # and before the window was closed
PASTE = ("Det er vigtigt for mig at være med, når der bliver besluttet noget om mig. " * 50)[:3000]


def _started(tmp_path: Path) -> ptyrun.PtyProcess:
    welcomed(tmp_path)
    proc = ptyrun.spawn([sys.executable, "-m", "peerprep", "new"], env=env(tmp_path))
    shown = proc.drain_until(lambda: "introducere" in screen_text(proc), 60.0)
    assert shown, f"part 1 never showed: {screen_text(proc)[-400:]!r}"
    proc.drain(0.2)
    return proc


def _kept(tmp_path: Path) -> str:
    files = sorted((tmp_path / "data" / "preparations").glob("*.json"))
    assert len(files) == 1, files
    return str(json.loads(files[0].read_text("utf-8"))["statement"]["introduction"])


def _left(tmp_path: Path, proc: ptyrun.PtyProcess) -> None:
    try:
        assert proc.wait(30.0) == 0, screen_text(proc)[-600:]
    finally:
        proc.close()
    locks = tmp_path / "data" / "locks"
    assert not (locks.is_dir() and list(locks.glob("*.lock"))), "the lock was left behind"


def test_a_burst_then_ctrl_q_keeps_every_character(tmp_path: Path) -> None:
    proc = _started(tmp_path)
    proc.send(BURST + "\x11")  # Ctrl+Q in the same write
    _left(tmp_path, proc)
    assert _kept(tmp_path) == BURST


def test_a_paste_then_ctrl_q_keeps_all_of_it(tmp_path: Path) -> None:
    proc = _started(tmp_path)
    proc.send("\x1b[200~" + PASTE + "\x1b[201~" + "\x11")  # a bracketed paste, then Ctrl+Q
    _left(tmp_path, proc)
    assert _kept(tmp_path) == PASTE


@pytest.mark.parametrize("signal_name", ["SIGHUP", "SIGTERM"])
def test_a_burst_then_the_terminal_closes_keeps_every_character(
    tmp_path: Path, signal_name: str
) -> None:
    proc = _started(tmp_path)
    proc.send(BURST_HUP)
    proc.kill(getattr(signal, signal_name))  # at once: most keys are not read yet
    _left(tmp_path, proc)
    assert _kept(tmp_path) == BURST_HUP
