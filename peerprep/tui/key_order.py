"""Each key goes where the focus is once the key before it has been acted on.

Textual takes in keys faster than it moves the focus. The app hands each key to the
focused widget's queue at once, but the focus moves later:

- F6 (the next part) puts a new screen on top at once, yet the screen has nothing
  focused until it is built and its field's `focus()` (itself a callback on the app's
  queue) has come through, some 50 ms later. Keys in between went to the bare screen and
  were lost; so were keys typed before the very first frame (`peerprep new`).
- Tab is a binding of the screen, not of the field: it goes into the field's queue,
  bubbles up through every parent's queue to the app, and only there moves the focus,
  some 30 ms later. The keys after it had long been handed to the field just left.
- The same holds for Escape (a room back) and Enter on a button.

So a key that may move the focus (anything but a typed character or a paste into a text
field, which never do) is followed through: until it has been handled in the queue of
the widget it went to, of each of that widget's parents and of the app (twice: what it
set off, such as a button's Pressed message, is handled too), and until the screen on
top then is built, with its focus set. Keys that come in meanwhile are held, and then
given out one by one in the order typed, each to the focus of its moment. A key waits
at most HOLD_LIMIT seconds for the key before it (BUILD_LIMIT for a screen being
built); then it goes on as it would without this module.

Related upstream: Textual issue #4704 (https://github.com/Textualize/textual/issues/4704,
"Key events should not be sent to an inactive screen"): keys reach a screen while it
changes. Textual has no way to wait for a focus change (Widget.focus() is a call_later,
App.switch_screen mounts the new screen later), so the order is kept here.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.widgets import Input, TextArea

from peerprep.tui.delivered_input import behind

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.message_pump import MessagePump
    from textual.screen import Screen

# Seconds a key waits at the most for the key before it to be acted on, and for a new
# screen's focus once the screen is built; then it goes on as it would without this.
HOLD_LIMIT = 1.0
# Seconds a key waits at the most for a new screen to be built (its first frame).
BUILD_LIMIT = 30.0
# Seconds between two looks at whether the screen on top is built yet.
BUILT_LOOK_SECONDS = 0.005


def from_the_terminal(event: events.Event) -> bool:
    """A key or a paste the app has not handed on yet (not one bubbling back up)."""
    return isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded


class KeyOrder:
    """The app's keys in order; the app calls `hold()` and `handed_on()` from its
    on_event, around Textual's own handling."""

    def __init__(self, app: App[Any], key_waiting: Callable[[], None]) -> None:
        """`key_waiting` is called as a key is held (flow.autosave's ceiling counts from
        when the person typed it: AutosaveClock.key_waiting)."""
        self.app = app
        self._key_waiting = key_waiting
        self._held: deque[events.Event] = deque()
        self._following: asyncio.Task[None] | None = None
        self._passing: events.Event | None = None  # a held key being given out now
        self._settled: Screen[Any] | None = None  # the last screen seen built and focused
        self._moving: events.Event | None = None  # handed on now; it may move the focus
        self._moving_from: list[MessagePump] = []  # the queues it goes through

    @property
    def held(self) -> int:
        """How many keys and pastes wait for the focus to settle."""
        return len(self._held)

    def hold(self, event: events.Event) -> bool:
        """True when `event` waits (the app then does nothing more with it now)."""
        if not from_the_terminal(event):
            return False
        if event is self._passing:
            self._passing = None
        elif self._following is not None or self._held or not self._ready():
            self._held.append(event)
            self._key_waiting()
            if self._following is None:
                self._follow([])
            return True
        # About to be handed on: where it goes, before a priority binding (F6) moves it.
        target = self.app.focused or self._screen()
        if not self._stays(event) and target is not None:
            self._moving, self._moving_from = event, _path(target)
        return False

    def handed_on(self, event: events.Event) -> None:
        """After Textual handled `event` (it is marked forwarded now): follow it if it
        may move the focus."""
        if event is self._moving:
            self._moving = None
            self._follow(self._moving_from)

    # --- following a key -------------------------------------------------------------------

    def _stays(self, event: events.Event) -> bool:
        """A key that cannot move the focus: typed text or a paste into a text field."""
        if isinstance(event, events.Paste):
            return True
        focused = self.app.focused
        return (
            isinstance(event, events.Key)
            and event.is_printable
            and isinstance(focused, (Input, TextArea))
        )

    def _screen(self) -> Screen[Any] | None:
        try:
            return self.app.screen
        except Exception:  # NoScreen, or the app is going (ScreenStackError)
            return None

    def _ready(self) -> bool:
        """The screen on top is built and has the focus it asked for (its on_mount calls
        focus(), which Textual does later, from the app's queue; meanwhile its first
        button has the focus, given by Textual's AUTO_FOCUS)."""
        screen = self._screen()
        return screen is not None and screen is self._settled

    def _built(self) -> bool:
        screen = self._screen()
        return screen is not None and screen.is_mounted

    def _follow(self, nodes: list[MessagePump]) -> None:
        self._following = asyncio.get_running_loop().create_task(self._settle(nodes))

    async def _settle(self, nodes: list[MessagePump]) -> None:
        deadline = time.monotonic() + HOLD_LIMIT
        try:
            for _ in range(2):  # the key, then what it set off (a button's Pressed)
                for node in nodes:
                    await behind(node, deadline)
                await behind(self.app, deadline)
            # A screen being built cannot take a key yet: this waits longer (a first
            # frame on a slow, busy computer can take seconds).
            built_by = time.monotonic() + BUILD_LIMIT
            while not self._built() and time.monotonic() < built_by:
                await asyncio.sleep(BUILT_LOOK_SECONDS)
            screen = self._screen()
            deadline = time.monotonic() + HOLD_LIMIT
            if screen is not None:
                await behind(screen, deadline)  # its ScreenResume (auto focus)
            await behind(self.app, deadline)  # the focus() its on_mount asked for
            self._settled = screen
        finally:
            self._following = None
            if self._held:
                self.app.call_later(self._give_out)

    async def _give_out(self) -> None:
        """Hand on the held keys in order, until one of them moves the focus again."""
        while self._held and self._following is None:
            if not self._ready():
                self._follow([])
                return
            event = self._held.popleft()
            self._passing = event
            try:
                await self.app.on_event(event)
            finally:
                self._passing = None


def _path(widget: DOMNode) -> list[MessagePump]:
    """The widget and its parents up to its screen: the queues a key bubbles through."""
    return [widget, *(node for node in widget.ancestors if not isinstance(node, App))]
