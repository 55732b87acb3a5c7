"""Exporting a preparation to a file: the one entry point for the CLI, the full-screen
program and the line-by-line mode. See peerprep/export/__init__.py for the contract."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import peerprep.export.fit as fit
from peerprep.export.errors import ExportError
from peerprep.export.formats import FORMATS
from peerprep.export.layout import Sheet, build_blank_sheet, build_sheet
from peerprep.files import DiskError, atomic_write, claim_new_name, reason_key
from peerprep.folders import default_export_dir
from peerprep.model import Preparation
from peerprep.words import Catalogue, catalogue

__all__ = [
    "FORMATS",
    "default_export_dir",
    "export_blank",
    "export_preparation",
    "needs_second_page",
    "page_count",
    "unprintable",
]

_REASONS = {
    "errors.disk_full": "export.errors.disk_full",
    "errors.read_only": "export.errors.read_only",
    "errors.folder_missing": "export.errors.folder_missing",
    "errors.write_failed": "export.errors.write_failed",
}


def sheet_catalogue(prep: Preparation, cat: Catalogue | None = None) -> Catalogue:
    """The sheet is in the preparation's own language unless a catalogue is given."""
    return cat if cat is not None else catalogue(prep.language)


def estimate(
    prep: Preparation, cat: Catalogue | None = None, *, large_print: bool = False
) -> fit.Estimate:
    """How the PDF will come out (ratio, body size, second page), without making it."""
    return fit.estimate(build_sheet(prep, sheet_catalogue(prep, cat), large_print=large_print))


def needs_second_page(prep: Preparation, cat: Catalogue | None = None) -> bool:
    """True when the answers do not fit one A4 page even at the smallest size: tell the
    person before exporting."""
    return estimate(prep, cat).second_page


def unprintable(
    prep: Preparation, cat: Catalogue | None = None, *, large_print: bool = False
) -> tuple[str, ...]:
    """The characters of the sheet that no font here can draw in the PDF (they would print
    as empty boxes), in the order they first appear; empty when all can be printed.
    Tell the person before making a PDF, and offer HTML ("export.fonts.missing",
    "export.fonts.offer_html"). Reads font files the first time a rare character comes
    up: a tenth of a second, or more with many fonts on the computer."""
    import peerprep.export.pdf as pdf

    sheet = build_sheet(prep, sheet_catalogue(prep, cat), large_print=large_print)
    return pdf.missing_characters(sheet)


def page_count(path: Path) -> int | None:
    """How many pages an exported PDF has (None for other formats, or if unknown)."""
    if path.suffix.lower() != ".pdf":
        return None
    import peerprep.export.pdf as pdf

    try:
        return pdf.page_count(path.read_bytes())
    except OSError:
        return None


def render(sheet: Sheet, fmt: str, *, timestamp: dt.datetime | None = None) -> bytes:
    """The file's content for one format.

    Raises:
        ValueError: an unknown format.
        ExportError: the PDF cannot be made.
    """
    if fmt == "pdf":
        import peerprep.export.pdf as pdf

        return pdf.render(sheet, timestamp=timestamp)
    if fmt == "html":
        from peerprep.export.html import sheet_to_html

        return sheet_to_html(sheet).encode("utf-8")
    if fmt == "md":
        from peerprep.export.markdown import sheet_to_markdown

        return sheet_to_markdown(sheet).encode("utf-8")
    if fmt == "txt":
        from peerprep.export.text import sheet_to_text

        return sheet_to_text(sheet).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}")


def _disk_error(error: OSError, path: Path) -> ExportError:
    return ExportError(
        _REASONS.get(reason_key(error), "export.errors.write_failed"), path=str(path)
    )


def target_path(
    prep: Preparation,
    cat: Catalogue,
    fmt: str,
    destination: Path | None,
    *,
    is_folder: bool = False,
) -> tuple[Path, bool]:
    """Where to write: (path wanted, whether its folder is ours to create).

    No destination: the default folder and a name made from the title. A folder (one that
    exists, or any path when `is_folder` says the person chose a folder): that folder,
    created if needed, and the made name. Anything else: that file name, with the format's
    ending added when it has another (its folder must exist)."""
    from peerprep.words.naming import file_stem

    name = f"{file_stem(cat, prep)}.{fmt}"
    return _target(name, fmt, destination, is_folder=is_folder)


def _target(
    name: str, fmt: str, destination: Path | None, *, is_folder: bool = False
) -> tuple[Path, bool]:
    if destination is None:
        return default_export_dir() / name, True
    destination = destination.expanduser()
    if is_folder and not destination.is_file():
        # The person typed a folder in the export dialog: a new one is made for them.
        return destination / name, True
    if destination.is_dir():
        return destination / name, False
    if destination.suffix.lower() != f".{fmt}":
        # "-o sheet" or "-o Møde 12.03" still gets the file type's ending.
        destination = destination.with_name(f"{destination.name}.{fmt}")
    return destination, False


def write_new(path: Path, data: bytes, *, create_folder: bool = False) -> Path:
    """Write `data` to `path`, or to "path (2)", ... if a file is already there: never
    overwrites. Atomic: a crash leaves no half-written sheet. Returns the path written.

    Raises:
        ExportError: the folder cannot be written (full, read-only, gone).
    """
    folder = path.parent
    try:
        if create_folder:
            folder.mkdir(parents=True, exist_ok=True)
        if not folder.exists():
            raise ExportError("export.errors.folder_missing", path=str(folder))
        if not folder.is_dir():
            raise ExportError("export.errors.not_a_folder", path=str(folder))
        claimed = claim_new_name(path)
    except OSError as error:
        raise _disk_error(error, folder) from error
    try:
        atomic_write(claimed, data)
    except DiskError as error:
        with contextlib.suppress(OSError):
            claimed.unlink()
        raise ExportError(
            _REASONS.get(error.key, "export.errors.write_failed"), path=str(claimed)
        ) from error
    return claimed


def export_preparation(
    prep: Preparation,
    cat: Catalogue | None = None,
    fmt: str = "pdf",
    large_print: bool = False,
    destination: Path | None = None,
    *,
    is_folder: bool = False,
    timestamp: dt.datetime | None = None,
) -> Path:
    """Export `prep` and return the path of the new file. Raises ExportError.

    Raises:
        ExportError: the sheet cannot be made or written.
        ValueError: an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    cat = sheet_catalogue(prep, cat)
    sheet = build_sheet(prep, cat, large_print=large_print)
    data = render(sheet, fmt, timestamp=timestamp)
    path, ours = target_path(prep, cat, fmt, destination, is_folder=is_folder)
    return write_new(path, data, create_folder=ours)


def blank_target(
    language: str,
    fmt: str,
    large_print: bool,
    destination: Path | None,
    *,
    is_folder: bool = False,
) -> tuple[Path, bool]:
    """Where a blank sheet goes: as `target_path`, named "Tomt ark til mit
    statement.pdf" in the sheet's language."""
    from peerprep.words.naming import blank_sheet_stem

    name = f"{blank_sheet_stem(catalogue(language), large_print=large_print)}.{fmt}"
    return _target(name, fmt, destination, is_folder=is_folder)


def export_blank(
    language: str,
    fmt: str = "pdf",
    large_print: bool = False,
    destination: Path | None = None,
    *,
    is_folder: bool = False,
    timestamp: dt.datetime | None = None,
) -> Path:
    """Export a blank sheet in `language` ("da" or "en"), for the pen, and return the path
    of the new file (never overwriting one). Raises ExportError; ValueError for an
    unknown format.

    Raises:
        ExportError: the sheet cannot be made or written.
        ValueError: an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    sheet = build_blank_sheet(catalogue(language), large_print=large_print)
    data = render(sheet, fmt, timestamp=timestamp)
    path, ours = blank_target(language, fmt, large_print, destination, is_folder=is_folder)
    return write_new(path, data, create_folder=ours)
