"""Terminal control sequences in text from outside: taken out where it is read, and again
where it is shown (words.controls)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerprep.fileformat import decode
from peerprep.words import catalogue
from peerprep.words.controls import has_controls, printable, without_controls

FIXTURE = Path(__file__).parents[1] / "fixtures" / "case-escape-title.json"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mit møde\x1b]0;HACKED\x07\x1b[31mRØD", "Mit mødeRØD"),  # OSC title, CSI colour
        ("Kim.\x1b[2J\x1b[HSkærmen", "Kim.Skærmen"),  # clear the screen, cursor home
        ("a\x1b]52;c;aGVq\x1b\\b", "ab"),  # OSC 52 (the clipboard), ended by ST
        ("a\x9b2Jb\x9d0;x\x9cc", "abc"),  # the same in 8-bit C1 form
        ("a\x1bPq#0;2;0\x1b\\b", "ab"),  # DCS (sixel)
        ("\x1b7gemt\x1b8 \x1b(Bx", "gemt x"),  # two-byte escapes
        ("to linjer\r\nog\rtre\tfanet", "to linjer\nog\ntre\tfanet"),  # line ends kept
        ("nul\x00klokke\x07slet\x7f", "nulklokkeslet"),
        # An OSC that never ends loses only its opening: the words after it stay.
        ("før \x1b]0;titel og mine ord", "før 0;titel og mine ord"),
    ],
)
def test_control_sequences_go_and_the_words_stay(text: str, expected: str) -> None:
    assert without_controls(text) == expected


@given(st.text())
def test_nothing_a_terminal_acts_on_is_left(text: str) -> None:
    cleaned = without_controls(text)
    assert not has_controls(cleaned)
    assert "\x1b" not in cleaned and "\r" not in cleaned
    assert without_controls(cleaned) == cleaned


@given(st.text(st.characters(exclude_characters="".join(map(chr, range(0xA0))) + "\x7f")))
def test_text_without_controls_is_left_as_it_is(text: str) -> None:
    assert without_controls(text) == text
    assert without_controls(text + "\n\tx") == text + "\n\tx"


def test_every_text_of_a_file_is_harmless_once_read() -> None:
    """The fixture's title and part 1 hold OSC and CSI sequences; every field is clean
    after reading, and the words around them are all there."""
    raw = FIXTURE.read_bytes()
    assert b"\\u001b]0;HACKED" in raw and b"\\u001b[2J" in raw
    prep = decode(raw)
    assert prep.title == "Mit mødeRØD"
    assert prep.statement.introduction == "Jeg hedder Kim.Skærmen er ryddet"
    dumped = prep.to_json()
    assert not has_controls(json.loads(dumped)["title"])
    assert "\\u001b" not in dumped and "\x1b" not in dumped


def test_unknown_fields_and_lists_are_cleaned_too() -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data["questions"] = ["Hvorfor?\x1b[2J"]
    data["meeting"]["attendees"] = ["\x1b]0;x\x07læge"]
    data["from_a_newer_version"] = {"note": ["\x9b31mrød"]}
    prep = decode(json.dumps(data).encode("utf-8"))
    assert prep.questions == ["Hvorfor?"]
    assert prep.meeting.attendees == ["læge"]
    assert prep.model_extra == {"from_a_newer_version": {"note": ["rød"]}}


def test_values_in_every_message_are_printable() -> None:
    """A file's name, another computer's name: filled into a sentence, never acted on."""
    cat = catalogue("da")
    said = cat.text("errors.locked", host="pc\x1b]0;HACKED\x07-7", pid=12)
    assert "\x1b" not in said and "\x07" not in said and "pc-7" in said
    assert printable(Path("/tmp/a\x1b[2Jb.json")) == "/tmp/ab.json"
    assert printable(3) == 3
