"""Leaving a shared computer leaves nothing on the terminal to scroll back to, in both
faces: the real program on a pseudo-terminal, its last bytes clear the screen and the
scrollback (ESC [3J) after the last of the person's words."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from terminal import env, ptyrun, screen_text, welcomed

from peerprep.flow.leaving import CLEAR_SCREEN_AND_SCROLLBACK

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

SCROLLBACK = "\x1b[3J"  # xterm's "erase saved lines"
assert SCROLLBACK in CLEAR_SCREEN_AND_SCROLLBACK


def _after_last_clear(proc: ptyrun.PtyProcess) -> str:
    raw = bytes(proc.output).decode("utf-8", "replace")
    assert SCROLLBACK in raw, raw[-400:]
    return raw[raw.rindex(SCROLLBACK) :]


def test_plain_mode_leaves_nothing_to_scroll_back_to(tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "peerprep", "--plain", "--shared"]
    proc = ptyrun.spawn(argv, env=env(tmp_path))
    try:
        assert proc.drain_until(lambda: "Dit valg:" in screen_text(proc), 30.0)
        proc.send("1\r")
        assert proc.drain_until(lambda: "Vil du først" in screen_text(proc), 10.0)
        proc.send("\r")
        assert proc.drain_until(lambda: "Del 1 af 4" in screen_text(proc), 10.0)
        proc.drain(0.3)
        proc.send("Min hemmelighed\r")
        proc.drain(0.3)
        proc.send("slut\r")
        assert proc.drain_until(lambda: "Noteret." in screen_text(proc), 10.0)
        proc.drain(0.3)
        proc.send("stop\r")
        assert proc.drain_until(lambda: "Luk og slet min tekst" in screen_text(proc), 10.0)
        proc.send("3\r")  # close and delete my text
        code = proc.wait(20.0)
    finally:
        proc.close()
    assert code == 0
    last = _after_last_clear(proc)
    assert "hemmelighed" not in last and "Farvel" in last


def test_the_full_screen_leaves_nothing_to_scroll_back_to(tmp_path: Path) -> None:
    welcomed(tmp_path)
    proc = ptyrun.spawn([sys.executable, "-m", "peerprep", "--shared"], env=env(tmp_path))
    try:
        # the shared computer's welcome (said to every person) or its banner
        assert proc.drain_until(lambda: "delt computer" in screen_text(proc).lower(), 30.0)
        proc.drain(0.5)
        proc.send("\x11")  # Ctrl+Q: nothing written, nothing to ask
        code = proc.wait(20.0)
    finally:
        proc.close()
    assert code == 0
    last = _after_last_clear(proc)
    assert "delt computer" not in last.lower()
