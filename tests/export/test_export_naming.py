"""Safe file names and the rule that an export never overwrites a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerprep.content import catalogue
from peerprep.export import service
from peerprep.export.errors import ExportError
from peerprep.export.naming import MAX_STEM, file_name, reserve, safe_stem

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
    path = reserve(folder / f"{safe_stem(text)}.pdf")
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


def test_file_name_from_title_kind_and_date(preparation, empty):
    cat = catalogue("da")
    assert file_name(preparation(), cat, "pdf") == "Møde om udskrivning 2025-03-12.pdf"
    prep = empty()
    assert file_name(prep, cat, "pdf") == "Mit personlige statement.pdf"
    prep.meeting.kind = "jobcenter"
    prep.meeting.date = dt.date(2025, 4, 1)
    assert file_name(prep, cat, "html") == "Samtale på jobcenteret 2025-04-01.html"
    prep.title = "../hemmelig"
    assert file_name(prep, cat, "txt") == "hemmelig 2025-04-01.txt"


def test_reserve_never_takes_an_existing_name(tmp_path):
    target = tmp_path / "ark.pdf"
    target.write_bytes(b"the person's own file")
    first = reserve(target)
    second = reserve(target)
    assert (first.name, second.name) == ("ark (2).pdf", "ark (3).pdf")
    assert target.read_bytes() == b"the person's own file"


def test_export_to_an_existing_file_keeps_it(preparation, tmp_path):
    mine = tmp_path / "mit ark.pdf"
    mine.write_bytes(b"keep me")
    path = service.export_preparation(preparation(), destination=mine)
    assert path == tmp_path / "mit ark (2).pdf"
    assert mine.read_bytes() == b"keep me"
    assert path.read_bytes().startswith(b"%PDF")


def test_export_into_a_folder_and_a_name_without_ending(preparation, tmp_path):
    into = service.export_preparation(preparation(), fmt="txt", destination=tmp_path)
    assert into == tmp_path / "Møde om udskrivning 2025-03-12.txt"
    named = service.export_preparation(preparation(), fmt="md", destination=tmp_path / "ark")
    assert named == tmp_path / "ark.md"


def test_default_folder_is_created_and_overridable(preparation, export_dir, monkeypatch):
    assert service.default_export_dir() == export_dir
    assert not export_dir.exists()
    path = service.export_preparation(preparation(), fmt="txt")
    assert path.parent == export_dir
    monkeypatch.delenv("PEERPREP_EXPORT_DIR")
    assert service.default_export_dir().name == "peerprep"


def test_missing_or_wrong_folder_is_a_plain_error(preparation, tmp_path):
    with pytest.raises(ExportError) as missing:
        service.export_preparation(preparation(), destination=tmp_path / "nope" / "ark.pdf")
    assert missing.value.key == "export.errors.folder_missing"
    a_file = tmp_path / "fil"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError) as wrong:
        service.export_preparation(preparation(), destination=a_file / "ark.pdf")
    assert wrong.value.key == "export.errors.not_a_folder"
    assert list(tmp_path.iterdir()) == [a_file]  # nothing left behind


def test_a_folder_that_does_not_exist_yet_is_made_not_taken_as_a_file_name(tmp_path, preparation):
    from peerprep import export

    prep = preparation()
    chosen = tmp_path / "usb" / "mine"
    written = export.export_preparation(prep, fmt="txt", folder=chosen)
    assert written.parent == chosen
    assert chosen.is_dir()
    assert written.suffix == ".txt"
    assert "Åse" in written.read_text(encoding="utf-8")
    # The same folder again: a second file beside the first, never over it.
    again = export.export_preparation(prep, fmt="txt", folder=chosen)
    assert again != written and again.parent == chosen
