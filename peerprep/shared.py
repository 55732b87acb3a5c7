"""Shared-computer mode: the person's words are kept in memory only, never on this disk.

On a ward computer the next person at the keyboard may be another patient. In this mode
no preparation, setting, lock, temporary file or log of the person's is written to disk;
only what they explicitly take with them (export, print, save to a folder they choose)
leaves the program.

It is turned on by any of:
- `peerprep --shared`,
- the environment variable PEERPREP_SHARED=1,
- a machine-wide file that ward IT places once: `peerprep.conf` in the platform's *site*
  config folder (see docs/ward-it.md). While that file says so, nobody can turn shared
  mode off from inside the program, and its minutes decide the privacy and erase timers.

The machine-wide file is plain `name = value` lines (no JSON, no TOML) so it can be
written with Notepad:

    # peerprep on the ward computers
    shared = yes
    privacy_minutes = 3
    erase_minutes = 20
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from peerprep.model import Preparation
from peerprep.store import Listing, Lock, LockInfo, StoreError, parse

if TYPE_CHECKING:
    # Loaded where a shared session starts: `peerprep list` asks only whether it is one.
    from peerprep.settings import Settings

SHARED_ENV = "PEERPREP_SHARED"
SITE_CONFIG_ENV = "PEERPREP_SITE_CONFIG_DIR"
MACHINE_FILE = "peerprep.conf"
MAX_MACHINE_FILE_BYTES = 64 * 1024

DEFAULT_PRIVACY_MINUTES = 3
DEFAULT_ERASE_MINUTES = 20
PRIVACY_RANGE = (1, 240)  # the same bounds as settings.Settings
ERASE_RANGE = (1, 1440)

_YES = {"1", "yes", "true", "on", "ja", "j", "y"}
_NO = {"0", "no", "false", "off", "nej", "n"}


# --- the machine-wide file ------------------------------------------------------------


@dataclass(frozen=True)
class MachineConfig:
    """What the machine-wide file says. `problems` lists lines that could not be used."""

    path: Path
    found: bool = False
    shared: bool = False
    privacy_minutes: int | None = None
    erase_minutes: int | None = None
    problems: tuple[str, ...] = ()


def machine_config_dirs() -> list[Path]:
    """Where the machine-wide file may be, first match wins.

    PEERPREP_SITE_CONFIG_DIR replaces them all (tests, unusual installs). Otherwise every
    site config folder platformdirs knows (XDG_CONFIG_DIRS, Homebrew's prefix on macOS)
    and the platform's well-known one, so an odd environment cannot hide the file.
    """
    override = os.environ.get(SITE_CONFIG_ENV)
    if override:
        return [Path(override).expanduser()]
    from platformdirs import site_config_dir

    found = [
        Path(p)
        for p in site_config_dir("peerprep", appauthor=False, multipath=True).split(os.pathsep)
        if p
    ]
    if sys.platform == "darwin":
        found.append(Path("/Library/Application Support/peerprep"))
    elif sys.platform != "win32":
        found.append(Path("/etc/xdg/peerprep"))
    unique: list[Path] = []
    for folder in found:
        if folder not in unique:
            unique.append(folder)
    return unique


def machine_config_path() -> Path:
    """The documented place for the machine-wide file (the first of machine_config_dirs)."""
    return machine_config_dirs()[0] / MACHINE_FILE


def _minutes(value: str, bounds: tuple[int, int]) -> int | None:
    try:
        number = int(value)
    except ValueError:
        return None
    return number if bounds[0] <= number <= bounds[1] else None


def parse_machine_config(text: str, path: Path) -> MachineConfig:
    """Read `name = value` lines. A file that is there means shared mode unless it says no.

    Failing safe: a present file whose `shared` line cannot be understood turns shared
    mode on, because IT placed the file to protect people, not to leave their words behind.
    """
    shared = True
    privacy: int | None = None
    erase: int | None = None
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";", "[")):
            continue
        name, sep, value = stripped.partition("=")
        name, value = name.strip().lower().replace("-", "_"), value.strip().strip("\"'").lower()
        if not sep:
            problems.append(f"{number}: {stripped[:60]}")
        elif name == "shared":
            if value in _NO:
                shared = False
            elif value not in _YES:
                problems.append(f"{number}: {stripped[:60]}")
        elif name == "privacy_minutes":
            privacy = _minutes(value, PRIVACY_RANGE)
            if privacy is None:
                problems.append(f"{number}: {stripped[:60]}")
        elif name == "erase_minutes":
            erase = _minutes(value, ERASE_RANGE)
            if erase is None:
                problems.append(f"{number}: {stripped[:60]}")
        else:
            problems.append(f"{number}: {stripped[:60]}")
    return MachineConfig(path, True, shared, privacy, erase, tuple(problems))


def read_machine_config(dirs: list[Path] | None = None) -> MachineConfig:
    """The machine-wide file, if one is placed. One we cannot read still means shared mode."""
    folders = machine_config_dirs() if dirs is None else dirs
    for folder in folders:
        path = folder / MACHINE_FILE
        try:
            if not path.is_file():
                continue
            with path.open("rb") as handle:
                raw = handle.read(MAX_MACHINE_FILE_BYTES)
        except OSError:
            # It is there but closed to us: keep people's words off the disk all the same.
            return MachineConfig(path, True, True, problems=("unreadable",))
        return parse_machine_config(raw.decode("utf-8-sig", errors="replace"), path)
    return MachineConfig(folders[0] / MACHINE_FILE if folders else Path(MACHINE_FILE))


# --- the mode -------------------------------------------------------------------------


def env_says_shared(environ: Mapping[str, str] | None = None) -> bool:
    value = (os.environ if environ is None else environ).get(SHARED_ENV, "")
    return value.strip().lower() in _YES


@dataclass(frozen=True)
class SharedMode:
    """Is this a shared computer, why, and what the machine decides."""

    on: bool
    by_flag: bool = False
    by_env: bool = False
    machine: MachineConfig = field(default_factory=lambda: MachineConfig(Path(MACHINE_FILE)))

    @property
    def locked(self) -> bool:
        """Ward IT turned it on machine-wide: the program offers no way to turn it off."""
        return self.machine.found and self.machine.shared

    @property
    def privacy_minutes(self) -> int:
        return self.machine.privacy_minutes or DEFAULT_PRIVACY_MINUTES

    @property
    def erase_minutes(self) -> int:
        return self.machine.erase_minutes or DEFAULT_ERASE_MINUTES

    @property
    def timers_fixed(self) -> bool:
        """The machine-wide file sets the minutes: settings show them but cannot change them."""
        return self.locked and (
            self.machine.privacy_minutes is not None or self.machine.erase_minutes is not None
        )

    def turn_off(self) -> SharedMode:
        """Shared mode off, as far as the person may: never past the machine-wide file."""
        if self.locked:
            return self
        return SharedMode(on=False, machine=self.machine)

    def timers(self, settings: Settings) -> tuple[int, int]:
        """(privacy, erase) minutes for this session. Machine-wide minutes always win."""
        privacy = self.machine.privacy_minutes if self.locked else None
        erase = self.machine.erase_minutes if self.locked else None
        return privacy or settings.privacy_minutes, erase or settings.erase_minutes


def resolve(flag: bool = False, environ: Mapping[str, str] | None = None) -> SharedMode:
    """Shared mode from --shared, PEERPREP_SHARED and the machine-wide file."""
    machine = read_machine_config()
    by_env = env_says_shared(environ)
    return SharedMode(
        on=flag or by_env or (machine.found and machine.shared),
        by_flag=flag,
        by_env=by_env,
        machine=machine,
    )


def session_settings(mode: SharedMode) -> Settings:
    """The settings a shared session starts with: defaults, never the file of whoever was
    here before, with the machine's minutes."""
    from peerprep.settings import Settings

    return Settings(privacy_minutes=mode.privacy_minutes, erase_minutes=mode.erase_minutes)


class MemorySettings:
    """Settings that live as long as the program runs (shared mode): nothing on disk."""

    in_memory = True

    def __init__(self, initial: Settings) -> None:
        self._settings = initial.model_copy(deep=True)

    def load(self) -> Settings:
        return self._settings.model_copy(deep=True)

    def save(self, settings: Settings) -> None:
        self._settings = settings.model_copy(deep=True)

    def remove(self) -> list[Path]:
        from peerprep.settings import Settings

        self._settings = Settings(
            privacy_minutes=self._settings.privacy_minutes,
            erase_minutes=self._settings.erase_minutes,
        )
        return []


class DiskSettings:
    """The settings file in the person's config folder (a personal computer)."""

    in_memory = False

    def __init__(self, config_dir: Path) -> None:
        self.config_dir = config_dir

    def load(self) -> Settings:
        from peerprep import settings

        return settings.load(self.config_dir)

    def save(self, value: Settings) -> None:
        from peerprep import settings

        settings.save(self.config_dir, value)

    def remove(self) -> list[Path]:
        from peerprep import settings

        return settings.remove(self.config_dir)


# --- preparations in memory -----------------------------------------------------------


class MemoryLock(Lock):
    """Nothing to write: one program, one person, the lock is only a formality."""

    def still_mine(self) -> bool:
        return not self.released

    def refresh(self) -> None:
        return None  # there is no file whose time could be touched

    def release(self) -> None:
        self.released = True


class MemoryStore:
    """The same interface as store.Store, kept in this process only.

    Each preparation is held as the same JSON bytes the disk store would write and read
    back through store.parse, so a draft behaves exactly as it would on disk.
    """

    in_memory = True
    cipher = None
    protected = False

    def __init__(self) -> None:
        self.root = Path("<memory>")  # shown, never used as a folder
        self._files: dict[str, bytes] = {}
        self._taken: dict[str, str] = {}
        # The full-screen program saves from a worker thread while the screen lists.
        self._guard = threading.RLock()

    def path_of(self, prep_id: str) -> Path:
        from peerprep.model import is_valid_id

        if not is_valid_id(prep_id):
            raise StoreError("errors.unknown_id", id=prep_id)
        return self.root / f"{prep_id}.json"

    def list(self) -> Listing:
        with self._guard:
            files = list(self._files.values())
        preparations = [parse(raw) for raw in files]
        preparations.sort(key=lambda p: p.updated_at, reverse=True)
        return Listing(preparations, [])

    def load(self, prep_id: str) -> Preparation:
        self.path_of(prep_id)
        with self._guard:
            raw = self._files.get(prep_id)
        if raw is None:
            raise StoreError("errors.unknown_id", id=prep_id)
        return parse(raw)

    def exists(self, prep_id: str) -> bool:
        return prep_id in self._files

    def save(self, prep: Preparation) -> Path:
        path = self.path_of(prep.id)
        data = prep.to_json().encode("utf-8")
        with self._guard:
            self._files[prep.id] = data
        return path

    def delete(self, prep_id: str) -> None:
        self.path_of(prep_id)
        with self._guard:
            if self._files.pop(prep_id, None) is None:
                raise StoreError("errors.unknown_id", id=prep_id)
            self._taken.pop(prep_id, None)

    def wipe(self) -> list[Path]:
        """Forget everything. Returns the (pretend) paths of what went."""
        with self._guard:
            gone = [self.root / f"{prep_id}.json" for prep_id in self._files]
            self._files.clear()
            self._taken.clear()
        return gone

    erase = wipe

    def lock(self, prep_id: str, *, force: bool = False) -> Lock:
        path = self.path_of(prep_id)
        info = LockInfo(pid=os.getpid(), host="", created_at=dt.datetime.now().timestamp())
        return MemoryLock(path=path, info=info)

    def lock_holder(self, prep_id: str) -> LockInfo | None:
        return None

    def quarantined_files(self) -> list[Path]:
        return []  # nothing is ever read from a file, so nothing is ever broken

    # what the person has taken with them

    def mark_taken(self, prep: Preparation) -> None:
        """The person exported, printed or saved these words: quitting need not ask."""
        with self._guard:
            self._taken[prep.id] = fingerprint(prep)

    def untaken(self) -> list[Preparation]:
        """Preparations with words in them that changed since they were last taken along."""
        with self._guard:
            taken = dict(self._taken)
        return [
            prep
            for prep in self.list().preparations
            if has_words(prep) and taken.get(prep.id) != fingerprint(prep)
        ]


def fingerprint(prep: Preparation) -> str:
    """The words of a preparation, without the time it was last saved (a save alone
    changes nothing the person would want to take along)."""
    return prep.model_dump_json(exclude={"updated_at"})


def has_words(prep: Preparation) -> bool:
    """Is there anything of the person's in it (not just an opened, empty preparation)?"""
    return bool(
        prep.parts_filled()
        or prep.title.strip()
        or prep.questions
        or not prep.meeting.is_empty()
        or not prep.after_meeting.is_empty()
    )


def settings_keeper(mode: SharedMode, config_dir: Path) -> MemorySettings | DiskSettings:
    """Where settings live: in memory on a shared computer, else the person's config folder."""
    if mode.on:
        return MemorySettings(session_settings(mode))
    return DiskSettings(config_dir)
