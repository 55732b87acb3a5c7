"""Where the package's own files are: the catalogues, stylesheets, sheet template and fonts.

They live in `assets/`: inside the installed package (the wheel force-includes the folder
as `peerprep/assets`), or beside the package in a source tree.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def assets_dir() -> Path:
    """The assets folder.

    Raises:
        FileNotFoundError: neither the installed nor the source-tree folder is there (a
            broken installation).
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "assets", here.parent / "assets"):
        if (candidate / "lang").is_dir():
            return candidate
    raise FileNotFoundError("peerprep assets folder not found")


def asset(*parts: str) -> Path:
    """A path inside the assets folder, e.g. `asset("tui", "app.tcss")`."""
    return assets_dir().joinpath(*parts)
