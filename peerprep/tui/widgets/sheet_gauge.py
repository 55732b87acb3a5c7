"""How much of the printed sheet the answers fill, in a bar and in words.

The measure comes from the export layer's layout (the same one the PDF uses) when it is
there; otherwise from a plain estimate of characters and lines.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from textual.widgets import Static

from peerprep.content import Catalogue
from peerprep.keys import PART_KEYS
from peerprep.model import Preparation

# One A4 page at the comfortable size holds about this many lines of 80 characters for
# the answers and questions, after the headings and the meeting box.
SHEET_LINES = 40
LINE_CHARS = 80
BAR_CELLS = 10


def estimate(prep: Preparation) -> float:
    lines = 0
    for key in PART_KEYS:
        for paragraph in prep.statement.get(key).splitlines() or [""]:
            lines += max(1, -(-len(paragraph) // LINE_CHARS))
    for question in prep.questions:
        lines += max(1, -(-len(question) // LINE_CHARS))
    return lines / SHEET_LINES


def _measure() -> Callable[[Preparation, Catalogue], float] | None:
    for module_name in ("peerprep.export.layout", "peerprep.export.fit"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        measure = getattr(module, "fill_ratio", None)
        if callable(measure):
            return measure
    return None


def _placeholders(prep: Preparation) -> Preparation:
    """The sheet with one letter in each empty part: no handwriting lines are counted."""
    copy = prep.model_copy(deep=True)
    for key in PART_KEYS:
        if not copy.statement.get(key).strip():
            copy.set_part(key, "x")
    return copy


def fill_ratio(prep: Preparation, cat: Catalogue) -> float:
    """How much of the room for answers the person's words take: 0.0 none, 1.0 all of it;
    above 1.0 the sheet sets the letters smaller.

    The export layer measures the whole page (headings, the meeting box, lines left for
    handwriting). Measured against the same sheet with one letter per part and no
    questions, what is left is what the person's own words use.
    """
    measure = _measure()
    if measure is None:
        return estimate(prep)
    words = _placeholders(prep)
    base = _placeholders(prep)
    for key in PART_KEYS:
        base.set_part(key, "x")
    base.questions = []
    used, floor = measure(words, cat), measure(base, cat)
    if floor >= 1.0:
        return used
    return max(0.0, (used - floor) / (1.0 - floor))


def gauge_text(cat: Catalogue, ratio: float) -> str:
    filled = min(BAR_CELLS, round(ratio * BAR_CELLS))
    bar = "█" * filled + "░" * (BAR_CELLS - filled)
    if ratio > 1.0:
        words = cat.text("tui.gauge.over")
    elif ratio > 0.8:
        words = cat.text("tui.gauge.nearly")
    else:
        words = cat.text("tui.gauge.room")
    return cat.text("tui.gauge.line", bar=bar, percent=round(ratio * 100), words=words)


class SheetGauge(Static):
    def show(self, cat: Catalogue, prep: Preparation) -> None:
        ratio = fill_ratio(prep, cat)
        self.update(gauge_text(cat, ratio))
        self.set_class(ratio > 1.0, "-over")
