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


def marked(text: str, *, chosen: bool, number: int | None = None) -> Table:
    """A row: the mark (or room for it), its number if it has one, then the text; a text
    that wraps stays indented under its own first word (a hanging indent)."""
    row = Table.grid()
    row.add_column(width=len(MARK), no_wrap=True)
    cells = [MARK if chosen else NO_MARK]
    if number is not None:
        row.add_column(no_wrap=True)
        cells.append(f"{number}. ")
    row.add_column(ratio=1)
    row.add_row(*cells, text)
    return row


def mark_rows(options: OptionList, texts: list[str], highlighted: int | None) -> None:
    """Put the mark on the highlighted row of any option list whose rows are `texts`."""
    _mark(options, texts, highlighted, numbered=False)


def _mark(options: OptionList, texts: list[str], highlighted: int | None, numbered: bool) -> None:
    for index in range(min(len(texts), options.option_count)):
        number = index + 1 if numbered else None
        options.replace_option_prompt_at_index(
            index, marked(texts[index], chosen=index == highlighted, number=number)
        )


class MarkedList(PageSafe):
    """Fill it with `fill(texts)`; the highlighted row gets the mark."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._texts: list[str] = []
        self._ids: list[str | None] = []
        self._numbered = False

    def fill(
        self, texts: list[str], ids: list[str] | None = None, *, numbered: bool = False
    ) -> None:
        """Show these rows (ids, when given, become the options' ids); `numbered` puts
        "1. ", "2. " before them, the text of each hanging beside its number."""
        self._texts = list(texts)
        self._numbered = numbered
        self._ids = list(ids) if ids is not None else [None] * len(texts)
        self.clear_options()
        self.add_options(
            Option(self._prompt(index, chosen=False), id=option_id)
            for index, option_id in enumerate(self._ids)
        )
        if self._texts:
            self.highlighted = 0  # Enter picks a row at once; the caller may move it

    def _prompt(self, index: int, *, chosen: bool) -> Table:
        number = index + 1 if self._numbered else None
        return marked(self._texts[index], chosen=chosen, number=number)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        _mark(self, self._texts, highlighted, self._numbered)
