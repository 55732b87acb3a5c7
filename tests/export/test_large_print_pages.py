"""Large print of a short statement: no page may hold only the notes box, and the export
dialog's page count agrees with the PDF that is made.

An empty notes box (no notes from the meeting yet) never takes a page of its own: when the
answers fit one page but the box with its lines does not, the box keeps fewer writing lines
(at least one), and with no room even for that it is left out and the foot of the page is
left for the pen. Notes that hold words are printed whole, over pages when they must.
"""

from __future__ import annotations

import pytest
from pdfread import FOOTER, reader, rule_widths

from peerprep.choices import PART_KEYS
from peerprep.export import fit, pdf, service
from peerprep.export.layout import build_blank_sheet, build_sheet
from peerprep.flow.taking_along import sheet_pages
from peerprep.model import Preparation
from peerprep.words import catalogue

NOTES = "Noter fra mødet"
MORE = " Jeg vil gerne fortælle lidt mere om hvordan jeg har det i hverdagen."
# A writing line in the notes box at 16 pt: the column less the box's inside margins.
BOX_LINE = 481.89 - 2 * 0.8 * 16


def _short(more: int = 0) -> Preparation:
    prep = Preparation.new("da")
    prep.set_part("introduction", "Jeg hedder Åse." + MORE * more)
    prep.set_part("important", "at have ro.")
    return prep


def _pages(prep: Preparation, *, large: bool) -> list[str]:
    data = service.render(build_sheet(prep, catalogue("da"), large_print=large), "pdf")
    return [page.extract_text() for page in reader(data).pages]


def _besides_the_notes_box(page: str) -> list[str]:
    """The words on a page that are not the notes box's heading or the footer."""
    return FOOTER.sub(" ", page).replace(NOTES, " ").split()


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large print"])
@pytest.mark.parametrize("more", [0, 3, 8, 20, 30])
def test_the_page_count_said_is_the_pages_made(large: bool, more: int) -> None:
    prep = _short(more)
    assert sheet_pages(prep, large_print=large) == len(_pages(prep, large=large))


@pytest.mark.parametrize("more", range(0, 70, 3))
def test_large_print_never_makes_a_page_of_only_the_notes_box(more: int) -> None:
    """From a short statement to one of three pages, sentence by sentence."""
    pages = _pages(_short(more), large=True)
    for number, page in enumerate(pages, start=1):
        assert _besides_the_notes_box(page), f"page {number} holds only the notes box"
    text = " ".join(pages)
    assert "Jeg hedder Åse." in text and "have ro." in text and "at at" not in text
    for key in PART_KEYS:
        assert catalogue("da").part(key).starter in text


def test_a_short_statement_in_large_print_is_one_page_with_a_notes_box_to_write_in() -> None:
    sheet = build_sheet(_short(), catalogue("da"), large_print=True)
    data = service.render(sheet, "pdf")
    assert pdf.page_count(data) == 1
    page = reader(data).pages[0].extract_text()
    assert NOTES in page and "Jeg hedder Åse." in page
    lines = [width for width in rule_widths(data, 0) if abs(width - BOX_LINE) < 1]
    assert 1 <= len(lines) < sheet.notes_lines  # fewer lines, at least one to write on
    estimate = fit.estimate(sheet)
    assert (estimate.pages, estimate.notes) == (1, fit.NOTES_FEWER)


def test_with_no_room_for_the_box_the_foot_of_the_page_is_left_for_the_pen() -> None:
    """An empty preparation in large print: the starters and lines fill the page."""
    cat = catalogue("da")
    sheet = build_sheet(Preparation.new("da"), cat, large_print=True)
    data = service.render(sheet, "pdf")
    assert pdf.page_count(data) == 1
    page = reader(data).pages[0].extract_text()
    assert NOTES not in page
    assert cat.text("sheet.questions") in page
    assert fit.estimate(sheet).notes == fit.NOTES_LEFT_OUT


def test_notes_that_hold_words_are_printed_whole_on_the_next_page() -> None:
    """The box is not made smaller or left out when it holds the person's words."""
    prep = _short()
    prep.after_meeting.agreed = "Vi ses igen om to uger. SLUT"
    pages = _pages(prep, large=True)
    assert len(pages) == 2
    assert NOTES in pages[1] and "Vi ses igen om to uger. SLUT" in " ".join(pages[1].split())
    sheet = build_sheet(prep, catalogue("da"), large_print=True)
    assert fit.estimate(sheet).pages == 2


def test_the_blank_sheet_in_large_print_keeps_its_notes_box_with_the_questions() -> None:
    """Two pages: the second holds the questions' lines and the notes box, whole."""
    cat = catalogue("da")
    data = service.render(build_blank_sheet(cat, large_print=True), "pdf")
    pages = [page.extract_text() for page in reader(data).pages]
    assert len(pages) == 2
    second = pages[1]
    assert cat.text("sheet.questions") in second and NOTES in second
    assert cat.text("sheet.agreed") in second and cat.text("sheet.next_steps") in second
