"""The terminal's own cursor follows the focus, for screen magnifiers and braille displays.

Textual hides the terminal's cursor and draws its own, but it still moves the real one
to `App.cursor_position` after every update. Magnifiers and braille displays follow
that real cursor. Text fields set it themselves while the person types; this mixin of
the app puts it right where they do not: when the focus moves (to a button, to another
screen, back from a dialog), after every layout (the terminal changed size, a panel
opened, the form scrolled), and after every key and click, which may move the chosen
row of a list or the marked choice of a radio group: the cursor sits on that row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakSet

from textual import events
from textual.dom import NoScreen
from textual.geometry import Offset
from textual.widgets import Input, OptionList, RadioSet, TextArea

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.widget import Widget


def cursor_spot(widget: Widget) -> Offset:
    """Where the terminal's cursor belongs for a focused widget: at the insertion point
    of a text field, on the chosen row of a list, on the marked choice of a radio group,
    else at the top left of the widget's content."""
    if isinstance(widget, (TextArea, Input)):
        return widget.cursor_screen_offset
    content = widget.content_region
    if isinstance(widget, OptionList) and widget.highlighted is not None:
        line = widget._index_to_line.get(widget.highlighted)
        if line is not None:
            y = content.y + line - round(widget.scroll_offset.y)
            if content.y <= y < content.bottom:
                return Offset(content.x, y)
    if isinstance(widget, RadioSet):
        index = widget._selected if widget._selected is not None else widget.pressed_index
        buttons = list(widget.query("RadioButton"))
        if 0 <= index < len(buttons):
            return buttons[index].content_region.offset
    return content.offset


class TerminalCursor:
    """Mixin of the app: keeps `cursor_position` on the focused widget."""

    async def on_event(self, event: events.Event) -> None:
        # A key or a click may move the chosen row without moving the focus.
        if isinstance(event, (events.Key, events.Click)):
            self.call_after_refresh(self.place_terminal_cursor)  # type: ignore[attr-defined]
        await super().on_event(event)  # type: ignore[misc]

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
