"""The PDF sheet, read back with pypdf: content, fit, large print, metadata, determinism."""

from __future__ import annotations

import datetime as dt
import getpass
import re
import socket
from pathlib import Path

import pytest

from peerprep.choices import PART_KEYS
from peerprep.export import pdf, service
from peerprep.export.layout import LARGE_PRINT_SIZE, SIZES, build_sheet
from peerprep.export.starter import without_starter
from peerprep.words import catalogue


def _sizes(reader) -> set[float]:
    """Every font size used for visible text on every page."""
    found: set[float] = set()

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            found.add(round(abs(size * tm[3] * cm[3]), 1))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return found


def fonts_in(reader) -> set[str]:
    """The names of the fonts embedded in the PDF (without their subset prefix)."""
    names: set[str] = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def _full_width_rules(reader) -> int:
    """How many filled rules as wide as the text column the first page draws."""
    content = reader.pages[0].get_contents().get_data()
    widths = re.findall(rb"cm/c\d+ cs [\d. ]*scn ([\d.]+) [\d.]+ m", content)
    return sum(1 for width in widths if abs(float(width) - 481.89) < 0.1)


def test_normal_statement_is_one_page_with_every_answer(preparation, pdf_reader, text_of):
    prep = preparation()
    data = pdf.render(build_sheet(prep, catalogue("da")))
    reader = pdf_reader(data)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    text = text_of(data)
    for key in PART_KEYS:
        starter = catalogue("da").part(key).starter
        # a starter repeated at the start of an answer is printed once (export/starter.py)
        assert without_starter(prep.statement.get(key), starter) in text
        assert starter in text
    for question in prep.questions:
        assert question in text
    assert "Åse" in text and "søster" in text and "børn" in text  # æ ø å intact
    assert "Udskrivningsmøde" in text and "12.03.2025" in text and "10.00" in text
    assert "Overlæge Hansen, Kontaktperson Mette" in text
    assert "Forberedt 03.03.2025" in text
    assert max(_sizes(reader) - {8.5}) > 11  # headings above the body
    assert 11.0 in _sizes(reader)  # the comfortable body size


def test_english_sheet_has_english_words(preparation, text_of):
    data = pdf.render(build_sheet(preparation("en"), catalogue("en")))
    text = text_of(data)
    assert "My personal statement" in text
    assert "Notes from the meeting" in text
    assert "12/03/2025" in text


def test_arabic_text_is_drawn(preparation, text_of):
    prep = preparation()
    words = ["مرحبا", "الاجتماع", "مساعدة"]
    prep.set_part("important", " ".join(words))
    text = text_of(pdf.render(build_sheet(prep, catalogue("da"))))
    for word in words:  # pypdf may reverse the word order of right-to-left lines
        assert word in text


def test_markup_characters_come_out_literally(preparation, pdf_reader, text_of):
    prep = preparation()
    hostile = '#set page(width: 2cm) $x^2$ *fed* _skrå_ <b> @ref \\ "citat" `kode` = ]['
    prep.set_part("introduction", hostile)
    prep.title = "#pagebreak() *Titel*"
    data = pdf.render(build_sheet(prep, catalogue("da")))
    reader = pdf_reader(data)
    assert len(reader.pages) == 1
    assert round(float(reader.pages[0].mediabox.width)) == 595
    text = text_of(data)
    assert hostile in text
    assert "#pagebreak() *Titel*" in text
    assert reader.metadata.title == "#pagebreak() *Titel*"


def test_text_shrinks_step_by_step_before_a_second_page(preparation, pdf_reader):
    cat = catalogue("da")
    seen = []
    for repeat in (1, 7, 9):  # each answer's own copy of its starter is not on the sheet
        sheet = build_sheet(preparation(repeat=repeat), cat)
        fit = pdf.measure(sheet)
        seen.append(fit.size)
        assert fit.one_page
        assert len(pdf_reader(pdf.render(sheet)).pages) == 1
    assert seen[0] == SIZES[0]
    assert seen[0] > seen[1] > seen[2] >= SIZES[-1]


def test_past_the_floor_it_runs_onto_a_second_page(preparation, pdf_reader):
    prep = preparation(repeat=22)
    sheet = build_sheet(prep, catalogue("da"))
    fit = pdf.measure(sheet)
    assert not fit.one_page
    assert fit.ratios[-1] > 1  # not even the floor size fits
    assert fit.size == SIZES[0]  # two pages: back at the comfortable size
    reader = pdf_reader(pdf.render(sheet))
    assert len(reader.pages) >= 2
    assert service.needs_second_page(prep)
    assert not service.needs_second_page(preparation(repeat=9))


def test_large_print_is_at_least_16_point(preparation, pdf_reader, text_of):
    sheet = build_sheet(preparation(), catalogue("da"), large_print=True)
    data = pdf.render(sheet)
    reader = pdf_reader(data)
    assert pdf.measure(sheet).size == LARGE_PRINT_SIZE
    assert min(_sizes(reader)) >= 16
    assert len(reader.pages) >= 2  # it may take more pages, and here it does
    assert "Jeg hedder Åse" in text_of(data)


def test_empty_parts_show_starters_and_writing_lines(empty, preparation, pdf_reader, text_of):
    cat = catalogue("da")
    data = pdf.render(build_sheet(empty(), cat))
    reader = pdf_reader(data)
    assert len(reader.pages) == 1
    text = text_of(data)
    for key in PART_KEYS:
        assert cat.part(key).starter in text
    assert "Mine spørgsmål til mødet" in text and "Noter fra mødet" in text
    assert "Møde:" in text and "Dato:" in text  # blanks to fill in by hand
    # Three writing lines under each empty part and the questions: thin rules drawn
    # across the full text width (the notes box's lines are narrower).
    assert _full_width_rules(reader) == 5 * 3
    filled = pdf_reader(pdf.render(build_sheet(preparation(), cat)))
    assert _full_width_rules(filled) == 0


def test_metadata_holds_the_title_only(preparation, pdf_reader, tmp_path):
    prep = preparation()
    data = pdf.render(build_sheet(prep, catalogue("da")))
    meta = pdf_reader(data).metadata
    assert meta.title == "Møde om udskrivning"
    assert set(meta) <= {"/Title", "/Creator", "/Producer"}
    assert "Typst" in meta.get("/Creator", "Typst")
    raw = data.decode("latin-1")
    for secret in {getpass.getuser(), socket.gethostname(), str(tmp_path), str(Path.home())}:
        if len(secret) > 3:
            assert secret not in raw


def test_two_exports_are_byte_identical(preparation, export_dir):
    prep = preparation()
    at = dt.datetime(2025, 3, 4, 9, 30, tzinfo=dt.timezone.utc)
    first = service.export_preparation(prep, fmt="pdf", timestamp=at)
    second = service.export_preparation(prep, fmt="pdf", timestamp=at)
    assert first != second
    assert first.read_bytes() == second.read_bytes()
    assert second.name == "Møde om udskrivning 2025-03-12 (2).pdf"


def test_emoji_are_printed_in_black_and_white(preparation, text_of, pdf_reader):
    prep = preparation()
    prep.set_part("so_that", "så jeg kan smile 😊 igen ❤️ ✅")
    sheet = build_sheet(prep, catalogue("da"))
    data = pdf.render(sheet)
    text = text_of(data)
    # the starter "… så jeg kan …" is printed once (export.starter): the answer goes on
    assert "smile 😊 igen ❤️ ✅" in text
    assert "NotoEmoji" in " ".join(fonts_in(pdf_reader(data)))


@pytest.mark.parametrize("language", ["da", "en"])
def test_sheet_language_follows_the_preparation(language, preparation, export_dir, text_of):
    path = service.export_preparation(preparation(language))
    heading = catalogue(language).text("sheet.heading")
    assert heading in text_of(path.read_bytes())
