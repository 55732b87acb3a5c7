"""Carry your own: save preparations to a folder of one's choice, or open one from a file.

Both dialogs offer the USB sticks and cards they can see as one-press choices, and take
any folder or file typed in. The work is done by peerprep.transfer: a save never
overwrites, and a bad file changes nothing. The result is said in one plain line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from peerprep import transfer
from peerprep.model import Preparation
from peerprep.store import StoreError
from peerprep.tui.screens.base import PeerDialog
from peerprep.tui.widgets.fields import Field

_CSS = """
{name} #places {{
    height: auto;
}}
{name} #places Button {{
    margin-right: 1;
}}
{name} #result.-problem {{
    color: $text-error;
    text-style: bold;
}}
"""


def _places(prefix: str) -> list[Button]:
    return [
        Button(str(place), id=f"{prefix}-{index}", classes="place", compact=True)
        for index, place in enumerate(transfer.removable_places())
    ]


class SaveToFolderDialog(PeerDialog[list[Preparation] | None]):
    """Answers the preparations that were saved (an empty list if none), or None."""

    first_focus = "#path"

    DEFAULT_CSS = _CSS.format(name="SaveToFolderDialog")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Close", id="shared_folder_close"),
    ]

    def __init__(self, preparations: list[Preparation], folder: Path | None = None) -> None:
        super().__init__()
        self.preparations = preparations
        self.folder = folder
        self.saved: list[Preparation] = []

    def compose(self) -> ComposeResult:
        places = _places("place")
        start = self.folder or (Path(str(places[0].label)) if places else None)
        with Vertical(classes="dialog -wide"):
            yield Static(Content.styled(self.t("shared.folder.save_title"), "bold"),
                         classes="dialog-title")  # fmt: skip
            yield Static(Content(self.t("shared.folder.save_about", n=len(self.preparations))))
            if places:
                yield Static(Content(self.t("shared.folder.sticks")))
                with Horizontal(id="places"):
                    yield from places
            field = Field(str(start) if start else "", id="path",
                          placeholder=self.t("shared.folder.folder_placeholder"))  # fmt: skip
            field.border_title = self.t("shared.folder.folder")
            yield field
            yield Static(Content(""), id="result")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.t("shared.folder.save"), id="save", variant="primary")
                yield Button(self.t("shared.folder.close"), id="close")

    @on(Button.Pressed, ".place")
    def _place(self, event: Button.Pressed) -> None:
        self.query_one("#path", Input).value = str(event.button.label)
        self.query_one("#save").focus()

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self._say(self.t("shared.folder.need_folder"), problem=True)
            return
        folder = Path(text).expanduser()
        written: list[Path] = []
        for prep in self.preparations:
            if prep in self.saved:
                continue
            try:
                written.append(transfer.save_to_folder(self.cat, prep, folder))
            except StoreError as error:
                self._say(transfer.describe(self.cat, error), problem=True)
                return
            self.saved.append(prep)
        lines = [self.t("shared.saved_to", path=str(path)) for path in written]
        self._say("\n".join(lines) or self.t("shared.folder.nothing"), problem=False)
        self.query_one("#save").display = False
        close = self.query_one("#close", Button)
        close.variant = "primary"
        close.focus()

    def _say(self, text: str, *, problem: bool) -> None:
        result = self.query_one("#result", Static)
        result.update(Content(text))
        result.set_class(problem, "-problem")

    def action_close(self) -> None:
        self.dismiss(list(self.saved))

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.action_close()


class OpenFileDialog(PeerDialog[transfer.Imported | None]):
    """Open a preparation from a file into the store. Answers what came in, or None."""

    first_focus = "#path"

    DEFAULT_CSS = _CSS.format(name="OpenFileDialog")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Close", id="shared_open_close"),
    ]

    def compose(self) -> ComposeResult:
        places = _places("place")
        with Vertical(classes="dialog -wide"):
            yield Static(Content.styled(self.t("shared.folder.open_title"), "bold"),
                         classes="dialog-title")  # fmt: skip
            yield Static(Content(self.t("shared.folder.open_about")))
            if places:
                yield Static(Content(self.t("shared.folder.sticks")))
                with Horizontal(id="places"):
                    yield from places
            field = Field("", id="path", placeholder=self.t("shared.folder.file_placeholder"))
            field.border_title = self.t("shared.folder.file")
            yield field
            yield Static(Content(""), id="result")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.t("shared.folder.open"), id="open", variant="primary")
                yield Button(self.t("shared.folder.close"), id="close")

    @on(Button.Pressed, ".place")
    def _place(self, event: Button.Pressed) -> None:
        field = self.query_one("#path", Input)
        field.value = os.path.join(str(event.button.label), "")  # the folder, ready for a name
        field.focus()
        field.cursor_position = len(field.value)

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        result = self.query_one("#result", Static)
        if not text:
            result.update(Content(self.t("shared.folder.need_file")))
            result.set_class(True, "-problem")
            return
        try:
            imported = transfer.import_file(self.peer_app.session.store, Path(text))
        except StoreError as error:
            result.update(Content(transfer.describe(self.cat, error)))
            result.set_class(True, "-problem")
            return
        self.dismiss(imported)

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.action_close()
