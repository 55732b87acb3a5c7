"""What signals do to line-by-line mode while it waits for the person.

- The terminal closes (SIGHUP), the program is told to stop (SIGTERM; on Windows SIGBREAK,
  Ctrl+Break or closing the console): while the program waits for input the wait ends
  at once (console.Hangup, carrying the line typed so far); while it is busy (saving,
  making a PDF) it finishes that first and stops at the next read. Either way the answer
  being written is saved like one ended on purpose, the editing lock is removed, and the
  program leaves with exit code 0: plain.run does that for every EndOfInput.
- A tick (SIGALRM, POSIX), four times a second and only while waiting, keeps a copy of
  the line being typed (closing a terminal makes readline drop that line before any
  handler can see it) and asks a shared computer's idle guard what is due: the privacy
  cover or the erase (plain.privacy).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import TYPE_CHECKING, Any

from peerprep.plain.console import Hangup

if TYPE_CHECKING:
    from peerprep.plain.console import Console

_STOPPING = ("SIGHUP", "SIGTERM", "SIGBREAK")
TICK = 0.25  # seconds between two ticks while waiting


@contextlib.contextmanager
def handled(console: Console) -> Iterator[None]:
    """Within this block the signals above act on `console`; the handlers before it are
    put back afterwards. Only the main thread can handle signals: elsewhere (a test
    driving the face from a thread) this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        console.stopping = True
        if console.waiting:
            raise Hangup(console.typed_so_far())

    def tick(signum: int, frame: FrameType | None) -> None:
        console.tick()

    previous: dict[int, Any] = {}
    alarm = getattr(signal, "SIGALRM", None)  # none on Windows
    wanted = [(getattr(signal, name, None), stop) for name in _STOPPING]
    if alarm is not None and hasattr(signal, "setitimer"):
        wanted.append((alarm, tick))
    for number, handler in wanted:
        if number is None:
            continue
        with contextlib.suppress(OSError, ValueError):
            previous[number] = signal.signal(number, handler)
    console.tick_every = TICK if alarm in previous else 0.0
    try:
        yield
    finally:
        console.tick_every = 0.0
        with contextlib.suppress(AttributeError, OSError):
            signal.setitimer(signal.ITIMER_REAL, 0)
        for number, before in previous.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(number, before)
