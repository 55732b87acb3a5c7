"""A list whose chosen row carries a ▶, so which one is chosen shows without colour too.

Textual's OptionList shows the highlighted row by its colour alone; without colour
(NO_COLOR, a monochrome screen, colour blindness) the rows all look the same.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

MARK = "▶ "
NO_MARK = "  "


class MarkedList(OptionList):
    """Fill it with `fill(texts)`; the highlighted row gets the mark."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._texts: list[str] = []
        self._ids: list[str | None] = []

    def fill(self, texts: list[str], ids: list[str] | None = None) -> None:
        """Show these rows (ids, when given, become the options' ids)."""
        self._texts = list(texts)
        self._ids = list(ids) if ids is not None else [None] * len(texts)
        self.clear_options()
        self.add_options(
            Option(self._prompt(index, chosen=False), id=option_id)
            for index, option_id in enumerate(self._ids)
        )
        if self._texts:
            self.highlighted = 0  # Enter picks a row at once; the caller may move it

    def _prompt(self, index: int, *, chosen: bool) -> Content:
        return Content(f"{MARK if chosen else NO_MARK}{self._texts[index]}")

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        for index in range(min(len(self._texts), self.option_count)):
            self.replace_option_prompt_at_index(
                index, self._prompt(index, chosen=index == highlighted)
            )
