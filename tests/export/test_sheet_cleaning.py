"""Nothing but the person's words reaches the sheet: no terminal control codes, no hidden
direction marks.

Text pasted from a web page, a text message or another program can carry invisible
characters: C0 controls (an escape, a bell), C1 controls (among them the 8-bit CSI,
U+009B, which a terminal reads as the start of a command, just like ESC [), and Unicode's
direction embeddings, overrides and isolates, which reorder what is printed around them
(the trick behind "Trojan Source"). On a sheet they would be invisible or print as boxes;
in `peerprep show` and the text export they would reach a terminal as commands. Every
text the person writes is checked, in every format, through the public results only
(`build_sheet`, the exported files, `peerprep show`), never the cleaning function itself.
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerprep.cli import main
from peerprep.export import export_preparation
from peerprep.export.html import sheet_to_html
from peerprep.export.layout import build_sheet
from peerprep.export.markdown import sheet_to_markdown
from peerprep.export.text import to_text
from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.words import catalogue

# One of each kind, between real words so that a test can see the words survive.
C0 = "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f"
C1 = "\x80\x85\x8d\x90\x9b\x9c\x9d\x9f"  # 0x9B: 8-bit CSI, 0x9D: 8-bit OSC
# The direction marks (LRM, RLM, ALM) are not among them: they reorder nothing, and they
# are how a person says which way a sentence runs (export/direction.py).
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HIDDEN = C0 + C1 + BIDI

# A terminal command written with the 8-bit CSI: clear the screen, then red text.
CSI_ATTACK = "Jeg hedder Åse\x9b2J\x9b31m og bor i Ærøskøbing"
# Trojan-Source style: an isolate and an override that would show the words reversed.
BIDI_ATTACK = "Min læge\u2067 siger \u202enej\u202c\u2069 altid"


def _dirty(words: str) -> str:
    """`words` with every hidden character put in between them."""
    head, _, tail = words.partition(" ")
    return f"{head}{HIDDEN}{C1} {tail}{BIDI}"


def _bad(text: str) -> list[str]:
    """The hidden characters found in `text` (line breaks are the only control allowed)."""
    found = []
    for char in text:
        if char == "\n":
            continue
        if unicodedata.category(char) == "Cc" or unicodedata.bidirectional(char) in {
            "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI",
        }:  # fmt: skip
            found.append(f"U+{ord(char):04X}")
    return found


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def dirty_preparation() -> Preparation:
    """Hidden characters in every text the person writes."""
    prep = Preparation.new("da")
    prep.title = _dirty("Mit møde")
    prep.meeting.kind = "treatment"
    prep.meeting.place = _dirty("Afsnit P3")
    prep.meeting.attendees = [_dirty("Overlæge Hansen"), _dirty("Mette Sø")]
    prep.meeting.companion = _dirty("Min søster")
    prep.set_part("introduction", CSI_ATTACK)
    prep.set_part("important", BIDI_ATTACK)
    prep.set_part("help_with", _dirty("at sove bedre") + "\n\n" + _dirty("at åbne post"))
    prep.set_part("so_that", "\x9b" + _dirty("passe mit arbejde"))
    prep.questions = [
        _dirty("Hvornår kan jeg komme hjem?"),
        "Hvem\x9b2J ringer jeg til?\u2066",
        "\u2067" + _dirty("Må min søster komme med?"),
    ]
    prep.after_meeting.agreed = _dirty("Ny samtale om to uger")
    prep.after_meeting.next_steps = _dirty("Ringe til kommunen")
    return prep


WORDS = [
    "Mit møde", "Afsnit P3", "Overlæge Hansen", "Mette Sø", "Min søster",
    "Jeg hedder Åse2J31m og bor i Ærøskøbing", "Min læge siger nej altid",
    "at sove bedre", "at åbne post", "passe mit arbejde",
    "Hvornår kan jeg komme hjem?", "Hvem2J ringer jeg til?", "Må min søster komme med?",
    "Ny samtale om to uger", "Ringe til kommunen",
]  # fmt: skip


@pytest.fixture
def dirty() -> Preparation:
    return dirty_preparation()


def test_the_sheet_holds_no_hidden_character_in_any_field(dirty):
    sheet = build_sheet(dirty, catalogue("da"))
    data = dataclasses.asdict(sheet)  # every text the sheet holds, whatever its shape
    for text in _strings(data):
        assert _bad(text) == [], text
    every = "\n".join(_strings(data))
    for words in WORDS:  # and every word is still there, in its order
        assert words in every


def test_questions_are_cleaned_like_the_parts(dirty):
    sheet = build_sheet(dirty, catalogue("da"))
    said = [paragraph.text for paragraph in sheet.questions]
    assert said == [
        "Hvornår kan jeg komme hjem?",
        "Hvem2J ringer jeg til?",
        "Må min søster komme med?",
    ]
    for question in sheet.questions:
        assert _bad(question.text) == []


def test_the_eight_bit_csi_never_reaches_a_terminal(dirty, store: Store, capsysbinary):
    store.save(dirty)
    assert main(["show", dirty.id]) == 0
    out = capsysbinary.readouterr().out
    assert b"\xc2\x9b" not in out and b"\x9b" not in out  # as UTF-8, or as a raw byte
    assert b"\x1b" not in out
    text = out.decode("utf-8")
    assert _bad(text) == []
    # read from its file, the sequences go whole, parameters too (words.controls, issue 12)
    assert "Jeg hedder Åse og bor i Ærøskøbing" in text


@pytest.mark.parametrize("render", [to_text, "html", "md"], ids=["txt", "html", "md"])
def test_every_format_is_clean(dirty, render):
    cat = catalogue("da")
    if render == "html":
        text = sheet_to_html(build_sheet(dirty, cat))
    elif render == "md":
        text = sheet_to_markdown(build_sheet(dirty, cat))
    else:
        text = render(dirty, cat)
    assert _bad(text) == []
    assert "Min læge siger nej altid" in text or "Min l&aelig;ge" in text


def test_the_exported_files_are_clean(dirty, tmp_path: Path, text_of):
    for fmt in ("txt", "md", "html", "pdf"):
        path = export_preparation(dirty, fmt=fmt, folder=tmp_path)
        raw = path.read_bytes()
        text = text_of(raw) if fmt == "pdf" else raw.decode("utf-8")
        assert _bad(text) == [], fmt
        assert "Ærøskøbing" in text, fmt


def test_the_file_itself_keeps_what_was_typed(dirty, store: Store):
    """Cleaning is for the sheet only: the saved file is the person's, untouched."""
    store.save(dirty)
    saved = json.loads(store.path_of(dirty.id).read_text(encoding="utf-8"))
    assert saved["statement"]["introduction"] == CSI_ATTACK
    assert saved["questions"][1] == "Hvem\x9b2J ringer jeg til?\u2066"


def test_line_ends_tabs_and_blank_lines_are_laid_out_as_the_person_meant() -> None:
    """Text pasted from Windows (\\r\\n), an old Mac (\\r) or with tabs: every line end is
    one line end, a tab four spaces, an indent kept, spaces at a line's end dropped, and
    three or more line ends one blank line (a new paragraph), none at the start or end."""
    from peerprep.export.layout import clean, paragraphs

    typed = "\n\n  Jeg hedder Sam.  \r\nJeg bor i Ærø.\rJeg kan lide\tkage.\n\n\n\n  Slut.  \n\n"
    assert clean(typed) == "  Jeg hedder Sam.\nJeg bor i Ærø.\nJeg kan lide    kage.\n\n  Slut."
    assert [p.lines for p in paragraphs(typed)] == [
        ("  Jeg hedder Sam.", "Jeg bor i Ærø.", "Jeg kan lide    kage."),
        ("  Slut.",),
    ]
    # only line ends go from the ends: a name that begins or ends the answer stays whole
    assert clean("\nXenia kommer med. Vi ses, XX\n") == "Xenia kommer med. Vi ses, XX"
