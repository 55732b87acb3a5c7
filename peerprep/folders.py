"""Where the settings live: the config folder, found without loading anything heavy.

Kept apart from settings.py (which builds a pydantic model when imported) because every
command needs the folder's name, and the light ones (list, show, where) need no more.
"""

from __future__ import annotations

import os
from pathlib import Path

CONFIG_DIR_ENV = "PEERPREP_CONFIG_DIR"


def default_config_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("peerprep", appauthor=False))


def resolve_config_dir(requested: str | os.PathLike[str] | None = None) -> Path:
    if requested:
        return Path(requested).expanduser()
    from_env = os.environ.get(CONFIG_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_config_dir()
