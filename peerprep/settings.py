"""The person's settings, and where they are kept: the only module that touches the file.

Kept as JSON in the platform's user config folder (or PEERPREP_CONFIG_DIR), written
atomically like the preparations; on a shared computer they are kept in memory instead
(`MemorySettings`). A broken settings file is never fatal: the program starts with
defaults and leaves the file alone until the person changes a setting. One bad value (a
theme from a newer version, say) costs only that value, not the others; settings this
version does not know are kept as they are. A byte-order mark (Notepad, PowerShell 5.1)
is accepted.

The settings are a plain dataclass checked here, not a pydantic model: the full screen
reads them (theme, language) before its first frame, and that frame no longer waits for
pydantic to load (benchmarks/run.py, start-up). Each value is checked when it is made or
changed, as pydantic's validate_assignment did, with the same lenient reading of a
hand-edited file ("yes" for true, "5" for 5).
"""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal, Protocol

from peerprep.choices import LANGUAGES, THEMES
from peerprep.errors import SettingsError
from peerprep.files import (
    DiskError,
    atomic_write,
    ensure_private_dir,
    read_regular_file,
    reason_key,
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

_TRUE = frozenset({"true", "yes", "on", "1", "t", "y"})
_FALSE = frozenset({"false", "no", "off", "0", "f", "n"})


def _yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValueError(f"not true or false: {value!r}")


def _one_of(*allowed: object) -> Callable[[object], Any]:
    def check(value: object) -> object:
        if value in allowed and not isinstance(value, bool):
            return value
        raise ValueError(f"not one of {allowed}: {value!r}")

    return check


def _whole(low: int, high: int) -> Callable[[object], int]:
    def check(value: object) -> int:
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and value.strip().isdigit():
            number = int(value.strip())
        if number is None or not low <= number <= high:
            raise ValueError(f"not a whole number from {low} to {high}: {value!r}")
        return number

    return check


def _text_or_none(limit: int) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        if value is None or (isinstance(value, str) and len(value) <= limit):
            return value
        raise ValueError(f"not a text of at most {limit} characters: {value!r}")

    return check


# How each setting is checked (and read leniently from a hand-edited file).
_CHECKS: dict[str, Callable[[object], Any]] = {
    "language": _one_of(None, *LANGUAGES),
    "theme": _one_of(*THEMES),
    "peer_mode": _yes_no,
    "cursor_blink": _yes_no,
    "welcomed": _yes_no,
    "large_print": _yes_no,
    "privacy_minutes": _whole(1, 240),
    "erase_minutes": _whole(1, 1440),
    "read_aloud": _yes_no,
    "speech_voice": _text_or_none(200),
    "speech_speed": _whole(50, 200),
}


@dataclass
class Settings:
    """The person's choices. A value that cannot be used raises ValueError, whether given
    when made or set later; `extra` keeps settings of a newer version as they were."""

    language: Literal["da", "en"] | None = None  # None: follow --lang / environment / locale
    theme: Theme = "textual-dark"
    peer_mode: bool = False
    cursor_blink: bool = True
    welcomed: bool = False  # the first-run welcome has been shown
    large_print: bool = False  # the save dialog starts with large print ticked (last choice)
    privacy_minutes: int = 3  # 1..240
    erase_minutes: int = 20  # 1..1440
    # Reading aloud (export.speech): offered at all; the voice the person chose (an
    # engine's voice id; None: the voice of the program's language); the speed in percent
    # of the engine's normal, slower by default (export.speech.DEFAULT_SPEED; a test keeps
    # the two in step, this module must not load the speech package).
    read_aloud: bool = True
    speech_voice: str | None = None  # at most 200 characters
    speech_speed: int = 80  # 50..200
    extra: dict[str, Any] = field(default_factory=dict)

    def __setattr__(self, name: str, value: object) -> None:
        check = _CHECKS.get(name)
        super().__setattr__(name, value if check is None else check(value))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Settings:
        """Settings from a file's JSON object. Raises ValueError naming the first value
        that cannot be used (`BadValue.name`)."""
        known = {}
        extra = {}
        for name, value in data.items():
            if name in _CHECKS:
                known[name] = value
            elif name != "extra":
                extra[name] = value
        settings = cls(extra=extra)
        for name, value in known.items():
            try:
                setattr(settings, name, value)
            except ValueError as error:
                raise BadValue(name) from error
        return settings

    def to_data(self) -> dict[str, Any]:
        """The settings as the file holds them: every setting, then those kept from a
        newer version."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
        data.update({k: v for k, v in self.extra.items() if k not in data})
        return data

    def copy(self) -> Settings:
        return copy.deepcopy(self)


class BadValue(ValueError):
    """One setting in a file could not be used; `name` says which."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


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
    kept = dict(data)
    while True:
        try:
            return Settings.from_data(kept)
        except BadValue as bad:
            del kept[bad.name]  # that one value is its default; the others stay


def save(config_dir: Path, settings: Settings) -> Path:
    path = settings_path(config_dir)
    text = json.dumps(settings.to_data(), indent=2, ensure_ascii=False) + "\n"
    try:
        ensure_private_dir(config_dir)
        atomic_write(path, text.encode("utf-8"))
    except DiskError as error:
        raise SettingsError(error.key, path=str(error.path)) from error
    return path


def remove(config_dir: Path) -> list[Path]:
    """Delete the settings file (part of "delete all my data"). Returns what went."""
    path = settings_path(config_dir)
    gone: list[Path] = []
    if path.exists():
        try:
            path.unlink()
        except OSError as error:
            raise SettingsError(reason_key(error), path=str(path)) from error
        gone.append(path)
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
        self._first = initial.copy()
        self._settings = initial.copy()

    def load(self) -> Settings:
        return self._settings.copy()

    def save(self, settings: Settings) -> None:
        self._settings = settings.copy()

    def remove(self) -> list[Path]:
        """Back to the session's first settings (the machine's minutes stay)."""
        self._settings = self._first.copy()
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
