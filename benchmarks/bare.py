"""The baseline: the least a Textual program for this job could be.

A Header, a TextArea (soft wrap, like peerprep's answer field) and a Footer. peerprep's
start-up, typing and memory are measured against this app in the same run, so the ratio
says what peerprep adds on top of its toolkit.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, TextArea


class BareApp(App[int]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "Quit")]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self._text = text

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextArea(self._text, id="answer")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


if __name__ == "__main__":
    BareApp().run()
