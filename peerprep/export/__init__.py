"""From a preparation to the sheet a person carries into the meeting: layout, PDF, HTML, text.

The contract for the full-screen program and the plain mode. Nothing here imports
Textual; importing this package is light (typst and pydantic load only when used).

    import peerprep.export as export

    export.FORMATS                       # ("pdf", "html", "txt", "md")
    export.PRINTABLE                     # ("pdf", "txt"): what print_file can send
    export.default_export_dir() -> Path  # PEERPREP_EXPORT_DIR, else Documents/peerprep
    export.export_preparation(prep, cat=None, fmt="pdf", large_print=False,
                              destination=None, *, folder=None, print_now=False) -> Path
        # Writes a NEW file and returns its full path. Never overwrites: "name (2).pdf".
        # destination (or folder): None = default folder (created); an existing folder;
        # or a file path whose folder exists. cat=None: the preparation's own language.
        # print_now: then sends it to the printer; if that fails the file IS saved and
        # the ExportError's text says so and where.
        # Raises ExportError(key, **values), a PeerprepError:
        #     cat.text(error.key, **error.values) is one sentence for the person.
    export.export_blank(language, fmt="pdf", large_print=False, destination=None, *,
                        folder=None, print_now=False) -> Path
        # A blank sheet for the pen, in "da" or "en": every meeting item a blank,
        # writing lines under each starter, the notes box. Same rules as above.
    export.unprintable(prep, cat=None, large_print=False) -> tuple[str, ...]
        # Characters no font here can draw in the PDF (they would print as boxes).
        # Not empty: before a PDF export, say "export.fonts.missing" (chars=" ".join(...))
        # and offer HTML ("export.fonts.offer_html").
    export.page_count(path) -> int | None
        # Pages of an exported PDF; above 1, say "export.pages" (pages=...).
    export.needs_second_page(prep, cat=None) -> bool
        # True: warn before a PDF export (catalogue key "export.fit.second_page").
    export.estimate(prep, cat=None, large_print=False) -> fit.Estimate
        # .ratio   share of the page used at the comfortable 11 pt: 0..1 fits as it is;
        #          above 1 the text is set smaller ("export.fit.smaller") down to 8 pt,
        #          and past that .second_page is True.
        # .size    body size the PDF will use; .smaller; .second_page
        # .notes   how the notes box is drawn: fit.NOTES_FULL; an empty box with fewer
        #          lines (NOTES_FEWER) or none (NOTES_LEFT_OUT) so the answers keep to
        #          one page: an empty notes box never takes a page of its own
        # .pages   the pages the PDF will have (flow.taking_along.sheet_pages says it)
    export.fill_ratio(prep, cat=None) -> float   # the same .ratio, for the gauge
        # Pure and fast: a normal statement well under a millisecond, a very long one a
        # few ms (the first letter of a script outside Latin, Greek and Cyrillic reads
        # its font's widths once, under a tenth of a second). It wraps the words with the
        # bundled fonts' real widths and adds up the template's heights, the notes from
        # after the meeting included; tests hold it to typst's own measurement (within
        # 3 % of a page, or of the whole measure past one page; exact for Latin text).
        # Call it as often as the gauge likes.
    export.can_print() -> bool           # a default printer is set up
    export.print_file(path)              # lp / lpr / Windows print verb or viewer; quiet;
                                         # "sent" or "viewer" (press Ctrl+P); ExportError
    export.open_file(path)               # the system viewer, detached, quiet; ExportError
    peerprep.export.text.to_text(prep, cat) -> str   # the sheet as plain text

Catalogue keys for the export dialog and the gauge: assets/lang/*/export.json
(export.formats.*, export.large_print, export.fit.*, export.fonts.*, export.done,
export.pages, export.printed, export.errors.*).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from peerprep.export.errors import ExportError
from peerprep.export.formats import FORMATS, PRINTABLE
from peerprep.folders import default_export_dir

if TYPE_CHECKING:
    import datetime as dt

    from peerprep.export.fit import Estimate
    from peerprep.model import Preparation
    from peerprep.words import Catalogue

__all__ = [
    "FORMATS",
    "PRINTABLE",
    "ExportError",
    "can_print",
    "default_export_dir",
    "estimate",
    "export_blank",
    "export_preparation",
    "fill_ratio",
    "needs_second_page",
    "open_file",
    "page_count",
    "print_file",
    "unprintable",
]


def export_preparation(
    prep: Preparation,
    cat: Catalogue | None = None,
    fmt: str = "pdf",
    large_print: bool = False,
    destination: Path | None = None,
    *,
    folder: Path | None = None,
    print_now: bool = False,
    timestamp: dt.datetime | None = None,
) -> Path:
    """Export `prep` into `folder` in format `fmt` (pdf, html, txt, md, json) and return
    the path of the new file; never overwrites (export.service).

    Raises:
        ExportError: the sheet cannot be made or written; the key says why in words.
    """
    from peerprep.export import printing, service

    if print_now and fmt not in PRINTABLE:
        raise ExportError("export.errors.print_format")
    # `folder` always means a folder, even one that does not exist yet (it is created);
    # `destination` may be a folder that exists or a file name.
    target = destination if destination is not None else folder
    path = service.export_preparation(
        prep,
        cat,
        fmt,
        large_print,
        target,
        is_folder=destination is None and folder is not None,
        timestamp=timestamp,
    )
    if print_now:
        printing.print_file(path)
    return path


def export_blank(
    language: str,
    fmt: str = "pdf",
    large_print: bool = False,
    destination: Path | None = None,
    *,
    folder: Path | None = None,
    print_now: bool = False,
    timestamp: dt.datetime | None = None,
) -> Path:
    """Export a blank sheet to fill in by hand and return the path of the new file.

    Raises:
        ExportError: the sheet cannot be made or written; the key says why in words.
    """
    from peerprep.export import printing, service

    if print_now and fmt not in PRINTABLE:
        raise ExportError("export.errors.print_format")
    target = destination if destination is not None else folder
    path = service.export_blank(
        language,
        fmt,
        large_print,
        target,
        is_folder=destination is None and folder is not None,
        timestamp=timestamp,
    )
    if print_now:
        printing.print_file(path)
    return path


def unprintable(
    prep: Preparation, cat: Catalogue | None = None, *, large_print: bool = False
) -> tuple[str, ...]:
    from peerprep.export import service

    return service.unprintable(prep, cat, large_print=large_print)


def page_count(path: Path) -> int | None:
    from peerprep.export import service

    return service.page_count(path)


def estimate(
    prep: Preparation, cat: Catalogue | None = None, *, large_print: bool = False
) -> Estimate:
    from peerprep.export import service

    return service.estimate(prep, cat, large_print=large_print)


def needs_second_page(prep: Preparation, cat: Catalogue | None = None) -> bool:
    return estimate(prep, cat).second_page


def fill_ratio(prep: Preparation, cat: Catalogue | None = None) -> float:
    return estimate(prep, cat).ratio


def can_print() -> bool:
    from peerprep.export.printing import printer_available

    return printer_available()


def print_file(path: Path) -> str:
    from peerprep.export.printing import print_file as send

    return send(path)


def open_file(path: Path) -> None:
    from peerprep.export.printing import open_file as show

    show(path)
