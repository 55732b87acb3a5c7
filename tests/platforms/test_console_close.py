"""Closing the console window on Windows saves the words and removes the editing lock,
in the full screen and in plain mode, under a simulated Windows console: its control
handlers are called as Windows calls them (the last registered first, on a thread of
their own), and the program counts as ended the moment the handler returns."""

from __future__ import annotations

import asyncio
import io
import json
import threading
import time
from functools import partialmethod
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from peerprep import console_close
from peerprep.console_close import CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT
from peerprep.flow.context import Context, Start
from peerprep.settings import Settings
from peerprep.settings import save as save_settings

from .simulated import SimulatedConsole

EVERY_EVENT = [CTRL_C_EVENT, CTRL_BREAK_EVENT, CTRL_CLOSE_EVENT, 5, 6]
SLOW_DISK_SECONDS = 0.5  # a USB stick or a network folder: writing takes a moment


@pytest.fixture
def slow_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each write of a preparation, and letting go of a lock, takes a moment, as on a USB
    stick: a handler that lets Windows end the program before the save is done, or before
    the lock is gone, is caught by what is on disk then."""
    from peerprep.locks import Lock
    from peerprep.store import disk

    write, release = disk.atomic_write, Lock.release

    def slow_write(*args: Any, **kwargs: Any) -> Any:
        time.sleep(SLOW_DISK_SECONDS)
        return write(*args, **kwargs)

    def slow_release(self: Lock) -> None:
        time.sleep(SLOW_DISK_SECONDS)
        release(self)

    monkeypatch.setattr(disk, "atomic_write", slow_write)
    monkeypatch.setattr(Lock, "release", slow_release)


def _kept(data_dir: Path) -> dict[str, Any]:
    """What is on disk right now: the first part of the one preparation, and the locks."""
    files = sorted((data_dir / "preparations").glob("*.json"))
    locks = sorted((data_dir / "locks").glob("*.lock")) if (data_dir / "locks").is_dir() else []
    parts = [json.loads(f.read_text(encoding="utf-8"))["statement"]["introduction"] for f in files]
    return {"parts": parts, "locks": [p.name for p in locks]}


# --- the handler itself -------------------------------------------------------------------


def test_a_closing_window_waits_for_the_face_and_ctrl_c_is_passed_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    console = SimulatedConsole()
    console.install(monkeypatch)
    calls: list[str] = []

    def leave() -> None:
        time.sleep(0.3)  # saving takes a moment; Windows must not end the program before
        calls.append("left")

    with console_close.handled(leave) as added:
        assert added and len(console.handlers) == 1
        assert not console.send(CTRL_C_EVENT)  # Python's own handler gets it
        assert not console.send(CTRL_BREAK_EVENT)
        assert calls == []
        assert console.send(CTRL_CLOSE_EVENT)
        assert calls == ["left"]  # done before the handler returned
        assert console.send(5) and console.send(6)  # logging off, shutting down
    assert console.handlers == []  # taken away again after the block


def test_elsewhere_closing_a_terminal_is_sighup_and_nothing_is_installed() -> None:
    with console_close.handled(lambda: None) as added:
        assert not added
    assert not console_close.end_wait(threading.main_thread())


# --- the full screen -------------------------------------------------------------------------


def test_closing_the_window_of_the_full_screen_keeps_the_words_and_removes_the_lock(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, config_dir: Path, slow_disk: None
) -> None:
    """peerprep new, a few words typed, the console window closed: by the time Windows
    would end the program the words are on disk and the lock is gone."""
    from peerprep.tui import launch
    from peerprep.tui.app import PeerprepApp

    console = SimulatedConsole()
    save_settings(config_dir, Settings(cursor_blink=False, welcomed=True))
    context = Context(language="da", data_dir=data_dir, config_dir=config_dir)
    words = "Jeg hedder Åse og bor i Ærø"
    seen: dict[str, Any] = {}

    def close_window() -> None:
        seen["handled"] = console.send(CTRL_CLOSE_EVENT)
        seen["kept"] = _kept(data_dir)  # the moment Windows ends the program

    async def person(pilot: Any) -> None:
        app = pilot.app
        while app.focused is None or type(app.focused).__name__ != "Answer":
            await asyncio.sleep(0.02)
        for char in words:
            await pilot.press("space" if char == " " else char)
        seen["before"] = _kept(data_dir)
        closing = threading.Thread(target=close_window)
        closing.start()
        while closing.is_alive():
            await asyncio.sleep(0.02)

    monkeypatch.setattr(
        PeerprepApp, "run", partialmethod(App.run, headless=True, size=(80, 24), auto_pilot=person)
    )
    console.install(monkeypatch)
    assert launch(context, Start(command="new")) == 0
    assert seen["before"]["locks"], "the preparation was open: its lock was there"
    assert words not in seen["before"]["parts"], "not yet saved when the window was closed"
    assert seen["handled"]
    assert seen["kept"] == {"parts": [words], "locks": []}
    assert console.handlers == []


# --- plain mode -----------------------------------------------------------------------------


def test_closing_the_window_of_plain_mode_keeps_the_answer_and_removes_the_lock(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, config_dir: Path, slow_disk: None
) -> None:
    """peerprep --plain new on Windows, two lines of part 1 written, the window closed while
    the program waits for the next line: Windows' handler ends that wait, and returns once
    the answer is saved and the lock is gone."""
    from peerprep.plain import run

    console = SimulatedConsole(["", "Jeg hedder Åse.", "", "Jeg bor i Ærøskøbing."])
    console.install(monkeypatch)
    context = Context(language="da", data_dir=data_dir, config_dir=config_dir)
    seen: dict[str, Any] = {}

    def person() -> None:
        assert console.input.blocked.wait(30), "plain mode never waited for input"
        time.sleep(0.2)  # what was typed has been taken in; the program waits
        seen["before"] = _kept(data_dir)
        seen["handled"] = console.send(CTRL_CLOSE_EVENT)
        seen["kept"] = _kept(data_dir)

    closing = threading.Thread(target=person)
    closing.start()
    out = io.BytesIO()
    code = run(context, Start(command="new"), reader=io.BufferedReader(console.input), writer=out)
    closing.join(timeout=30)
    assert code == 0
    assert seen["before"]["locks"], "the preparation was open: its lock was there"
    assert seen["handled"]
    assert seen["kept"] == {"parts": ["Jeg hedder Åse.\n\nJeg bor i Ærøskøbing."], "locks": []}
    assert console.handlers == []
