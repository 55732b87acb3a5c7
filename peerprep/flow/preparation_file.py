"""A preparation as a file of its own, outside the data folder: saved to a folder the person
chooses (a USB stick), or opened from one.

Saving never overwrites a file silently: a taken name gets a number. Opening checks the
file exactly as the store does (store.parse), so a file that the store could not read is
refused with a plain reason, and neither the file nor anything in the store is touched.
A file is read only if it is a regular file of reasonable size, so a device, a pipe or
a hostile giant cannot hang or exhaust the program.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from peerprep.errors import StoreError, UnreadableError
from peerprep.fileformat import MAX_FILE_BYTES
from peerprep.files import (
    DiskError,
    NotARegularFile,
    TooLarge,
    atomic_write,
    claim_new_name,
    read_regular_file,
    reason_key,
)
from peerprep.flow.said import Said
from peerprep.model import Preparation, new_id
from peerprep.store import parse
from peerprep.words.naming import display_title, file_stem

if TYPE_CHECKING:
    from peerprep.crypto import Cipher
    from peerprep.store import PreparationStore
    from peerprep.words import Catalogue

SUFFIX = ".json"


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
    """A preparation from any file the person points at.

    Only a regular file of reasonable size is read (a device, a pipe or a hostile giant
    cannot hang or exhaust the program).

    Raises:
        TransferError: it cannot be read, or is not a preparation; the key says why.
    """
    path = Path(path).expanduser()
    name = path.name or str(path)
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise TransferError("shared.import_missing", path=str(path)) from None
    except NotARegularFile:
        raise TransferError("shared.import_not_a_file", path=str(path), name=name) from None
    except TooLarge:
        raise TransferError("shared.import_too_big", name=name) from None
    except OSError as error:
        raise TransferError("shared.import_cannot_read", path=str(path), name=name) from error
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


def import_file(store: PreparationStore, path: Path) -> Imported:
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


def imported_message(cat: Catalogue, result: Imported, *, in_memory: bool) -> Said:
    """What to say after an import: already there, came in as a copy, or opened - and on
    a shared computer, that it is kept only while the program runs."""
    title = {"title": display_title(cat, result.prep)}
    if result.already_there:
        return Said("shared.import_already", title)
    if in_memory:
        return Said("shared.imported_memory", title)
    return Said("shared.imported_copy" if result.renamed else "shared.imported", title)


# --- saving to a folder -------------------------------------------------------------


def file_name(cat: Catalogue, prep: Preparation) -> str:
    """The file's name in the folder: the preparation's file stem (words.naming)."""
    return file_stem(cat, prep) + SUFFIX


def save_to_folder(cat: Catalogue, prep: Preparation, folder: Path) -> Path:
    """Write the preparation as plain JSON into `folder`; never overwrites ("name (2).json").
    Returns the file.

    Raises:
        TransferError: no such folder, or it cannot be written (the key says why).
    """
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise TransferError("shared.save_no_folder", path=str(folder))
    try:
        target = claim_new_name(folder / file_name(cat, prep))
    except FileExistsError:
        raise TransferError("shared.save_no_name", path=str(folder)) from None
    except OSError as error:
        raise TransferError(reason_key(error), path=str(folder)) from error
    try:
        # The empty file holds the name while the text is written beside it and moved in.
        atomic_write(target, prep.to_json().encode("utf-8"))
    except DiskError as error:
        with contextlib.suppress(OSError):
            target.unlink()
        raise TransferError(error.key, path=str(error.path)) from error
    return target
