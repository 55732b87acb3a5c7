"""Save the sheet as a file (and print it): format, large print, folder; then where it went."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, RadioSet, Static

from peerprep.errors import PeerprepError
from peerprep.export.formats import FORMATS, PRINTABLE
from peerprep.flow import taking_along
from peerprep.folders import default_export_dir
from peerprep.model import Preparation
from peerprep.tui.screens.base import PeerDialog
from peerprep.tui.widgets.choices import Choice, Tick
from peerprep.tui.widgets.fields import Field

if TYPE_CHECKING:
    from peerprep.export.printing import PrinterStatus

LARGE = ("pdf", "html")  # the kinds of file that come in large print


class ExportDialog(PeerDialog[Path | None]):
    """Answers the path written, or None when the person changed their mind."""

    help_topic = "export"  # what F1 explains (tui.help.topic.export)
    first_focus = "#save"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="export_cancel"),
        # The key that opened the dialog saves, so nobody has to find the button.
        Binding("f5,ctrl+s", "save", "Save", tooltip="Save the file now", id="export_save"),
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
        with Vertical(classes="dialog -wide"):
            yield Static(Content.styled(self.t("tui.export.title"), "bold"), classes="dialog-title")
            # Not a stop of its own when Tab walks the dialog: the choices inside it are.
            with VerticalScroll(id="choices", can_focus=False):
                with RadioSet(id="format") as chooser:
                    chooser.border_title = self.t("tui.export.format")
                    # what each kind is for, below the box: said for the one chosen
                    chooser.border_subtitle = self.t(f"tui.export.about.{self.fmt}")
                    for fmt in fmts:
                        yield Choice(
                            self.t(f"export.formats.{fmt}"), value=fmt == self.fmt, id=f"fmt-{fmt}"
                        )
                if any(f in LARGE for f in fmts):
                    yield Tick(
                        self.t("export.large_print"),
                        self.large_print,
                        id="large",
                        tooltip=self.t("tui.export.large_tip"),
                    )
                folder = Field(str(self.folder or default_export_dir()), id="folder")
                folder.border_title = self.t("tui.export.folder")
                yield folder
                # Asked in a thread (_ask_printer): the print service may take its time.
                yield Tick(self.t("tui.export.print_now"), id="print", disabled=True)
                yield Static(Content(self.t("export.printer.looking")), id="printer")
            yield Static(Content(""), id="result")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.t("tui.export.save"), id="save", variant="primary")
                yield Button(self.t("tui.export.open"), id="open")
                yield Button(self.t("tui.export.cancel"), id="cancel")

    def after_mount(self) -> None:
        self.query_one("#open").display = False
        self._show_format(self.fmt)
        known = taking_along.known_printer()
        if known is not None:
            self._show_printer(known)
        else:
            self._ask_printer()

    @work(exclusive=True, group="printer")
    async def _ask_printer(self) -> None:
        # In a thread (up to ~2 s the first time, then kept), awaited here: when the dialog
        # closes first, this worker is cancelled with it and nothing waits for the answer.
        status = await asyncio.to_thread(taking_along.printer_status)
        self._show_printer(status)

    def _show_printer(self, status: PrinterStatus) -> None:
        """A printer: the tick to print too. None: the sentence that says why not (no
        printer, none chosen, the print service not answering)."""
        if not self.is_attached:
            return
        tick = self.query_one("#print", Tick)
        line = self.query_one("#printer", Static)
        tick.display = status.ready
        tick.disabled = not status.ready
        line.display = not status.ready
        line.update(Content("" if status.ready else self.t(status.key)))

    @on(RadioSet.Changed, "#format")
    def _format_changed(self) -> None:
        self._show_format(self._chosen_format())

    def _show_format(self, fmt: str) -> None:
        self.query_one("#format", RadioSet).border_subtitle = self.t(f"tui.export.about.{fmt}")
        for large in self.query("#large"):
            # Large print is a PDF or HTML thing; for the others the tick says so, greyed.
            large.disabled = fmt not in LARGE
            large.tooltip = self.t(
                "tui.export.large_tip" if fmt in LARGE else "tui.export.large_only"
            )

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
        if folder == default_export_dir():
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
        result = self.query_one("#result", Static)
        result.update(Content(message))
        result.set_class(True, "-problem")
        self.query_one("#save", Button).disabled = False

    def _done(self, taken: taking_along.Taken) -> None:
        self.written = taken.path
        words = "\n".join(said.text(self.cat) for said in [*taken.said, *taken.problems])
        result = self.query_one("#result", Static)
        result.set_class(bool(taken.problems), "-problem")
        result.update(Content(words))
        self.query_one("#save").display = False
        self.query_one("#choices").display = False
        self.query_one("#open").display = taken.path is not None
        self.query_one("#cancel", Button).label = self.t("tui.export.close")
        (self.query_one("#open") if taken.path is not None else self.query_one("#cancel")).focus()

    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        if self.written is None:
            return
        try:
            taking_along.open_file(self.written)
        except PeerprepError as error:
            self.notify(self.t(error.key, **error.values), severity="warning", timeout=15)

    def action_save(self) -> None:
        if not self.query_one("#save", Button).disabled:
            self._save()

    def action_cancel(self) -> None:
        self.dismiss(self.written)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(self.written)
