"""The privacy cover and the erase of a shared computer, line by line.

While the program waits for the person, the idle clock (flow.idle, the same minutes as
the full screen) is asked once a second what is due:

- after the privacy minutes the screen and its scrollback are cleared and a neutral note
  is shown (the full screen's words: shared.privacy.*); Enter brings the words back,
  with what was typed on the line still there;
- after the erase minutes the session is forgotten (flow.leaving.erase_session), the
  screen is cleared again, and the program starts over at home.

On POSIX a timer signal (SIGALRM) ticks only while the program waits for input, and its
handler ends the wait (console.Covered / console.Erased). Windows has no such signal: a
background thread covers the screen and erases the session at the same moments, and the
line typed next only lifts the cover.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType
from typing import TYPE_CHECKING

from peerprep.flow.idle import IdleClock
from peerprep.plain.console import Covered, Erased

if TYPE_CHECKING:
    from peerprep.plain.console import Console

MINUTE = 60.0
TICK = 1.0  # seconds between two looks at the idle clock while waiting


@dataclass
class IdleGuard:
    """Watches the idle clock while the console waits for input.

    minutes   (privacy, erase) minutes in force (flow.shared_mode.SharedMode.timers)
    console   the console it covers
    on_erase  forgets the session (called from the main thread, or on Windows from the
              watching thread while the main one waits)
    clock     the idle clock's time source (tests move time by hand)
    """

    minutes: tuple[int, int]
    console: Console
    on_erase: Callable[[], None]
    clock: Callable[[], float] | None = None
    tick: float = TICK
    covering: bool = False  # the cover is on screen, waiting for Enter
    idle: IdleClock = field(init=False)
    _covered_by_thread: bool = False
    _erased_by_thread: bool = False
    _thread: threading.Timer | None = None
    _previous: object = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        cover, erase = self.minutes
        extra = {"clock": self.clock} if self.clock else {}
        self.idle = IdleClock(cover * MINUTE, erase * MINUTE, **extra)

    @property
    def interrupts(self) -> bool:
        """Can the wait be ended by a signal (POSIX, main thread)?"""
        return (
            hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        )

    # around each wait ------------------------------------------------------------------

    def arm(self) -> None:
        """The console starts waiting for input."""
        if self.interrupts:
            self._previous = signal.signal(signal.SIGALRM, self._ticked)
            signal.setitimer(signal.ITIMER_REAL, self.tick, self.tick)
        else:  # pragma: no cover - exercised where there is no SIGALRM (Windows)
            self._watch()

    def disarm(self) -> None:
        """The wait is over (a line came, or the wait was ended)."""
        if self.interrupts:
            signal.setitimer(signal.ITIMER_REAL, 0)
            if self._previous is not None:
                signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]
                self._previous = None
        elif self._thread is not None:  # pragma: no cover - Windows
            self._thread.cancel()
            self._thread = None

    def after_read(self) -> bool:
        """A line came. True when the cover was put up by the watching thread meanwhile
        (this line only lifts it). Raises Erased when the session was erased meanwhile."""
        with self._lock:
            erased, covered = self._erased_by_thread, self._covered_by_thread
            self._erased_by_thread = self._covered_by_thread = False
        if erased:
            raise Erased
        return covered

    # the signal's way --------------------------------------------------------------------

    def _ticked(self, signum: int, frame: FrameType | None) -> None:
        if not self.console.waiting:
            return
        due = self.idle.due()
        if due == "erase":
            signal.setitimer(signal.ITIMER_REAL, 0)
            raise Erased
        if due == "cover" and not self.covering:
            partial = self.console.editor.typed_so_far() if self.console.editor else ""
            raise Covered(partial)

    # the thread's way (no SIGALRM) -------------------------------------------------------

    def _watch(self) -> None:  # pragma: no cover - Windows
        self._thread = threading.Timer(self.tick, self._look)
        self._thread.daemon = True
        self._thread.start()

    def _look(self) -> None:  # pragma: no cover - Windows
        due = self.idle.due()
        with self._lock:
            if due == "erase" and not self._erased_by_thread:
                self._erased_by_thread = True
                self.on_erase()  # the words go now; the main thread starts over on Enter
                self.console.clear()
            elif due == "cover" and not self._covered_by_thread and not self._erased_by_thread:
                self._covered_by_thread = True
                self.console.cover_screen()
        if self.console.waiting:
            self._watch()
