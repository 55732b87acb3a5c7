"""Saving failed: the words are still on screen; offer to save a copy somewhere else."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from peerprep.tui.screens.base import PeerDialog
from peerprep.tui.session import SaveState


class SaveFailedDialog(PeerDialog[str]):
    """Answers "export", "retry", "stay" or (when quitting) "quit"."""

    help_topic = "save_failed"  # what F1 explains (tui.help.topic.save_failed)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "stay", "Go on", tooltip="Go on writing", id="failed_stay"),
    ]

    def __init__(self, state: SaveState, *, quitting: bool = False) -> None:
        super().__init__()
        self.state = state
        self.quitting = quitting

    def compose(self) -> ComposeResult:
        reason = self.t(self.state.error_key or "errors.write_failed", **self.state.values)
        with Vertical(classes="dialog -wide"):
            yield Static(Content.styled(self.t("tui.failed.title"), "bold"), classes="dialog-title")
            yield Static(Content(reason))
            yield Static(Content(self.t("tui.failed.explain")))
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.t("tui.failed.export"), id="export", variant="primary")
                yield Button(self.t("tui.failed.retry"), id="retry")
                if self.quitting:
                    yield Button(self.t("tui.failed.quit"), id="quit", variant="error")
                else:
                    yield Button(self.t("tui.failed.stay"), id="stay")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#export").focus()

    def action_stay(self) -> None:
        self.dismiss("stay")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "stay")
