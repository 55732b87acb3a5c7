"""Turning passphrase protection of a data folder on and off, for the whole store.

The envelope and the key are crypto.py's; this module moves a store's preparations between
plain and encrypted files. It sits above the store, which only seals and opens files.
"""

from __future__ import annotations

from peerprep.crypto import (
    CHECK_TEXT,
    Cipher,
    check_new_passphrase,
    is_protected,
    protection_path,
    unlock,
    write_marker,
)
from peerprep.errors import CryptoError
from peerprep.files import reason_key
from peerprep.store import Store


def protect(store: Store, passphrase: str, *, n: int | None = None) -> Cipher:
    """Turn protection on: every readable preparation is re-written encrypted, one by one.

    The marker is written first, so a crash half way leaves a folder that still asks for
    the passphrase; the store reads both plain and encrypted files, and running protect
    again (with the same passphrase) finishes the job.
    """
    if is_protected(store.root):
        cipher = unlock(store.root, passphrase)
    else:
        check_new_passphrase(passphrase)
        cipher = Cipher.create(passphrase, n=n)
        write_marker(protection_path(store.root), cipher.seal(CHECK_TEXT))
    sealed = Store(store.root, cipher=cipher)
    for prep in sealed.list().preparations:
        sealed.save(prep)  # atomic: the old plain file is replaced in one step
    return cipher


def unprotect(store: Store, cipher: Cipher) -> int:
    """Turn protection off: every preparation back to plain JSON, then the marker goes."""
    sealed = Store(store.root, cipher=cipher)
    plain = Store(store.root, unprotecting=True)
    preparations = sealed.list().preparations
    for prep in preparations:
        plain.save(prep)
    path = protection_path(store.root)
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        raise CryptoError(reason_key(error), path=str(path)) from error
    return len(preparations)
