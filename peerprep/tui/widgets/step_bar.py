"""Where one is among the four parts: "Part 2 of 4" and a row of marks.

The marks are shapes, not colours: ✓ written, ▶ here, ○ not yet. A click on a mark
goes to that part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from peerprep.choices import PART_KEYS

if TYPE_CHECKING:
    from peerprep.model import Preparation
    from peerprep.words import Catalogue

DONE, HERE, TODO = "✓", "▶", "○"


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


def bar_text(cat: Catalogue, prep: Preparation | None, index: int) -> Content:
    """'Del 2 af 4   ✓ 1  ▶ 2  ○ 3  ○ 4' (the index is 0-based)."""
    label = cat.text("tui.step.progress", n=index + 1, total=len(PART_KEYS))
    pieces = [Content.styled(label, "bold"), Content("   ")]
    for number, mark in enumerate(marks(prep, index), start=1):
        style = "bold reverse" if mark == HERE else ""
        pieces.append(Content.styled(f" {mark} {number} ", style))
        pieces.append(Content(" "))
    return Content("").join(pieces)


class StepBar(Static):
    """The progress line of a step screen."""

    class Jump(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, cat: Catalogue, prep: Preparation | None, index: int) -> None:
        super().__init__(bar_text(cat, prep, index))
        self._cat = cat
        self._prep = prep
        self._index = index
        self._label_width = len(cat.text("tui.step.progress", n=index + 1, total=len(PART_KEYS)))

    def refresh_marks(self) -> None:
        self.update(bar_text(self._cat, self._prep, self._index))

    def on_click(self, event: events.Click) -> None:
        # Each mark takes 6 cells (" ✓ 1 " and a space) after the label and 3 spaces.
        offset = event.x - self._label_width - 3
        if offset >= 0 and offset // 6 < len(PART_KEYS):
            self.post_message(self.Jump(offset // 6))
