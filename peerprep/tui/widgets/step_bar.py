"""Where one is among the four parts: "Part 2 of 4" and a row of marks.

The marks are shapes, not colours: ✓ written, ▶ here, ○ not yet. A click on a mark
goes to that part.

The bar shares its line with the save status, and the status is never cut (it says
whether the words are safe). Where the line is too short for the whole bar (a 40-column
terminal: "Del 1 af 4    ▶ 1   ○" was all that showed of it), the marks draw closer, and
then the words "Part 2 of 4" go: "✓1 ▶2 ○3 ○4" still says where one is, and how far.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from peerprep.choices import PART_KEYS

if TYPE_CHECKING:
    from peerprep.model import Preparation
    from peerprep.words import Catalogue

DONE, HERE, TODO = "✓", "▶", "○"

# The forms of the bar, widest first: (the label shown, the marks' own padding, the gap
# between marks). "Del 2 af 4   ✓ 1  ▶ 2  ○ 3  ○ 4" / "Del 2 af 4  ✓1 ▶2 ○3 ○4" / "✓1 ▶2 ○3 ○4"
FORMS = ((True, " ", " "), (True, "", " "), (False, "", " "))


def marks(prep: Preparation | None, index: int) -> list[str]:
    """The mark of each part; `prep` None: a new preparation not made yet (all empty)."""
    out: list[str] = []
    for number, key in enumerate(PART_KEYS):
        if number == index:
            out.append(HERE)
        elif prep is not None and prep.statement.get(key).strip():
            out.append(DONE)
        else:
            out.append(TODO)
    return out


def bar_text(
    cat: Catalogue, prep: Preparation | None, index: int, form: int = 0
) -> tuple[Content, list[tuple[int, int]]]:
    """The bar in one of FORMS (0: the widest) and where each mark is, as (first, end)
    cells. The index is 0-based."""
    with_label, pad, gap = FORMS[form]
    pieces: list[Content] = []
    at = 0
    if with_label:
        label = cat.text("tui.step.progress", n=index + 1, total=len(PART_KEYS))
        space = "   " if pad else "  "
        pieces += [Content.styled(label, "bold"), Content(space)]
        at = cell_len(label) + len(space)
    spans: list[tuple[int, int]] = []
    for number, mark in enumerate(marks(prep, index), start=1):
        style = "bold reverse" if mark == HERE else ""
        text = f"{pad}{mark}{pad}{number}{pad}" if pad else f"{mark}{number}"
        if number > 1:
            pieces.append(Content(gap))
            at += len(gap)
        pieces.append(Content.styled(text, style))
        spans.append((at, at + cell_len(text)))
        at += cell_len(text)
    return Content("").join(pieces), spans


class StepBar(Static):
    """The progress line of a step screen, in the widest form its width takes whole."""

    class Jump(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, cat: Catalogue, prep: Preparation | None, index: int) -> None:
        text, self._spans = bar_text(cat, prep, index)
        super().__init__(text)
        self._cat = cat
        self._prep = prep
        self._index = index

    def refresh_marks(self) -> None:
        width = self.size.width
        for form in range(len(FORMS)):
            text, spans = bar_text(self._cat, self._prep, self._index, form)
            if width == 0 or text.cell_length <= width:
                break  # not laid out yet: the widest; else the first that fits whole
        self._spans = spans
        self.update(text)

    def on_resize(self) -> None:
        self.refresh_marks()  # the terminal, or the save status beside it, changed

    def on_click(self, event: events.Click) -> None:
        for number, (first, end) in enumerate(self._spans):
            if first <= event.x < end:
                self.post_message(self.Jump(number))
