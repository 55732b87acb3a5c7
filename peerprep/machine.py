"""Ward IT's machine-wide file, `peerprep.conf`: is this computer shared, and its minutes.

Placed once by IT in a site config folder (folders.machine_config_dirs; docs/ward-it.md).
It is plain `name = value` lines (no JSON, no TOML) so that it can be written with Notepad:

    # peerprep on the ward computers
    shared = yes
    privacy_minutes = 3
    erase_minutes = 20

Reading it fails closed: a file that is there in any form that cannot be read as
"shared = no" (a broken link to a share that did not mount, a folder, a pipe, a file we
may not read, a line we do not understand) means shared mode, because IT placed it to
protect people, not to leave their words behind.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from peerprep.files import read_regular_file
from peerprep.folders import machine_config_dirs

MACHINE_FILE = "peerprep.conf"
MAX_MACHINE_FILE_BYTES = 64 * 1024

DEFAULT_PRIVACY_MINUTES = 3
DEFAULT_ERASE_MINUTES = 20
PRIVACY_RANGE = (1, 240)  # the same bounds as settings.Settings
ERASE_RANGE = (1, 1440)

YES_WORDS = frozenset({"1", "yes", "true", "on", "ja", "j", "y"})
NO_WORDS = frozenset({"0", "no", "false", "off", "nej", "n"})


@dataclass(frozen=True)
class MachineConfig:
    """What the machine-wide file says. `problems` lists lines that could not be used
    ("unreadable" when the file itself could not be read)."""

    path: Path
    found: bool = False
    shared: bool = False
    privacy_minutes: int | None = None
    erase_minutes: int | None = None
    problems: tuple[str, ...] = ()


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
    """Read `name = value` lines. A file that is there means shared mode unless it says no;
    a `shared` line that cannot be understood means shared mode too."""
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
            if value in NO_WORDS:
                shared = False
            elif value not in YES_WORDS:
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
    """The machine-wide file, if one is placed anywhere it may be.

    Every folder is looked at, and a file that says shared wins over one that does not:
    a folder named in PEERPREP_SITE_CONFIG_DIR (looked at first) can add a machine-wide
    file, never switch off one that IT placed. Of several shared ones, the first gives
    the minutes. Anything at the file's place that cannot be read (see the module's
    docstring) gives shared mode with the problem "unreadable"."""
    folders = machine_config_dirs() if dirs is None else dirs
    first_found: MachineConfig | None = None
    for folder in folders:
        config = _read_one(folder / MACHINE_FILE)
        if config is None:
            continue
        if config.shared:
            return config
        first_found = first_found or config
    if first_found is not None:
        return first_found
    return MachineConfig(folders[0] / MACHINE_FILE if folders else Path(MACHINE_FILE))


def _read_one(path: Path) -> MachineConfig | None:
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None  # nothing placed here
    except OSError:
        # A folder we may not look into: IT may have placed the file there. Fail closed.
        return MachineConfig(path, True, True, problems=("unreadable",))
    try:
        raw = read_regular_file(path, MAX_MACHINE_FILE_BYTES)
    except OSError:
        return MachineConfig(path, True, True, problems=("unreadable",))
    return parse_machine_config(raw.decode("utf-8-sig", errors="replace"), path)
