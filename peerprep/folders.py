"""Every folder peerprep uses, and every PEERPREP_* variable that chooses one.

The README's "Where your data lives" table, in code. Found without loading anything heavy
(platformdirs only), because every command needs at least one of them.

    data (preparations, quarantine, locks)  --data-dir, PEERPREP_DATA_DIR; else the
                                            platform's user data folder
    config (settings.json)                  PEERPREP_CONFIG_DIR; else user config folder
    export (sheets)                         PEERPREP_EXPORT_DIR; else Documents/peerprep
    machine-wide file (peerprep.conf)       the site config folders; PEERPREP_SITE_CONFIG_DIR
                                            adds one to look at first (tests, odd installs)

`cloud_service` tells whether a folder is one that a cloud service copies to the internet.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "peerprep"

DATA_DIR_ENV = "PEERPREP_DATA_DIR"
CONFIG_DIR_ENV = "PEERPREP_CONFIG_DIR"
EXPORT_DIR_ENV = "PEERPREP_EXPORT_DIR"
SITE_CONFIG_ENV = "PEERPREP_SITE_CONFIG_DIR"


def _chosen(requested: str | os.PathLike[str] | None, variable: str) -> Path | None:
    if requested:
        return Path(requested).expanduser()
    from_env = os.environ.get(variable)
    if from_env:
        return Path(from_env).expanduser()
    return None


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(requested: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, else PEERPREP_DATA_DIR, else the platform's user data folder."""
    return _chosen(requested, DATA_DIR_ENV) or default_data_dir()


def default_config_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def resolve_config_dir(requested: str | os.PathLike[str] | None = None) -> Path:
    """PEERPREP_CONFIG_DIR, else the platform's user config folder."""
    return _chosen(requested, CONFIG_DIR_ENV) or default_config_dir()


def default_export_dir() -> Path:
    """Where sheets go unless the person says otherwise: PEERPREP_EXPORT_DIR (tests, ward
    IT), else a "peerprep" folder in the person's Documents folder."""
    chosen = _chosen(None, EXPORT_DIR_ENV)
    if chosen is not None:
        return chosen
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / APP_NAME


def machine_config_dirs() -> list[Path]:
    """Where ward IT's machine-wide file may be, in the order they are looked at.

    Every site config folder platformdirs knows (XDG_CONFIG_DIRS, Homebrew's prefix on
    macOS) and the platform's well-known one, so that an odd environment cannot hide the
    file. PEERPREP_SITE_CONFIG_DIR (tests, unusual installs) is looked at first, in
    addition: it can add a machine-wide file, never hide one (machine.py fails closed).
    """
    from platformdirs import site_config_dir

    found: list[Path] = []
    override = os.environ.get(SITE_CONFIG_ENV)
    if override:
        found.append(Path(override).expanduser())
    found += [
        Path(p)
        for p in site_config_dir(APP_NAME, appauthor=False, multipath=True).split(os.pathsep)
        if p
    ]
    if sys.platform == "darwin":
        found.append(Path("/Library/Application Support") / APP_NAME)
    elif sys.platform != "win32":
        found.append(Path("/etc/xdg") / APP_NAME)
    unique: list[Path] = []
    for folder in found:
        if folder not in unique:
            unique.append(folder)
    return unique


# Folders that a cloud service copies to the internet, by a part of their path (lower
# case) -> the service's name. OneDrive's business folders are "OneDrive - <company>";
# iCloud Drive keeps its files under "Mobile Documents/com~apple~CloudDocs" on macOS.
CLOUD_FOLDERS: tuple[tuple[str, str], ...] = (
    ("onedrive", "OneDrive"),
    ("icloud drive", "iCloud Drive"),
    ("iclouddrive", "iCloud Drive"),
    ("com~apple~clouddocs", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
)
# Windows names the folders OneDrive syncs in these variables (set by OneDrive itself).
CLOUD_VARIABLES = ("OneDrive", "OneDriveConsumer", "OneDriveCommercial")


def cloud_service(folder: Path, environ: Mapping[str, str] | None = None) -> str | None:
    """The cloud service that copies `folder` to the internet ("OneDrive"), or None.

    Looks at the folder's path (and where its links lead) for the folders these services
    make, and at the variables OneDrive sets on Windows. Only looks: no file is read.
    """
    environ = os.environ if environ is None else environ
    paths = [folder]
    with contextlib.suppress(OSError, RuntimeError):
        paths.append(folder.resolve())
    for path in paths:
        for part in path.parts:
            name = part.lower()
            for mark, service in CLOUD_FOLDERS:
                if name == mark or name.startswith(mark + " - "):
                    return service
        for variable in CLOUD_VARIABLES:
            root = environ.get(variable, "").strip()
            if root and (path == Path(root) or Path(root) in path.parents):
                return "OneDrive"
    return None
