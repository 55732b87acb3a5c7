"""Save the sheet as a file (and print it): format, large print, folder; then where it went."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, RadioButton, RadioSet, Static

from peerprep.model import Preparation
from peerprep.tui import exporting
from peerprep.tui.screens.base import PeerDialog
from peerprep.tui.widgets.fields import Field


class ExportDialog(PeerDialog[Path | None]):
    """Answers the path written, or None when the person changed their mind."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="export_cancel"),
    ]

    def __init__(self, prep: Preparation, *, folder: Path | None = None) -> None:
        super().__init__()
        self.prep = prep
        self.folder = folder
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        fmts = exporting.formats()
        with Vertical(classes="dialog -wide"):
            yield Static(Content.styled(self.t("tui.export.title"), "bold"), classes="dialog-title")
            with Vertical(id="choices"):
                with RadioSet(id="format") as chooser:
                    chooser.border_title = self.t("tui.export.format")
                    for index, fmt in enumerate(fmts):
                        yield RadioButton(
                            self.t(f"tui.export.fmt_{fmt}"), value=index == 0, id=f"fmt-{fmt}"
                        )
                if any(f in ("pdf", "html") for f in fmts):
                    yield Checkbox(self.t("tui.export.large_print"), id="large")
                folder = Field(str(self.folder or exporting.default_folder()), id="folder")
                folder.border_title = self.t("tui.export.folder")
                yield folder
                if exporting.can_print():
                    yield Checkbox(self.t("tui.export.print_now"), id="print")
            yield Static(Content(""), id="result")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.t("tui.export.save"), id="save", variant="primary")
                yield Button(self.t("tui.export.open"), id="open")
                yield Button(self.t("tui.export.cancel"), id="cancel")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#open").display = False
        self.query_one("#save").focus()

    def _chosen_format(self) -> str:
        pressed = self.query_one("#format", RadioSet).pressed_button
        return (pressed.id or "fmt-txt").removeprefix("fmt-") if pressed else "txt"

    def _checked(self, selector: str) -> bool:
        found = self.query(selector)
        return bool(found) and found.first(Checkbox).value

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        folder_text = self.query_one("#folder", Field).value.strip()
        request = exporting.Request(
            fmt=self._chosen_format(),
            folder=Path(folder_text).expanduser() if folder_text else exporting.default_folder(),
            large_print=self._checked("#large"),
            print_now=self._checked("#print"),
        )
        self.query_one("#result", Static).update(Content(self.t("tui.export.working")))
        self.query_one("#save", Button).disabled = True
        self._write(request)

    @work(thread=True, exclusive=True, group="export")
    def _write(self, request: exporting.Request) -> None:
        try:
            path = exporting.run(self.prep, self.cat, request)
        except exporting.ExportFailed as error:
            self.app.call_from_thread(self._failed, error.key, error.values)
        else:
            self.app.call_from_thread(self._done, path)

    def _failed(self, key: str, values: dict[str, object]) -> None:
        result = self.query_one("#result", Static)
        message = self.t(key, **values) if self.cat.has(key) else self.t("tui.export.failed")
        result.update(Content(self.t("tui.export.not_saved", reason=message)))
        result.set_class(True, "-problem")
        self.query_one("#save", Button).disabled = False

    def _done(self, path: Path) -> None:
        self.written = path
        result = self.query_one("#result", Static)
        result.set_class(False, "-problem")
        result.update(Content(self.t("tui.export.saved_at", path=str(path))))
        self.query_one("#save").display = False
        self.query_one("#choices").display = False
        self.query_one("#open").display = True
        self.query_one("#cancel", Button).label = self.t("tui.export.close")
        self.query_one("#open").focus()

    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        if self.written is None:
            return
        opener = getattr(importlib.import_module("peerprep.export"), "open_file", None)
        if callable(opener):
            try:
                opener(self.written)
            except exporting.PeerprepError as error:
                self.notify(self.t(error.key, **error.values), severity="warning")
        else:
            self.app.open_url(self.written.as_uri())

    def action_cancel(self) -> None:
        self.dismiss(self.written)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(self.written)
