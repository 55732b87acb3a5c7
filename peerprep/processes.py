"""Other programs on this computer: is a process still running, and since when.

Used to tell a live editing lock from one left behind by a program that was killed,
and a temporary file still being written from a leftover.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def pid_alive(pid: int) -> bool:
    """Is a process with this number running on this computer?"""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists; it belongs to someone else
    except OverflowError:
        return False  # not a number any process can have
    return True


def process_start_ticks(pid: int) -> int | None:
    """When a process started, in clock ticks since boot, where the system tells us
    (Linux); else None. Unlike a wall-clock time it cannot shift when the clock is set."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
        # The command name may hold spaces and parentheses: count fields after the last ')'.
        return int(stat.rsplit(")", 1)[1].split()[19])
    except (OSError, IndexError, ValueError):
        return None


def process_started_at(pid: int) -> float | None:
    """When a process started (epoch seconds), where the system tells us (Linux); else None."""
    ticks = process_start_ticks(pid)
    try:
        uptime = float(Path("/proc/uptime").read_text(encoding="utf-8").split()[0])
        hertz = os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError, AttributeError):
        return None
    if ticks is None:
        return None
    return time.time() - uptime + ticks / hertz
