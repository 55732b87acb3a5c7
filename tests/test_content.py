"""The catalogues: every language has every key, every part and kind is complete, and
every key the foundation's code uses exists."""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import re
import string
from pathlib import Path

import pytest

import peerprep
from peerprep import cli, content
from peerprep.content import (
    Catalogue,
    asset,
    assets_dir,
    catalogue,
    display_title,
    format_date,
    language_from_locale,
    resolve_language,
)
from peerprep.keys import LANGUAGES, MEETING_KINDS, PART_KEYS
from peerprep.model import Preparation

PACKAGE = Path(peerprep.__file__).parent
# The foundation's modules: every catalogue key they name must exist.
FOUNDATION = ["cli", "commands", "store", "fileformat", "locks", "files", "model", "settings",
              "content", "errors"]  # fmt: skip
KEY_PREFIXES = ("errors", "cli", "argparse", "formats", "parts", "kinds", "app")


def _placeholders(text: str) -> set[str]:
    braces = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    percents = set(re.findall(r"%\((\w+)\)", text)) | ({"%s"} if "%s" in text else set())
    return braces | percents | ({"%r"} if "%r" in text else set())


def test_every_language_has_the_same_keys() -> None:
    da, en = (catalogue(lang) for lang in ("da", "en"))
    assert da.keys() == en.keys()
    assert len(da.keys()) > 100


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_value_is_empty(lang: str) -> None:
    cat = catalogue(lang)
    for key in sorted(cat.keys()):
        items = cat.list(key)
        assert items, key
        assert all(item.strip() for item in items), key


def test_placeholders_agree_between_languages() -> None:
    da, en = catalogue("da"), catalogue("en")
    for key in sorted(da.keys()):
        assert _placeholders(" ".join(da.list(key))) == _placeholders(" ".join(en.list(key))), key


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("part", PART_KEYS)
def test_every_part_is_complete(lang: str, part: str) -> None:
    text = catalogue(lang).part(part)
    assert text.starter and text.title
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.about)) if s]
    assert 1 <= len(sentences) <= 4, text.about
    assert 4 <= len(text.prompts) <= 5
    assert 2 <= len(text.examples) <= 3
    assert len(text.peer) >= 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_meeting_kind_has_a_name_and_a_description(lang: str) -> None:
    cat = catalogue(lang)
    names = set()
    for kind in MEETING_KINDS:
        text = cat.kind(kind)
        assert text.name and text.description
        names.add(text.name)
    assert len(names) == len(MEETING_KINDS)


def test_danish_starters_are_the_peer_projects_words() -> None:
    cat = catalogue("da")
    assert cat.part("introduction").starter == "Sådan vil jeg introducere mig selv"
    assert cat.part("important").starter.startswith("Det er vigtigt for mig at")
    assert cat.part("help_with").starter.startswith("Jeg vil gerne have hjælp til")
    assert cat.part("so_that").starter.endswith("så jeg kan …")


def _keys_named_in(module: str) -> set[str]:
    source = (PACKAGE / f"{module}.py").read_text(encoding="utf-8")
    prefixes = "|".join(KEY_PREFIXES)
    pattern = rf"""["']((?:{prefixes})\.[a-z_]+(?:\.[a-z_]+)*)["']"""
    return set(re.findall(pattern, source))


@pytest.mark.parametrize("module", FOUNDATION)
def test_every_key_the_foundation_uses_exists(module: str) -> None:
    keys = _keys_named_in(module)
    for lang in LANGUAGES:
        missing = {key for key in keys if not catalogue(lang).has(key)}
        assert not missing, f"{module}.py names {sorted(missing)} missing in {lang}"


def test_argparse_words_we_translate_are_argparse_words() -> None:
    """Our translations only work if argparse really asks for these words."""
    source = inspect.getsource(argparse)
    for message, key in cli._ARGPARSE_KEYS.items():
        assert catalogue("da").has(key) and catalogue("en").has(key)
        if message == "optional arguments":  # Python 3.9's word, kept for older interpreters
            continue
        assert repr(message)[1:-1] in source or message in source, message


# --- loading -------------------------------------------------------------------------------


def test_assets_are_found_and_absolute() -> None:
    assert assets_dir().is_absolute()
    assert asset("lang", "da", "core.json").is_file()


def test_a_key_defined_twice_is_an_error(tmp_path: Path) -> None:
    entries: dict[str, content.Value] = {}
    content._flatten("", {"errors": {"x": "one"}}, entries, tmp_path / "a.json")
    with pytest.raises(ValueError, match=r"errors\.x"):
        content._flatten("", {"errors": {"x": "two"}}, entries, tmp_path / "b.json")


def test_only_texts_and_lists_of_texts_are_allowed(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="must be text"):
        content._flatten("", {"a": 5}, {}, tmp_path / "a.json")
    with pytest.raises(ValueError, match="must be text"):
        content._flatten("", {"a": ["x", 5]}, {}, tmp_path / "a.json")


def test_text_and_list() -> None:
    cat = Catalogue("xx", {"a": "Hej {name}", "b": ["En.", "To."]})
    assert cat.text("a", name="Ali") == "Hej Ali"
    assert cat.text("b") == "En. To."
    assert cat.list("a") == ["Hej {name}"] and cat.list("b") == ["En.", "To."]
    assert cat.text("a", name="{evil}") == "Hej {evil}", "a person's words are never a template"
    with pytest.raises(KeyError):
        cat.text("missing")


def test_an_unknown_language_falls_back_to_danish() -> None:
    assert catalogue("sv").language == "da"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("da_DK.UTF-8", "da"), ("en_GB", "en"), ("en-US", "en"), ("DA", "da"), ("C", None),
     ("sv_SE.UTF-8", None), ("", None), (None, None)],
)  # fmt: skip
def test_language_from_locale(value: str | None, expected: str | None) -> None:
    assert language_from_locale(value) == expected


def test_resolve_language_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("locale.getlocale", lambda *a: (None, None))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("PEERPREP_LANG", "da")
    assert resolve_language("en") == "en"
    assert resolve_language(None) == "da"
    monkeypatch.delenv("PEERPREP_LANG")
    assert resolve_language(None) == "en"
    monkeypatch.setenv("LC_ALL", "da_DK.UTF-8")
    assert resolve_language(None) == "da", "LC_ALL wins over LANG, as in every program"
    monkeypatch.delenv("LC_ALL")
    monkeypatch.setenv("LANG", "C")
    assert resolve_language(None) == "da"


def test_dates_in_each_language() -> None:
    moment = dt.datetime(2025, 3, 9, 14, 5)
    assert format_date(catalogue("da"), moment.date()) == "09.03.2025"
    assert format_date(catalogue("da"), moment.time()) == "14.05"
    assert format_date(catalogue("en"), moment.date()) == "09/03/2025"
    assert format_date(catalogue("en"), moment) == "09/03/2025 at 14:05"
    assert format_date(catalogue("da"), None) == ""


def test_display_title() -> None:
    cat = catalogue("da")
    prep = Preparation.new("da")
    assert display_title(cat, prep) == cat.text("cli.untitled")
    prep.set_field("meeting.kind", "jobcenter")
    assert display_title(cat, prep) == cat.kind("jobcenter").name
    prep.set_field("meeting.date", "2025-03-10")
    assert display_title(cat, prep) == f"{cat.kind('jobcenter').name} 10.03.2025"
    prep.title = "  Mit eget møde "
    assert display_title(cat, prep) == "Mit eget møde"
