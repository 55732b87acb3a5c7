"""Closing the console window on Windows: the program saves and lets go of its lock first.

When a console window is closed (its X, a Windows Terminal tab, `taskkill` without /F),
the person logs off or the computer shuts down, Windows calls the program's console
control handlers on a thread of its own, and ends the program when the handler returns,
or about five seconds after the close at the latest. Python's own signal handling cannot
use that time: the C runtime turns the close into SIGBREAK and returns at once, so the
program ends before any Python handler runs. The handler set here is called first (the
one registered last is), asks the face to leave, and returns only once it has (the words
saved, the lock gone) or the face gave up waiting. Ctrl+C and Ctrl+Break are passed on
to the handlers before it (Python's).

Elsewhere (macOS, Linux) closing a terminal sends SIGHUP, which each face handles itself:
`handled` does nothing there.

Source: Microsoft's documentation of SetConsoleCtrlHandler and HandlerRoutine (the
events, the order handlers are called in, the time given), and of CancelSynchronousIo.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

CTRL_C_EVENT = 0
CTRL_BREAK_EVENT = 1
CTRL_CLOSE_EVENT = 2
CTRL_LOGOFF_EVENT = 5
CTRL_SHUTDOWN_EVENT = 6
# The window closes, the person logs off, the computer shuts down: the program is ended.
CLOSING = frozenset({CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT})

_THREAD_TERMINATE = 0x0001  # the access CancelSynchronousIo needs to a thread

# Handlers handed to Windows, kept for as long as the program runs: Windows may still be
# calling one on its thread when the face has already taken it away again.
_KEPT: list[Any] = []


def _kernel32() -> Any:
    import ctypes

    return ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]


@contextlib.contextmanager
def handled(leave: Callable[[], object]) -> Iterator[bool]:
    """Within this block, on Windows, closing the console window (or logging off, or
    shutting down) calls `leave()` on Windows' thread; Windows ends the program once it
    returns. Yields True when the handler is in place (Windows), else False.

    `leave` must return on its own within a few seconds (Windows does not wait longer).
    """
    if sys.platform != "win32":
        yield False
        return
    import ctypes

    def handler(event: int) -> int:
        if event not in CLOSING:
            return 0  # Ctrl+C, Ctrl+Break: for the handlers before this one
        leave()
        return 1

    prototype = ctypes.WINFUNCTYPE(ctypes.c_int, ctypes.c_ulong)  # type: ignore[attr-defined,unused-ignore]
    callback = prototype(handler)
    _KEPT.append(callback)
    kernel32 = _kernel32()
    added = bool(kernel32.SetConsoleCtrlHandler(callback, 1))
    try:
        yield added
    finally:
        if added:
            kernel32.SetConsoleCtrlHandler(callback, 0)


def end_wait(thread: threading.Thread) -> bool:
    """Windows: end a read of the console that `thread` is waiting in (CancelSynchronousIo);
    the read fails with ERROR_OPERATION_ABORTED, which Python raises as OSError. False when
    `thread` waits in no read right now (or this is not Windows)."""
    if sys.platform != "win32" or thread.native_id is None:
        return False
    import ctypes

    kernel32 = _kernel32()
    kernel32.OpenThread.restype = ctypes.c_void_p  # a handle is pointer-sized
    kernel32.CancelSynchronousIo.argtypes = [ctypes.c_void_p]
    kernel32.CloseHandle.argtypes = [ctypes.c_void_p]
    handle = kernel32.OpenThread(_THREAD_TERMINATE, 0, thread.native_id)
    if not handle:
        return False
    try:
        return bool(kernel32.CancelSynchronousIo(handle))
    finally:
        kernel32.CloseHandle(handle)
