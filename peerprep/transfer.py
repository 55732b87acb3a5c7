"""Carry your own: save a preparation as its JSON file to a folder of one's choice, open one.

Saving never overwrites a file silently: a taken name gets a number. Opening checks the
file exactly as the store does (store.parse), so a file that the store could not read is
refused with a plain reason, and neither the file nor anything in the store is touched.
A file is read only if it is a regular file of reasonable size, so a device, a pipe or
a hostile giant cannot hang or exhaust the program.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from peerprep.fileformat import MAX_FILE_BYTES as STORE_MAX_FILE_BYTES
from peerprep.files import DiskError, atomic_write, reason_key
from peerprep.model import Preparation, new_id
from peerprep.store import StoreError, UnreadableError, parse

if TYPE_CHECKING:
    from peerprep.content import Catalogue
    from peerprep.crypto import Cipher
    from peerprep.shared import MemoryStore
    from peerprep.store import Store

# The same limit as the store reads: a real preparation stays far below it.
MAX_FILE_BYTES = STORE_MAX_FILE_BYTES
NAME_MAX = 80
SUFFIX = ".json"

_WINDOWS_RESERVED = {
    "con", "prn", "aux", "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}  # fmt: skip
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


class TransferError(StoreError):
    """Saving to, or opening from, a file did not work; `key` is a catalogue key."""


@dataclass(frozen=True)
class Imported:
    """What opening a file did. `renamed`: its id was taken, so it came in as a copy."""

    prep: Preparation
    source: Path
    renamed: bool = False
    already_there: bool = False


# --- opening from a file ------------------------------------------------------------


def read_file(path: Path, cipher: Cipher | None = None) -> Preparation:
    """A preparation from any file the person points at, or TransferError saying why."""
    path = Path(path).expanduser()
    name = path.name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise TransferError("shared.import_missing", path=str(path)) from None
    except OSError as error:
        raise TransferError("shared.import_cannot_read", path=str(path), name=name) from error
    if not stat.S_ISREG(info.st_mode):
        raise TransferError("shared.import_not_a_file", path=str(path), name=name)
    if info.st_size > MAX_FILE_BYTES:
        raise TransferError("shared.import_too_big", name=name)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise TransferError("shared.import_cannot_read", path=str(path), name=name) from error
    if len(raw) > MAX_FILE_BYTES:  # it grew, or stat did not tell the truth
        raise TransferError("shared.import_too_big", name=name)
    return _parse(raw, name, cipher)


def _parse(raw: bytes, name: str, cipher: Cipher | None) -> Preparation:
    from peerprep import crypto

    try:
        if crypto.is_envelope(raw):
            if cipher is None:
                raise TransferError("shared.import_locked", name=name)
            raw = cipher.open(raw)
        return parse(raw)
    except crypto.TamperedError:
        raise TransferError("shared.import_wrong_passphrase", name=name) from None
    except UnreadableError as error:
        raise _bad(name, error.key, dict(error.values)) from error
    except (MemoryError, RecursionError) as error:
        raise _bad(name, "errors.file_wrong_shape", {}) from error


def _bad(name: str, reason: str, reason_values: dict[str, object]) -> TransferError:
    # `reason` holds a catalogue key; describe() turns it into words. A face that only
    # knows cat.text(key, **values) still gets a sentence, never a crash.
    return TransferError("shared.import_bad", name=name, reason=reason, reason_values=reason_values)


def import_file(store: Store | MemoryStore, path: Path) -> Imported:
    """Copy a preparation from a file into the store. The source file is never changed.

    A preparation already in the store with the same id is never overwritten: the same
    words come in as nothing new; different words come in as a copy with a new id.
    """
    path = Path(path).expanduser()
    prep = read_file(path, store.cipher)
    renamed = False
    if store.exists(prep.id):
        try:
            existing: Preparation | None = store.load(prep.id)
        except StoreError:
            existing = None  # the one in the store is broken (and now set aside): keep both
        if existing is not None and existing.to_json() == prep.to_json():
            return Imported(prep=existing, source=path, already_there=True)
        prep.id = new_id()
        renamed = True
    store.save(prep)
    return Imported(prep=prep, source=path, renamed=renamed)


def describe(cat: Catalogue, error: StoreError) -> str:
    """One sentence for any store or transfer error, with a file's reason in words."""
    values = dict(error.values)
    reason, reason_values = values.get("reason"), values.get("reason_values")
    if isinstance(reason, str) and cat.has(reason):
        extra = reason_values if isinstance(reason_values, dict) else {}
        values["reason"] = cat.text(reason, **extra)
    return cat.text(error.key, **values)


# --- saving to a folder -------------------------------------------------------------


def safe_name(text: str, fallback: str) -> str:
    """A file name (without suffix) that works on Windows, macOS, Linux and a FAT stick."""
    cleaned = unicodedata.normalize("NFC", text)
    cleaned = "".join(ch for ch in cleaned if unicodedata.category(ch)[0] != "C")
    cleaned = _UNSAFE.sub("-", cleaned)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .-")
    cleaned = cleaned[:NAME_MAX].rstrip(" .-")
    if not cleaned or set(cleaned) <= {"."} or cleaned.split(".")[0].lower() in _WINDOWS_RESERVED:
        return fallback
    return cleaned


def file_name(cat: Catalogue, prep: Preparation) -> str:
    from peerprep.content import display_title

    return safe_name(display_title(cat, prep), fallback=prep.id) + SUFFIX


def _reserve(folder: Path, stem: str) -> Path:
    """Take a free name in `folder` by creating it empty; "name (2).json" when it is taken."""
    for number in range(1, 1000):
        candidate = folder / (f"{stem}{SUFFIX}" if number == 1 else f"{stem} ({number}){SUFFIX}")
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError as error:
            raise TransferError(reason_key(error), path=str(candidate)) from error
        os.close(fd)
        return candidate
    raise TransferError("shared.save_no_name", path=str(folder))


def save_to_folder(cat: Catalogue, prep: Preparation, folder: Path) -> Path:
    """Write the preparation as plain JSON into `folder`; never overwrites. Returns the file."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise TransferError("shared.save_no_folder", path=str(folder))
    stem = file_name(cat, prep)[: -len(SUFFIX)]
    target = _reserve(folder, stem)
    try:
        # The empty file holds the name while the text is written beside it and moved in.
        atomic_write(target, prep.to_json().encode("utf-8"))
    except DiskError as error:
        with contextlib.suppress(OSError):
            target.unlink()
        raise TransferError(error.key, path=str(error.path)) from error
    return target


# --- places a person may carry their words to -----------------------------------------------


def removable_places(limit: int = 6) -> list[Path]:
    """Folders that are probably a USB stick or a card, to offer as one-key choices.

    Only looks (never writes); an empty list is fine: the person can type any folder.
    """
    import getpass
    import string
    import sys

    found: list[Path] = []
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        # D: and up; A: and B: are skipped because an empty floppy drive can hang.
        candidates = [Path(f"{letter}:\\") for letter in string.ascii_uppercase[3:]]
    elif sys.platform == "darwin":  # pragma: no cover - exercised on macOS only
        candidates = sorted(Path("/Volumes").glob("*"))
        candidates = [p for p in candidates if p.name != "Macintosh HD"]
    else:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = ""
        roots = [Path("/media") / user, Path("/run/media") / user] if user else []
        candidates = [p for root in roots for p in sorted(root.glob("*"))]
    for candidate in candidates:
        with contextlib.suppress(OSError):
            if candidate.is_dir() and os.access(candidate, os.W_OK):
                found.append(candidate)
        if len(found) >= limit:
            break
    return found
