"""The words: loads the language catalogues from assets/ and hands out texts by key.

Every text a person sees lives in `assets/lang/<language>/*.json`. The files of one
language are merged into one flat catalogue of dotted keys ("parts.important.starter").
A value is a string or a list of strings. Placeholders use str.format names: "{path}".
"""

from __future__ import annotations

import json
import locale
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from peerprep.keys import LANGUAGES, MEETING_KINDS, PART_KEYS

if TYPE_CHECKING:
    from peerprep.model import Preparation

DEFAULT_LANGUAGE = "da"

Value = str | list[str]


def assets_dir() -> Path:
    """Where the assets are: inside the installed package, or beside it in a source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "assets", here.parent / "assets"):
        if (candidate / "lang").is_dir():
            return candidate
    raise FileNotFoundError("peerprep assets folder not found")


def asset(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)


def _flatten(prefix: str, node: object, out: dict[str, Value], source: Path) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), value, out, source)
    elif isinstance(node, str) or (
        isinstance(node, list) and all(isinstance(item, str) for item in node)
    ):
        if prefix in out:
            raise ValueError(f"{source.name}: key {prefix!r} is defined twice")
        out[prefix] = node
    else:
        raise ValueError(f"{source.name}: {prefix!r} must be text or a list of texts")


@dataclass(frozen=True)
class PartText:
    """What the program says about one of the four parts."""

    key: str
    starter: str
    title: str
    about: list[str]
    prompts: list[str]
    examples: list[str]
    peer: list[str]


@dataclass(frozen=True)
class KindText:
    key: str
    name: str
    description: str


class Catalogue:
    """One language's texts."""

    def __init__(self, language: str, entries: dict[str, Value]) -> None:
        self.language = language
        self._entries = entries

    def keys(self) -> set[str]:
        return set(self._entries)

    def raw(self, key: str) -> Value:
        return self._entries[key]

    def has(self, key: str) -> bool:
        return key in self._entries

    def text(self, key: str, **values: object) -> str:
        """The text for `key`, with {placeholders} filled in. A list is joined by spaces."""
        value = self._entries[key]
        joined = " ".join(value) if isinstance(value, list) else value
        return joined.format(**values) if values else joined

    def list(self, key: str) -> list[str]:
        value = self._entries[key]
        return list(value) if isinstance(value, list) else [value]

    def part(self, key: str) -> PartText:
        if key not in PART_KEYS:
            raise KeyError(key)
        base = f"parts.{key}"
        return PartText(
            key=key,
            starter=self.text(f"{base}.starter"),
            title=self.text(f"{base}.title"),
            about=self.list(f"{base}.about"),
            prompts=self.list(f"{base}.prompts"),
            examples=self.list(f"{base}.examples"),
            peer=self.list(f"{base}.peer"),
        )

    def kind(self, key: str) -> KindText:
        if key not in MEETING_KINDS:
            raise KeyError(key)
        return KindText(
            key=key,
            name=self.text(f"kinds.{key}.name"),
            description=self.text(f"kinds.{key}.description"),
        )


@cache
def catalogue(language: str = DEFAULT_LANGUAGE) -> Catalogue:
    """The catalogue for a language; unknown languages fall back to Danish."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    folder = asset("lang", language)
    entries: dict[str, Value] = {}
    for path in sorted(folder.glob("*.json")):
        with path.open(encoding="utf-8") as handle:
            _flatten("", json.load(handle), entries, path)
    return Catalogue(language, entries)


def language_from_locale(value: str | None) -> str | None:
    """'da_DK.UTF-8' -> 'da'; 'en_GB' -> 'en'; anything else -> None."""
    if not value:
        return None
    code = value.split(".")[0].split("_")[0].split("-")[0].lower()
    return code if code in LANGUAGES else None


def resolve_language(requested: str | None = None) -> str:
    """--lang, else PEERPREP_LANG, else the locale (Danish locale gives da), else da."""
    for candidate in (requested, os.environ.get("PEERPREP_LANG")):
        if candidate and candidate in LANGUAGES:
            return candidate
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        found = language_from_locale(os.environ.get(variable))
        if found:
            return found
    try:
        found = language_from_locale(locale.getlocale()[0])
    except ValueError:
        found = None
    return found or DEFAULT_LANGUAGE


def format_date(cat: Catalogue, value: object) -> str:
    """A date, time or datetime in the language's numeric format (no locale month names)."""
    import datetime as dt

    if isinstance(value, dt.datetime):
        return value.strftime(cat.text("formats.datetime"))
    if isinstance(value, dt.date):
        return value.strftime(cat.text("formats.date"))
    if isinstance(value, dt.time):
        return value.strftime(cat.text("formats.time"))
    return ""


def display_title(cat: Catalogue, prep: Preparation) -> str:
    """The person's own title; when there is none, the meeting kind and its date."""
    if prep.title.strip():
        return prep.title.strip()
    meeting = prep.meeting
    if meeting.kind == "other" and meeting.date is None:
        return cat.text("cli.untitled")
    name = cat.kind(meeting.kind).name
    return f"{name} {format_date(cat, meeting.date)}".strip()
