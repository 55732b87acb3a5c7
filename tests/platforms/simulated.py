"""Simulations of Windows and macOS for the code that runs only there.

Each class here stands in for one thing the real system answers (psutil's view of the
processes, kernel32's functions, the shell's verbs), and `simulate_platform` makes
`sys.platform` name the system being simulated. The code under test runs its Windows or
macOS branch unchanged; only what the system would answer is made up, and named so.
"""

from __future__ import annotations

import io
import sys
import threading
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


ERROR_OPERATION_ABORTED = 995  # what a cancelled read fails with on Windows
GIVE_UP_SECONDS = 60  # a read nobody ends: the test fails instead of hanging


class SimulatedConsoleInput(io.RawIOBase):
    """The console's input as a program on Windows reads it: lines the person typed, then
    a read that waits until they type more or until the read is cancelled
    (CancelSynchronousIo), which makes it fail with ERROR_OPERATION_ABORTED (an OSError)."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self._pending = "".join(line + "\n" for line in lines).encode("utf-8")
        self._guard = threading.Condition()
        self._cancelled = False
        self.waiting_thread: int | None = None  # native id of the thread blocked in a read
        self.blocked = threading.Event()  # someone waits for input and nothing is left

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        with self._guard:
            while not self._pending:
                self.waiting_thread = threading.get_native_id()
                self.blocked.set()
                woken = self._guard.wait_for(
                    lambda: self._cancelled or bool(self._pending), timeout=GIVE_UP_SECONDS
                )
                self.waiting_thread = None
                self.blocked.clear()
                if not woken:
                    return 0  # a program nobody stopped: end of input, so the test ends
                if self._cancelled:
                    self._cancelled = False
                    raise OSError(ERROR_OPERATION_ABORTED, "The I/O operation has been aborted")
            end = self._pending.find(b"\n")
            line = self._pending[: end + 1] if end >= 0 else self._pending
            count = min(len(buffer), len(line))
            buffer[:count] = line[:count]
            self._pending = self._pending[count:]
            return count

    def cancel(self, native_id: int) -> bool:
        """CancelSynchronousIo on the thread `native_id`: True when it was waiting in a read."""
        with self._guard:
            if self.waiting_thread != native_id:
                return False
            self._cancelled = True
            self._guard.notify_all()
            return True


class SimulatedConsole:
    """The Windows console a program runs in: kernel32's console control handlers (called
    last-registered first, as Windows does, on a thread of their own), OpenThread and
    CancelSynchronousIo for the reads waiting on it, and its input (`input`)."""

    def __init__(self, lines: list[str] | None = None) -> None:
        self.input = SimulatedConsoleInput(lines or [])
        self.handlers: list[Any] = []
        self._threads: dict[int, int] = {}  # handle -> native thread id
        self.kernel32 = SimulatedDLL(
            SetConsoleCtrlHandler=self._set_handler,
            OpenThread=self._open_thread,
            CancelSynchronousIo=self._cancel,
            CloseHandle=lambda handle: int(self._threads.pop(handle, None) is not None),
        )

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """sys.platform is "win32", and ctypes reaches this console's kernel32."""
        simulate_platform(monkeypatch, "win32")
        simulate_windll(monkeypatch, kernel32=self.kernel32)

    def _set_handler(self, handler: Any, add: int) -> int:
        if add:
            self.handlers.append(handler)
        elif handler in self.handlers:
            self.handlers.remove(handler)
        else:
            return 0
        return 1

    def _open_thread(self, access: int, inherit: int, native_id: int) -> int:
        handle = 0x100 + 4 * len(self._threads)
        self._threads[handle] = native_id
        return handle

    def _cancel(self, handle: int) -> int:
        native_id = self._threads.get(handle)
        return int(native_id is not None and self.input.cancel(native_id))

    def send(self, event: int) -> bool:
        """Windows delivers a console event (on a new thread): each handler in turn, the last
        registered first, until one says it handled it. True when one did; Windows ends
        the program as soon as it returns (for a closing window)."""
        answer: list[bool] = []

        def deliver() -> None:
            for handler in reversed(list(self.handlers)):
                if handler(event):
                    answer.append(True)
                    return
            answer.append(False)

        thread = threading.Thread(target=deliver, name="simulated console handler")
        thread.start()
        thread.join(timeout=30)
        assert not thread.is_alive(), "the console handler never returned"
        return answer[0]
