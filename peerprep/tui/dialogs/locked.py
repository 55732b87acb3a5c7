"""A preparation open in another window: read it here, or work on a copy."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from peerprep.store import LockInfo
from peerprep.tui.screens.base import PeerDialog


class LockedDialog(PeerDialog[str]):
    """Answers "copy", "read" or "back"."""

    help_topic = "locked"  # what F1 explains (tui.help.topic.locked)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "read", "Just read", tooltip="Read without changing", id="locked_read"),
    ]

    def __init__(self, holder: LockInfo) -> None:
        super().__init__()
        self.holder = holder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled(self.t("tui.locked.title"), "bold"), classes="dialog-title")
            yield Static(
                Content(self.t("errors.locked", pid=self.holder.pid, host=self.holder.host))
            )
            yield Static(Content(self.t("tui.locked.explain")))
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.t("tui.locked.copy"), id="copy", variant="primary")
                yield Button(self.t("tui.locked.read"), id="read")
                yield Button(self.t("tui.locked.back"), id="back")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#copy").focus()

    def action_read(self) -> None:
        self.dismiss("read")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "read")
