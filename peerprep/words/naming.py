"""How a preparation is named: one title on every screen and list, one stem for every file.

The rule, the same for home, plain mode, `peerprep list`, the sheet and every file name
(plain mode, read aloud, says its date in words: `spoken_title`):

1. the person's own title, on one line;
2. else the meeting's kind and date ("Udskrivningsmøde 24.12.2026"), when either is known;
3. else when it was begun ("Forberedelse begyndt 30.11.2026"), so that two untitled
   preparations can be told apart.

A file name is the same words with its dates written year first (2026-12-24), so that
files sort by date, and made safe for every file system (`safe_stem`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from peerprep.words.catalogues import Catalogue
from peerprep.words.dates import format_date, say_date

if TYPE_CHECKING:
    from peerprep.model import Preparation

MAX_STEM = 80  # characters; well under every file system's limit, even in UTF-8 bytes

# Path separators and the characters Windows refuses, every control character, and the
# invisible direction marks and overrides (they make a name read differently than it is).
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\u200b-\u200f\u202a-\u202e\u2066-\u2069]')
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"-{2,}")
_WINDOWS_RESERVED = {
    "con", "prn", "aux", "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}  # fmt: skip
_ONE_LINE_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """A title as one line: line breaks and runs of white space become one space, and no
    control character is left (a terminal would act on it)."""
    return " ".join(_ONE_LINE_CONTROLS.sub(" ", text).split())


def _parts(cat: Catalogue, prep: Preparation, date_text: Callable[[dt.date], str]) -> str:
    own = one_line(prep.title)
    if own:
        return own
    meeting = prep.meeting
    if meeting.kind != "other" or meeting.date is not None:
        name = cat.kind(meeting.kind).name
        return f"{name} {date_text(meeting.date) if meeting.date else ''}".strip()
    begun = prep.created_at.astimezone().date()
    return cat.text("naming.untitled", date=date_text(begun))


def display_title(cat: Catalogue, prep: Preparation) -> str:
    """The preparation's name on screen, in lists and on the sheet (see the module's rule)."""
    return _parts(cat, prep, lambda day: format_date(cat, day))


def spoken_title(cat: Catalogue, prep: Preparation) -> str:
    """The same name with its date in words a voice reads well ("Udskrivningsmøde den 24.
    december 2026" rather than "24 punktum 12 punktum 2026"): for line-by-line mode,
    which a screen reader reads aloud."""
    return _parts(cat, prep, lambda day: say_date(cat, day, weekday=False))


def file_stem(cat: Catalogue, prep: Preparation) -> str:
    """The name of any file made from the preparation, without its ending: the title rule
    with dates year first; with an own title, the meeting date follows it.

    "Min plan 2026-12-24", "Udskrivningsmøde 2026-12-24", "Forberedelse begyndt 2026-11-30".
    """
    base = _parts(cat, prep, dt.date.isoformat)
    if one_line(prep.title) and prep.meeting.date is not None:
        base = f"{base} {prep.meeting.date.isoformat()}"
    return safe_stem(base)


def blank_sheet_stem(cat: Catalogue, *, large_print: bool = False) -> str:
    """The name of a blank sheet to fill in by hand: "Tomt ark til mit statement"."""
    key = "export.blank.name_large" if large_print else "export.blank.name"
    return safe_stem(cat.text(key))


def safe_stem(text: str, fallback: str = "peerprep") -> str:
    """`text` made into a file name without extension, safe on Windows, macOS, Linux and
    a FAT-formatted stick: no separators, no `..`, no control or direction characters, no
    leading dot, not a reserved Windows name, not empty, at most MAX_STEM characters."""
    value = unicodedata.normalize("NFC", text)
    value = _UNSAFE.sub("-", value)
    value = _SPACES.sub(" ", value)
    value = _DASHES.sub("-", value)
    while ".." in value:
        value = value.replace("..", ".")
    value = value.strip(" .-_")[:MAX_STEM].strip(" .-_")
    first, dot, rest = value.partition(".")
    if first.strip().lower() in _WINDOWS_RESERVED:  # "CON.txt" is reserved too
        value = f"{first}-1{dot}{rest}"
    if not value:
        return "peerprep" if not fallback or fallback == text else safe_stem(fallback, "")
    return value
