"""One name for a preparation everywhere, and file names that are safe on every system."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerprep.files import claim_new_name
from peerprep.model import Preparation
from peerprep.words import catalogue
from peerprep.words.naming import MAX_STEM, MAX_STEM_BYTES, display_title, file_stem, safe_stem

_RESERVED = (
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_safe_stem_is_always_a_harmless_name(text):
    stem = safe_stem(text)
    assert stem
    assert len(stem) <= MAX_STEM
    assert len(stem.encode("utf-8", errors="surrogatepass")) <= MAX_STEM_BYTES
    assert "/" not in stem and "\\" not in stem
    assert ".." not in stem
    assert not stem.startswith((".", " ", "-")) and not stem.endswith((".", " "))
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in stem)
    assert not set(stem) & set(':*?"<>|')
    assert stem.split(".")[0].strip().lower() not in _RESERVED
    assert Path(stem).name == stem  # one path component, nothing more


@given(st.text(min_size=1, max_size=60))
@settings(max_examples=100, deadline=None)
def test_safe_stem_writes_a_real_file(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("names")
    path = claim_new_name(folder / f"{safe_stem(text)}.pdf")
    assert path.parent == folder and path.exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("..", "peerprep"),
        ("   ", "peerprep"),
        ("CON", "CON-1"),
        ("nul.txt", "nul-1.txt"),
        ("com1 .x", "com1 -1.x"),
        ("Møde: 12/03", "Møde- 12-03"),
        ("a\x00b\nc", "a-b-c"),
    ],
)
def test_safe_stem_examples(text, expected):
    assert safe_stem(text) == expected


def test_file_stem_from_title_kind_and_date():
    cat = catalogue("da")
    prep = Preparation.new("da")
    prep.created_at = dt.datetime(2025, 3, 3, 12, 0, tzinfo=dt.timezone.utc)
    assert file_stem(cat, prep) == "Forberedelse begyndt 2025-03-03"
    prep.meeting.kind = "jobcenter"
    prep.meeting.date = dt.date(2025, 4, 1)
    assert file_stem(cat, prep) == "Samtale på jobcentret 2025-04-01"
    prep.title = "../hemmelig"
    assert file_stem(cat, prep) == "hemmelig 2025-04-01"
    prep.meeting.date = None
    assert file_stem(cat, prep) == "hemmelig"


def test_one_title_rule_on_screen_and_in_file_names():
    """The display title and the file name say the same words; only the date's form differs."""
    cat = catalogue("da")
    prep = Preparation.new("da")
    prep.created_at = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.timezone.utc)
    assert display_title(cat, prep) == "Forberedelse begyndt 30.11.2026"
    assert file_stem(cat, prep) == "Forberedelse begyndt 2026-11-30"
    prep.meeting.kind = "discharge"
    prep.meeting.date = dt.date(2026, 12, 24)
    assert display_title(cat, prep) == "Udskrivningsmøde 24.12.2026"
    assert file_stem(cat, prep) == "Udskrivningsmøde 2026-12-24"
    prep.title = "Mit\nmøde\x1b[31m"
    assert display_title(cat, prep) == "Mit møde"  # the whole sequence goes, not only ESC


def test_claiming_a_name_never_takes_an_existing_one(tmp_path):
    target = tmp_path / "ark.pdf"
    target.write_bytes(b"the person's own file")
    first = claim_new_name(target)
    second = claim_new_name(target)
    assert (first.name, second.name) == ("ark (2).pdf", "ark (3).pdf")
    assert target.read_bytes() == b"the person's own file"


def test_a_long_name_in_a_script_of_wide_letters_still_makes_a_file(tmp_path):
    """Eighty letters of three bytes each, and the temporary name beside it while it is
    written: every name stays within the file system's 255 bytes."""
    from peerprep.files import atomic_write

    stem = safe_stem("漢" * 200)
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES and set(stem) == {"漢"}
    target = claim_new_name(tmp_path / f"{stem}.html")
    atomic_write(target, b"<p>ark</p>")
    assert target.read_bytes() == b"<p>ark</p>"
