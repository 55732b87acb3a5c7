"""Simulations of Windows and macOS for the code that runs only there.

Each class here stands in for one thing the real system answers (psutil's view of the
processes, kernel32's functions, the shell's verbs), and `simulate_platform` makes
`sys.platform` name the system being simulated. The code under test runs its Windows or
macOS branch unchanged; only what the system would answer is made up, and named so.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import psutil
import pytest


def simulate_platform(monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    """From here to the end of the test, `sys.platform` says `platform` ("win32", "darwin")."""
    monkeypatch.setattr(sys, "platform", platform)


@dataclass
class SimulatedProcess:
    """One process as psutil would describe it on the simulated computer."""

    pid: int
    created: float  # seconds since 1970 (Windows' creation time, macOS' p_starttime)
    status: str = psutil.STATUS_RUNNING
    other_user: bool = False  # the system will not say when it started (AccessDenied)


@dataclass
class SimulatedProcesses:
    """A simulated process table, put where psutil.Process looks (`install`)."""

    table: dict[int, SimulatedProcess] = field(default_factory=dict)

    def run(self, pid: int, created: float, **kwargs: Any) -> SimulatedProcess:
        """A process with number `pid` starts (replacing one that had the number)."""
        process = SimulatedProcess(pid, created, **kwargs)
        self.table[pid] = process
        return process

    def end(self, pid: int) -> None:
        self.table.pop(pid, None)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(psutil, "Process", self._process)

    def _process(self, pid: int) -> _Handle:
        if pid < 0:
            raise ValueError(f"pid must be a positive integer (got {pid})")
        if pid not in self.table:
            raise psutil.NoSuchProcess(pid)
        return _Handle(self, self.table[pid])


@dataclass
class _Handle:
    """What psutil.Process(pid) gives: it keeps asking the table, as psutil asks the system."""

    processes: SimulatedProcesses
    seen: SimulatedProcess

    def _now(self) -> SimulatedProcess:
        now = self.processes.table.get(self.seen.pid)
        if now is None:
            raise psutil.NoSuchProcess(self.seen.pid)
        return now

    def is_running(self) -> bool:
        return self.processes.table.get(self.seen.pid) is self.seen

    def status(self) -> str:
        return self._now().status

    def create_time(self) -> float:
        now = self._now()
        if now.other_user:
            raise psutil.AccessDenied(now.pid)
        return now.created


class SimulatedFunction:
    """One function of a simulated Windows DLL: records its calls and answers with
    `answer(*args)`. `argtypes` and `restype` are taken and ignored, as ctypes would use them."""

    def __init__(self, answer: Callable[..., Any]) -> None:
        self.answer = answer
        self.calls: list[tuple[Any, ...]] = []
        self.argtypes: Any = None
        self.restype: Any = None

    def __call__(self, *args: Any) -> Any:
        self.calls.append(args)
        return self.answer(*args)


class SimulatedDLL:
    """A simulated Windows DLL (kernel32): the functions the test gives it, nothing else;
    calling any other one fails the test, as a missing export would fail on Windows."""

    def __init__(self, **functions: Callable[..., Any]) -> None:
        self.functions = {name: SimulatedFunction(f) for name, f in functions.items()}

    def __getattr__(self, name: str) -> SimulatedFunction:
        try:
            return self.__dict__["functions"][name]
        except KeyError:
            raise AttributeError(f"the simulated DLL has no {name}") from None


def simulate_windll(monkeypatch: pytest.MonkeyPatch, **dlls: SimulatedDLL) -> None:
    """ctypes as on Windows: ctypes.WinDLL(name) and ctypes.windll.<name> give the simulated
    DLLs, and ctypes.WINFUNCTYPE makes callbacks (here with the C calling convention,
    which on 64-bit Windows is the same one)."""
    import ctypes

    def win_dll(name: str, *args: Any, **kwargs: Any) -> SimulatedDLL:
        key = name.lower().removesuffix(".dll")
        if key not in dlls:
            raise OSError(f"the simulated Windows has no {name}")
        return dlls[key]

    class _WinDLLs:
        def __getattr__(self, name: str) -> SimulatedDLL:
            return win_dll(name)

    monkeypatch.setattr(ctypes, "WinDLL", win_dll, raising=False)
    monkeypatch.setattr(ctypes, "windll", _WinDLLs(), raising=False)
    monkeypatch.setattr(ctypes, "WINFUNCTYPE", ctypes.CFUNCTYPE, raising=False)
    monkeypatch.setattr(ctypes, "get_last_error", lambda: 0, raising=False)
