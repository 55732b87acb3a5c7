"""The catalogues: every language has every key, every part and kind is complete, every
key the code can reach exists, no key is unused, and counts take plural forms."""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import re
import string
from pathlib import Path

import pytest

import peerprep
from peerprep.choices import LANGUAGES, MEETING_KINDS, PART_KEYS
from peerprep.cli import parser as cli_parser
from peerprep.model import Preparation
from peerprep.resources import asset, assets_dir
from peerprep.words import Catalogue, catalogue
from peerprep.words import catalogues as catalogue_module
from peerprep.words.dates import format_date
from peerprep.words.language import language_from_locale, resolve_language
from peerprep.words.naming import display_title

PACKAGE = Path(peerprep.__file__).parent


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


# --- every key the code can reach exists, and no key is unused ----------------------------

# A catalogue key in the code: a string literal of dotted lower-case words...
_LITERAL = re.compile(r"""["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""")
# ... or an f-string that builds one ("tui.keys.{binding_id}.label").
_FSTRING = re.compile(r"""f"([a-z_]+\.[^"]*\{[^"]*)"|f'([a-z_]+\.[^']*\{[^']*)'""")
# Built by joining a prefix and a name (the save and open dialogs share their words).
_PREFIX = re.compile(r"""["']([a-z_]+(?:\.[a-z0-9_]+)*\.)["']""")


def _sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py")))


def _fstring_patterns(source: str) -> list[re.Pattern[str]]:
    patterns = []
    for template in ("".join(found) for found in _FSTRING.findall(source)):
        parts = re.split(r"\{[^}]*\}", template)
        patterns.append(re.compile("^" + "[a-z0-9_]+".join(re.escape(p) for p in parts) + "$"))
    return patterns


def _base(key: str) -> str:
    """A plural form's key as the code names it: "delete.questions_one" -> "delete.questions"."""
    return re.sub(r"_(one|other)$", "", key)


def _used(
    key: str, literals: set[str], patterns: list[re.Pattern[str]], prefixes: set[str]
) -> bool:
    base = _base(key)
    if key in literals or base in literals:
        return True
    if any(p.match(key) or p.match(base) for p in patterns):
        return True
    return any(key.startswith(prefix) for prefix in prefixes)


# Families read as a whole by the catalogue itself (Catalogue.part / Catalogue.kind) or by
# the language tests, not named one by one in the code.
_FAMILIES = ("parts.", "kinds.", "explain.", "argparse.")


# Strings in the code that look like keys but are not: file names, Textual action names.
_NOT_KEYS = {"app.tcss", "sheet.typ", "app.help", "app.read_aloud", "app.stop_reading"}


def test_every_key_the_code_names_exists() -> None:
    source = _sources()
    known = catalogue("da").keys()
    namespaces = {key.split(".")[0] for key in known}
    named = {k for k in _LITERAL.findall(source) if k.split(".")[0] in namespaces}
    for lang in LANGUAGES:
        missing = {key for key in named if not catalogue(lang).has(key)}
        # file names and Textual's action names look like keys too
        missing = {k for k in missing if k not in _NOT_KEYS}
        assert not missing, f"named in the code but missing in {lang}: {sorted(missing)}"


def test_no_catalogue_key_is_unused() -> None:
    source = _sources()
    literals = set(_LITERAL.findall(source))
    patterns = _fstring_patterns(source)
    prefixes = {p for p in _PREFIX.findall(source) if p.count(".") >= 2} | set(_FAMILIES)
    unused = sorted(
        key
        for key in sorted(catalogue("da").keys())
        if not _used(key, literals, patterns, prefixes)
    )
    assert not unused, f"catalogue keys no code reaches: {unused}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_forms_come_in_pairs(lang: str) -> None:
    keys = catalogue(lang).keys()
    for key in keys:
        if key.endswith("_one"):
            assert key[: -len("_one")] + "_other" in keys, key


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [("da", 1, "dit ene spørgsmål"), ("da", 2, "dine 2 spørgsmål"), ("da", 0, "dine 0 spørgsmål"),
     ("en", 1, "your one question"), ("en", 3, "your 3 questions")],
)  # fmt: skip
def test_a_count_picks_its_plural_form(lang: str, count: int, expected: str) -> None:
    assert catalogue(lang).text("delete.questions", n=count) == expected


def test_no_count_text_says_one_in_the_plural() -> None:
    """ "1 filer", "1 minutter", "dine 1 spørgsmål": every text of a count says one right."""
    for lang, plural_words in (
        ("da", ("filer", "minutter", "dine 1")),
        ("en", ("1 files", "1 minutes")),
    ):
        cat = catalogue(lang)
        for key in sorted(cat.keys()):
            if key.endswith("_other"):
                continue
            for name in ("n", "count"):
                if "{" + name + "}" in " ".join(cat.list(key)):
                    said = cat.text(
                        key,
                        **{
                            n: 1 for n in _placeholders(" ".join(cat.list(key))) if n.isidentifier()
                        },
                    )
                    assert not any(word in said for word in plural_words), (key, said)


def test_argparse_words_we_translate_are_argparse_words() -> None:
    """Our translations only work if argparse really asks for these words."""
    source = inspect.getsource(argparse)
    for message, key in cli_parser._ARGPARSE_KEYS.items():
        assert catalogue("da").has(key) and catalogue("en").has(key)
        if message == "optional arguments":  # Python 3.9's word, kept for older interpreters
            continue
        assert repr(message)[1:-1] in source or message in source, message


# --- loading -------------------------------------------------------------------------------


def test_assets_are_found_and_absolute() -> None:
    assert assets_dir().is_absolute()
    assert asset("lang", "da", "tui.json").is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_catalogue_file_holds_the_namespace_its_name_says(lang: str) -> None:
    import json

    for path in sorted(asset("lang", lang).glob("*.json")):
        assert list(json.loads(path.read_text(encoding="utf-8"))) == [path.stem], path.name


def test_a_file_with_another_namespace_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "lang" / "da"
    folder.mkdir(parents=True)
    (folder / "tui.json").write_text('{"plain": {"x": "y"}}', encoding="utf-8")
    monkeypatch.setattr(catalogue_module, "asset", lambda *parts: tmp_path.joinpath(*parts))
    catalogue_module.catalogue.cache_clear()
    try:
        with pytest.raises(ValueError, match="namespace"):
            catalogue_module.catalogue("da")
    finally:
        catalogue_module.catalogue.cache_clear()


def test_a_key_defined_twice_is_an_error(tmp_path: Path) -> None:
    entries: dict[str, catalogue_module.Value] = {}
    catalogue_module._flatten("", {"errors": {"x": "one"}}, entries, "a.json")
    with pytest.raises(ValueError, match=r"errors\.x"):
        catalogue_module._flatten("", {"errors": {"x": "two"}}, entries, "b.json")


def test_only_texts_and_lists_of_texts_are_allowed(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="must be text"):
        catalogue_module._flatten("", {"a": 5}, {}, "a.json")
    with pytest.raises(ValueError, match="must be text"):
        catalogue_module._flatten("", {"a": ["x", 5]}, {}, "a.json")


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


@pytest.mark.parametrize("value", ["C", "C.UTF-8", "POSIX", "de_DE.UTF-8"])
def test_a_locale_of_no_language_of_ours_gives_danish(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without mocking the locale module: Python reports C.UTF-8 as English on Linux."""
    monkeypatch.setenv("LANG", value)
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
    begun = format_date(cat, prep.created_at.astimezone().date())
    assert display_title(cat, prep) == cat.text("naming.untitled", date=begun)
    prep.set_field("meeting.kind", "jobcenter")
    assert display_title(cat, prep) == cat.kind("jobcenter").name
    prep.set_field("meeting.date", "2025-03-10")
    assert display_title(cat, prep) == f"{cat.kind('jobcenter').name} 10.03.2025"
    prep.title = "  Mit eget møde "
    assert display_title(cat, prep) == "Mit eget møde"
