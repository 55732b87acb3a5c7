"""Every character of every field the person wrote is on the sheet: at every field's
limit, notes longer than a page, and words with no place to break."""

from __future__ import annotations

import random

import pytest
from pdfread import (
    LEFT,
    RIGHT,
    assert_on_the_page,
    body_text,
    empty_boxes,
    lines,
    runs,
    words_of,
)

from peerprep.choices import PART_KEYS
from peerprep.export import fit, pdf
from peerprep.export.html import sheet_to_html
from peerprep.export.layout import build_sheet
from peerprep.model import (
    ATTENDEES_MAX,
    NOTE_MAX,
    PART_MAX,
    QUESTION_MAX,
    QUESTIONS_MAX,
    SHORT_MAX,
    TITLE_MAX,
)
from peerprep.words import catalogue

_WORDS = (
    "jeg", "vil", "gerne", "have", "hjælp", "til", "at", "sove", "bedre", "og", "åbne", "min",
    "post", "det", "er", "vigtigt", "for", "mig", "at", "se", "mine", "børn", "Ærø", "østpå",
    "søvn", "kommunen", "sagsbehandler", "psykiatrien", "hverdag",
)  # fmt: skip


def _text(length: int, mark: str, rng: random.Random) -> str:
    """Words up to exactly `length` characters, numbered so a lost stretch shows."""
    words: list[str] = []
    used = 0
    number = 0
    while used < length:
        number += 1
        word = f"{mark}{number}" if number % 7 == 0 else rng.choice(_WORDS)
        words.append(word)
        used += len(word) + 1
    return " ".join(words)[:length].rstrip()


def _full(preparation):
    """A preparation with every field the person can write filled to its limit."""
    rng = random.Random(15)
    prep = preparation()
    prep.title = _text(TITLE_MAX, "T", rng)
    prep.meeting.place = _text(SHORT_MAX, "S", rng)
    prep.meeting.companion = _text(SHORT_MAX, "B", rng)
    prep.meeting.attendees = [_text(SHORT_MAX, f"A{i}x", rng) for i in range(ATTENDEES_MAX)]
    for index, key in enumerate(PART_KEYS):
        prep.set_part(key, _text(PART_MAX, f"P{index}x", rng))
    prep.questions = [_text(QUESTION_MAX, f"Q{i}x", rng) for i in range(QUESTIONS_MAX)]
    prep.after_meeting.agreed = _text(NOTE_MAX, "N", rng)
    prep.after_meeting.next_steps = _text(NOTE_MAX, "X", rng)
    return prep


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_every_field_at_its_limit_is_printed_in_full(preparation, large):
    prep = _full(preparation)
    assert len(prep.statement.introduction) == PART_MAX
    assert len(prep.after_meeting.next_steps) == NOTE_MAX
    sheet = build_sheet(prep, catalogue("da"), large_print=large)
    data = pdf.render(sheet)
    text = body_text(data)
    fields = [
        prep.title,
        prep.meeting.place,
        prep.meeting.companion,
        ", ".join(prep.meeting.attendees),
        *(prep.statement.get(key) for key in PART_KEYS),
        *prep.questions,
        prep.after_meeting.agreed,
        prep.after_meeting.next_steps,
    ]
    for field in fields:
        assert words_of(field) in text, field[:60]
    assert_on_the_page(data)  # in the text and on the paper
    assert empty_boxes(data) == 0
    # The whole sheet is counted: the fit's pages are typst's pages, give or take one.
    pages = pdf.page_count(data)
    assert pages is not None and pages > 10
    estimated = fit.ratio_at(sheet, sheet.sizes[0])
    assert abs(estimated - pages) <= 1


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_long_notes_break_across_pages(fixture_preparation, large):
    """4,500 characters of notes: the box goes on over the page, to the last word."""
    prep = fixture_preparation("case-long-notes.json")
    assert prep.after_meeting.agreed.endswith("SLUT")
    sheet = build_sheet(prep, catalogue("da"), large_print=large)
    data = pdf.render(sheet)
    text = body_text(data)
    assert words_of(prep.after_meeting.agreed) in text
    assert_on_the_page(data)
    assert text.index("SLUT") > text.index("Det aftalte vi:")
    assert pdf.page_count(data) >= 2
    assert fit.estimate(sheet).second_page  # and the export said so beforehand
    # The box fills what is left of its last page with lines to write on.
    last = [run for run in runs(data) if run.page == pdf.page_count(data) - 1]
    assert any(run.text.strip() == "SLUT" or run.text.endswith("SLUT") for run in last)


def _inside_the_margins(data: bytes) -> None:
    for run in runs(data):
        end = run.x + fit.text_em(run.text.replace("\u200b", "").strip()) * run.size
        assert run.x >= LEFT - 0.5 and end <= RIGHT + 1.0, (run.text, run.x, end)


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_a_word_with_no_break_point_breaks_at_the_margin(fixture_preparation, large):
    prep = fixture_preparation("case-long-word.json")
    word = prep.statement.important.split()[-1]
    assert len(word) == 121
    data = pdf.render(build_sheet(prep, catalogue("da"), large_print=large))
    pieces = [line for line in lines(data) if "hahaha" in line.text]
    assert len(pieces) >= 2  # broken over lines
    # Every character, in order, once the line breaks are taken out.
    joined = "".join("".join(line.text.split()) for line in pieces).replace("\u200b", "")
    assert word in joined
    _inside_the_margins(data)
    # It starts a line of its own, as CSS's overflow-wrap does, and fills it.
    assert pieces[0].text.startswith("haha") and abs(pieces[0].left - LEFT) < 0.5
    assert pieces[0].runs[-1].x > RIGHT - 20


def test_a_long_word_in_the_meeting_line_and_title(preparation):
    prep = preparation()
    reference = "REF" + "0123456789" * 12
    prep.meeting.place = f"Sagsnummer {reference}"
    prep.title = "Møde " + "X" * 120
    data = pdf.render(build_sheet(prep, catalogue("da")))
    text = "".join(body_text(data).split()).replace("\u200b", "")
    assert reference in text and "X" * 120 in text
    _inside_the_margins(data)


def test_words_that_fit_are_not_broken(preparation):
    """Breaking inside a word is the last resort: a long Danish word that fits a line
    moves to the next line whole."""
    prep = preparation()
    compound = "arbejdsmarkedsuddannelsescentrene"
    prep.set_part("important", ("Det er vigtigt for mig at nævne " * 3) + compound + " igen")
    data = pdf.render(build_sheet(prep, catalogue("da")))
    assert any(compound in run.text for run in runs(data))


def test_html_breaks_long_words_and_keeps_every_character(fixture_preparation):
    prep = fixture_preparation("case-long-word.json")
    html = sheet_to_html(build_sheet(prep, catalogue("da")))
    assert "overflow-wrap: anywhere" in html
    assert prep.statement.important.split()[-1] in html
