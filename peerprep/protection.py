"""Turning passphrase protection of a data folder on and off, for the whole store.

The envelope and the key are crypto.py's; this module moves a store's files between plain
and encrypted: the preparations and the files put aside in quarantine (they hold the
person's words too). It sits above the store, which only seals and opens files.

Safe with other programs: both directions are refused while a preparation is open in
another program (it would go on writing the other kind of file), and a program that
is running checks the folder before each save (store.disk.Store._seal). Protecting is
safe to interrupt: the marker is written first, the store reads both kinds of file, and
running it again with the same passphrase finishes the job (`plain_left` says how much
is left).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from peerprep.crypto import (
    CHECK_TEXT,
    MAX_ENVELOPE_BYTES,
    Cipher,
    check_new_passphrase,
    is_envelope,
    is_protected,
    protection_path,
    unlock,
    write_marker,
)
from peerprep.errors import CryptoError, TamperedError
from peerprep.files import DiskError, atomic_write, read_regular_file, reason_key
from peerprep.store import Store


def _refuse_if_open_elsewhere(store: Store) -> None:
    holder = store.open_elsewhere()
    if holder is not None:
        raise CryptoError("crypto.open_elsewhere", pid=holder.pid, host=holder.host)


def protect(store: Store, passphrase: str, *, n: int | None = None) -> Cipher:
    """Turn protection on: every readable preparation is re-written encrypted, one by one,
    and every file in quarantine too.

    The marker is written first, so a crash half way leaves a folder that still asks for
    the passphrase; the store reads both plain and encrypted files, and running protect
    again (with the same passphrase) finishes the job.

    Raises:
        CryptoError: a preparation is open in another program ("crypto.open_elsewhere"),
            or the folder cannot be written; WrongPassphrase when finishing with another
            passphrase.
    """
    _refuse_if_open_elsewhere(store)
    if is_protected(store.root):
        cipher = unlock(store.root, passphrase)
    else:
        check_new_passphrase(passphrase)
        cipher = Cipher.create(passphrase, n=n)
        write_marker(protection_path(store.root), cipher.seal(CHECK_TEXT))
    sealed = Store(store.root, cipher=cipher)
    for prep in sealed.list().preparations:
        sealed.save(prep)  # atomic: the old plain file is replaced in one step
    for path in _regular_files(store.quarantine_dir):
        raw = _read(path)
        if raw is not None and not is_envelope(raw):
            _write(path, cipher.seal(raw))
    return cipher


def unprotect(store: Store, cipher: Cipher) -> int:
    """Turn protection off: every preparation back to plain JSON (and the files in
    quarantine back to what they were), then the marker goes. Returns how many
    preparations.

    Raises:
        CryptoError: a preparation is open in another program ("crypto.open_elsewhere"),
            or a file cannot be written.
    """
    _refuse_if_open_elsewhere(store)
    sealed = Store(store.root, cipher=cipher)
    plain = Store(store.root, unprotecting=True)
    preparations = sealed.list().preparations
    for prep in preparations:
        plain.save(prep)
    for path in _regular_files(store.quarantine_dir):
        raw = _read(path)
        if raw is not None and is_envelope(raw):
            with contextlib.suppress(TamperedError, CryptoError):  # not ours: left locked
                _write(path, cipher.open(raw))
    path = protection_path(store.root)
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        raise CryptoError(reason_key(error), path=str(path)) from error
    return len(preparations)


def plain_left(root: Path) -> int:
    """How many files of a protected data folder are still plain text (a protect that was
    interrupted: running protect again finishes it). 0 for a folder that is not protected."""
    if not is_protected(root):
        return 0
    store = Store(root)
    count = 0
    for folder in (store.preparations_dir, store.quarantine_dir):
        for path in _regular_files(folder):
            if folder == store.preparations_dir and path.suffix != ".json":
                continue
            raw = _read(path)
            if raw is not None and not is_envelope(raw):
                count += 1
    return count


def _regular_files(folder: Path) -> list[Path]:
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    found = []
    for path in entries:
        with contextlib.suppress(OSError):
            if not path.name.startswith(".") and stat.S_ISREG(os.lstat(path).st_mode):
                found.append(path)
    return found


def _read(path: Path) -> bytes | None:
    try:
        return read_regular_file(path, MAX_ENVELOPE_BYTES, follow_links=False)
    except OSError:
        return None


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except DiskError as error:
        raise CryptoError(error.key, path=str(error.path)) from error
