"""Taking the sheet along: export it to a file, print it, and the record of what went along.

One rule for each decision, whichever face or command asks:

- The sheet is in the preparation's own language (the one it was written in), not the
  language the screen happens to be in today: the same preparation always gives the same
  sheet, from the full screen, from plain mode and from `peerprep export`, unless the
  request names a sheet language itself (`peerprep export --lang`, a blank sheet).
- Before a PDF is made the person hears what will not come out as they wrote it:
  characters no font here can draw (HTML is offered, it uses the reader's fonts), and
  answers that run onto a second page; after it, how many pages it has when more than one.
- On a shared computer, printing keeps no file: the sheet is laid out in a private
  temporary folder that is removed as soon as the job is handed to the print queue. A
  file is written only where the person chose a place for it.
- On a shared computer no folder of the computer is suggested (flow.places): a USB
  stick or card when one is in, else the person types a place. A file saved on the
  computer itself stays there for the next person to find: the person is told so, and it
  does not count as taken along (only paper, and files on a removable drive, go along).
- On a personal computer the usual folder is suggested, and the person is told plainly
  when a cloud service (OneDrive, iCloud Drive, Dropbox, Google Drive) copies that folder
  to the internet, with another place offered (flow.places).
- What went along is recorded (`TakenAlong`), so leaving a shared computer asks only
  about words not yet taken along.
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


# --- what went along (the places to suggest are flow.places) ------------------------------


def went_along(record: TakenAlong, path: Path | None, printed: bool = False) -> bool:
    """Did the sheet leave with the person? On paper, always; as a file on a shared
    computer only on a removable drive (a file on the computer stays for others to find);
    on a personal computer the person's own folders are theirs."""
    from peerprep.drives import on_removable_drive

    if printed or not record.shared:
        return True
    return path is not None and on_removable_drive(path)


# --- the sheet ------------------------------------------------------------------------------


def sheet_catalogue(prep: Preparation, language: str | None = None) -> Catalogue:
    """The sheet's words: the preparation's own language, unless `language` is named."""
    from peerprep.words import catalogue

    return catalogue(language or prep.language)


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
                 folder (folders.default_export_dir) - but on a shared computer no file
                 at all: only printing (`print_now`) may leave it out there
    folder_given the person typed `destination` as a folder: it is made if it is not there
    print_now    send it to the printer too
    language     the sheet's language when the person names one ("da", "en"); None: the
                 preparation's own
    timestamp    the PDF's creation date (fixed in tests for byte-identical files)
    """

    fmt: str = "pdf"
    large_print: bool = False
    destination: Path | None = None
    folder_given: bool = False
    print_now: bool = False
    language: str | None = None
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


def warnings_before(prep: Preparation, request: SheetRequest) -> list[Said]:
    """What to say before a PDF is made: the characters no font here can draw (and that an
    HTML file shows them), and that the answers will not fit one page. Empty for other
    formats. Reading a font's character map the first time a rare character comes up
    takes a tenth of a second."""
    from peerprep.export.service import needs_second_page, unprintable

    if request.fmt != "pdf":
        return []
    cat = sheet_catalogue(prep, request.language)
    said: list[Said] = []
    missing = unprintable(prep, cat, large_print=request.large_print)
    if missing:
        said.append(Said("export.fonts.missing", {"chars": " ".join(missing)}))
        said.append(Said("export.fonts.offer_html"))
    if not request.large_print and needs_second_page(prep, cat):
        said.append(Said("export.fit.second_page"))
    return said


def _after(path: Path, intended: Path) -> list[Said]:
    """What to say once the file is written: where, that a name was taken, the pages."""
    from peerprep.export.service import page_count

    said = [Said("export.done", {"path": str(path)})]
    if path != intended:
        said.append(Said("export.renamed"))
    pages = page_count(path)
    if pages is not None and pages > 1:
        said.append(Said("export.pages", {"pages": pages}))
    return said


def take_along(record: TakenAlong, prep: Preparation, request: SheetRequest) -> Taken:
    """Make the sheet as asked, by the rules in this module's docstring, and record it.

    Raises:
        ExportError: the sheet could not be made or written (nothing was recorded), or
            printing without a file failed, or on a shared computer no place was chosen
            (export.errors.choose_place); its key says why in words.
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
    if record.shared and request.destination is None:
        raise ExportError("export.errors.choose_place")  # no folder of this computer

    cat = sheet_catalogue(prep, request.language)
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
    said = _after(path, intended)
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
    if went_along(record, path, printed):
        record.mark(prep)
    stays = stays_here(record, path)
    if stays is not None:
        said.append(stays)
    return Taken(path=path, printed=printed, said=said, problems=problems)


def take_blank(request: SheetRequest) -> Taken:
    """A blank sheet to fill in by hand, in `request.language` (or Danish), written (and
    printed) as `take_along` writes a preparation's sheet; nothing is recorded (it holds
    no one's words).

    Raises:
        ExportError: the sheet could not be made or written; its key says why.
    """
    from peerprep.export.errors import ExportError
    from peerprep.export.formats import PRINTABLE
    from peerprep.export.service import blank_target, export_blank

    if request.print_now and request.fmt not in PRINTABLE:
        raise ExportError("export.errors.print_format")
    language = request.language or "da"
    destination, folder = request.destination, request.folder_given
    intended, _ = blank_target(
        language, request.fmt, request.large_print, destination, is_folder=folder
    )
    path = export_blank(
        language,
        request.fmt,
        request.large_print,
        destination,
        is_folder=folder,
        timestamp=request.timestamp,
    )
    said = _after(path, intended)
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
        ExportError: no printer, or printing failed (the key says which).
    """
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
        print_file(path)
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


def sheet_pages(prep: Preparation, *, large_print: bool = False) -> int:
    """How many A4 pages the PDF of this preparation will be, in its own language.

    The export layer's estimate (export.estimate: the same measure the PDF is laid out by)
    says whether the sheet fits one page; when it does not, the pages are counted from
    how much of a page it needs at the size it is set in.
    """
    import math

    from peerprep import export

    estimate = export.estimate(prep, None, large_print=large_print)
    if not estimate.second_page:
        return 1
    return max(2, math.ceil(estimate.ratio))


def open_file(path: Path) -> None:
    """Show a file in the system's viewer. Raises ExportError when nothing could open it."""
    from peerprep.export.printing import open_file as show

    show(path)


def can_print() -> bool:
    """A default printer is set up (as far as the system says without printing)."""
    from peerprep.export.printing import printer_available

    return printer_available()


def save_copy(record: TakenAlong, cat: Catalogue, prep: Preparation, folder: Path) -> Path:
    """Save the preparation itself (its JSON file) into a folder the person chose, to open
    again elsewhere. Never overwrites ("name (2).json"). It counts as taken along unless
    it stays on a shared computer (`went_along`; `stays_here` says so in words).

    Raises:
        TransferError: no such folder, or it cannot be written (the key says why).
    """
    from peerprep.flow.preparation_file import save_to_folder

    path = save_to_folder(cat, prep, folder)
    if went_along(record, path):
        record.mark(prep)
    return path


def stays_here(record: TakenAlong, path: Path) -> Said | None:
    """On a shared computer, a file saved on the computer itself: the sentence that says it
    stays here for others to find (None when it went along on a stick, or the computer is
    the person's own)."""
    from peerprep.drives import on_removable_drive

    if record.shared and not on_removable_drive(path):
        return Said("export.stays_here", {"path": str(path)})
    return None
