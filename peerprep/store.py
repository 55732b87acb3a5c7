"""Drafts on disk: the only module that touches preparation files.

Layout of the data folder:

    preparations/<id>.json    one preparation each, UTF-8, indented
    quarantine/               files that could not be read, moved aside, never deleted
    locks/<id>.lock           who is editing a preparation right now (pid, host)

Writes are atomic (files.atomic_write); folders are 0700 and files 0600 on POSIX.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from peerprep.files import (
    DiskError,
    atomic_write,
    clean_stale_temps,
    ensure_private_dir,
    pid_alive,
    process_started_at,
    reason_key,
)
from peerprep.model import SCHEMA_VERSION, Preparation, is_valid_id

if TYPE_CHECKING:
    from peerprep.crypto import Cipher

APP_NAME = "peerprep"
DATA_DIR_ENV = "PEERPREP_DATA_DIR"


class StoreError(Exception):
    """Something the person should hear about. `key` is a catalogue key; `values` fill it in."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key, values)
        self.key = key
        self.values = values


class UnreadableError(StoreError):
    """A preparation file is broken; `reason` is a catalogue key saying how."""


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(requested: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, else PEERPREP_DATA_DIR, else the platform's user data folder."""
    if requested:
        return Path(requested).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_data_dir()


# --- migrations -----------------------------------------------------------------------


def _migrate_0_to_1(old: dict[str, Any]) -> dict[str, Any]:
    """Version 0 was flat: the meeting and the four parts sat at the top level."""
    data = {k: v for k, v in old.items() if k not in _V0_FIELDS}
    data["schema_version"] = 1
    data.setdefault("id", old.get("id"))
    data["title"] = old.get("title", "")
    created = old.get("created") or old.get("created_at")
    data["created_at"] = created
    data["updated_at"] = old.get("updated") or old.get("updated_at") or created
    data["language"] = old.get("lang", old.get("language", "da"))
    data["meeting"] = {
        "kind": old.get("meeting_kind", "other"),
        "date": old.get("meeting_date"),
        "time": old.get("meeting_time"),
        "place": old.get("place", ""),
        "attendees": [a.strip() for a in str(old.get("attendees", "")).split(",") if a.strip()],
        "companion": old.get("companion", ""),
    }
    data["statement"] = {key: old.get(key, "") for key in _V0_PARTS}
    data["questions"] = list(old.get("questions", []))
    data["after_meeting"] = {"agreed": old.get("agreed", ""), "next_steps": old.get("next_steps", "")}
    return data


_V0_PARTS = ("introduction", "important", "help_with", "so_that")
_V0_FIELDS = {
    "version", "created", "updated", "lang", "meeting_kind", "meeting_date", "meeting_time",
    "place", "attendees", "companion", "agreed", "next_steps", *_V0_PARTS,
}  # fmt: skip

MIGRATIONS = {0: _migrate_0_to_1}


def schema_version_of(data: dict[str, Any]) -> int:
    if "schema_version" in data:
        version = data["schema_version"]
    else:
        version = data.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise UnreadableError("errors.file_wrong_shape")
    return version


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a file's data up to the current schema_version, one step at a time."""
    version = schema_version_of(data)
    if version > SCHEMA_VERSION:
        raise UnreadableError("errors.file_from_future", version=version)
    while version < SCHEMA_VERSION:
        try:
            data = MIGRATIONS[version](data)
        except (TypeError, ValueError, AttributeError) as error:
            # An old file whose fields hold the wrong types (e.g. "questions": 5).
            raise UnreadableError("errors.file_wrong_shape") from error
        version = schema_version_of(data)
    return data


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            # Two values for one field: we cannot know which the person meant.
            raise UnreadableError("errors.file_wrong_shape")
        result[key] = value
    return result


def parse(raw: bytes) -> Preparation:
    """Bytes of a preparation file -> a valid Preparation, or UnreadableError saying why."""
    if not raw.strip():
        raise UnreadableError("errors.file_empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableError("errors.file_not_text") from error
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except (ValueError, RecursionError) as error:
        if isinstance(error, UnreadableError):
            raise
        raise UnreadableError("errors.file_not_json") from error
    if not isinstance(data, dict):
        raise UnreadableError("errors.file_wrong_shape")
    data = migrate(data)
    try:
        prep = Preparation.model_validate(data)
        # A file we can read but could never write back (unknown fields nested deeper than
        # the serializer allows, a lone surrogate in one) would make every later save fail:
        # call it unreadable now, before the person types into it.
        prep.to_json()
    except (ValidationError, ValueError, RecursionError) as error:
        raise UnreadableError("errors.file_wrong_shape") from error
    return prep


# --- results ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Quarantined:
    """A file that could not be read and was moved aside."""

    original: Path
    moved_to: Path
    reason: str  # catalogue key
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Listing:
    preparations: list[Preparation]
    quarantined: list[Quarantined]


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    created_at: float


@dataclass
class Lock:
    """Held while this program edits a preparation; release() when done."""

    path: Path
    info: LockInfo
    took_over: LockInfo | None = None
    released: bool = False

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        with contextlib.suppress(OSError):
            current = json.loads(self.path.read_text(encoding="utf-8"))
            if current.get("pid") == self.info.pid and current.get("host") == self.info.host:
                self.path.unlink()


class LockedError(StoreError):
    def __init__(self, holder: LockInfo) -> None:
        super().__init__("errors.locked", host=holder.host, pid=holder.pid)
        self.holder = holder


def _hostname() -> str:
    return socket.gethostname()


class Store:
    """Preparations in one data folder.

    With a `cipher` (passphrase protection, see crypto.py) files are written as encrypted
    envelopes; plain files are still read, so turning protection on can go one by one.
    """

    in_memory = False  # shared.MemoryStore says True: nothing of it is on disk

    def __init__(self, root: Path, cipher: Cipher | None = None) -> None:
        self.root = Path(root)
        self.cipher = cipher

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
        if not is_valid_id(prep_id):
            raise StoreError("errors.unknown_id", id=prep_id)
        return self.preparations_dir / f"{prep_id}.json"

    def _ensure(self, folder: Path) -> Path:
        try:
            ensure_private_dir(self.root)
            return ensure_private_dir(folder)
        except DiskError as error:
            raise StoreError(error.key, path=str(error.path)) from error

    # reading

    def list(self) -> Listing:
        """Every readable preparation, newest change first; unreadable ones are quarantined."""
        folder = self.preparations_dir
        preparations: list[Preparation] = []
        quarantined: list[Quarantined] = []
        if not folder.is_dir():
            return Listing([], [])
        clean_stale_temps(folder)
        for path in sorted(folder.glob("*.json")):
            if path.name.startswith("."):
                continue
            try:
                preparations.append(self._read(path))
            except UnreadableError as error:
                quarantined.append(self.quarantine(path, error.key, **error.values))
        preparations.sort(key=lambda p: p.updated_at, reverse=True)
        return Listing(preparations, quarantined)

    def load(self, prep_id: str) -> Preparation:
        path = self.path_of(prep_id)
        if not path.is_file():
            raise StoreError("errors.unknown_id", id=prep_id)
        try:
            return self._read(path)
        except UnreadableError as error:
            moved = self.quarantine(path, error.key, **error.values)
            raise UnreadableError(
                "errors.quarantined", name=path.name, path=str(moved.moved_to)
            ) from error

    def exists(self, prep_id: str) -> bool:
        return is_valid_id(prep_id) and self.path_of(prep_id).is_file()

    def _read(self, path: Path) -> Preparation:
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise StoreError(reason_key(error), path=str(path)) from error
        prep = parse(self._unseal(raw))
        if prep.id != path.stem:
            if not is_valid_id(path.stem):
                raise UnreadableError("errors.file_wrong_shape")
            # The file was copied or renamed by hand: its name is what the store knows it by.
            prep.id = path.stem
        return prep

    def quarantine(self, path: Path, reason: str, **values: object) -> Quarantined:
        """Move an unreadable file aside with a timestamp; never delete, never overwrite."""
        self._ensure(self.quarantine_dir)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.quarantine_dir / f"{path.stem}.{stamp}{path.suffix}"
        counter = 1
        while target.exists():
            counter += 1
            target = self.quarantine_dir / f"{path.stem}.{stamp}-{counter}{path.suffix}"
        try:
            os.replace(path, target)
        except OSError as error:
            raise StoreError(reason_key(error), path=str(path)) from error
        return Quarantined(original=path, moved_to=target, reason=reason, values=dict(values))

    # writing

    def save(self, prep: Preparation) -> Path:
        """Write one preparation atomically. Raises StoreError with a reason the person can act on."""
        folder = self._ensure(self.preparations_dir)
        target = folder / f"{prep.id}.json"
        if not is_valid_id(prep.id):
            raise StoreError("errors.unknown_id", id=prep.id)
        data = self._seal(prep.to_json().encode("utf-8"))
        try:
            atomic_write(target, data)
        except DiskError as error:
            raise StoreError(error.key, path=str(error.path)) from error
        return target

    def delete(self, prep_id: str) -> None:
        """Remove one preparation: its file, its lock, and any leftover copy of it."""
        path = self.path_of(prep_id)
        if not path.is_file():
            raise StoreError("errors.unknown_id", id=prep_id)
        try:
            path.unlink()
            for leftover in self.preparations_dir.glob(f".{prep_id}.json.*"):
                leftover.unlink()
            lock = self.locks_dir / f"{prep_id}.lock"
            if lock.exists():
                lock.unlink()
        except OSError as error:
            raise StoreError(reason_key(error), path=str(path)) from error

    def wipe(self) -> list[Path]:
        """Delete everything this program keeps in the data folder. Returns what went."""
        gone: list[Path] = []
        for folder in (self.preparations_dir, self.quarantine_dir, self.locks_dir):
            if folder.exists():
                try:
                    shutil.rmtree(folder)
                except OSError as error:
                    raise StoreError(reason_key(error), path=str(folder)) from error
                gone.append(folder)
        gone.extend(self._wipe_protection())
        with contextlib.suppress(OSError):
            self.root.rmdir()  # only if nothing else of the person's is in it
        return gone

    # locking

    def lock(self, prep_id: str) -> Lock:
        """Take the editing lock, or raise LockedError naming who holds it.

        A lock whose process is gone (same host, pid not alive, or a pid reused by a
        process that started after the lock was taken) is stale and is taken over.
        """
        self.path_of(prep_id)
        folder = self._ensure(self.locks_dir)
        path = folder / f"{prep_id}.lock"
        mine = LockInfo(pid=os.getpid(), host=_hostname(), created_at=dt.datetime.now().timestamp())
        took_over: LockInfo | None = None
        for _attempt in range(3):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                holder = self._read_lock(path)
                if holder is not None and not self._is_stale(holder):
                    if holder.pid == mine.pid and holder.host == mine.host:
                        return Lock(path=path, info=holder)
                    raise LockedError(holder) from None
                took_over = holder
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            except OSError as error:
                raise StoreError(reason_key(error), path=str(path)) from error
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"pid": mine.pid, "host": mine.host, "created_at": mine.created_at}, handle)
            return Lock(path=path, info=mine, took_over=took_over)
        raise StoreError("errors.write_failed", path=str(path))

    def lock_holder(self, prep_id: str) -> LockInfo | None:
        """Who holds a live lock on this preparation, if anyone."""
        holder = self._read_lock(self.locks_dir / f"{prep_id}.lock")
        if holder is None or self._is_stale(holder):
            return None
        return holder

    @staticmethod
    def _read_lock(path: Path) -> LockInfo | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return LockInfo(pid=int(data["pid"]), host=str(data["host"]), created_at=float(data["created_at"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # an unreadable lock protects nothing: treat it as stale

    @staticmethod
    def _is_stale(holder: LockInfo) -> bool:
        if holder.host != _hostname():
            return False  # another machine (a shared USB stick): we cannot know, so respect it
        if not pid_alive(holder.pid):
            return True
        started = process_started_at(holder.pid)
        # The pid is alive but belongs to a process younger than the lock: the number was reused.
        return started is not None and started > holder.created_at + 2.0

    # passphrase protection (crypto.py holds the details; imported only when needed)

    @property
    def protected(self) -> bool:
        """Does this folder ask for a passphrase (protection.json is there)?"""
        from peerprep.crypto import is_protected

        return is_protected(self.root)

    def _seal(self, data: bytes) -> bytes:
        return data if self.cipher is None else self.cipher.seal(data)

    def _unseal(self, raw: bytes) -> bytes:
        if b"peerprep-encrypted" not in raw[:400]:
            return raw  # plain JSON: the usual case, no need to load the crypto module
        from peerprep.crypto import CryptoError, is_envelope

        if not is_envelope(raw):
            return raw
        if self.cipher is None:
            raise CryptoError("crypto.needs_passphrase")
        return self.cipher.open(raw)

    def _wipe_protection(self) -> list[Path]:
        from peerprep.crypto import protection_path

        marker = protection_path(self.root)
        if not marker.exists():
            return []
        try:
            marker.unlink()
        except OSError as error:
            raise StoreError(reason_key(error), path=str(marker)) from error
        return [marker]
