"""A list whose chosen row carries a ▶, so which one is chosen shows without colour too.

Textual's OptionList shows the highlighted row by its colour alone; without colour
(NO_COLOR, a monochrome screen, colour blindness) the rows all look the same.
"""

from __future__ import annotations

from rich.table import Table
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from peerprep.tui.widgets.paging import PageSafe

MARK = "▶ "
NO_MARK = "  "


def marked(text: str, *, chosen: bool) -> Table:
    """A row: the mark (or room for it), then the text; a text that wraps stays indented."""
    row = Table.grid()
    row.add_column(width=len(MARK), no_wrap=True)
    row.add_column(ratio=1)
    row.add_row(MARK if chosen else NO_MARK, text)
    return row


def mark_rows(options: OptionList, texts: list[str], highlighted: int | None) -> None:
    """Put the mark on the highlighted row of any option list whose rows are `texts`."""
    for index in range(min(len(texts), options.option_count)):
        options.replace_option_prompt_at_index(
            index, marked(texts[index], chosen=index == highlighted)
        )


class MarkedList(PageSafe):
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

    def _prompt(self, index: int, *, chosen: bool) -> Table:
        return marked(self._texts[index], chosen=chosen)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        mark_rows(self, self._texts, highlighted)
