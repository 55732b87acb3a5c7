"""Leaving a computer: "delete all my data" (named before it happens), and printing
without keeping a file. Used by the full-screen program's settings and leave question.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from peerprep.shared import DiskSettings, MemorySettings, MemoryStore

if TYPE_CHECKING:
    from peerprep.content import Catalogue
    from peerprep.model import Preparation
    from peerprep.store import Store


# --- "delete all my data" -----------------------------------------------------------------


@dataclass(frozen=True)
class WipeSummary:
    """What "delete all my data" will take away, counted beforehand, to name in the question."""

    in_memory: bool
    preparations: int
    quarantined: int
    protected: bool
    settings_file: Path | None  # None: kept in memory, or there is none
    data_dir: Path | None


def wipe_summary(store: Store | MemoryStore, keeper: MemorySettings | DiskSettings) -> WipeSummary:
    listing = store.list()
    quarantined = store.quarantined_files()
    settings_file: Path | None = None
    if isinstance(keeper, DiskSettings):
        from peerprep.settings import settings_path

        path = settings_path(keeper.config_dir)
        settings_file = path if path.exists() else None
    return WipeSummary(
        in_memory=store.in_memory,
        preparations=len(listing.preparations),
        quarantined=len(quarantined),
        protected=store.protected,
        settings_file=settings_file,
        data_dir=None if store.in_memory else store.root,
    )


def wipe_everything(
    store: Store | MemoryStore, keeper: MemorySettings | DiskSettings
) -> list[Path]:
    """Preparations, quarantine, locks, the passphrase marker, settings. Not exports."""
    gone = list(store.wipe())
    gone.extend(keeper.remove())
    return gone


# --- printing without keeping a file ----------------------------------------------------------


_LATER: list[Path] = []  # Windows: folders to remove when the program ends


def print_only(prep: Preparation, cat: Catalogue | None = None) -> None:
    """Print the sheet and keep no file: a private temporary folder that is removed as soon
    as the job is handed over. Raises ExportError (no printer, printing failed).

    `lp`/`lpr` have copied the file into the print queue when they return, so the folder
    goes at once. Windows hands the file to a viewer that prints it a moment later; there
    the folder goes when the program ends.
    """
    import atexit
    import shutil
    import tempfile

    from peerprep import export

    folder = Path(tempfile.mkdtemp(prefix="peerprep-print-"))
    try:
        path = export.export_preparation(prep, cat, "pdf", destination=folder)
        export.print_file(path)
    finally:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            if not _LATER:
                atexit.register(_remove_later)
            _LATER.append(folder)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _remove_later() -> None:  # pragma: no cover - exercised on Windows only
    import shutil

    for folder in _LATER:
        shutil.rmtree(folder, ignore_errors=True)
