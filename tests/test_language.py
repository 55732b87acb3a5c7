"""Plain language, measured, over every catalogue file of every language.

The rules (see peerprep/lix.py for how LIX is counted):
- Danish: every text of SENTENCE_WORDS words or more (help, explanation, prompt, example,
  message) has LIX below 35 on its own. Shorter texts (labels, headings, menu items) say
  little alone, so the short texts of each catalogue file are read together, one
  sentence each, and must stay below 35 as a group. The names of the meeting kinds
  (Udskrivningsmøde, Rehabiliteringsteam) are left out of that group: they are the
  official words the person will hear at the meeting, and each has a plain description.
- Danish starters (the four sentence beginnings) have LIX below 25 each, and button
  labels (menu items, buttons, key bindings) below 25 read together.
- English: no sentence in any text has more than 15 words.
- Every language has the same keys, no empty texts, and the same {placeholders}.
- No text assumes medication or a particular treatment; the words "personligt
  statement", "peer"/"støtteperson" and "bisidder" are explained in everyday words.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from peerprep.choices import LANGUAGES, PART_KEYS
from peerprep.resources import asset
from peerprep.words import catalogue
from peerprep.words.lix import lix, lix_of_many, measure, sentence_lengths

SENTENCE_WORDS = 6
HELP_LIX = 35
STARTER_LIX = 25
LABEL_LIX = 25
ENGLISH_SENTENCE_WORDS = 15

# Not prose: formats for dates, the program's name, words a person types to say yes.
_NOT_PROSE = re.compile(r"^(dates\.format\.)|(^|\.)(yes_words?|.*_word|.*_letter)$")
# Names, not sentences: the meeting kinds' official names, and the name an untitled
# preparation is given ("Forberedelse begyndt 30.11.2026").
_OFFICIAL_NAME = re.compile(r"^(kinds\.[a-z_]+\.name|naming\.untitled)$")
_LABEL_PARTS = {"button", "buttons", "bindings", "binding", "keys", "menu", "home", "actions"}


def _flatten(prefix: str, node: object, out: dict[str, list[str]]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), value, out)
    elif isinstance(node, list):
        out[prefix] = [str(v) for v in node]
    else:
        out[prefix] = [str(node)]


def catalogue_files(language: str) -> dict[str, dict[str, list[str]]]:
    """{file name: {dotted key: texts}} for one language."""
    found: dict[str, dict[str, list[str]]] = {}
    for path in sorted(asset("lang", language).glob("*.json")):
        entries: dict[str, list[str]] = {}
        _flatten("", json.loads(path.read_text(encoding="utf-8")), entries)
        found[path.name] = entries
    return found


def prose(language: str) -> list[tuple[str, str, str]]:
    """(file, key, text) for every text a person reads, lists split into their items."""
    return [
        (name, key, text)
        for name, entries in catalogue_files(language).items()
        for key, texts in entries.items()
        if not _NOT_PROSE.search(key)
        for text in texts
        if measure(text).words
    ]


def is_button(key: str) -> bool:
    parts = key.split(".")
    return bool(_LABEL_PARTS & set(parts[:-1])) or parts[-1].endswith(("_button", "_label"))


def is_starter(key: str) -> bool:
    return key.startswith("parts.") and key.endswith(".starter")


DANISH = prose("da")
LONG_DANISH = [(n, k, t) for n, k, t in DANISH if measure(t).words >= SENTENCE_WORDS]


@pytest.mark.parametrize(("name", "key", "text"), LONG_DANISH, ids=[k for _, k, _ in LONG_DANISH])
def test_danish_texts_are_easy_to_read(name: str, key: str, text: str) -> None:
    score = lix(text)
    assert score < HELP_LIX, f"{name} {key}: LIX {score:.1f}: {text}"


@pytest.mark.parametrize("name", sorted(catalogue_files("da")))
def test_short_danish_texts_read_together_are_easy(name: str) -> None:
    short = [
        t
        for n, k, t in DANISH
        if n == name and measure(t).words < SENTENCE_WORDS and not _OFFICIAL_NAME.match(k)
    ]
    score = lix_of_many(short)
    assert score < HELP_LIX, f"{name}: the short texts together score LIX {score:.1f}"


@pytest.mark.parametrize("key", PART_KEYS)
def test_starters_are_very_easy(key: str) -> None:
    starter = catalogue("da").part(key).starter
    assert lix(starter) < STARTER_LIX, f"{key}: LIX {lix(starter):.1f}: {starter}"


def test_button_labels_are_very_easy() -> None:
    labels = [t for _, k, t in DANISH if is_button(k) and not is_starter(k)]
    assert labels, "no button labels found: did the key names change?"
    score = lix_of_many(labels)
    assert score < LABEL_LIX, f"button labels together: LIX {score:.1f}"


ENGLISH = prose("en")


@pytest.mark.parametrize(("name", "key", "text"), ENGLISH, ids=[k for _, k, _ in ENGLISH])
def test_english_sentences_are_short(name: str, key: str, text: str) -> None:
    longest = max(sentence_lengths(text), default=0)
    assert longest <= ENGLISH_SENTENCE_WORDS, f"{name} {key}: a sentence of {longest} words"


# --- the catalogues are complete ---------------------------------------------------------


def _keys(language: str) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for entries in catalogue_files(language).values():
        merged.update(entries)
    return merged


def test_every_language_has_the_same_keys() -> None:
    first, *others = LANGUAGES
    for other in others:
        missing = set(_keys(first)) ^ set(_keys(other))
        assert not missing, f"{first} and {other} differ in: {sorted(missing)}"


def test_the_same_key_lives_in_the_same_file_in_every_language() -> None:
    def where(language: str) -> dict[str, str]:
        return {k: n for n, entries in catalogue_files(language).items() for k in entries}

    first, *others = LANGUAGES
    for other in others:
        assert where(first) == where(other)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_empty_texts(language: str) -> None:
    for key, texts in _keys(language).items():
        assert texts, f"{language} {key} is an empty list"
        for text in texts:
            assert text.strip(), f"{language} {key} is empty"


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_placeholders_match_between_languages() -> None:
    first, *others = LANGUAGES
    base = _keys(first)
    for other in others:
        for key, texts in _keys(other).items():
            theirs = set().union(*(_placeholders(t) for t in texts))
            ours = set().union(*(_placeholders(t) for t in base[key]))
            assert theirs == ours, f"{key}: {first} has {ours}, {other} has {theirs}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_have_the_same_length_for_parts(language: str) -> None:
    # The four parts' help lists are shown side by side in peer mode: the same number in
    # every language keeps a peer worker and a person on the same question.
    for key in PART_KEYS:
        for field in ("prompts", "examples", "peer", "about"):
            assert len(catalogue(language).list(f"parts.{key}.{field}")) == len(
                catalogue("da").list(f"parts.{key}.{field}")
            )


# --- what the words say -------------------------------------------------------------------

_TREATMENT_WORDS = re.compile(
    r"\b(medicin\w*|pille\w*|tablet\w*|indlæggelse\w*|elektrochok|ECT|medication\w*|"
    r"medicine\w*|pills?|drugs?|antipsychotic\w*|antidepressant\w*|admission)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_help_text_assumes_medication_or_a_treatment(language: str) -> None:
    cat = catalogue(language)
    for key in PART_KEYS:
        part = cat.part(key)
        for text in (part.starter, *part.about, *part.prompts, *part.examples, *part.peer):
            assert not _TREATMENT_WORDS.search(text), f"{language} {key}: {text}"


@pytest.mark.parametrize(
    ("key", "word"),
    [
        ("explain.statement", "personligt statement"),
        ("explain.peer", "støtteperson"),
        ("explain.companion", "bisidder"),
    ],
)
def test_hard_words_are_explained_once_in_everyday_words(key: str, word: str) -> None:
    text = catalogue("da").text(key)
    assert word in text.lower()
    assert lix(text) < HELP_LIX


def test_what_not_which_is_said_where_help_is_asked_for() -> None:
    for language, words in (("da", ("hvad", "hvilken")), ("en", ("what", "which"))):
        about = " ".join(catalogue(language).part("help_with").about).lower()
        assert all(w in about for w in words), language


def test_the_measure_catches_a_hard_text() -> None:
    # Guard against a rule that passes everything: an official sentence must fail it.
    hard = "Kommunalbestyrelsen træffer afgørelse om tilkendelse af førtidspension."
    assert lix(hard) >= HELP_LIX


def test_catalogue_folder_is_the_one_the_program_reads() -> None:
    assert Path(asset("lang", "da")).is_dir()
    assert set(catalogue_files("da")) == set(catalogue_files("en"))
