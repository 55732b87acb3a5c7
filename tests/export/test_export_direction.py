"""Which way a paragraph runs, the same in the PDF and the HTML: the person's direction
marks are kept, and a paragraph of mostly right-to-left letters is laid out right to left
even when it starts with a Latin word. Checked on the glyphs' positions in the PDF."""

from __future__ import annotations

import pytest
from pdfread import LEFT, RIGHT, lines

from peerprep.export import fit, pdf
from peerprep.export.direction import ALM, LRM, RLM, is_rtl
from peerprep.export.html import sheet_to_html
from peerprep.export.layout import build_sheet, clean
from peerprep.export.text import to_text
from peerprep.words import catalogue


@pytest.mark.parametrize(
    ("text", "rtl"),
    [
        ("مرحبا بكم", True),
        ("Hej med dig", False),
        ("Kommunen يقول إنني يجب أن أعمل كل يوم", True),  # Latin first, Arabic mostly
        ("Jobcenter אומר שאני צריך לעבוד", True),
        ("Jeg skriver et ord på arabisk: مرحبا", False),  # Danish mostly
        (RLM + "OK, tak", True),  # the person's mark decides
        (ALM + "OK, tak", True),
        (LRM + "مرحبا بكم يا أصدقاء", False),
        ("  123 " + RLM + "abc", True),  # a mark before the first letter
        ("abc " + RLM + " def", False),  # a mark inside the text does not
        ("ab مر", False),  # a tie: the first letter
        ("مر ab", True),
        ("123 !?", False),
        ("", False),
    ],
)
def test_direction_rule(text, rtl):
    assert is_rtl(text) is rtl


def test_direction_marks_are_kept_and_overrides_are_not():
    kept = f"{RLM}Kommunen{LRM} siger{ALM} nej"
    assert clean(kept) == kept
    # Overrides, embeddings and isolates can make text show in another order than typed.
    assert clean("a\u202eb\u202dc\u2066d\u2069e\u202af\u202c") == "abcdef"


def _sheet(preparation, text: str, language: str = "da"):
    prep = preparation(language)
    prep.set_part("help_with", text)
    return prep, build_sheet(prep, catalogue(language))


def _line_with(data: bytes, needle: str):
    found = [line for line in lines(data) if needle in line.text]
    assert found, needle
    return found[0]


def _right_end(line) -> float:
    last = line.runs[-1]
    return last.x + fit.text_em(last.text) * last.size


def test_arabic_paragraph_starting_with_a_latin_word_is_right_aligned(fixture_preparation):
    prep = fixture_preparation("case-rtl-latin-first.json")
    sheet = build_sheet(prep, catalogue("da"))
    assert sheet.parts[2].paragraphs[0].rtl
    data = pdf.render(sheet)
    line = _line_with(data, "Kommunen")
    # Right-aligned: the line ends at the right margin and starts well inside the left.
    assert line.left > LEFT + 100
    assert _right_end(line) == pytest.approx(RIGHT, abs=2)
    # Right to left: "Kommunen", written first, stands at the right end.
    kommunen = next(run for run in line.runs if "Kommunen" in run.text)
    arabic = [run for run in line.runs if any("\u0600" <= c <= "\u06ff" for c in run.text)]
    assert arabic and all(run.x < kommunen.x for run in arabic)
    # A Danish paragraph on the same sheet starts at the left margin.
    danish = _line_with(data, "Jeg hedder Søren")
    assert danish.left == pytest.approx(LEFT, abs=0.5)


def test_a_leading_right_to_left_mark_makes_a_latin_paragraph_right_aligned(preparation):
    _, sheet = _sheet(preparation, RLM + "OK, tak for hjælpen")
    assert RLM in sheet.parts[2].paragraphs[0].text  # kept, not stripped
    data = pdf.render(sheet)
    line = _line_with(data, "hjælpen")
    assert line.left > LEFT + 200
    assert _right_end(line) == pytest.approx(RIGHT, abs=2)
    # Without the mark it is an ordinary left-aligned line.
    _, plain = _sheet(preparation, "OK, tak for hjælpen")
    assert _line_with(pdf.render(plain), "hjælpen").left == pytest.approx(LEFT, abs=0.5)


def test_a_leading_left_to_right_mark_keeps_arabic_left_aligned(preparation):
    _, sheet = _sheet(preparation, LRM + "مرحبا بكم يا أصدقاء")
    data = pdf.render(sheet)
    line = _line_with(data, "مرحبا")
    assert line.left == pytest.approx(LEFT, abs=0.5)


def test_html_uses_the_same_rule(fixture_preparation, preparation):
    prep = fixture_preparation("case-rtl-latin-first.json")
    html = sheet_to_html(build_sheet(prep, catalogue("da")))
    assert f'<p dir="rtl">{prep.statement.help_with}</p>' in html
    assert '<p dir="ltr">Jeg hedder Søren' in html
    _, marked = _sheet(preparation, RLM + "OK, tak")
    assert f'<p dir="rtl">{RLM}OK, tak</p>' in sheet_to_html(marked)
    prep = preparation()
    prep.title = "Kommunen يقول إنني متعب"
    prep.questions = ["Jobcenter يقول إنني متعب جدا"]
    html = sheet_to_html(build_sheet(prep, catalogue("da")))
    assert '<p class="subtitle" dir="rtl">' in html
    assert '<li dir="rtl">Jobcenter' in html


def test_the_text_export_keeps_the_marks(preparation):
    prep, _ = _sheet(preparation, RLM + "OK, tak")
    assert RLM + "OK, tak" in to_text(prep, catalogue("da"))
