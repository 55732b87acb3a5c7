"""Where a sheet goes: on a shared computer a USB stick or the person's own choice (a file
left on the computer is said to stay there and is not taken along); on a personal
computer the usual folder, said plainly when a cloud service copies it."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerprep import drives
from peerprep.cli import main
from peerprep.export.errors import ExportError
from peerprep.flow.places import export_place
from peerprep.flow.taking_along import SheetRequest, TakenAlong, save_copy, take_along
from peerprep.folders import EXPORT_DIR_ENV, cloud_service
from peerprep.machine import MACHINE_FILE
from peerprep.model import Preparation
from peerprep.words import catalogue


def _prep() -> Preparation:
    prep = Preparation.new("da")
    prep.set_part("introduction", "Jeg hedder Kim.")
    return prep


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A USB stick in the computer (as drives.removable_places would find it)."""
    folder = tmp_path / "media" / "KIM-USB"
    folder.mkdir(parents=True)
    monkeypatch.setattr(drives, "removable_places", lambda limit=6: [folder])
    return folder


@pytest.fixture
def no_stick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drives, "removable_places", lambda limit=6: [])


# --- a shared computer ------------------------------------------------------------------


def test_shared_without_a_stick_suggests_no_folder(no_stick: None) -> None:
    place = export_place(shared=True)
    assert place.folder is None
    [note] = place.notes
    said = note.text(catalogue("da"))
    assert "delt computer" in said and "andre kan finde den" in said


def test_shared_with_a_stick_suggests_the_stick(stick: Path) -> None:
    place = export_place(shared=True)
    assert place.folder == stick and place.removable and not place.notes


def test_shared_refuses_the_usual_folder(no_stick: None, tmp_path: Path) -> None:
    record = TakenAlong(shared=True)
    with pytest.raises(ExportError) as caught:
        take_along(record, _prep(), SheetRequest(fmt="txt"))
    assert caught.value.key == "export.errors.choose_place"
    assert not (tmp_path / "exports").exists()  # nothing written on the computer


def test_a_file_left_on_a_shared_computer_is_not_taken_along(
    no_stick: None, tmp_path: Path
) -> None:
    record = TakenAlong(shared=True)
    prep = _prep()
    folder = tmp_path / "Skrivebord"
    folder.mkdir()
    taken = take_along(record, prep, SheetRequest(fmt="txt", destination=folder))
    assert taken.path is not None and taken.path.parent == folder
    said = [s.text(catalogue("da")) for s in taken.said]
    assert any("bliver her" in s and str(taken.path) in s for s in said)
    assert record.untaken([prep]) == [prep]  # leaving still asks about it


def test_a_file_on_a_stick_is_taken_along(stick: Path) -> None:
    record = TakenAlong(shared=True)
    prep = _prep()
    taken = take_along(record, prep, SheetRequest(fmt="txt", destination=stick))
    assert taken.path is not None and taken.path.parent == stick
    assert [s.key for s in taken.said] == ["export.done"]
    assert record.untaken([prep]) == []


def test_the_preparation_file_follows_the_same_rule(
    stick: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cat = catalogue("da")
    record = TakenAlong(shared=True)
    prep = _prep()
    here = tmp_path / "here"
    here.mkdir()
    save_copy(record, cat, prep, here)
    assert record.untaken([prep]) == [prep]
    save_copy(record, cat, prep, stick)
    assert record.untaken([prep]) == []


def test_on_a_personal_computer_every_export_counts(no_stick: None, tmp_path: Path) -> None:
    record = TakenAlong(shared=False)
    prep = _prep()
    taken = take_along(record, prep, SheetRequest(fmt="txt"))
    assert taken.path is not None and taken.path.parent == tmp_path / "exports"
    assert [s.key for s in taken.said] == ["export.done"]
    assert record.untaken([prep]) == []


# --- a folder a cloud service copies ------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (r"C:\Users\kim\OneDrive\Documents\peerprep", "OneDrive"),
        (r"C:\Users\kim\OneDrive - Region Hovedstaden\Dokumenter\peerprep", "OneDrive"),
        ("/Users/kim/Library/Mobile Documents/com~apple~CloudDocs/peerprep", "iCloud Drive"),
        ("/Users/kim/iCloud Drive/peerprep", "iCloud Drive"),
        ("/home/kim/Dropbox/peerprep", "Dropbox"),
        ("/home/kim/Documents/peerprep", None),
        ("/home/kim/Dropboxes/peerprep", None),
    ],
)
def test_cloud_folders_are_recognised(path: str, service: str | None) -> None:
    assert cloud_service(Path(path.replace("\\", "/")), environ={}) == service


def test_onedrive_named_by_its_variable(tmp_path: Path) -> None:
    root = tmp_path / "Work files"
    assert cloud_service(root / "Documents", {"OneDriveCommercial": str(root)}) == "OneDrive"
    assert cloud_service(tmp_path / "elsewhere", {"OneDrive": str(root)}) is None


def test_a_cloud_folder_is_said_and_another_offered(
    no_stick: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced = tmp_path / "OneDrive" / "Dokumenter" / "peerprep"
    monkeypatch.setenv(EXPORT_DIR_ENV, str(synced))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    place = export_place(shared=False, environ={})
    assert place.folder == synced and place.cloud == "OneDrive"
    assert place.others == (tmp_path / "home" / "peerprep",)
    [note] = place.notes
    said = note.text(catalogue("da"))
    assert "OneDrive på internettet" in said and str(tmp_path / "home" / "peerprep") in said


def test_a_folder_no_service_copies_has_no_note(no_stick: None) -> None:
    place = export_place(shared=False, environ={})
    assert place.cloud is None and not place.notes


# --- `peerprep where` -------------------------------------------------------------------------


def test_where_on_a_shared_computer_shows_the_minutes_and_no_export_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--shared", "where"]) == 0
    out = capsys.readouterr().out
    cat = catalogue("da")
    assert cat.text("shared.data.cover", n=3) in out
    assert cat.text("shared.data.erase", n=20) in out
    assert cat.text("where.export_shared") in out
    assert str(tmp_path / "exports") not in out


def test_where_shows_the_machine_minutes_in_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / MACHINE_FILE).write_text(
        "shared = yes\nprivacy_minutes = 1\nerase_minutes = 7\n", encoding="utf-8"
    )
    assert main(["--lang", "en", "where"]) == 0  # no flag: the machine says so
    out = capsys.readouterr().out
    cat = catalogue("en")
    assert cat.text("shared.data.cover", n=1) in out  # "one minute", said in the singular
    assert cat.text("shared.data.erase", n=7) in out


def test_where_names_a_cloud_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(EXPORT_DIR_ENV, str(tmp_path / "Dropbox" / "peerprep"))
    assert main(["where"]) == 0
    out = capsys.readouterr().out
    assert catalogue("da").text("where.export_cloud", service="Dropbox") in out
