"""Where an export goes, and the rule that it never overwrites a file."""

from __future__ import annotations

import pytest

from peerprep.export import service
from peerprep.export.errors import ExportError


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
    from peerprep.folders import default_export_dir

    assert default_export_dir() == export_dir
    assert not export_dir.exists()
    path = service.export_preparation(preparation(), fmt="txt")
    assert path.parent == export_dir
    monkeypatch.delenv("PEERPREP_EXPORT_DIR")
    assert default_export_dir().name == "peerprep"


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
