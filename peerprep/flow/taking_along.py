"""Taking the sheet along: export it to a file, print it, and the record of what went along.

One rule for each decision, whichever face or command asks:

- The sheet is in the preparation's own language (the one it was written in), not the
  language the screen happens to be in today: the same preparation always gives the same
  sheet, from the full screen, from plain mode and from `peerprep export`.
- On a shared computer, printing keeps no file: the sheet is laid out in a private
  temporary folder that is removed as soon as the job is handed to the print queue. A
  file is written only where the person chose a place for it.
- Everything the person exported, printed or saved to a folder is recorded
  (`TakenAlong`), so leaving a shared computer asks only about words not yet taken along.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from peerprep.flow.said import Said

if TYPE_CHECKING:
    from peerprep.export.printing import PrinterStatus
    from peerprep.model import Preparation
    from peerprep.words import Catalogue


# --- the record of what was taken along ---------------------------------------------------


def fingerprint(prep: Preparation) -> str:
    """The words of a preparation, without the time it was last saved (a save alone
    changes nothing the person would want to take along)."""
    return prep.model_dump_json(exclude={"updated_at"})


def has_words(prep: Preparation) -> bool:
    """Is there anything of the person's in it (not just an opened, empty preparation)?"""
    return bool(
        prep.parts_filled()
        or prep.title.strip()
        or prep.questions
        or not prep.meeting.is_empty()
        or not prep.after_meeting.is_empty()
    )


class TakenAlong:
    """What the person took along during this run, by preparation, as the words it had.

    `shared` says whether this is a shared computer (print without keeping a file).
    Safe to use from a worker thread (the full screen exports in one).
    """

    def __init__(self, *, shared: bool = False) -> None:
        self.shared = shared
        self._taken: dict[str, str] = {}
        self._guard = threading.Lock()

    def mark(self, prep: Preparation) -> None:
        """These words went along (exported, printed, saved to a folder)."""
        with self._guard:
            self._taken[prep.id] = fingerprint(prep)

    def forget(self) -> None:
        """Start again (the session was erased)."""
        with self._guard:
            self._taken.clear()

    def untaken(self, preparations: list[Preparation]) -> list[Preparation]:
        """Those with words in them that changed since they were last taken along."""
        with self._guard:
            taken = dict(self._taken)
        return [p for p in preparations if has_words(p) and taken.get(p.id) != fingerprint(p)]


# --- the sheet ------------------------------------------------------------------------------


def sheet_catalogue(prep: Preparation) -> Catalogue:
    """The sheet's words: the preparation's own language."""
    from peerprep.words import catalogue

    return catalogue(prep.language)


def sheet_as_text(prep: Preparation) -> str:
    """The sheet as plain text (`peerprep show`), in the preparation's language."""
    from peerprep.export.text import to_text

    return to_text(prep, sheet_catalogue(prep))


@dataclass(frozen=True)
class SheetRequest:
    """What the person asked for.

    fmt          "pdf", "html", "txt" or "md" (export.formats.FORMATS)
    large_print  16 pt instead of 11 (PDF and HTML)
    destination  a folder, or a file name whose folder exists; None: the usual export
                 folder (folders.default_export_dir) - or, on a shared computer with
                 `print_now`, no file at all
    folder_given the person typed `destination` as a folder: it is made if it is not there
    print_now    send it to the printer too
    timestamp    the PDF's creation date (fixed in tests for byte-identical files)
    """

    fmt: str = "pdf"
    large_print: bool = False
    destination: Path | None = None
    folder_given: bool = False
    print_now: bool = False
    timestamp: dt.datetime | None = None


@dataclass(frozen=True)
class Taken:
    """What taking the sheet along did: the file written (None: printed without a file),
    whether it was printed, what to tell the person, and what went wrong after the file
    was safely written (printing failed: the file is there)."""

    path: Path | None
    printed: bool
    said: list[Said] = field(default_factory=list)
    problems: list[Said] = field(default_factory=list)


def warnings_before(prep: Preparation, request: SheetRequest) -> list[str]:
    """Catalogue keys to say before making the sheet ("it will be two pages")."""
    from peerprep.export.service import needs_second_page

    if request.fmt == "pdf" and not request.large_print and needs_second_page(prep):
        return ["export.fit.second_page"]
    return []


def take_along(record: TakenAlong, prep: Preparation, request: SheetRequest) -> Taken:
    """Make the sheet as asked, by the rules in this module's docstring, and record it.

    Raises:
        ExportError: the sheet could not be made or written (nothing was recorded), or
            printing without a file failed; its key says why in words.
    """
    from peerprep.export.errors import ExportError
    from peerprep.export.formats import PRINTABLE
    from peerprep.export.service import export_preparation, target_path

    if request.print_now and request.fmt not in PRINTABLE:
        raise ExportError("export.errors.print_format")
    if record.shared and request.print_now and request.destination is None:
        print_without_file(prep, request)
        record.mark(prep)
        return Taken(path=None, printed=True, said=[Said("export.printed_no_file")])

    cat = sheet_catalogue(prep)
    intended, _ = target_path(
        prep, cat, request.fmt, request.destination, is_folder=request.folder_given
    )
    path = export_preparation(
        prep,
        cat,
        request.fmt,
        request.large_print,
        request.destination,
        is_folder=request.folder_given,
        timestamp=request.timestamp,
    )
    record.mark(prep)
    said = [Said("export.done", {"path": str(path)})]
    if path != intended:
        said.append(Said("export.renamed"))
    problems: list[Said] = []
    printed = False
    if request.print_now:
        from peerprep.export.printing import print_file

        try:
            print_file(path)
        except ExportError as error:
            problems.append(Said(error.key, dict(error.values)))
        else:
            printed = True
            said.append(Said("export.printed"))
    return Taken(path=path, printed=printed, said=said, problems=problems)


_LATER: list[Path] = []  # Windows: folders to remove when the program ends


def print_without_file(prep: Preparation, request: SheetRequest | None = None) -> None:
    """Print the sheet and keep no file: a private temporary folder that is removed as soon
    as the job is handed over.

    `lp`/`lpr` have copied the file into the print queue when they return, so the folder
    goes at once. Windows hands the file to a viewer that prints it a moment later; there
    the folder goes when the program ends.

    Raises:
        ExportError: no printer (one of the three reasons of export.printing), or the
            print queue did not take it (the key says which; no file is named).
    """
    from peerprep.export.errors import ExportError
    from peerprep.export.printing import print_file
    from peerprep.export.service import export_preparation

    request = request or SheetRequest(print_now=True)
    folder = Path(tempfile.mkdtemp(prefix="peerprep-print-"))
    try:
        path = export_preparation(
            prep,
            sheet_catalogue(prep),
            "pdf",
            request.large_print,
            folder,
            timestamp=request.timestamp,
        )
        try:
            print_file(path)
        except ExportError as error:
            if error.key == "export.errors.print_failed":
                # Its words say where the file is kept; here none is.
                raise ExportError("export.errors.print_failed_no_file") from error
            raise
    finally:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import atexit

            if not _LATER:
                atexit.register(_remove_later)
            _LATER.append(folder)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _remove_later() -> None:  # pragma: no cover - exercised on Windows only
    for folder in _LATER:
        with contextlib.suppress(OSError):
            shutil.rmtree(folder, ignore_errors=True)


def open_file(path: Path) -> None:
    """Show a file in the system's viewer. Raises ExportError when nothing could open it."""
    from peerprep.export.printing import open_file as show

    show(path)


def can_print() -> bool:
    """A default printer is set up (as far as the system says without printing). Asks the
    print service the first time (up to export.printing.ANSWER_SECONDS; a face calls it
    from a thread), then answers from what it said (printer_status)."""
    return printer_status().ready


def printer_status() -> PrinterStatus:
    """What the computer's print service said, asked once per session: ready, or which of
    the three reasons why not (its `key` says it in words)."""
    from peerprep.export.printing import printer_status as asked

    return asked()


def known_printer() -> PrinterStatus | None:
    """What the print service said, if it has been asked yet; never waits."""
    from peerprep.export.printing import known_printer as kept

    return kept()


def save_copy(record: TakenAlong, cat: Catalogue, prep: Preparation, folder: Path) -> Path:
    """Save the preparation itself (its JSON file) into a folder the person chose, to open
    again elsewhere; it counts as taken along. Never overwrites ("name (2).json").

    Raises:
        TransferError: no such folder, or it cannot be written (the key says why).
    """
    from peerprep.flow.preparation_file import save_to_folder

    path = save_to_folder(cat, prep, folder)
    record.mark(prep)
    return path
