"""How much of the printed sheet the answers fill, in a bar and in words (the measure is
flow.gauge's, the same one plain mode says)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from peerprep.flow.gauge import EMPTY, Fill, measure

if TYPE_CHECKING:
    from peerprep.model import Preparation
    from peerprep.words import Catalogue

BAR_CELLS = 10


def gauge_text(cat: Catalogue, fill: Fill) -> str:
    filled = min(BAR_CELLS, round(fill.share * BAR_CELLS))
    bar = "█" * filled + "░" * (BAR_CELLS - filled)
    if fill.second_page:
        words = cat.text("tui.gauge.second_page")
    elif fill.smaller or fill.share > 1.0:
        words = cat.text("tui.gauge.over")
    elif fill.share > 0.8:
        words = cat.text("tui.gauge.nearly")
    else:
        words = cat.text("tui.gauge.room")
    return cat.text("tui.gauge.line", bar=bar, percent=round(fill.share * 100), words=words)


class SheetGauge(Static):
    def show(self, cat: Catalogue, prep: Preparation | None) -> None:
        """How full the sheet is; `prep` None: a new preparation not made yet, whose
        measure is known without measuring (flow.gauge.EMPTY)."""
        fill = EMPTY if prep is None else measure(prep)
        self.update(gauge_text(cat, fill))
        self.set_class(fill.share > 1.0 or fill.second_page, "-over")
