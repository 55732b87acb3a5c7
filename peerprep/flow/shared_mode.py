"""Shared-computer mode: is it on, why, and what it decides (settings in memory, minutes).

On a ward computer the next person at the keyboard may be another patient. In this mode
no preparation, setting, lock, temporary file or log of the person's is written to disk;
only what they explicitly take with them (export, print, save to a folder they choose)
leaves the program.

It is on when any of these says so:
- `peerprep --shared`,
- the environment variable PEERPREP_SHARED=1,
- ward IT's machine-wide file (machine.py). While that file says so, nothing the person
  can do (no flag, no variable, no setting) turns shared mode off, and its minutes decide
  the privacy and erase timers.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from peerprep.machine import (
    DEFAULT_ERASE_MINUTES,
    DEFAULT_PRIVACY_MINUTES,
    MACHINE_FILE,
    YES_WORDS,
    MachineConfig,
    read_machine_config,
)

if TYPE_CHECKING:
    # Loaded where a shared session starts: `peerprep list` asks only whether it is one.
    from peerprep.settings import DiskSettings, MemorySettings, Settings

SHARED_ENV = "PEERPREP_SHARED"


def env_says_shared(environ: Mapping[str, str] | None = None) -> bool:
    value = (os.environ if environ is None else environ).get(SHARED_ENV, "")
    return value.strip().lower() in YES_WORDS


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
        on=flag or by_env or machine.shared,
        by_flag=flag,
        by_env=by_env,
        machine=machine,
    )


def session_settings(mode: SharedMode) -> Settings:
    """The settings a shared session starts with: defaults, never the file of whoever was
    here before, with the machine's minutes."""
    from peerprep.settings import Settings

    return Settings(privacy_minutes=mode.privacy_minutes, erase_minutes=mode.erase_minutes)


def settings_keeper(mode: SharedMode, config_dir: Path) -> MemorySettings | DiskSettings:
    """Where settings live: in memory on a shared computer, else the person's config folder."""
    from peerprep.settings import DiskSettings, MemorySettings

    if mode.on:
        return MemorySettings(session_settings(mode))
    return DiskSettings(config_dir)
