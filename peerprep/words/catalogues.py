"""The language catalogues: every text a person sees, by dotted key, with plural forms.

Every text lives in `assets/lang/<language>/<namespace>.json`; a file holds exactly one
namespace, the one its name says (`tui.json` holds `{"tui": {...}}`). The files of one
language are merged into one flat catalogue of dotted keys ("parts.important.starter").
A value is a string or a list of strings. Placeholders use str.format names: "{path}".

Plural forms follow the CLDR convention that translation tools read: a text that counts
is kept as `<key>_one` and `<key>_other`, and `text(key, n=...)` picks the form. Danish
and English both use "one" for exactly 1 and "other" for every other whole number
(CLDR plural rules, https://cldr.unicode.org/index/cldr-spec/plural-rules).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from peerprep.choices import LANGUAGES, MEETING_KINDS, PART_KEYS
from peerprep.resources import asset

DEFAULT_LANGUAGE = "da"

Value = str | list[str]

# The value that chooses a plural form, in the order they are looked for.
COUNT_NAMES = ("n", "count")


def _flatten(prefix: str, node: object, out: dict[str, Value], source: str) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), value, out, source)
    elif isinstance(node, str) or (
        isinstance(node, list) and all(isinstance(item, str) for item in node)
    ):
        if prefix in out:
            raise ValueError(f"{source}: key {prefix!r} is defined twice")
        out[prefix] = node
    else:
        raise ValueError(f"{source}: {prefix!r} must be text or a list of texts")


def plural_category(language: str, count: int) -> str:
    """ "one" or "other": the CLDR plural category of a whole number in Danish or English."""
    return "one" if abs(count) == 1 else "other"


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
    """The name of a meeting kind and one sentence about it."""

    key: str
    name: str
    description: str


class Catalogue:
    """One language's texts, by dotted key."""

    def __init__(self, language: str, entries: dict[str, Value]) -> None:
        self.language = language
        self._entries = entries

    def keys(self) -> set[str]:
        return set(self._entries)

    def raw(self, key: str) -> Value:
        return self._entries[key]

    def has(self, key: str) -> bool:
        """Is there a text for `key` (directly, or as plural forms)?"""
        return key in self._entries or f"{key}_other" in self._entries

    def _pick(self, key: str, values: dict[str, object]) -> str:
        if key in self._entries:
            return key
        if f"{key}_other" not in self._entries:
            raise KeyError(key)
        for name in COUNT_NAMES:
            count = values.get(name)
            if isinstance(count, int) and not isinstance(count, bool):
                form = f"{key}_{plural_category(self.language, count)}"
                return form if form in self._entries else f"{key}_other"
        return f"{key}_other"

    def text(self, key: str, **values: object) -> str:
        """The text for `key`, with {placeholders} filled in. A list is joined by spaces.

        A key kept in plural forms (`key_one`, `key_other`) takes the form for the count
        given as `n` (or `count`).

        Raises:
            KeyError: no such key (a programming error; a test finds every key used).
        """
        value = self._entries[self._pick(key, values)]
        joined = " ".join(value) if isinstance(value, list) else value
        return joined.format(**values) if values else joined

    def list(self, key: str) -> list[str]:
        """A list value as a list (a plain text becomes a list of one).

        Raises:
            KeyError: no such key.
        """
        value = self._entries[key]
        return list(value) if isinstance(value, list) else [value]

    def part(self, key: str) -> PartText:
        """Everything said about one part. Raises KeyError for an unknown part key."""
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
        """The name and description of a meeting kind. Raises KeyError for an unknown kind."""
        if key not in MEETING_KINDS:
            raise KeyError(key)
        return KindText(
            key=key,
            name=self.text(f"kinds.{key}.name"),
            description=self.text(f"kinds.{key}.description"),
        )


@cache
def catalogue(language: str = DEFAULT_LANGUAGE) -> Catalogue:
    """The catalogue for a language; unknown languages fall back to Danish.

    Raises:
        ValueError: a catalogue file is malformed (two files define one key, a file holds
            a namespace other than its name, a value is neither text nor a list of texts).
    """
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    folder = asset("lang", language)
    entries: dict[str, Value] = {}
    for path in sorted(folder.glob("*.json")):
        # utf-8-sig: a translator's editor (Notepad) may start the file with a BOM
        with path.open(encoding="utf-8-sig") as handle:
            data = json.load(handle)
        if not isinstance(data, dict) or list(data) != [path.stem]:
            raise ValueError(f"{path.name}: must hold the namespace {path.stem!r} only")
        _flatten("", data, entries, path.name)
    return Catalogue(language, entries)
