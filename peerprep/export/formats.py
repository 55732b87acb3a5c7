"""The kinds of file a sheet can be: light enough for `peerprep --help` to read."""

from __future__ import annotations

FORMATS: tuple[str, ...] = ("pdf", "html", "txt", "md")
PRINTABLE: tuple[str, ...] = ("pdf", "txt")  # what lp and the Windows print verb take as is
