"""A yes/no question that names exactly what will happen (used before deleting)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Static

from peerprep.tui.keymap import bind
from peerprep.tui.screens.base import DialogBox, PeerDialog


class ConfirmDialog(PeerDialog[bool]):
    first_focus = "#no"  # the safe answer is the one Enter gives
    help_topic = "confirm"  # what F1 explains (tui.help.topic.confirm)
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("back", "no", id="dialog_no"),
    ]

    def __init__(self, *, question: str, items: list[str], warning: str, yes: str, no: str) -> None:
        super().__init__()
        self.question = question
        self.items = items
        self.warning = warning
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with DialogBox():
            yield Static(Content.styled(self.question, "bold"), classes="dialog-title")
            if self.items:
                yield Static(Content("\n".join(f"• {item}" for item in self.items)))
            yield Static(Content(self.warning), classes="dialog-warning")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.no, id="no", variant="primary")
                yield Button(self.yes, id="yes", variant="error")

    def action_no(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)
