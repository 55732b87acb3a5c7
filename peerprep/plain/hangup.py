"""The terminal closes, or the program is told to stop: nothing written is lost.

Closing the terminal window sends SIGHUP; a shutdown or `kill` sends SIGTERM (and on
Windows, Ctrl+Break or closing the console, SIGBREAK). While the program waits for input,
the wait ends at once (console.Hangup, carrying the line typed so far); while it is busy
(saving, making a PDF) it finishes that first and stops at the next read. Either way the
answer being written is saved like one ended on purpose, the editing lock is removed,
and the program leaves with exit code 0: plain.run does that for every EndOfInput.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import TYPE_CHECKING

from peerprep.plain.console import Hangup

if TYPE_CHECKING:
    from peerprep.plain.console import Console

_SIGNALS = ("SIGHUP", "SIGTERM", "SIGBREAK")


@contextlib.contextmanager
def saved_on_hangup(console: Console) -> Iterator[None]:
    """Within this block, SIGHUP, SIGTERM and SIGBREAK end the wait for input as a Hangup
    (or the next wait, when one comes while the program is busy). The handlers before it
    are put back afterwards. Only the main thread can handle signals: elsewhere (a test
    driving the face from a thread) this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        console.stopping = True
        if console.waiting:
            partial = console.editor.typed_so_far() if console.editor else ""
            raise Hangup(partial)

    previous: dict[int, object] = {}
    for name in _SIGNALS:
        number = getattr(signal, name, None)
        if number is None:
            continue
        with contextlib.suppress(OSError, ValueError):
            previous[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(number, handler)  # type: ignore[arg-type]
