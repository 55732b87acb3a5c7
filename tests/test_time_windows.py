"""The program's own windows of time, with their shipped values (not test-only ones).

- A lock made on another computer (a shared USB stick, a network folder) is respected for
  12 hours after its last renewal and taken over after that: a live session on the ward
  computer is never pushed aside by a laptop, and a stick carried home after a crash is
  not read-only for ever. The lock's age is its file's time, set here by hand.
- On a shared computer the privacy screen covers the text after 3 idle minutes and the
  session is erased after 20 (the defaults; ward IT's file may set others), counted on an
  injected clock that the test moves.

tests/tui/test_time_checks.py pins how often the full screen renews its lock and looks
at the idle clock.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from peerprep import locks
from peerprep.flow.idle import IdleClock
from peerprep.flow.shared_mode import SharedMode, session_settings
from peerprep.locks import LockedError
from peerprep.machine import MachineConfig

HOUR = 60 * 60
MINUTE = 60
FOREIGN_WINDOW = 12 * HOUR  # README and locks.py: 12 hours


def _foreign_lock(folder: Path, age: float) -> Path:
    """A lock another computer took, last renewed `age` seconds ago."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "20240101-120000-abcdef.lock"
    stamp = time.time() - age
    info = {"pid": 4242, "host": "ward-pc-7", "created_at": stamp - HOUR}
    path.write_text(json.dumps(info), encoding="utf-8")
    os.utime(path, (stamp, stamp))
    return path


def test_the_shipped_window_for_another_computers_lock_is_twelve_hours() -> None:
    assert locks.FOREIGN_LOCK_SECONDS == FOREIGN_WINDOW


@pytest.mark.parametrize("age", [0, 61, HOUR, 6 * HOUR, FOREIGN_WINDOW - 5 * MINUTE])
def test_another_computers_lock_is_respected_for_twelve_hours(tmp_path: Path, age: float) -> None:
    path = _foreign_lock(tmp_path / "locks", age)
    with pytest.raises(LockedError) as caught:
        locks.acquire(path)
    assert caught.value.holder.host == "ward-pc-7"
    assert locks.live_holder(path) is not None
    assert locks.sweep_stale(path.parent) == 0 and path.exists()  # never swept away


@pytest.mark.parametrize("age", [FOREIGN_WINDOW + 5 * MINUTE, 3 * 24 * HOUR])
def test_another_computers_lock_is_taken_over_after_twelve_hours(
    tmp_path: Path, age: float
) -> None:
    path = _foreign_lock(tmp_path / "locks", age)
    assert locks.live_holder(path) is None
    with locks.acquire(path) as lock:
        assert lock.took_over is not None and lock.took_over.host == "ward-pc-7"


def test_renewing_a_lock_restarts_its_twelve_hours(tmp_path: Path) -> None:
    """What the other computer sees of our lock: its time, renewed by refresh()."""
    path = tmp_path / "locks" / "20240101-120000-abcdef.lock"
    path.parent.mkdir()
    with locks.acquire(path) as lock:
        old = time.time() - (FOREIGN_WINDOW - MINUTE)
        os.utime(path, (old, old))
        lock.refresh()
        assert time.time() - path.stat().st_mtime < MINUTE


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_shipped_idle_minutes_are_three_and_twenty() -> None:
    mode = SharedMode(on=True, machine=MachineConfig(Path("none")))
    assert mode.timers(session_settings(mode)) == (3, 20)


def test_the_privacy_screen_and_the_erase_come_at_their_minutes() -> None:
    clock = FakeClock()
    mode = SharedMode(on=True, machine=MachineConfig(Path("none")))
    cover, erase = mode.timers(session_settings(mode))
    idle = IdleClock(cover * MINUTE, erase * MINUTE, clock=clock)
    assert idle.due() == "active"
    clock.now += 3 * MINUTE - 1
    assert idle.due() == "active"
    clock.now += 1
    assert idle.due() == "cover"
    clock.now += 17 * MINUTE - 1
    assert idle.due() == "cover"
    clock.now += 1
    assert idle.due() == "erase"
    idle.touch()  # a key: someone is here again
    assert idle.due() == "active" and idle.idle == 0.0


def test_the_idle_clock_never_runs_backwards() -> None:
    clock = FakeClock()
    idle = IdleClock(3 * MINUTE, 20 * MINUTE, clock=clock)
    clock.now -= 10 * MINUTE  # the clock stepped back (it should not, but)
    assert idle.idle == 0.0 and idle.due() == "active"


def test_ward_it_minutes_win_over_the_persons_settings() -> None:
    machine = MachineConfig(Path("peerprep.conf"), True, True, 1, 5)
    mode = SharedMode(on=True, machine=machine)
    settings = session_settings(mode)
    settings.privacy_minutes, settings.erase_minutes = 30, 120
    assert mode.timers(settings) == (1, 5)
