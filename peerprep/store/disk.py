"""Preparations on disk, in one data folder: the only code that touches preparation files.

Layout of the data folder:

    preparations/<id>.json    one preparation each, UTF-8, indented
    quarantine/               files that could not be read, moved aside, never deleted
    locks/<id>.lock           who is editing a preparation right now (pid, host)

Writes are atomic (files.atomic_write); folders are 0700 and files 0600 on POSIX.
What the bytes of a file mean is fileformat.py's business (encode / decode and the
migrations); how editing locks work is locks.py's. The store moves bytes between the
two, through `_encode` / `_decode`, the one seam where an envelope (crypto.py) wraps them.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import os
import shutil
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from peerprep import locks
from peerprep.errors import StoreError, UnreadableError
from peerprep.fileformat import MAX_FILE_BYTES, decode, encode
from peerprep.files import (
    FILE_MODE,
    DiskError,
    NotARegularFile,
    TooLarge,
    atomic_write,
    clean_stale_temps,
    ensure_private_dir,
    make_private,
    read_regular_file,
    reason_key,
)
from peerprep.folders import ERROR_LOG_FILE
from peerprep.ids import is_valid_id
from peerprep.locks import Lock, LockedError, LockInfo
from peerprep.store.contract import Listing, Quarantined, Skipped

if TYPE_CHECKING:
    from peerprep.crypto import Cipher
    from peerprep.model import Preparation

# The bytes of a preparation file -> a Preparation (UnreadableError says why not).
parse = decode

# What tells that a file is the same as when it was last read: its size, time of change
# (ns), file number and time of status change. Our saves replace the file (a new number).
_Stamp = tuple[int, int, int, int]


class _Vanished(Exception):
    """The file went away while we looked at it (another program moved it first)."""


class Store:
    """Preparations in one data folder.

    With a `cipher` (passphrase protection, see crypto.py) files are written as encrypted
    envelopes; plain files are still read, so turning protection on can go one by one.
    """

    in_memory = False  # store.memory.MemoryStore says True: nothing of it is on disk

    def __init__(
        self, root: Path, cipher: Cipher | None = None, *, unprotecting: bool = False
    ) -> None:
        self.root = Path(root)
        self.cipher = cipher
        # What the last listing read, by file name (see `list`), and with which cipher.
        self._listed: dict[str, tuple[_Stamp, Preparation]] = {}
        self._listed_cipher: Cipher | None = cipher
        # Plain files into a folder that still asks for a passphrase: only while
        # protection.unprotect turns protection off (it removes the marker when done).
        self._unprotecting = unprotecting

    @property
    def preparations_dir(self) -> Path:
        return self.root / "preparations"

    @property
    def quarantine_dir(self) -> Path:
        return self.root / "quarantine"

    @property
    def locks_dir(self) -> Path:
        return self.root / "locks"

    def path_of(self, prep_id: str) -> Path:
        """Where the file of `prep_id` is (or would be) on disk.

        Raises:
            StoreError: the id is not one this store could have made (errors.unknown_id).
        """
        if not is_valid_id(prep_id):
            raise StoreError("errors.unknown_id", id=prep_id)
        return self.preparations_dir / f"{prep_id}.json"

    def _lock_path(self, prep_id: str) -> Path:
        self.path_of(prep_id)  # the same check: an id is a file name
        return self.locks_dir / f"{prep_id}.lock"

    def _ensure(self, folder: Path) -> Path:
        try:
            ensure_private_dir(self.root)
            return ensure_private_dir(folder)
        except DiskError as error:
            raise StoreError(error.key, path=str(error.path)) from error

    # bytes <-> preparation: the one place

    def _encode(self, prep: Preparation) -> bytes:
        try:
            data = encode(prep)
        except ValueError as error:
            # Text that JSON cannot hold (a lone surrogate pasted from somewhere).
            raise StoreError("errors.not_saveable") from error
        return self._seal(data)

    def _decode(self, raw: bytes) -> Preparation:
        return decode(self._unseal(raw))

    # reading

    def list(self) -> Listing:
        """Every readable preparation, newest change first; unreadable ones are quarantined
        (each reported once, in `quarantined`) and never stop the others from loading.

        A file read before and not changed since (the same name, size, time of change and
        file number) is not read again: its preparation comes from the last listing. The
        preparations of a listing are therefore shared: read them, and `load` the one to
        change. A file that cannot be read is never remembered, so it is reported (or put
        aside) again each time."""
        folder = self.preparations_dir
        if not folder.is_dir():
            return Listing([], [])
        self._sweep(folder)
        known = self._listed if self._listed_cipher is self.cipher else {}
        remembered: dict[str, tuple[_Stamp, Preparation]] = {}
        listing = self._read_all(self._files(folder), known, remembered)
        self._listed, self._listed_cipher = remembered, self.cipher
        return listing

    def newest(self, count: int) -> Listing:
        """A first look for a long list: the `count` files changed last (by the time on the
        file, which our saves set), read (and put aside when broken) as `list` would, newest
        change first. `list` then gives them all, in the order of their own times. Like
        `list`, it clears what killed programs left (a short list is read by this alone)."""
        folder = self.preparations_dir
        if not folder.is_dir():
            return Listing([], [])
        self._sweep(folder)  # a short list is read by this alone
        files = sorted(self._files(folder), key=lambda item: item[2][1], reverse=True)
        known = self._listed if self._listed_cipher is self.cipher else {}
        return self._read_all(files[:count], known, {})

    def _sweep(self, folder: Path) -> None:
        """Leftovers of killed programs never pile up: each reading of the list removes the
        half-written files and the locks their programs left."""
        clean_stale_temps(folder)
        locks.sweep_stale(self.locks_dir)

    def _files(self, folder: Path) -> builtins.list[tuple[str, Path, _Stamp]]:
        """The preparation files in `folder`, by name: (name, path, stamp)."""
        found: builtins.list[tuple[str, Path, _Stamp]] = []
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                # as glob("*.json") matched them: case-insensitively where the system is
                if name.startswith(".") or not os.path.normcase(name).endswith(".json"):
                    continue
                try:
                    # not followed: a link, a pipe or a folder is named by `_read`, never
                    # read through and never silently left out
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue  # gone since the folder was read
                stamp = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
                found.append((name, Path(entry.path), stamp))
        found.sort()
        return found

    def _read_all(
        self,
        files: builtins.list[tuple[str, Path, _Stamp]],
        known: dict[str, tuple[_Stamp, Preparation]],
        remembered: dict[str, tuple[_Stamp, Preparation]],
    ) -> Listing:
        preparations: list[Preparation] = []
        quarantined: list[Quarantined] = []
        skipped: list[Skipped] = []
        for name, path, stamp in files:
            seen = known.get(name)
            if seen is not None and seen[0] == stamp:
                prep = seen[1]
            else:
                try:
                    prep = self._read(path)
                except _Vanished:
                    continue
                except UnreadableError as error:
                    try:
                        with contextlib.suppress(_Vanished):
                            quarantined.append(self._quarantine(path, error.key, **error.values))
                    except StoreError:
                        # It cannot be moved aside now (a read-only stick): leave it where
                        # it is and still show the others.
                        skipped.append(Skipped(path=path, reason="rows.why.cannot_move"))
                    continue
                except _CannotOpen as error:
                    # Not ours to read or move (a pipe, a link, a file locked with a
                    # passphrase this folder does not have): named, left alone, never
                    # hiding the others.
                    skipped.append(Skipped(path=path, reason=error.why))
                    continue
            # The stamp is from before the read: a file changed while it was read has
            # another stamp by the next listing, and is read again then.
            remembered[name] = (stamp, prep)
            preparations.append(prep)
        preparations.sort(key=lambda p: p.updated_at, reverse=True)
        return Listing(preparations, quarantined, skipped)

    def load(self, prep_id: str) -> Preparation:
        """One preparation by id, read from its file (and opened with the passphrase when the
        folder is protected).

        Raises:
            StoreError: there is no such preparation, or its file cannot be read (a folder,
                a link, no permission; the key says which).
            UnreadableError: the file is broken; it is put aside in quarantine first.
        """
        path = self.path_of(prep_id)
        if not os.path.lexists(path):
            raise StoreError("errors.unknown_id", id=prep_id)
        try:
            return self._read(path)
        except _Vanished:
            raise StoreError("errors.unknown_id", id=prep_id) from None
        except _CannotOpen as error:
            raise StoreError(error.key, path=str(path)) from error
        except UnreadableError as error:
            try:
                moved = self._quarantine(path, error.key, **error.values)
            except _Vanished:
                raise StoreError("errors.unknown_id", id=prep_id) from None
            raise UnreadableError(
                "errors.quarantined", name=path.name, path=str(moved.moved_to)
            ) from error

    def exists(self, prep_id: str) -> bool:
        return is_valid_id(prep_id) and _is_regular(self.path_of(prep_id))

    def _read(self, path: Path) -> Preparation:
        # Without blocking (a pipe in a file's place), without following a link (to an
        # endless device, to someone else's file) and only up to the largest file we write.
        try:
            raw = read_regular_file(path, MAX_FILE_BYTES, follow_links=False)
        except FileNotFoundError as error:
            raise _Vanished() from error
        except NotARegularFile as error:
            raise _CannotOpen("errors.not_a_file", "rows.why.not_a_file") from error
        except TooLarge as error:
            raise UnreadableError("errors.file_too_large") from error
        except OSError as error:
            raise _CannotOpen("errors.cannot_read", "rows.why.cannot_read") from error
        if not is_valid_id(path.stem):
            # Copied in by hand under a name that is no id ("my copy.json").
            raise UnreadableError("errors.file_bad_name")
        if self.cipher is None and _is_envelope(raw) and not self.protected:
            # Locked with a passphrase this folder does not ask for (copied in, or written
            # by a program that still had the folder protected): the person's words, left
            # as they are and named, never a reason to hide the others.
            raise _CannotOpen("crypto.envelope_here", "rows.why.envelope")
        prep = self._decode(raw)
        if prep.id != path.stem:
            # The file was copied or renamed by hand: its name is what the store knows it by.
            prep.id = path.stem
        return prep

    def quarantine(self, path: Path, reason: str, **values: object) -> Quarantined:
        """Move an unreadable file aside with a timestamp; never delete, never overwrite.

        Raises:
            StoreError: the file is gone, or the quarantine folder cannot be written.
        """
        try:
            return self._quarantine(path, reason, **values)
        except _Vanished:
            raise StoreError("errors.folder_missing", path=str(path)) from None

    def _quarantine(self, path: Path, reason: str, **values: object) -> Quarantined:
        folder = self._ensure(self.quarantine_dir)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        counter = 1
        while True:
            # Claim the name first (O_EXCL): two programs quarantining at the same second
            # can never pick the same name, so nothing in quarantine is ever overwritten.
            tail = "" if counter == 1 else f"-{counter}"
            target = folder / f"{path.stem}.{stamp}{tail}{path.suffix}"
            try:
                os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                break
            except FileExistsError:
                counter += 1
            except OSError as error:
                raise StoreError(reason_key(error), path=str(target)) from error
        try:
            os.replace(path, target)  # replaces only our own empty claim
        except OSError as error:
            with contextlib.suppress(OSError):
                target.unlink()
            if isinstance(error, FileNotFoundError):
                raise _Vanished() from error
            raise StoreError(reason_key(error), path=str(path)) from error
        # It keeps its mode in the move: a file put into the folder by hand (0644, say)
        # is made private like every file the program keeps (docs/format.md).
        make_private(target, FILE_MODE)
        return Quarantined(original=path, moved_to=target, reason=reason, values=dict(values))

    def quarantined_files(self) -> builtins.list[Path]:
        """What lies in quarantine now (oldest name first)."""
        folder = self.quarantine_dir
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.is_file())

    # writing

    def save(self, prep: Preparation) -> Path:
        """Write one preparation atomically. Raises StoreError with a reason the person can
        act on; the file on disk is then the one from the last successful save.

        Raises:
            StoreError: the folder cannot be written (full, read-only, gone), or the text
                cannot be written as JSON; the key says which.
        """
        if not is_valid_id(prep.id):
            raise StoreError("errors.unknown_id", id=prep.id)
        data = self._encode(prep)
        target = self._ensure(self.preparations_dir) / f"{prep.id}.json"
        try:
            atomic_write(target, data)
        except DiskError as error:
            raise StoreError(error.key, path=str(error.path)) from error
        return target

    def _refuse_if_open_elsewhere(self, lock_path: Path, *, force: bool = False) -> None:
        holder = locks.live_holder(lock_path)
        if holder is None or locks.is_mine(holder):
            return
        if not force or locks.provably_live(holder):
            # Deleting under another window would have it write the file back at once.
            raise LockedError(holder)

    def open_elsewhere(self, *, force: bool = False) -> LockInfo | None:
        """Who has a preparation of this folder open in another program right now, if
        anyone (the first found): wipe, protect and unprotect wait until it is closed.
        With `force`, only a program this one can see running counts (locks.provably_live):
        the person said the other computer's window is closed."""
        if not self.locks_dir.is_dir():
            return None
        for lock_path in sorted(self.locks_dir.glob("*.lock")):
            holder = locks.live_holder(lock_path)
            if holder is None or locks.is_mine(holder):
                continue
            if not force or locks.provably_live(holder):
                return holder
        return None

    def delete(self, prep_id: str, *, force: bool = False) -> None:
        """Remove one preparation: its file, its lock, and any leftover temp file of it.
        Refused (LockedError) while another program has it open; with `force`, only
        while one runs on this computer (see open_elsewhere).

        Raises:
            LockedError: it is open in another program.
            StoreError: there is no such preparation, or its file cannot be removed.
        """
        path = self.path_of(prep_id)
        if not _is_regular(path):
            raise StoreError("errors.unknown_id", id=prep_id)
        lock_path = self._lock_path(prep_id)
        self._refuse_if_open_elsewhere(lock_path, force=force)
        try:
            path.unlink()
            for leftover in self.preparations_dir.glob(f".{prep_id}.json.*"):
                leftover.unlink()
            lock_path.unlink(missing_ok=True)
        except OSError as error:
            raise StoreError("errors.cannot_delete", path=str(path)) from error

    def wipe(self, *, force: bool = False) -> builtins.list[Path]:
        """Delete everything this program keeps in the data folder: preparations,
        quarantine, locks, the protection marker and the error log (flow.unforeseen).
        Returns what went. Refused (LockedError) while another program has a
        preparation open; with `force`, only while one runs on this computer.

        Raises:
            LockedError: a preparation is open in another program; nothing is deleted.
        """
        holder = self.open_elsewhere(force=force)
        if holder is not None:
            raise LockedError(holder)
        from peerprep.crypto import protection_path

        gone: list[Path] = []
        for path in (
            self.preparations_dir,
            self.quarantine_dir,
            self.locks_dir,
            protection_path(self.root),
            self.root / ERROR_LOG_FILE,
        ):
            if _remove(path):
                gone.append(path)
        with contextlib.suppress(OSError):
            self.root.rmdir()  # only if nothing else of the person's is in it
        return gone

    # locking

    def lock(self, prep_id: str, *, force: bool = False) -> Lock:
        """Take the editing lock, or raise LockedError naming who holds it.

        A stale lock (its program is gone; see locks.py) is taken over and named in
        `Lock.took_over`. `force=True` takes it from a holder this program cannot see
        running (another computer's; locks.acquire).
        """
        path = self._lock_path(prep_id)
        self._ensure(self.locks_dir)
        return locks.acquire(path, force=force)

    def lock_holder(self, prep_id: str) -> LockInfo | None:
        """Who holds a live lock on this preparation, if anyone (this process included)."""
        return locks.live_holder(self._lock_path(prep_id))

    # passphrase protection (crypto.py holds the details; imported only when needed)

    @property
    def protected(self) -> bool:
        """Does this folder ask for a passphrase (protection.json is there)?"""
        from peerprep.crypto import is_protected

        return is_protected(self.root)

    def _seal(self, data: bytes) -> bytes:
        if self.cipher is not None:
            return self.cipher.seal(data)
        if self.protected and not self._unprotecting:
            # Protected by another program since this one opened the folder: plain text
            # must never go into it. The words stay on screen (a face offers to save them
            # elsewhere) until the program is started again with the passphrase.
            from peerprep.errors import CryptoError

            raise CryptoError("crypto.protected_meanwhile", path=str(self.root))
        return data

    def _unseal(self, raw: bytes) -> bytes:
        if b"peerprep-encrypted" not in raw[:400]:
            return raw  # plain JSON: the usual case, no need to load the crypto module
        from peerprep.crypto import is_envelope
        from peerprep.errors import CryptoError

        if not is_envelope(raw):
            return raw
        if self.cipher is None:
            raise CryptoError("crypto.needs_passphrase")
        return self.cipher.open(raw)


class _CannotOpen(Exception):
    """A file the store does not read: `key` says so in a sentence (catalogue, with the
    file's `path`), `why` in a few words for the list of files needing attention."""

    def __init__(self, key: str, why: str) -> None:
        super().__init__(key)
        self.key = key
        self.why = why


def _remove(path: Path) -> bool:
    """Remove what is at `path`: a folder with all in it, or a file, a link (not what it
    points at), a pipe. False when nothing was there.

    Raises:
        StoreError: it cannot be removed (the key says why).
    """
    try:
        if stat.S_ISDIR(os.lstat(path).st_mode):
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise StoreError("errors.cannot_delete", path=str(path)) from error
    return True


def _is_regular(path: Path) -> bool:
    """A regular file itself (a link is not followed)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _is_envelope(raw: bytes) -> bool:
    if b"peerprep-encrypted" not in raw[:400]:
        return False  # the usual case: no need to load the crypto module
    from peerprep.crypto import is_envelope

    return is_envelope(raw)
