"""Option lists that survive PageUp/PageDown before they have been drawn.

In Textual 8.2.8 an OptionList measures a page from its drawn lines. When PageUp or
PageDown arrives before the list has been drawn once (a Select's list opened by one key
and paged by the next, faster than the screen follows), the lines are not there yet and
`OptionList._move_page` raises KeyError, which would close the program. Here such a page
key waits until the list has been drawn; if it is gone or closed by then, it is dropped.

A Select shows its value when it is mounted; when the screen is closed that same moment
(Escape pressed twice as the meeting opened), Textual may already have removed the line
that shows it, and `SelectCurrent.update` raised NoMatches (tests/stress/test_tui_keys.py,
`test_screens_changed_faster_than_they_open`). The Dropdown's line skips the drawing then.
"""

from __future__ import annotations

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.widgets import OptionList, Select
from textual.widgets._select import NoSelection, SelectCurrent, SelectOverlay


class PageSafe(OptionList):
    """An OptionList whose page keys never fail on a list not yet drawn."""

    def _can_page(self) -> bool:
        return bool(self._options) and (self.highlighted or 0) in self._index_to_line

    def _move_page(self, direction: int) -> None:  # type: ignore[override]
        if self._can_page():
            super()._move_page(direction)  # type: ignore[arg-type]
        else:
            self.call_after_refresh(self._move_page_when_drawn, direction)

    def _move_page_when_drawn(self, direction: int) -> None:
        if self.is_attached and self._can_page():
            super()._move_page(direction)  # type: ignore[arg-type]


class DropdownValue(SelectCurrent):
    """The line that shows a Dropdown's value; on a line being removed, nothing is drawn."""

    def update(self, label: RenderableType | NoSelection) -> None:
        if self.query("#label"):
            super().update(label)
        else:  # removed with its screen: kept, never shown
            self.label = label
            self.has_value = label is not Select.NULL


class DropdownList(SelectOverlay, PageSafe):
    """The list a Dropdown opens. SelectOverlay comes first: Textual finds widgets by the
    names along the first bases, and Select looks for its SelectOverlay."""


class Dropdown(Select[str]):
    """A Select whose open list takes PageUp/PageDown at any moment."""

    def compose(self) -> ComposeResult:
        # As Select.compose, with the safe list in place of Textual's own.
        yield DropdownValue(self.prompt)
        yield DropdownList(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
