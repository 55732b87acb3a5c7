"""A hostile-file corpus, generated: what a preparation file, a lock, the settings, the
protection marker or the machine-wide file can be when it comes from anywhere.

- preparations with terminal control sequences in every text field, and with every extreme
  of every typed field the schema accepts (timestamps at the ends of the calendar with the
  largest offsets, dates and times at their ends, every text at its limit, every list full);
- every kind of file that is not a regular file (a pipe, a folder, a link to an endless
  device, a broken link, a link loop, a socket, a file nobody may read), in every place the
  program reads;
- mixtures of encrypted envelopes and plain files.

Used by tests/stress/test_hostile_files.py; nothing here runs the program.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peerprep.choices import MEETING_KINDS, PART_KEYS
from peerprep.model import (
    ATTENDEES_MAX,
    NOTE_MAX,
    PART_MAX,
    QUESTION_MAX,
    QUESTIONS_MAX,
    SHORT_MAX,
    TITLE_MAX,
)

# The good preparations every run must still list, whatever lies beside them.
GOOD = {
    "20260301-100000-aaaaaa": "Godt møde ÆØÅ",
    "20260302-100000-bbbbbb": "Andet gode møde",
}

# What a terminal must never receive from a file (words.controls).
ESCAPES = [
    "\x1b]0;HACKED\x07",  # the window's title (OSC 0)
    "\x1b]52;c;SEFDS0VE\x07",  # the clipboard (OSC 52)
    "\x1b[2J\x1b[H",  # clear the screen, cursor home (CSI)
    "\x1b[31m",  # red
    "\x9b2J",  # CSI in its 8-bit form
    "\x1bP+q544e\x1b\\",  # DCS: ask the terminal a question
    "\r\x07\x08\x00",  # carriage return, bell, backspace, NUL
]
HOSTILE = "".join(ESCAPES)
# What must not be in the terminal's bytes after any run (the sequences' telling parts).
# The clear-screen payload is looked for whole ("2J" then cursor home): the program's own
# clearing when a shared session ends (flow.leaving: home, 2J, 3J) is not from a file.
FORBIDDEN = [b"\x1b]0;HACKED", b"\x1b]52;", b"HACKED\x07", b"\x1b[2J\x1b[H", b"\x9b", b"\x1bP+q"]


def good_data(prep_id: str, title: str) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "id": prep_id,
        "title": title,
        "created_at": "2026-03-01T10:00:00+01:00",
        "updated_at": "2026-03-02T10:00:00+01:00",
        "language": "da",
        "meeting": {
            "kind": "treatment",
            "date": "2026-04-01",
            "time": "10:00:00",
            "place": "Afsnit 3",
            "attendees": ["overlæge"],
            "companion": "",
        },
        "statement": {key: f"Mine ord i {key}." for key in PART_KEYS},
        "questions": ["Hvad nu?"],
        "after_meeting": {"agreed": "", "next_steps": ""},
    }


def _with(prep_id: str, change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = good_data(prep_id, "")
    change(data)
    return data


def _controls_everywhere(data: dict[str, Any]) -> None:
    data["title"] = f"Titel{HOSTILE}slut"
    meeting = data["meeting"]
    meeting["place"] = f"Sted{HOSTILE}"
    meeting["attendees"] = [f"{HOSTILE}læge", "ven"]
    meeting["companion"] = f"{HOSTILE}mor"
    data["statement"] = {key: f"Ord{HOSTILE}i {key}" for key in PART_KEYS}
    data["questions"] = [f"Spørgsmål{HOSTILE}?"]
    data["after_meeting"] = {"agreed": f"aftalt{HOSTILE}", "next_steps": f"{HOSTILE}næste"}
    data["from_a_newer_version"] = {"note": HOSTILE}


def _full(data: dict[str, Any]) -> None:
    wide = "漢"  # two columns wide on a terminal
    combining = "e\u0301"  # two code points, one letter
    data["title"] = (wide * TITLE_MAX)[:TITLE_MAX]
    data["statement"] = {key: (combining * PART_MAX)[:PART_MAX] for key in PART_KEYS}
    meeting = data["meeting"]
    meeting["place"] = "ا" * SHORT_MAX  # right to left
    meeting["attendees"] = ["👩‍👩‍👧" * (SHORT_MAX // 8)] * ATTENDEES_MAX
    meeting["companion"] = "x" * SHORT_MAX
    data["questions"] = ["?" * QUESTION_MAX] * QUESTIONS_MAX
    data["after_meeting"] = {"agreed": "a" * NOTE_MAX, "next_steps": "\n" * NOTE_MAX}


# Every extreme of every typed field, each in a file of its own (name -> change).
EXTREMES: dict[str, Callable[[dict[str, Any]], None]] = {
    "created_earliest": lambda d: d.update(created_at="0001-01-01T00:00:00+23:59"),
    "created_latest": lambda d: d.update(created_at="9999-12-31T23:59:59.999999-23:59"),
    "updated_earliest": lambda d: d.update(updated_at="0001-01-01T00:00:00+23:59"),
    "updated_latest": lambda d: d.update(updated_at="9999-12-31T23:59:59.999999-23:59"),
    "both_latest_utc": lambda d: d.update(
        created_at="9999-12-31T23:59:59Z", updated_at="9999-12-31T23:59:59Z"
    ),
    "date_earliest": lambda d: d["meeting"].update(date="0001-01-01"),
    "date_latest": lambda d: d["meeting"].update(date="9999-12-31"),
    "time_latest_offset": lambda d: d["meeting"].update(time="23:59:59.999999+23:59"),
    "time_earliest_offset": lambda d: d["meeting"].update(time="00:00:00-23:59"),
    "no_date_no_time": lambda d: d["meeting"].update(date=None, time=None),
    "every_text_full": _full,
    "empty": lambda d: d.update(
        title="",
        statement={key: "" for key in PART_KEYS},
        questions=[],
        meeting={"kind": "other"},
    ),
    "english": lambda d: d.update(language="en"),
    "longest_id": lambda d: None,  # its id is the longest allowed (see hostile_preparations)
    "odd_numbers": lambda d: d.update(
        unknown_big=2**200, unknown_small=-(10**300), unknown_float=1e308, unknown_neg=-0.0
    ),
    "deep_unknown": lambda d: d.update(unknown=json.loads("[" * 200 + "]" * 200)),
    **{f"kind_{kind}": (lambda k: lambda d: d["meeting"].update(kind=k))(kind)
       for kind in MEETING_KINDS},
}  # fmt: skip

LONGEST_ID = "Z" + "9" * 63


def hostile_preparations() -> dict[str, dict[str, Any]]:
    """File name (without .json) -> its data: control sequences everywhere, and every
    extreme; each one a preparation the schema accepts."""
    found: dict[str, dict[str, Any]] = {
        "20260303-100000-c0c0c0": _with("20260303-100000-c0c0c0", _controls_everywhere)
    }
    for number, (name, change) in enumerate(EXTREMES.items()):
        prep_id = LONGEST_ID if name == "longest_id" else f"20260304-1000{number:02d}-eeeeee"
        found[prep_id] = _with(prep_id, change)
    return found


def version_0_extremes() -> dict[str, dict[str, Any]]:
    """Old (version 0) files whose naive times are at the ends of the calendar."""
    base = {
        "version": 0,
        "title": "Gammel",
        "lang": "da",
        "meeting_kind": "other",
        "introduction": "Gamle ord.",
    }
    return {
        "20260305-100000-000001": {**base, "created": "0001-01-01T00:00:00"},
        "20260305-100000-000002": {**base, "created": "9999-12-31T23:59:59"},
    }


def write_preparations(folder: Path, items: dict[str, dict[str, Any]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in items.items():
        (folder / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def write_good(data_dir: Path) -> None:
    write_preparations(
        data_dir / "preparations", {i: good_data(i, title) for i, title in GOOD.items()}
    )


# --- files that are not regular files ------------------------------------------------

# Things a link can point at that a program must not read (an endless device, nothing).
ENDLESS = "/dev/zero"


@dataclass(frozen=True)
class OddFile:
    """One kind of thing in a file's place; `make(path)` puts it there."""

    name: str
    make: Callable[[Path], None]


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()


def _endless(path: Path) -> None:
    path.symlink_to(ENDLESS)


def _broken(path: Path) -> None:
    path.symlink_to(path.parent / "there-is-nothing-here")


def _loop(path: Path) -> None:
    path.symlink_to(path)


def _socket(path: Path) -> None:
    # A bound UNIX socket leaves its file behind when closed: what matters is the file.
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with contextlib.closing(sock), contextlib.suppress(OSError):  # a path too long: skip
        sock.bind(str(path))


def _unreadable(path: Path) -> None:
    path.write_text("{}", "utf-8")
    path.chmod(0)


def _giant(path: Path) -> None:
    # Sparse: 64 MB that take no room on disk, larger than any limit of the program.
    with path.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)


ODD_FILES = [
    OddFile("fifo", _fifo),
    OddFile("folder", _folder),
    OddFile("link_to_endless", _endless),
    OddFile("broken_link", _broken),
    OddFile("link_loop", _loop),
    OddFile("socket", _socket),
    OddFile("unreadable", _unreadable),
    OddFile("giant", _giant),
]


@dataclass(frozen=True)
class Place:
    """A place the program reads: where, relative to the test's folder."""

    name: str
    path: Callable[[Path], Path]


ODD_ID = "20260306-100000-0dd0dd"
PLACES = [
    Place("preparation", lambda root: root / "data" / "preparations" / f"{ODD_ID}.json"),
    Place("lock", lambda root: root / "data" / "locks" / f"{next(iter(GOOD))}.lock"),
    Place("settings", lambda root: root / "config" / "settings.json"),
    Place("marker", lambda root: root / "data" / "protection.json"),
    Place("machine", lambda root: root / "site" / "peerprep.conf"),
    Place("quarantine", lambda root: root / "data" / "quarantine"),
]  # fmt: skip


def odd_cases() -> Iterator[tuple[Place, OddFile]]:
    for place in PLACES:
        for odd in ODD_FILES:
            yield place, odd


def put(root: Path, place: Place, odd: OddFile) -> Path:
    path = place.path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        os.rmdir(path)
    odd.make(path)
    return path
