"""The first-run welcome: what this is, where the words are kept, and that nothing leaves."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from peerprep.tui.keymap import bind
from peerprep.tui.screens.base import DialogBox, PeerDialog


class WelcomeDialog(PeerDialog[None]):
    first_focus = "#start"
    help_topic = "welcome"  # what F1 explains (tui.help.topic.welcome)
    BINDINGS: ClassVar[list[BindingType]] = [bind("back", "close", id="welcome_close")]

    def compose(self) -> ComposeResult:
        folder = str(self.peer_app.data_dir)
        with DialogBox(wide=True):
            yield Static(
                Content.styled(self.t("tui.welcome.title"), "bold"), classes="dialog-title"
            )
            with Vertical(classes="dialog-body"):
                yield Static(Content(self.t("tui.welcome.what")))
                side = self.peer_app.shared_side
                if side is not None and side.in_memory:  # a shared computer keeps nothing
                    yield Static(Content(self.t("shared.welcome")))
                else:
                    yield Static(Content(self.t("tui.welcome.where", folder=folder)))
                yield Static(Content(self.t("tui.welcome.nothing_sent")))
                yield Static(Content(self.t("tui.welcome.keys")))
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.t("tui.welcome.start"), id="start", variant="primary")

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        self.dismiss(None)
