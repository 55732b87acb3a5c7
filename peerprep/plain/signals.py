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
- Closing the console window on Windows (peerprep.console_close): Windows' handler thread
  asks the program to stop as SIGHUP does, ends the wait for input (CancelSynchronousIo),
  and holds Windows back until plain.run has saved and removed the lock (`left`), for
  CONSOLE_CLOSE_SECONDS at the most. The line being typed and not yet ended with Enter
  stays in the console's own buffer there, out of the program's reach.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from types import FrameType
from typing import TYPE_CHECKING, Any

from peerprep import console_close
from peerprep.plain.console import Hangup

if TYPE_CHECKING:
    from peerprep.plain.console import Console

_STOPPING = ("SIGHUP", "SIGTERM", "SIGBREAK")
TICK = 0.25  # seconds between two ticks while waiting
# Windows ends the program about five seconds after its console window is closed; the
# answers must be saved and the lock gone before that (as the full screen's).
CONSOLE_CLOSE_SECONDS = 4.0
# How often Windows' handler thread tries again to end the wait for input: the main
# thread may be between saying it waits and starting the read.
END_WAIT_EVERY = 0.05


def window_closed(
    console: Console,
    left: threading.Event,
    main: threading.Thread,
    timeout: float = CONSOLE_CLOSE_SECONDS,
) -> bool:
    """Windows is closing the console window (called on its handler's thread): stop at
    once as for SIGHUP, ending `main`'s wait for input, and return True once plain.run has
    saved and let go of the lock (`left` is set), or False after `timeout` seconds."""
    console.stopping = True
    deadline = time.monotonic() + timeout
    while not left.wait(END_WAIT_EVERY):
        if time.monotonic() >= deadline:
            return False
        if console.waiting:
            console_close.end_wait(main)
    return True


@contextlib.contextmanager
def handled(console: Console, left: threading.Event | None = None) -> Iterator[None]:
    """Within this block the signals above act on `console`; the handlers before it are
    put back afterwards. With `left` (set by plain.run once it has saved and let go of the
    lock), closing the console window on Windows waits for it. Only the main thread can
    handle signals: elsewhere (a test driving the face from a thread) this does nothing."""
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
    main = threading.current_thread()
    closing = (
        console_close.handled(lambda: window_closed(console, left, main))
        if left is not None
        else contextlib.nullcontext()
    )
    try:
        with closing:
            yield
    finally:
        console.tick_every = 0.0
        with contextlib.suppress(AttributeError, OSError):
            signal.setitimer(signal.ITIMER_REAL, 0)
        for number, before in previous.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(number, before)
