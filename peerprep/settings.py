"""The person's settings, and where they are kept: the only module that touches the file.

Kept as JSON in the platform's user config folder (or PEERPREP_CONFIG_DIR), written
atomically like the preparations; on a shared computer they are kept in memory instead
(`MemorySettings`). A broken settings file is never fatal: the program starts with
defaults and leaves the file alone until the person changes a setting. One bad value (a
theme from a newer version, say) costs only that value, not the others; settings this
version does not know are kept as they are. A byte-order mark (Notepad, PowerShell 5.1)
is accepted.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from peerprep.choices import THEMES
from peerprep.errors import SettingsError
from peerprep.files import (
    DiskError,
    atomic_write,
    ensure_private_dir,
    read_regular_file,
)
from peerprep.folders import CONFIG_DIR_ENV, default_config_dir, resolve_config_dir

FILE_NAME = "settings.json"
MAX_FILE_BYTES = 256 * 1024  # a settings file is a few hundred bytes

__all__ = [
    "CONFIG_DIR_ENV",
    "THEMES",
    "Settings",
    "SettingsError",
    "default_config_dir",
    "load",
    "remove",
    "resolve_config_dir",
    "save",
]

# The names in keys.THEMES (a test keeps the two in step).
Theme = Literal[
    "textual-dark", "textual-light", "ansi-dark", "ansi-light", "peerprep-high-contrast"
]


class Settings(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=True)

    language: Literal["da", "en"] | None = None  # None: follow --lang / environment / locale
    theme: Theme = "textual-dark"
    peer_mode: bool = False
    cursor_blink: bool = True
    welcomed: bool = False  # the first-run welcome has been shown
    large_print: bool = False  # the save dialog starts with large print ticked (last choice)
    privacy_minutes: int = Field(default=3, ge=1, le=240)
    erase_minutes: int = Field(default=20, ge=1, le=1440)
    # Reading aloud (export.speech): offered at all; the voice the person chose (an
    # engine's voice id; None: the voice of the program's language); the speed in percent
    # of the engine's normal, slower by default (export.speech.DEFAULT_SPEED; a test keeps
    # the two in step, this module must not load the speech package).
    read_aloud: bool = True
    speech_voice: str | None = Field(default=None, max_length=200)
    speech_speed: int = Field(default=80, ge=50, le=200)


def settings_path(config_dir: Path) -> Path:
    return config_dir / FILE_NAME


def load(config_dir: Path) -> Settings:
    """The saved settings; a value that cannot be used falls back to its default alone,
    and a file that cannot be read at all gives the defaults."""
    path = settings_path(config_dir)
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
        data: Any = json.loads(raw.decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        bad = {problem["loc"][0] for problem in error.errors() if problem["loc"]}
    kept = {key: value for key, value in data.items() if key not in bad}
    try:
        return Settings.model_validate(kept)
    except ValidationError:
        return Settings()


def save(config_dir: Path, settings: Settings) -> Path:
    path = settings_path(config_dir)
    try:
        ensure_private_dir(config_dir)
        atomic_write(path, (settings.model_dump_json(indent=2) + "\n").encode("utf-8"))
    except DiskError as error:
        raise SettingsError(error.key, path=str(error.path)) from error
    return path


def remove(config_dir: Path) -> list[Path]:
    """Delete the settings file (part of "delete all my data"). Returns what went."""
    path = settings_path(config_dir)
    gone: list[Path] = []
    try:
        if stat.S_ISDIR(os.lstat(path).st_mode):
            path.rmdir()  # a folder in the file's place: only an empty one goes
        else:
            path.unlink()  # a file, or a link, a pipe in its place (not what a link points at)
        gone.append(path)
    except FileNotFoundError:
        pass
    except OSError as error:
        raise SettingsError("errors.cannot_delete", path=str(path)) from error
    with contextlib.suppress(OSError):
        config_dir.rmdir()  # only if nothing else is in it
    return gone


# --- where settings are kept ------------------------------------------------------------


class SettingsKeeper(Protocol):
    """Where settings are kept: the config folder, or memory on a shared computer."""

    in_memory: bool

    def load(self) -> Settings: ...
    def save(self, settings: Settings) -> None: ...
    def remove(self) -> list[Path]: ...
    def file(self) -> Path | None:
        """The settings file, when there is one on disk."""
        ...


class MemorySettings:
    """Settings that live as long as the program runs (shared mode): nothing on disk."""

    in_memory = True

    def __init__(self, initial: Settings) -> None:
        self._first = initial.model_copy(deep=True)
        self._settings = initial.model_copy(deep=True)

    def load(self) -> Settings:
        return self._settings.model_copy(deep=True)

    def save(self, settings: Settings) -> None:
        self._settings = settings.model_copy(deep=True)

    def remove(self) -> list[Path]:
        """Back to the session's first settings (the machine's minutes stay)."""
        self._settings = self._first.model_copy(deep=True)
        return []

    def file(self) -> Path | None:
        return None


class DiskSettings:
    """The settings file in the person's config folder (a personal computer)."""

    in_memory = False

    def __init__(self, config_dir: Path) -> None:
        self.config_dir = config_dir

    def load(self) -> Settings:
        return load(self.config_dir)

    def save(self, value: Settings) -> None:
        save(self.config_dir, value)

    def remove(self) -> list[Path]:
        return remove(self.config_dir)

    def file(self) -> Path | None:
        path = settings_path(self.config_dir)
        return path if path.exists() else None
