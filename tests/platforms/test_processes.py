"""Is the holder of an editing lock still running, and is it still the same program?

On Windows and macOS the answers come from psutil; these tests run those branches under a
simulated platform with a simulated process table (tests/platforms/simulated.py), and the
Linux branch on the real processes of this computer.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peerprep import locks, processes
from peerprep.locks import LockedError, LockInfo, hostname

from .simulated import SimulatedProcesses, simulate_platform

ELSEWHERE = ["win32", "darwin"]
PID = 4242  # a number no real process here has to have: the simulated table decides


@pytest.fixture
def table(monkeypatch: pytest.MonkeyPatch) -> SimulatedProcesses:
    simulated = SimulatedProcesses()
    simulated.install(monkeypatch)
    simulated.run(os.getpid(), created=time.time() - 5)  # this program, started a moment ago
    return simulated


def _lock(tmp_path: Path, info: LockInfo) -> Path:
    path = tmp_path / "prep.lock"
    path.write_bytes(info.to_bytes())
    return path


# --- the real processes of this computer ------------------------------------------------


def test_a_running_process_is_alive_and_an_ended_one_is_not() -> None:
    assert processes.pid_alive(os.getpid())
    for impossible in (0, -5, 2**22 + 11, 2**31, 2**80):
        assert not processes.pid_alive(impossible)
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait(timeout=30)
    assert not processes.pid_alive(ended.pid)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="zombies as Linux keeps them")
def test_a_killed_program_not_yet_collected_is_not_alive() -> None:
    """A zombie: it ended, but its parent has not asked how (os.kill(pid, 0) still works)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        deadline = time.monotonic() + 30
        while Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
            assert time.monotonic() < deadline
            time.sleep(0.01)
        os.kill(child.pid, 0)  # the number is still taken...
        assert not processes.pid_alive(child.pid)  # ...by a program that has ended
    finally:
        child.wait(timeout=30)


def test_the_start_mark_of_a_process_does_not_change_while_it_runs() -> None:
    mark = processes.start_mark(os.getpid())
    assert mark is not None and mark == processes.start_mark(os.getpid())
    assert processes.start_mark(2**22 + 11) is None
    assert processes.start_mark(0) is None
    started = processes.started_at(os.getpid())
    assert started is not None and started <= time.time()
    assert processes.started_at(2**22 + 11) is None


# --- Windows and macOS, simulated -------------------------------------------------------


@pytest.mark.parametrize("platform", ELSEWHERE)
def test_the_start_mark_is_the_start_time_the_system_stored(
    monkeypatch: pytest.MonkeyPatch, table: SimulatedProcesses, platform: str
) -> None:
    simulate_platform(monkeypatch, platform)
    table.run(PID, created=1_700_000_000.123456)
    assert processes.start_mark(PID) == 1_700_000_000_123
    assert processes.started_at(PID) == 1_700_000_000.123456
    table.end(PID)
    assert processes.start_mark(PID) is None
    assert not processes.pid_alive(PID)


@pytest.mark.parametrize("platform", ELSEWHERE)
def test_a_lock_whose_process_number_was_reused_is_taken_over(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, table: SimulatedProcesses, platform: str
) -> None:
    """The program that held the lock was killed; a later program was given its number.
    The lock records which start of the process it was, and this one is another."""
    simulate_platform(monkeypatch, platform)
    table.run(PID, created=time.time() - 600)
    holder = LockInfo(PID, hostname(), time.time() - 590, started=processes.start_mark(PID))
    path = _lock(tmp_path, holder)
    with pytest.raises(LockedError):  # the same start: it is still there
        locks.acquire(path)

    table.end(PID)
    table.run(PID, created=time.time() - 60)  # the number, given to another program
    assert processes.pid_alive(PID)
    assert locks.is_stale(path, holder)
    lock = locks.acquire(path)
    assert lock.took_over == holder
    # and the new lock says which start of this program holds it
    assert lock.info.started == processes.start_mark(os.getpid()) is not None
    lock.release()
    assert not path.exists()


@pytest.mark.parametrize("platform", ELSEWHERE)
def test_a_lock_of_an_earlier_version_is_judged_by_when_its_process_started(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, table: SimulatedProcesses, platform: str
) -> None:
    """A lock with no start mark (written by an earlier peerprep): a process that started
    after the lock was made cannot be the one that made it."""
    simulate_platform(monkeypatch, platform)
    made = time.time() - 300
    path = _lock(tmp_path, LockInfo(PID, hostname(), made))
    table.run(PID, created=made - 10)  # started before the lock: it may well be the holder
    with pytest.raises(LockedError):
        locks.acquire(path)
    table.run(PID, created=made + 60)  # started after it: the number was reused
    locks.acquire(path).release()


@pytest.mark.parametrize("platform", ELSEWHERE)
def test_a_holder_the_system_will_not_describe_counts_as_live(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, table: SimulatedProcesses, platform: str
) -> None:
    """Another user's process: it runs, and when it started is not ours to know. Without
    proof that it is another program, the lock is respected."""
    simulate_platform(monkeypatch, platform)
    table.run(PID, created=time.time(), other_user=True)
    path = _lock(tmp_path, LockInfo(PID, hostname(), time.time() - 300, started=123))
    assert processes.pid_alive(PID)
    assert processes.start_mark(PID) is None
    with pytest.raises(LockedError):
        locks.acquire(path)


@pytest.mark.parametrize("platform", ELSEWHERE)
def test_a_holder_that_ended_but_was_not_collected_is_not_live(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, table: SimulatedProcesses, platform: str
) -> None:
    import psutil

    simulate_platform(monkeypatch, platform)
    table.run(PID, created=time.time() - 60, status=psutil.STATUS_ZOMBIE)
    path = _lock(tmp_path, LockInfo(PID, hostname(), time.time() - 50, started=None))
    assert not processes.pid_alive(PID)
    locks.acquire(path).release()
