"""A list of points where a point that wraps stays indented under its own text.

Plain text wraps a long point back to the left edge, under the bullet, so in a narrow
panel one point runs into the next. Here each point is a row: the bullet, then its text.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static


class Bullets(Vertical):
    DEFAULT_CSS = """
    Bullets {
        height: auto;
    }
    Bullets > Horizontal {
        height: auto;
    }
    Bullets .dot {
        width: 2;
    }
    Bullets .point {
        width: 1fr;
    }
    """

    def __init__(self, points: list[str], *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=classes)
        self.points = points

    def compose(self) -> ComposeResult:
        for point in self.points:
            with Horizontal():
                yield Static("•", classes="dot")
                yield Static(Content(point), classes="point")
