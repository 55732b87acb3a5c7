"""The terminal's own cursor follows the focus, for screen magnifiers and braille displays.

Textual hides the terminal's cursor and draws its own, but it still moves the real one
to `App.cursor_position` after every update. Magnifiers and braille displays follow
that real cursor. Text fields set it themselves while the person types; this mixin of
the app puts it right where they do not: when the focus moves (to a button, to another
screen, back from a dialog), and after every layout (the terminal changed size, a
panel opened, the form scrolled), when the field may have moved under the cursor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakSet

from textual import events
from textual.dom import NoScreen
from textual.geometry import Offset
from textual.widgets import Input, TextArea

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.widget import Widget


def cursor_spot(widget: Widget) -> Offset:
    """Where the terminal's cursor belongs for a focused widget: at the insertion point
    of a text field, else at the top left of the widget's content."""
    if isinstance(widget, (TextArea, Input)):
        return widget.cursor_screen_offset
    return widget.content_region.offset


class TerminalCursor:
    """Mixin of the app: keeps `cursor_position` on the focused widget."""

    def on_descendant_focus(self: App[object], event: events.DescendantFocus) -> None:
        # After the refresh: a widget focused as its screen opens has no place on it yet.
        self.call_after_refresh(self.place_terminal_cursor)  # type: ignore[attr-defined]
        try:
            screen = event.widget.screen
        except NoScreen:
            return  # the widget left before its focus arrived (Escape pressed twice quickly)
        _follow_layout(self, screen)

    def place_terminal_cursor(self: App[object], *_: object) -> None:
        widget = self.focused
        if widget is None or not widget.is_mounted:
            return
        try:
            spot = cursor_spot(widget)
        except NoScreen:
            return  # its screen went while this waited for the refresh
        if spot != self.cursor_position:
            self.cursor_position = spot
            self.refresh()  # the terminal's cursor is moved on the next update


_FOLLOWED: WeakSet[Screen[object]] = WeakSet()


def _follow_layout(app: App[object], screen: Screen[object]) -> None:
    """Place the cursor again after every layout of the screen (a resize, a scroll, a panel
    shown or hidden): the focused widget may have moved without the focus moving."""
    if screen not in _FOLLOWED and screen.is_running:
        _FOLLOWED.add(screen)
        screen.screen_layout_refresh_signal.subscribe(
            app,
            app.place_terminal_cursor,  # type: ignore[attr-defined]
        )
