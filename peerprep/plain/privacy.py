"""The privacy cover and the erase of a shared computer, line by line.

While the program waits for the person, the idle clock (flow.idle, the same minutes as
the full screen) is asked once a second what is due:

- after the privacy minutes the screen and its scrollback are cleared and a neutral note
  is shown (the full screen's words: shared.privacy.*); Enter brings the words back,
  with what was typed on the line still there;
- after the erase minutes the session is forgotten (flow.leaving.erase_session), the
  screen is cleared again, and the program starts over at home.

On POSIX the console's tick (plain.signals, SIGALRM, only while waiting for input) asks
`check`, which ends the wait (console.Covered / console.Erased). Windows has no such
signal: a background thread covers the screen and erases the session at the same
moments, and the line typed next only lifts the cover.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peerprep.flow.idle import IdleClock
from peerprep.plain.console import Covered, Erased

if TYPE_CHECKING:
    from peerprep.plain.console import Console

MINUTE = 60.0
TICK = 1.0  # seconds between two looks at the idle clock (the thread's way)


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
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        cover, erase = self.minutes
        extra = {"clock": self.clock} if self.clock else {}
        self.idle = IdleClock(cover * MINUTE, erase * MINUTE, **extra)

    # around each wait ------------------------------------------------------------------

    def arm(self, ticking: bool) -> None:
        """The console starts waiting for input. `ticking`: the console's tick will ask
        `check` (POSIX); else a thread watches the clock (Windows)."""
        if not ticking:  # pragma: no cover - exercised where there is no SIGALRM (Windows)
            self._watch()

    def disarm(self) -> None:
        """The wait is over (a line came, or the wait was ended)."""
        if self._thread is not None:  # pragma: no cover - Windows
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

    def check(self, partial: str) -> None:
        """From the console's tick while it waits: end the wait when something is due.

        Raises Erased after the erase minutes, Covered (with the line typed so far) after
        the privacy minutes, unless the cover is up already."""
        due = self.idle.due()
        if due == "erase":
            raise Erased
        if due == "cover" and not self.covering:
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
