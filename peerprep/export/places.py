"""Where exports go and in which formats: light enough for `peerprep --help` to read."""

from __future__ import annotations

import os
from pathlib import Path

FORMATS: tuple[str, ...] = ("pdf", "html", "txt", "md")
PRINTABLE: tuple[str, ...] = ("pdf", "txt")  # what lp and the Windows print verb take as is
EXPORT_DIR_ENV = "PEERPREP_EXPORT_DIR"
APP_FOLDER = "peerprep"


def default_export_dir() -> Path:
    """Where exports go unless the person says otherwise: PEERPREP_EXPORT_DIR (for tests and
    ward IT), else a "peerprep" folder in the person's Documents folder."""
    override = os.environ.get(EXPORT_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / APP_FOLDER
