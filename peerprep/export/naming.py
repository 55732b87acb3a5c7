"""File names for exported sheets: made from the title and meeting date, safe on every
system, and never the name of a file that is already there."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from peerprep.content import Catalogue
from peerprep.model import Preparation

MAX_STEM = 80  # characters; well under every file system's limit, even in UTF-8 bytes
MAX_TRIES = 9999

# Path separators and the characters Windows refuses, plus every control character.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\u200b-\u200f\u202a-\u202e\u2066-\u2069]')
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"-{2,}")
_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}


def safe_stem(text: str, fallback: str = "peerprep") -> str:
    """`text` made into a file name without extension: no separators, no `..`, no control
    characters, no leading dot, not a reserved Windows name, not empty, not too long."""
    value = unicodedata.normalize("NFC", text)
    value = _UNSAFE.sub("-", value)
    value = _SPACES.sub(" ", value)
    value = _DASHES.sub("-", value)
    value = value.replace("..", ".")
    while ".." in value:
        value = value.replace("..", ".")
    value = value.strip(" .-_")[:MAX_STEM].strip(" .-_")
    first, dot, rest = value.partition(".")
    if first.strip().lower() in _WINDOWS_RESERVED:  # "CON.txt" is reserved too
        value = f"{first}-1{dot}{rest}"
    if not value:
        return "peerprep" if not fallback or fallback == text else safe_stem(fallback, "")
    return value


def file_name(prep: Preparation, cat: Catalogue, extension: str) -> str:
    """ "Møde om udskrivning 2025-03-12.pdf": the person's title, else the meeting kind,
    else the sheet's heading; then the meeting date, written so names sort by date."""
    meeting = prep.meeting
    if prep.title.strip():
        base = prep.title
    elif meeting.kind != "other" or meeting.date:
        base = cat.kind(meeting.kind).name
    else:
        base = cat.text("sheet.heading")
    if meeting.date:
        base = f"{base} {meeting.date.isoformat()}"
    return f"{safe_stem(base)}.{extension}"


def blank_file_name(cat: Catalogue, extension: str, *, large_print: bool = False) -> str:
    """ "Tomt ark til mit statement.pdf": the name of a blank sheet, in its language."""
    key = "export.blank.name_large" if large_print else "export.blank.name"
    return f"{safe_stem(cat.text(key))}.{extension}"


def numbered(path: Path, number: int) -> Path:
    return path.with_name(f"{path.stem} ({number}){path.suffix}")


def reserve(path: Path) -> Path:
    """Claim `path`, or the first free "name (2).pdf", "name (3).pdf", ... by creating it
    empty and exclusively, so that no other file is overwritten even in a race.
    Raises OSError when the folder cannot be written."""
    candidate = path
    for number in range(2, MAX_TRIES + 2):
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            candidate = numbered(path, number)
            continue
        os.close(fd)
        return candidate
    raise FileExistsError(path)
