"""A blank sheet for the pen: `peerprep export --blank [--lang] [--large-print]` and
export.export_blank, in every format."""

from __future__ import annotations

import re

import pytest
from pdfread import body_text, reader, runs

from peerprep.choices import PART_KEYS
from peerprep.cli import main
from peerprep.export import fit, pdf
from peerprep.export.html import sheet_to_html
from peerprep.export.layout import WRITING_LINES, build_blank_sheet
from peerprep.export.markdown import sheet_to_markdown
from peerprep.export.text import WRITING_LINE, sheet_to_text
from peerprep.words import catalogue

COLUMN = 481.89  # the text column, in points (A4 less 20 mm each side)


def _rules(data: bytes) -> list[float]:
    """The widths of the ruled lines drawn on every page (points): the writing lines, the
    lines in the notes box, and the meeting's blanks."""
    widths: list[float] = []
    for page in reader(data).pages:
        content = page.get_contents().get_data()
        found = re.findall(rb"cm/c\d+ cs [\d. ]*scn ([\d.]+) [\d.]+ m", content)
        widths += [float(width) for width in found]
    return widths


def _count(widths: list[float], low: float, high: float) -> int:
    return sum(1 for width in widths if low <= width <= high)


@pytest.mark.parametrize("language", ["da", "en"])
def test_blank_sheet_is_one_page_with_every_starter_and_lines(language):
    cat = catalogue(language)
    sheet = build_blank_sheet(cat)
    data = pdf.render(sheet)
    assert pdf.page_count(data) == 1
    assert pdf.measure(sheet).size == 11.0  # the comfortable size, not shrunk
    text = body_text(data)
    for key in PART_KEYS:
        assert cat.part(key).starter in text
    labels = ("meeting", "date", "time", "place", "attendees", "companion")
    for label in labels:
        assert f"{cat.text(f'sheet.{label}')}:" in text
    for key in ("questions", "notes", "agreed", "next_steps"):
        assert cat.text(f"sheet.{key}") in text
    assert "Forberedt" not in text and "Prepared" not in text  # no date of a preparation
    widths = _rules(data)
    # Under the four starters and the questions: lines as wide as the text column.
    assert _count(widths, COLUMN - 0.1, COLUMN + 0.1) == 5 * WRITING_LINES
    # In the notes box (inside its margins): at least two lines under each label.
    assert _count(widths, COLUMN - 20, COLUMN - 10) >= 2 * 2
    # The meeting: meeting, date and time short blanks; place, who and companion to the
    # end of their lines.
    assert _count(widths, 80, 100) == 3
    assert _count(widths, 300, COLUMN - 20.1) == 3


def test_blank_sheet_in_large_print():
    sheet = build_blank_sheet(catalogue("da"), large_print=True)
    data = pdf.render(sheet)
    assert pdf.page_count(data) == 2
    assert min(run.size for run in runs(data)) >= 16
    assert _count(_rules(data), COLUMN - 0.1, COLUMN + 0.1) == 5 * WRITING_LINES
    assert fit.estimate(sheet).second_page


def test_cli_blank_sheet_in_each_language(data_dir, export_dir, capsys):
    assert main(["export", "--blank"]) == 0  # the program's language (Danish here)
    danish = export_dir / "Tomt ark til mit statement.pdf"
    assert "Mit personlige statement" in body_text(danish.read_bytes())
    assert main(["export", "--blank", "--lang", "en", "--large-print"]) == 0
    english = export_dir / "Blank sheet for my statement in large print.pdf"
    data = english.read_bytes()
    assert "My personal statement" in body_text(data)
    assert min(run.size for run in runs(data)) >= 16
    out = capsys.readouterr().out
    assert catalogue("da").text("export.pages", pages=2) in out  # said in the program's
    assert main(["export", "--blank", "--format", "txt", "--lang", "en"]) == 0
    text = (export_dir / "Blank sheet for my statement.txt").read_text(encoding="utf-8")
    assert "What we agreed:" in text and WRITING_LINE in text


def test_cli_blank_needs_no_preparation_and_takes_no_id(data_dir, export_dir, capsys):
    assert main(["export", "--blank", "--latest"]) == 2
    assert main(["export", "--blank", "20250101-000000-abcdef"]) == 2
    assert not export_dir.exists()


def test_package_api_for_the_home_screen(tmp_path):
    import peerprep.export as export

    path = export.export_blank("en", "html", False, folder=tmp_path / "new")
    assert path == tmp_path / "new" / "Blank sheet for my statement.html"
    again = export.export_blank("en", "html", False, folder=tmp_path / "new")
    assert again.name == "Blank sheet for my statement (2).html"  # never overwrites
    with pytest.raises(export.ExportError):
        export.export_blank("da", "html", print_now=True, folder=tmp_path)


def test_blank_sheet_in_the_other_formats():
    sheet = build_blank_sheet(catalogue("da"))
    html = sheet_to_html(sheet)
    assert html.count('class="lines"') == 5 + 2  # starters, questions, two notes
    assert html.count('class="wide"') == 3  # place, attendees, companion to the line end
    assert "<footer>" not in html
    markdown = sheet_to_markdown(sheet)
    assert "**Det aftalte vi:**" in markdown and "**Næste skridt:**" in markdown
    text = sheet_to_text(sheet)
    assert text.count(WRITING_LINE) == 5 * WRITING_LINES + 2 * WRITING_LINES
    assert "Hvem kommer: ____" in text
