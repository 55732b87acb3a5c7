"""When to save while a person types: soon after they stop, and never later than a ceiling.

One rule for every face. A save comes SAVE_AFTER_PAUSE seconds after the last change (so a
person who writes a sentence and pauses gets one save, not one per key), but never later
than SAVE_AT_THE_LATEST seconds after the first change that is not on disk yet, however
steadily the typing goes on. So a kill at any moment (a power cut, the OOM killer, a
frozen ward computer switched off) can take at most the last two seconds or so of typing.

Source of the figures: peerprep's issue "No word is ever lost" (a second's pause, a
ceiling of about two seconds); tests/stress/test_steady_typing.py holds the program to
them under a real terminal, benchmarks/run.py reports the worst lag seen.
"""

from __future__ import annotations

import time
from collections.abc import Callable

SAVE_AFTER_PAUSE = 1.0  # seconds after the last change
SAVE_AT_THE_LATEST = 2.0  # seconds after the first change not yet on disk


class AutosaveClock:
    """Keeps the time of the first and the last change not yet saved, and says when the
    next save is due.

    pause    seconds after the last change (SAVE_AFTER_PAUSE)
    ceiling  seconds after the first unsaved change, at the latest (SAVE_AT_THE_LATEST)
    clock    seconds, monotonic (time.monotonic; a test may pass its own)
    """

    def __init__(
        self,
        pause: float = SAVE_AFTER_PAUSE,
        ceiling: float = SAVE_AT_THE_LATEST,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.pause = pause
        self.ceiling = max(pause, ceiling)
        self.clock = clock
        self._first: float | None = None
        self._last: float | None = None
        self._typed: float | None = None  # a key typed then waits to be handed on

    @property
    def waiting(self) -> bool:
        """A change has come since the last save started."""
        return self._first is not None

    def key_waiting(self) -> None:
        """A key was typed and waits to be handed on (the focus is moving: tui.key_order).

        The ceiling counts from when the person typed, not from when the program got to
        the key: the next change counts as made then. After a key that changes nothing
        (F6), the next change is saved at once: one save early, never one late."""
        if self._typed is None:
            self._typed = self.clock()

    def changed(self) -> None:
        """Something changed that is not on disk yet."""
        at = self.clock()
        first = at if self._typed is None else min(at, self._typed)
        self._typed = None
        if self._first is None or first < self._first:
            self._first = first
        self._last = at

    def started(self) -> None:
        """A save has taken its copy: everything changed until now is in it."""
        self._first = self._last = None  # a key still waiting is not in the copy: kept

    def due_in(self) -> float | None:
        """Seconds until the next save is due (0.0: now); None when nothing waits."""
        if self._first is None or self._last is None:
            return None
        due = min(self._last + self.pause, self._first + self.ceiling)
        return max(0.0, due - self.clock())
