"""Other programs on this computer: is a process still running, and which start of it it is.

Used to tell a live editing lock from one left behind by a program that was killed (or
whose process number now belongs to another program), and a temporary file still being
written from a leftover.

Three questions, answered the same way on Windows, macOS and Linux:

- `pid_alive(pid)`: is a process with this number running (a zombie, ended but not yet
  collected by its parent, is not);
- `start_mark(pid)`: a whole number that stays the same for as long as that process runs
  and differs for a later process given the same number. Linux: the start in clock ticks
  since boot (the kernel's /proc/<pid>/stat, field 22), which setting the clock cannot
  move. Windows and macOS: the start time the system stored when the process was made
  (Windows: its creation time; macOS: p_starttime), in milliseconds since 1970; it is
  stored once, so setting the clock later does not move it either;
- `started_at(pid)`: when it started, in seconds since 1970 (for a lock written before
  start marks were recorded, compared with the time the lock was made).

The answers come from psutil (the cross-platform library every process tool in Python
uses), except the Linux start mark, which psutil gives only as a wall-clock time (boot
time + ticks; the boot time moves when the clock is set) and which is read from /proc.
psutil is imported at the first question: a program with no lock of another process to
judge never loads it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def _process(pid: int) -> Any | None:
    """psutil's handle on process `pid`, or None when no such process can exist or runs."""
    if pid <= 0:
        return None
    import psutil

    try:
        return psutil.Process(pid)
    except (psutil.NoSuchProcess, ValueError, OverflowError):
        return None


def pid_alive(pid: int) -> bool:
    """Is a process with this number running on this computer? A process of another user
    counts (it exists, we may not look inside); a zombie does not (it has ended)."""
    import psutil

    process = _process(pid)
    if process is None:
        return False
    try:
        return bool(process.is_running() and process.status() != psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:  # ended while we looked (ZombieProcess is one too)
        return False
    except psutil.AccessDenied:
        return True  # it exists; it belongs to someone else


def _linux_start_ticks(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
        # The command name may hold spaces and parentheses: count fields after the last ')'.
        return int(stat.rsplit(")", 1)[1].split()[19])
    except (OSError, IndexError, ValueError):
        return None


def start_mark(pid: int) -> int | None:
    """Which start of process `pid` this is (see the module docstring); None when the
    process is not there or the system will not say. Two marks of the same process are
    equal; a mark of a later process with the same number differs."""
    if pid <= 0:
        return None
    if sys.platform.startswith("linux"):
        return _linux_start_ticks(pid)
    started = started_at(pid)
    return None if started is None else round(started * 1000)


def started_at(pid: int) -> float | None:
    """When process `pid` started, in seconds since 1970; None when it is not there or the
    system will not say (a process of another user on some systems)."""
    import psutil

    process = _process(pid)
    if process is None:
        return None
    try:
        return float(process.create_time())
    except (psutil.Error, OSError):
        return None
