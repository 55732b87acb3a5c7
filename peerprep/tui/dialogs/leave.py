"""Leaving a shared computer with words not yet taken along: one question, asked once.

Answers "export" (save as PDF), "print" (when a printer is set up), "folder" (save to a
folder of one's choice, a USB stick), "erase" (leave, and the words are gone), or None
(go back to writing).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Static

from peerprep.model import Preparation
from peerprep.tui.keymap import bind
from peerprep.tui.screens.base import DialogBox, PeerDialog
from peerprep.words.naming import display_title


class LeaveDialog(PeerDialog[str | None]):
    first_focus = "#export"  # taking the words along is the first offer
    BINDINGS: ClassVar[list[BindingType]] = [bind("back", "stay", id="shared_leave_back")]

    def __init__(self, left: list[Preparation], *, can_print: bool = False) -> None:
        super().__init__()
        self.left = left
        self.can_print = can_print

    def compose(self) -> ComposeResult:
        titles = "\n".join(f"• {display_title(self.cat, prep)}" for prep in self.left[:5])
        with DialogBox(wide=True):
            yield Static(Content.styled(self.t("shared.leave.title"), "bold"),
                         classes="dialog-title")  # fmt: skip
            yield Static(Content(self.t("shared.leave.why")))
            yield Static(Content(titles))
            yield Static(Content(self.t("shared.leave.how")))
            with Vertical(id="leave-choices", classes="dialog-buttons"):
                # one line each, so the question fits a 24-line terminal with five titles
                yield Button(self.t("shared.leave.export"), id="export", variant="primary",
                             compact=True)  # fmt: skip
                if self.can_print:  # printed from a temporary file that goes at once
                    yield Button(self.t("shared.leave.print"), id="print", compact=True)
                yield Button(self.t("shared.leave.folder"), id="folder", compact=True)
                yield Button(self.t("shared.leave.erase"), id="erase", variant="error",
                             compact=True)  # fmt: skip
                yield Button(self.t("shared.leave.back"), id="back", compact=True)

    DEFAULT_CSS = """
    LeaveDialog #leave-choices {
        height: auto;
        align-horizontal: left;
    }
    LeaveDialog #leave-choices Button {
        width: 100%;
        margin: 0 0 1 0;
    }
    """

    def action_stay(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        answer = event.button.id
        self.dismiss(None if answer == "back" else answer)
