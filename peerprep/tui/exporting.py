"""The program's door to the export layer: which formats, where to, and doing it.

The export layer (peerprep.export) owns every file it writes. Where it does not yet offer
`export_preparation`, the statement is written as plain text with the same careful
atomic write the store uses, so "save a copy elsewhere" always works.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peerprep.content import Catalogue
from peerprep.errors import PeerprepError
from peerprep.model import Preparation


class ExportFailed(PeerprepError):
    """An export that did not work, with the catalogue key that says why."""


@dataclass(frozen=True)
class Request:
    fmt: str
    folder: Path
    large_print: bool = False
    print_now: bool = False


def _export() -> Any:
    return importlib.import_module("peerprep.export")


def formats() -> tuple[str, ...]:
    offered = getattr(_export(), "FORMATS", None)
    if offered and callable(getattr(_export(), "export_preparation", None)):
        return tuple(offered)
    return ("txt",)


def can_print() -> bool:
    check = getattr(_export(), "can_print", None)
    return bool(check()) if callable(check) else False


def default_folder() -> Path:
    find = getattr(_export(), "default_export_dir", None)
    if callable(find):
        return Path(find())
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def file_stem(cat: Catalogue, prep: Preparation) -> str:
    kind = cat.kind(prep.meeting.kind).name
    date = (
        prep.meeting.date.isoformat() if prep.meeting.date else prep.created_at.date().isoformat()
    )
    safe = "".join(ch if ch.isalnum() else "-" for ch in f"{kind}-{date}")
    return "-".join(part for part in safe.split("-") if part).lower()


def run(prep: Preparation, cat: Catalogue, request: Request) -> Path:
    """Write the sheet; returns the full path of what was written."""
    module = _export()
    export_preparation = getattr(module, "export_preparation", None)
    if callable(export_preparation):
        try:
            return Path(
                export_preparation(
                    prep,
                    cat,
                    fmt=request.fmt,
                    folder=request.folder,
                    large_print=request.large_print,
                    print_now=request.print_now,
                )
            )
        except PeerprepError as error:
            raise ExportFailed(error.key, **error.values) from error
    return _plain_text(prep, cat, request.folder)


def _plain_text(prep: Preparation, cat: Catalogue, folder: Path) -> Path:
    from peerprep.export.text import to_text
    from peerprep.files import DiskError, atomic_write

    target = folder / f"{file_stem(cat, prep)}.txt"
    counter = 1
    while target.exists():  # never overwrite a sheet the person saved before
        counter += 1
        target = folder / f"{file_stem(cat, prep)}-{counter}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(target, to_text(prep, cat).encode("utf-8"), private=False)
    except DiskError as error:
        raise ExportFailed(error.key, path=str(error.path)) from error
    except OSError as error:
        raise ExportFailed("errors.write_failed", path=str(folder)) from error
    return target
