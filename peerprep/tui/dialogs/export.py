"""Save the sheet as a file (and print it): format, large print, folder; then where it went.

Without a preparation it makes a blank sheet to fill in by hand, in the screen's language
(flow.taking_along.take_blank: the same rules as any sheet, on a shared computer too).

The format is a radio group the arrow keys choose in at once, and it has the focus when
the dialog opens; the hint under it says what the chosen kind is for and how many pages
the sheet will be. For a PDF, what will not come out as written is said before the file
is made (flow.taking_along.warnings_before): characters no font here can draw, with a
button that saves HTML instead, and answers that run onto a second page. Finding the
characters reads fonts' character maps (a tenth of a second), so it runs in a thread.
A PDF is never made with characters the person was not shown: the first Save brings
them into view (a small screen may have them scrolled away), and a second Save makes it.
Afterwards the dialog says where the file is and, past one page, how many pages it has.
"Open the file" says so in the dialog when nothing opened it.

The last choice (for a preparation, not a blank sheet) is the sheet as sound: a WAV
file of the sheet read aloud (flow.sound_file), with the sheet's rule for its place.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Checkbox, RadioSet, Static

from peerprep.errors import PeerprepError
from peerprep.export.formats import FORMATS, PRINTABLE
from peerprep.flow import places, taking_along
from peerprep.flow.said import Said
from peerprep.flow.sound_file import SOUND, take_along_as_sound
from peerprep.folders import default_export_dir
from peerprep.model import Preparation
from peerprep.tui.keymap import bind
from peerprep.tui.screens.base import DialogBox, PeerDialog, when_shown
from peerprep.tui.widgets.choices import Choice, Choices, Tick
from peerprep.tui.widgets.fields import Field

if TYPE_CHECKING:
    from peerprep.export.printing import PrinterStatus

LARGE = ("pdf", "html")  # the kinds of file that come in large print
PAGED = ("pdf",)  # the kinds whose pages we know before it is made
MISSING = "export.fonts.missing"  # characters no font here can draw (taking_along)
OFFER_HTML = "export.fonts.offer_html"
CHOICES = (*FORMATS, SOUND)  # the sheet's kinds of file, then the sheet as sound


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
        prep: Preparation | None,
        *,
        folder: Path | None = None,
        fmt: str = "pdf",
        large_print: bool = False,
    ) -> None:
        super().__init__()
        self.prep = prep  # None: a blank sheet, for the pen
        self.folder = folder
        self.fmt = fmt if fmt in CHOICES else FORMATS[0]
        self.large_print = large_print
        self.written: Path | None = None
        # What a PDF would not print as written, by (format, large print), once known;
        # and the choices whose missing characters a Save has brought into view.
        self._warnings: dict[tuple[str, bool], list[Said]] = {}
        self._shown: set[tuple[str, bool]] = set()

    def compose(self) -> ComposeResult:
        # A blank sheet has nothing to read aloud: its kinds of file only.
        fmts = CHOICES if self.prep is not None else FORMATS
        with DialogBox(wide=True):
            title = self.t("tui.export.blank_title" if self.prep is None else "tui.export.title")
            yield Static(Content.styled(title, "bold"), classes="dialog-title")
            with Choices(id="format") as chooser:
                chooser.border_title = self.t("tui.export.format")
                for fmt in fmts:
                    label = self.t("tui.export.sound" if fmt == SOUND else f"export.formats.{fmt}")
                    yield Choice(label, value=fmt == self.fmt, id=f"fmt-{fmt}")
            # what the chosen kind is for, and how many pages: said for the one chosen
            yield Static(Content(""), id="about", classes="dialog-hint")
            # before a PDF is made: what will not print, and the answers' second page
            yield Static(Content(""), id="warnings", classes="dialog-warning")
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
            # Asked in a thread (_ask_printer): the print service may take its time.
            yield Tick(self.t("tui.export.print_now"), id="print", disabled=True)
            yield Static(Content(self.t("export.printer.looking")), id="printer")
            yield Static(Content(""), id="result")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.t("tui.export.save"), id="save", variant="primary")
                yield Button(self.t("tui.export.as_html"), id="as-html")
                yield Button(self.t("tui.export.open"), id="open")
                yield Button(self.t("tui.export.cancel"), id="cancel")

    def after_mount(self) -> None:
        for hidden in ("#open", "#as-html", "#warnings"):
            self.query_one(hidden).display = False
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

    @when_shown
    def _show_printer(self, status: PrinterStatus) -> None:
        """A printer: the tick to print too. None: the sentence that says why not (no
        printer, none chosen, the print service not answering)."""
        tick = self.query_one("#print", Tick)
        line = self.query_one("#printer", Static)
        tick.display = status.ready
        tick.disabled = not status.ready
        line.display = not status.ready
        line.update(Content("" if status.ready else self.t(status.key)))

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
            large = self._checked("#large")
            if self.prep is None:
                pages = taking_along.blank_pages(self.cat.language, large_print=large)
            else:
                pages = taking_along.sheet_pages(self.prep, large_print=large)
            about = f"{about} {self.t('tui.export.pages', n=pages)}"
        self.query_one("#about", Static).update(Content(about))
        choice = (fmt, self._checked("#large") and fmt in LARGE)
        if self.prep is None:  # a blank sheet: our own words, in fonts we bundle
            self._warnings[choice] = []
        known = self._warnings.get(choice)
        self._show_warnings(choice, known or [])
        if known is None:
            self._check(*choice)

    @work(thread=True, exclusive=True, group="warnings")
    def _check(self, fmt: str, large_print: bool) -> None:
        # Reads fonts' character maps the first time a rare character comes up: in a thread.
        if self.prep is None:
            return
        request = taking_along.SheetRequest(fmt=fmt, large_print=large_print)
        said = taking_along.warnings_before(self.prep, request)
        self.app.call_from_thread(self._checked_now, (fmt, large_print), said)

    @when_shown
    def _checked_now(self, choice: tuple[str, bool], said: list[Said]) -> None:
        self._warnings[choice] = said
        if self.written is not None:
            return
        fmt = self._chosen_format()
        if choice == (fmt, self._checked("#large") and fmt in LARGE):  # still the one chosen
            self._show_warnings(choice, said)

    def _show_warnings(self, choice: tuple[str, bool], said: list[Said]) -> None:
        shown = self.query_one("#warnings", Static)
        shown.update(Content("\n".join(item.text(self.cat) for item in said)))
        shown.display = bool(said)
        self.query_one("#as-html").display = any(item.key == OFFER_HTML for item in said)

    def _chosen_format(self) -> str:
        pressed = self.query_one("#format", RadioSet).pressed_button
        fmt = (pressed.id or "").removeprefix("fmt-") if pressed else ""
        return fmt if fmt in CHOICES else FORMATS[0]

    def _checked(self, selector: str) -> bool:
        found = self.query(selector)
        return bool(found) and found.first(Checkbox).value

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self._save_as(self._chosen_format())

    @on(Button.Pressed, "#as-html")
    def _save_html(self) -> None:
        """HTML, as offered: the browser draws every character with the computer's fonts."""
        self.query_one("#fmt-html", Choice).value = True  # the choice shows what is saved
        self._save_as("html")

    def _save_as(self, fmt: str) -> None:
        folder_text = self.query_one("#folder", Field).value.strip()
        folder = Path(folder_text).expanduser() if folder_text else None
        if folder == default_export_dir() and not self.peer_app.taken.shared:
            folder = None  # the export layer makes its own folder when it is not there yet
        print_now = self._checked("#print") and fmt in PRINTABLE
        large = self._checked("#large") and fmt in LARGE
        remember = getattr(self.peer_app, "remember_export", None)
        if callable(remember):
            remember(fmt, self._checked("#large"))  # offered again next time
        self.query_one("#result", Static).update(Content(self.t("tui.export.working")))
        self._working(True)
        self._write(fmt, folder, large, print_now)

    def _working(self, busy: bool) -> None:
        for button in ("#save", "#as-html"):
            self.query_one(button, Button).disabled = busy

    @work(thread=True, exclusive=True, group="export")
    def _write(self, fmt: str, folder: Path | None, large_print: bool, print_now: bool) -> None:
        # A PDF takes a moment to lay out: in a thread, so the screen stays alive.
        if fmt == SOUND:
            self._write_sound(folder)
            return
        request = taking_along.SheetRequest(
            fmt=fmt,
            large_print=large_print,
            destination=folder,
            folder_given=folder is not None,
            print_now=print_now,
        )
        choice = (fmt, large_print)
        if self.prep is not None and choice not in self._shown:
            # The first Save of a PDF with characters that will not print says them, in
            # view (on a small screen they may be scrolled away, or not checked yet); the
            # next Save makes the PDF all the same.
            known = self._warnings.get(choice)
            said = known if known is not None else taking_along.warnings_before(self.prep, request)
            if any(item.key == MISSING for item in said):
                self.app.call_from_thread(self._warn_first, choice, said)
                return
        try:
            if self.prep is None:  # in the language the person reads the screen in
                blank = replace(request, language=self.cat.language)
                taken = taking_along.take_blank(self.peer_app.taken, blank)
            else:
                taken = taking_along.take_along(self.peer_app.taken, self.prep, request)
        except PeerprepError as error:
            self.app.call_from_thread(self._failed, self.t(error.key, **error.values))
        else:
            self.app.call_from_thread(self._done, taken)

    @when_shown
    def _warn_first(self, choice: tuple[str, bool], said: list[Said]) -> None:
        self._warnings[choice] = said
        self._shown.add(choice)
        self._show_warnings(choice, said)
        self.query_one("#warnings").scroll_visible(animate=False)
        self._say("", problem=False)
        self._working(False)

    def _write_sound(self, folder: Path | None) -> None:
        """In the export thread: the sheet read into a sound file (a second or two)."""
        app = self.peer_app
        if self.prep is None:  # never offered for a blank sheet (compose)
            return
        try:
            taken = take_along_as_sound(
                app.taken, self.prep, folder, app.settings,
                folder_given=folder is not None, find_engine=app.find_speech_engine,
            )  # fmt: skip
        except PeerprepError as error:
            self.app.call_from_thread(self._failed, self.t(error.key, **error.values))
        else:
            self.app.call_from_thread(self._done, taken)

    @when_shown
    def _failed(self, message: str) -> None:
        self._say(message, problem=True)
        self._working(False)

    @when_shown
    def _say(self, text: str, *, problem: bool) -> None:
        result = self.query_one("#result", Static)
        result.set_class(problem, "-problem")
        result.update(Content(text))
        if problem:  # below the folder's hint on a small screen: brought into view
            self.call_after_refresh(result.scroll_visible, animate=False)

    @when_shown
    def _done(self, taken: taking_along.Taken) -> None:
        self.written = taken.path
        words = "\n".join(said.text(self.cat) for said in [*taken.said, *taken.problems])
        self._say(words, problem=bool(taken.problems))
        for gone in (
            "#save",
            "#format",
            "#about",
            "#warnings",
            "#as-html",
            "#large",
            "#folder",
            "#print",
            "#printer",  # why printing is not offered: no longer the question once saved
        ):
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
