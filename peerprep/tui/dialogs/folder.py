"""Carry your own: save preparations to a folder of one's choice, or open one from a file.

Both dialogs offer the USB sticks and cards they can see as one-press choices, and take
any folder or file typed in. The work is done by peerprep.flow.preparation_file: a save never
overwrites, and a bad file changes nothing. The result is said in one plain line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Static

from peerprep.drives import removable_places
from peerprep.flow import preparation_file
from peerprep.flow.taking_along import save_copy, stays_here
from peerprep.model import Preparation
from peerprep.store import StoreError
from peerprep.tui.keymap import bind
from peerprep.tui.screens.base import DialogBox, PeerDialog
from peerprep.tui.widgets.fields import Field


def _places(prefix: str) -> list[Button]:
    return [
        Button(str(place), id=f"{prefix}-{index}", classes="place", compact=True)
        for index, place in enumerate(removable_places())
    ]


ResultT = TypeVar("ResultT")


class PlacesDialog(PeerDialog[ResultT], Generic[ResultT]):
    """What both dialogs share: the sticks as one-press places, a field for the path, one
    button to act and one to close, and a line for the result. Their words are the
    catalogue's `shared.folder.<kind>_title`, `<kind>`, `<noun>` and `<noun>_placeholder`."""

    DEFAULT_CSS = """
    PlacesDialog #places {
        height: auto;
    }
    PlacesDialog #places Button {
        margin-right: 1;
    }
    PlacesDialog #result.-problem {
        color: $text-error;
        text-style: bold;
    }
    """
    first_focus = "#path"
    kind = "save"  # "save" or "open": the title and the button that acts
    noun = "folder"  # "folder" or "file": the field

    def about(self) -> str:
        raise NotImplementedError

    def start(self, places: list[Button]) -> str:
        """What the field holds when the dialog opens."""
        return ""

    def compose(self) -> ComposeResult:
        places = _places("place")
        words = "shared.folder."
        with DialogBox(wide=True):
            yield Static(Content.styled(self.t(f"{words}{self.kind}_title"), "bold"),
                         classes="dialog-title")  # fmt: skip
            yield Static(Content(self.about()))
            if places:
                yield Static(Content(self.t(f"{words}sticks")))
                with Horizontal(id="places"):
                    yield from places
            field = Field(self.start(places), id="path",
                          placeholder=self.t(f"{words}{self.noun}_placeholder"))  # fmt: skip
            field.border_title = self.t(f"{words}{self.noun}")
            yield field
            yield Static(Content(""), id="result")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.t(f"{words}{self.kind}"), id=self.kind, variant="primary")
                yield Button(self.t(f"{words}close"), id="close")

    def _say(self, text: str, *, problem: bool) -> None:
        result = self.query_one("#result", Static)
        result.update(Content(text))
        result.set_class(problem, "-problem")

    def action_close(self) -> None:
        raise NotImplementedError

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.action_close()


class SaveToFolderDialog(PlacesDialog[list[Preparation] | None]):
    """Answers the preparations that were saved (an empty list if none), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("back", "close", id="shared_folder_close"),
    ]

    def __init__(self, preparations: list[Preparation], folder: Path | None = None) -> None:
        super().__init__()
        self.preparations = preparations
        self.folder = folder
        self.saved: list[Preparation] = []

    def about(self) -> str:
        return self.t("shared.folder.save_about", n=len(self.preparations))

    def start(self, places: list[Button]) -> str:
        start = self.folder or (Path(str(places[0].label)) if places else None)
        return str(start) if start else ""

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
                written.append(save_copy(self.peer_app.taken, self.cat, prep, folder))
            except StoreError as error:
                self._say(preparation_file.describe(self.cat, error), problem=True)
                return
            self.saved.append(prep)
        lines = [self.t("shared.saved_to", path=str(path)) for path in written]
        for path in written:  # on the shared computer itself: it stays for others to find
            stays = stays_here(self.peer_app.taken, path)
            if stays is not None:
                lines.append(stays.text(self.cat))
        self._say("\n".join(lines) or self.t("shared.folder.nothing"), problem=False)
        self.query_one("#save").display = False
        close = self.query_one("#close", Button)
        close.variant = "primary"
        close.focus()

    def action_close(self) -> None:
        self.dismiss(list(self.saved))


class OpenFileDialog(PlacesDialog[preparation_file.Imported | None]):
    """Open a preparation from a file into the store. Answers what came in, or None."""

    kind = "open"
    noun = "file"
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("back", "close", id="shared_open_close"),
    ]

    def about(self) -> str:
        return self.t("shared.folder.open_about")

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
        if not text:
            self._say(self.t("shared.folder.need_file"), problem=True)
            return
        try:
            imported = preparation_file.import_file(self.peer_app.session.store, Path(text))
        except StoreError as error:
            self._say(preparation_file.describe(self.cat, error), problem=True)
            return
        self.dismiss(imported)

    def action_close(self) -> None:
        self.dismiss(None)
