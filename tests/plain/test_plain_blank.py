"""A blank sheet from line-by-line mode's home menu (flow.taking_along.take_blank): in the
person's language, as a file or on paper, by the same rules as any sheet (on a shared
computer printing keeps no file, and no folder of the computer is suggested)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from plain_driving import drive
from pypdf import PdfReader

from peerprep import drives
from peerprep.choices import PART_KEYS
from peerprep.words import catalogue

DA = catalogue("da")
EN = catalogue("en")
# Home with nothing saved: new (1), open from a file (2), about (3), blank sheet (4), stop (5).
BLANK = "4"


def _text(data: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split()
    )


def _is_blank_sheet(data: bytes, cat) -> None:
    text = _text(data)
    for key in PART_KEYS:
        assert cat.part(key).starter in text
    assert f"{cat.text('sheet.date')}:" in text and cat.text("sheet.notes") in text


@pytest.fixture
def printer(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, bytes]]:
    """A printer that keeps what it was sent (the file's bytes, as lp copies them)."""
    from peerprep.export import printing

    sent: list[tuple[Path, bytes]] = []
    monkeypatch.setattr(printing, "_known", printing.PrinterStatus("ready"))  # asked and kept
    monkeypatch.setattr(printing, "print_file", lambda path: sent.append((path, path.read_bytes())))
    return sent


def test_home_offers_a_blank_sheet_in_the_persons_language(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, tmp_path: Path
) -> None:
    # the blank sheet (4) as a PDF (1) in the usual folder (Enter); home again, stop
    code, out = drive(monkeypatch, [BLANK, "1", "", "stop"])
    assert code == 0
    assert f"{BLANK}. {DA.text('plain.home.blank')}" in out
    assert DA.text("plain.export.blank_title") in out
    [pdf] = list((tmp_path / "exports").glob("*.pdf"))
    assert pdf.name == "Tomt ark til mit statement.pdf"
    assert DA.text("export.done", path=str(pdf)) in out
    _is_blank_sheet(pdf.read_bytes(), DA)
    assert not data_dir.exists() or not list((data_dir / "preparations").glob("*.json"))

    code, out = drive(monkeypatch, [BLANK, "2", "", "stop"], "--lang", "en")  # large print
    assert code == 0
    assert EN.text("plain.home.blank") in out
    [large] = list((tmp_path / "exports").glob("Blank*.pdf"))
    _is_blank_sheet(large.read_bytes(), EN)
    assert EN.text("export.pages", pages=2) in out  # large print: said to fill two pages


def test_going_back_makes_nothing(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, tmp_path: Path
) -> None:
    code, out = drive(monkeypatch, [BLANK, "0", "stop"])
    assert code == 0
    assert not (tmp_path / "exports").exists()
    assert out.count(DA.text("plain.home.title")) == 2  # back home


def test_printing_a_blank_sheet_on_a_shared_computer_keeps_no_file(
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    tmp_path: Path,
    printer: list[tuple[Path, bytes]],
) -> None:
    import tempfile

    monkeypatch.setattr(drives, "removable_places", lambda limit=6: [])
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    # the blank sheet; send it to the printer (5); stop
    code, out = drive(monkeypatch, [BLANK, "5", "stop"], "--shared")
    assert code == 0
    assert DA.text("export.printed_no_file") in out
    [(_path, data)] = printer
    _is_blank_sheet(data, DA)
    assert list(tmp.iterdir()) == []  # nothing of it left behind
    assert not (tmp_path / "exports").exists()
    assert DA.text("shared.leave.title") not in out  # a blank sheet holds no one's words


def test_on_a_shared_computer_a_blank_sheet_asks_for_a_place(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, tmp_path: Path
) -> None:
    monkeypatch.setattr(drives, "removable_places", lambda limit=6: [])
    desktop = tmp_path / "Skrivebord"
    desktop.mkdir()
    code, out = drive(monkeypatch, [BLANK, "3", str(desktop), "stop"], "--shared")
    assert code == 0
    assert DA.text("export.place.shared_choose") in out
    assert not (tmp_path / "exports").exists()  # no folder of the computer suggested
    [html] = list(desktop.glob("*.html"))
    assert DA.text("export.stays_here", path=str(html)) in out
