"""Idle time on a shared computer, in the full screen: every key, mouse or paste event
counts as a person being there; a gentle interval asks the idle clock (flow.idle) what is
due.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events

from peerprep.flow.idle import IdleClock

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

# What counts as a person being there. Focus, resize and the like are the computer's own.
ACTIVITY: tuple[type[events.Event], ...] = (
    events.Key,
    events.MouseDown,
    events.MouseUp,
    events.MouseMove,
    events.MouseScrollDown,
    events.MouseScrollUp,
    events.MouseScrollLeft,
    events.MouseScrollRight,
    events.Click,
    events.Paste,
)


class IdleWatch:
    """Watches the app's events and calls `on_cover` / `on_erase` when their time comes.

    Each is called once per idle spell: a key or a mouse event starts a new spell.
    """

    def __init__(
        self,
        app: App[object],
        clock: IdleClock,
        on_cover: Callable[[], object],
        on_erase: Callable[[], object],
        tick: float = 1.0,
    ) -> None:
        self.app = app
        self.clock = clock
        self.on_cover = on_cover
        self.on_erase = on_erase
        self.tick = tick
        self.covered = False
        self.erased = False
        self._timer: Timer | None = None

    def start(self) -> None:
        self.clock.touch()
        self._timer = self.app.set_interval(self.tick, self.check, name="idle-watch")

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def seen(self, event: events.Event) -> None:
        """Called for every event the app receives."""
        if isinstance(event, ACTIVITY):
            self.clock.touch()
            self.covered = False
            self.erased = False

    def check(self) -> None:
        due = self.clock.due()
        if due == "erase" and not self.erased:
            self.erased = True
            self.covered = True
            self.on_erase()
        elif due == "cover" and not self.covered:
            self.covered = True
            self.on_cover()
