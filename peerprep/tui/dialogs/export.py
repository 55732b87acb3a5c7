"""Save the sheet as a file (and print it): format, large print, folder; then where it went.

The format is a radio group the arrow keys choose in at once, and it has the focus when
the dialog opens; the hint under it says what the chosen kind is for and how many pages
the sheet will be. "Open the file" says so in the dialog when nothing opened it.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Checkbox, RadioSet, Static

from peerprep.errors import PeerprepError
from peerprep.export.formats import FORMATS, PRINTABLE
from peerprep.flow import places, taking_along
from peerprep.folders import default_export_dir
from peerprep.model import Preparation
from peerprep.tui.keymap import bind
from peerprep.tui.screens.base import DialogBox, PeerDialog
from peerprep.tui.widgets.choices import Choice, Choices, Tick
from peerprep.tui.widgets.fields import Field

LARGE = ("pdf", "html")  # the kinds of file that come in large print
PAGED = ("pdf",)  # the kinds whose pages we know before it is made


class ExportDialog(PeerDialog[Path | None]):
    """Answers the path written, or None when the person changed their mind."""

    help_topic = "export"  # what F1 explains (tui.help.topic.export)
    first_focus = "#format"  # the arrow keys choose the kind of file at once

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("back", "cancel", id="export_cancel"),
        # The key that opened the dialog saves, so nobody has to find the button.
        bind("sheet", "save", id="export_save"),
        bind("save", "save", id="export_save", show=False),
    ]

    def __init__(
        self,
        prep: Preparation,
        *,
        folder: Path | None = None,
        fmt: str = "pdf",
        large_print: bool = False,
    ) -> None:
        super().__init__()
        self.prep = prep
        self.folder = folder
        self.fmt = fmt if fmt in FORMATS else FORMATS[0]
        self.large_print = large_print
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        fmts = FORMATS
        with DialogBox(wide=True):
            yield Static(Content.styled(self.t("tui.export.title"), "bold"), classes="dialog-title")
            with Choices(id="format") as chooser:
                chooser.border_title = self.t("tui.export.format")
                for fmt in fmts:
                    yield Choice(
                        self.t(f"export.formats.{fmt}"), value=fmt == self.fmt, id=f"fmt-{fmt}"
                    )
            # what the chosen kind is for, and how many pages: said for the one chosen
            yield Static(Content(""), id="about", classes="dialog-hint")
            if any(f in LARGE for f in fmts):
                yield Tick(
                    self.t("export.large_print"),
                    self.large_print,
                    id="large",
                    tooltip=self.t("tui.export.large_tip"),
                )
            # Where to suggest (flow.places.export_place): on a shared computer a USB stick
            # or nothing; a note says why, or that a cloud service copies the folder.
            place = places.export_place(self.peer_app.taken.shared)
            start = self.folder or place.folder
            folder = Field(
                str(start) if start else "",
                id="folder",
                placeholder=self.t("tui.export.folder_placeholder"),
            )
            folder.border_title = self.t("tui.export.folder")
            yield folder
            for note in place.notes:
                yield Static(Content(note.text(self.cat)), classes="note place-note")
            if taking_along.can_print():
                yield Tick(self.t("tui.export.print_now"), id="print")
            yield Static(Content(""), id="result")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.t("tui.export.save"), id="save", variant="primary")
                yield Button(self.t("tui.export.open"), id="open")
                yield Button(self.t("tui.export.cancel"), id="cancel")

    def after_mount(self) -> None:
        self.query_one("#open").display = False
        self._show_format(self.fmt)

    @on(RadioSet.Changed, "#format")
    @on(Checkbox.Changed, "#large")
    def _format_changed(self) -> None:
        self._show_format(self._chosen_format())

    def _show_format(self, fmt: str) -> None:
        for large in self.query("#large"):
            # Large print is a PDF or HTML thing; for the others the tick says so, greyed.
            large.disabled = fmt not in LARGE
            large.tooltip = self.t(
                "tui.export.large_tip" if fmt in LARGE else "tui.export.large_only"
            )
        about = self.t(f"tui.export.about.{fmt}")
        if fmt in PAGED:
            pages = taking_along.sheet_pages(self.prep, large_print=self._checked("#large"))
            about = f"{about} {self.t('tui.export.pages', n=pages)}"
        self.query_one("#about", Static).update(Content(about))

    def _chosen_format(self) -> str:
        pressed = self.query_one("#format", RadioSet).pressed_button
        fmt = (pressed.id or "").removeprefix("fmt-") if pressed else ""
        return fmt if fmt in FORMATS else FORMATS[0]

    def _checked(self, selector: str) -> bool:
        found = self.query(selector)
        return bool(found) and found.first(Checkbox).value

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        folder_text = self.query_one("#folder", Field).value.strip()
        folder = Path(folder_text).expanduser() if folder_text else None
        if folder == default_export_dir() and not self.peer_app.taken.shared:
            folder = None  # the export layer makes its own folder when it is not there yet
        fmt = self._chosen_format()
        print_now = self._checked("#print") and fmt in PRINTABLE
        large = self._checked("#large") and fmt in LARGE
        remember = getattr(self.peer_app, "remember_export", None)
        if callable(remember):
            remember(fmt, self._checked("#large"))  # offered again next time
        self.query_one("#result", Static).update(Content(self.t("tui.export.working")))
        self.query_one("#save", Button).disabled = True
        self._write(fmt, folder, large, print_now)

    @work(thread=True, exclusive=True, group="export")
    def _write(self, fmt: str, folder: Path | None, large_print: bool, print_now: bool) -> None:
        # A PDF takes a moment to lay out: in a thread, so the screen stays alive.
        request = taking_along.SheetRequest(
            fmt=fmt,
            large_print=large_print,
            destination=folder,
            folder_given=folder is not None,
            print_now=print_now,
        )
        try:
            taken = taking_along.take_along(self.peer_app.taken, self.prep, request)
        except PeerprepError as error:
            self.app.call_from_thread(self._failed, self.t(error.key, **error.values))
        else:
            self.app.call_from_thread(self._done, taken)

    def _failed(self, message: str) -> None:
        self._say(message, problem=True)
        self.query_one("#save", Button).disabled = False

    def _say(self, text: str, *, problem: bool) -> None:
        result = self.query_one("#result", Static)
        result.set_class(problem, "-problem")
        result.update(Content(text))

    def _done(self, taken: taking_along.Taken) -> None:
        self.written = taken.path
        words = "\n".join(said.text(self.cat) for said in [*taken.said, *taken.problems])
        self._say(words, problem=bool(taken.problems))
        for gone in ("#save", "#format", "#about", "#large", "#folder", "#print"):
            for widget in self.query(gone):
                widget.display = False
        self.query_one("#open").display = taken.path is not None
        self.query_one("#cancel", Button).label = self.t("tui.export.close")
        (self.query_one("#open") if taken.path is not None else self.query_one("#cancel")).focus()

    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        if self.written is None:
            return
        self._say(self.t("tui.export.opening"), problem=False)
        self._show(self.written)

    @work(thread=True, exclusive=True, group="open")
    def _show(self, path: Path) -> None:
        # The opener is asked and its answer waited for (a few seconds at most): in a thread.
        try:
            taking_along.open_file(path)
        except PeerprepError as error:
            self.app.call_from_thread(self._say, self.t(error.key, **error.values), problem=True)
        else:
            self.app.call_from_thread(self._say, self.t("tui.export.opened"), problem=False)

    def action_save(self) -> None:
        if self.written is None and not self.query_one("#save", Button).disabled:
            self._save()

    def action_cancel(self) -> None:
        self.dismiss(self.written)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(self.written)
