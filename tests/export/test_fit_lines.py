"""Lines wrapped by the fast estimate (fit.py) as typst wraps them (assets/sheet.typ): the
meeting's lines at the top of the sheet (`meeting-row`), a part's words (`words`), the
headings (bold, larger) and the notes box (a label in bold, words inset),
measured line by line, not within the 3 % of a page the whole sheet is held to (one line
is about 2 % of a page, so a line too many or too few would pass there unseen)."""

from __future__ import annotations

import dataclasses
import random

import pytest

from peerprep.export import fit, pdf
from peerprep.export.layout import Field, Note, Paragraph, build_blank_sheet, build_sheet
from peerprep.words import catalogue

_WORDS = [
    "Afsnit",
    "3",
    "Psykiatrisk",
    "Center",
    "København",
    "Jobcentret",
    "mødelokale",
    "bag",
    "kantinen",
    "min",
    "kontaktperson",
    "Ærø",
    "Østergade",
    "sagsbehandler",
    "Lone",
    "Mette",
    "Hansen-Østergaard",
    "overlæge",
    "på",
    "2.",
    "sal",
    "tirsdag",
    "den",
    "14.",
    "januar",
    "kl.",
    "10.30-12",
    "og",
    "bagefter",
    "ved",
    "døren",
    "ind",
    "til",
    "gården",
    "-",
    "e-mail",
    "-x",
    "Jensen-Ødegaard-Aaberg",
]
_LONG = ("ha" * 60, "Bispebjerg-" * 9)  # wider than the column: broken at the margin


def _field(rng: random.Random, label: str) -> Field:
    kind = rng.choice(("blank", "wide", "short", "words", "many", "long"))
    if kind in ("blank", "wide"):
        return Field(label, "", wide=kind == "wide")
    count = {"short": 1, "words": rng.randint(2, 8), "many": rng.randint(10, 40), "long": 3}[kind]
    words = [rng.choice(_WORDS) for _ in range(count)]
    if kind == "long":
        words.insert(1, rng.choice(_LONG))
    return Field(label, " ".join(words))


def _rows(rng: random.Random) -> tuple[tuple[Field, ...], ...]:
    labels = ("Dato", "Tid", "Sted", "Deltagere", "Hvem kan jeg ringe til", "Mødets emne")
    return tuple(
        tuple(_field(rng, rng.choice(labels)) for _ in range(rng.randint(1, 3)))
        for _ in range(rng.randint(1, 4))
    )


def _lines(size: float) -> float:
    """How many lines of the body text at `size` (points) a whole page's height holds."""
    return 1 / ((fit.CAP + fit.LEAD) * size / fit.AVAIL)


def _estimated(more, less, size: float) -> float:
    """The lines the estimate gives what `more` has and `less` has not."""
    return (fit.ratio_at(more, size) - fit.ratio_at(less, size)) * _lines(size)


def _follows_typst(more, less) -> None:
    """`more` takes as many more lines than `less` in the estimate as typst gives it, at
    every size of the sheet."""
    measured = [
        after - before
        for after, before in zip(pdf.measure(more).ratios, pdf.measure(less).ratios, strict=True)
    ]
    for size, real in zip(more.sizes, measured, strict=True):
        narrower = _estimated(more, less, size * (1 + EDGE))
        wider = _estimated(more, less, size * (1 - EDGE))
        edge = abs(narrower - wider) > 0.34
        estimated = _estimated(more, less, size)
        # Within a tenth of a line: a line counted too many or too few fails (on a knife's
        # edge, within a line and a tenth).
        assert estimated == pytest.approx(real * _lines(size), abs=1.1 if edge else 0.1), (
            f"at {size} pt: {estimated:.2f} lines estimated, {real * _lines(size):.2f} measured"
        )


# A line that ends within this share of the column's width of its end is on a knife's
# edge: kerning, which the estimate leaves out, decides it.
EDGE = 0.002


@pytest.mark.parametrize("seed", range(40))
def test_meeting_rows_take_as_many_lines_as_typst_gives_them(seed, preparation):
    rng = random.Random(seed)
    base = build_sheet(preparation(), catalogue("da"), large_print=rng.random() < 0.3)
    rows = _rows(rng)
    try:
        _follows_typst(
            dataclasses.replace(base, meeting=rows), dataclasses.replace(base, meeting=())
        )
    except AssertionError as error:
        raise AssertionError(f"{error}, for {rows!r}") from None


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_only_the_lines_that_hold_a_blank_are_as_tall_as_the_blank(large, preparation):
    """Blanks to fill in by hand on four lines of one row, words between them."""
    base = build_sheet(preparation(), catalogue("da"), large_print=large)
    words = " ".join(_WORDS[:12])
    row = tuple(
        field
        for name in ("Dato", "Tid", "Sted", "Deltagere")
        for field in (Field(name, ""), Field("Mødets emne", words))
    )
    _follows_typst(dataclasses.replace(base, meeting=(row,)), dataclasses.replace(base, meeting=()))


@pytest.mark.parametrize("seed", range(12))
def test_a_part_takes_as_many_lines_as_typst_gives_it(seed, preparation):
    """Words with hyphens ("Hansen-Østergaard", "10-12", "-x"), too long words, kept lines,
    tabs and runs of spaces."""
    rng = random.Random(seed)
    prep = preparation()
    less = build_sheet(prep, catalogue("da"), large_print=rng.random() < 0.3)
    lines = [
        " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 60)))
        for _ in range(rng.randint(1, 4))
    ]
    if rng.random() < 0.4:
        lines[0] += " " + rng.choice(_LONG) + " og så videre"
    if seed % 2:  # pasted: indented with a tab (four spaces on the sheet), two spaces
        lines = ["\t" + line.replace(" ", "  ", 3) for line in lines]
    prep.set_part("help_with", "\n".join(lines))
    more = build_sheet(prep, catalogue("da"), large_print=less.large_print)
    try:
        _follows_typst(more, less)
    except AssertionError as error:
        raise AssertionError(f"{error}, for {lines!r}") from None


def test_a_line_may_end_after_a_hyphen():
    """Unicode's line breaking (UAX #14), as typst follows it: after a hyphen inside a word,
    not before a number."""

    def pieces(word: str, width: float = 100.0) -> int:
        return len(fit._piece_widths(word, False, width))

    assert pieces("Hansen-Østergaard") == 2
    assert pieces("Jensen-Ødegaard-Aaberg") == 3
    assert pieces("e-mail") == 2
    assert pieces("10-12") == pieces("kl.10-12") == 1  # not before a number
    assert pieces("-") == pieces("nej-") == 1  # nothing after
    assert pieces("-nej") == 2  # as typst 0.15 breaks it (Unicode 15.1 would not)
    assert pieces("Bispebjerg-" * 9, 10.0) == 1  # wider than the line: broken at the margin
    assert fit.count_lines("Hansen-Østergaard", fit.text_em("Hansen-Østergaard")) == 1


def _text(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high)))


@pytest.mark.parametrize("seed", range(12))
def test_headings_take_as_many_lines_as_typst_gives_them(seed, preparation):
    """The heading (bold, the largest size) and the subtitle under it (regular, larger):
    long ones wrap, at their own size and in their own weight."""
    rng = random.Random(seed)
    less = build_sheet(preparation(), catalogue("da"), large_print=rng.random() < 0.3)
    more = dataclasses.replace(
        less, heading=_text(rng, 4, 24), subtitle=_text(rng, 4, 30) if seed % 3 else ""
    )
    less = dataclasses.replace(less, heading="Ark", subtitle="Ark" if more.subtitle else "")
    try:
        _follows_typst(more, less)
    except AssertionError as error:
        raise AssertionError(f"{error}, for {more.heading!r} / {more.subtitle!r}") from None


@pytest.mark.parametrize("seed", range(12))
def test_the_notes_box_takes_as_many_lines_as_typst_gives_it(seed, preparation):
    """Notes from after the meeting: labels in bold that may wrap, words inset in the box, or
    lines to write on."""
    rng = random.Random(seed)
    less = build_sheet(preparation(), catalogue("da"), large_print=rng.random() < 0.3)
    notes = tuple(
        Note(
            _text(rng, 1, 14),
            tuple(Paragraph((_text(rng, 1, 50),)) for _ in range(rng.randint(0, 3))),
        )  # none: a label with lines to write on under it, as on a blank sheet
        for _ in range(rng.randint(1, 3))
    )
    try:
        _follows_typst(dataclasses.replace(less, notes=notes), dataclasses.replace(less, notes=()))
    except AssertionError as error:
        raise AssertionError(f"{error}, for {notes!r}") from None


@pytest.mark.parametrize("seed", range(8))
def test_questions_take_as_many_lines_as_typst_gives_them(seed, preparation):
    """Numbered questions instead of lines to write them on (and a wider gap above the
    notes box under them)."""
    rng = random.Random(seed)
    prep = preparation()
    prep.questions = []
    less = build_sheet(prep, catalogue("da"), large_print=rng.random() < 0.3)
    prep.questions = [_text(rng, 1, 40) for _ in range(rng.randint(1, 5))]
    more = build_sheet(prep, catalogue("da"), large_print=less.large_print)
    try:
        _follows_typst(more, less)
    except AssertionError as error:
        raise AssertionError(f"{error}, for {prep.questions!r}") from None


@pytest.mark.parametrize("empty", range(1, 16))
def test_empty_parts_take_the_room_typst_gives_them(empty, preparation):
    """A part left empty prints lines to write on, and a smaller gap under them: every
    choice of empty parts (a bit each) against all four written."""
    keys = ("introduction", "important", "help_with", "so_that")
    prep = preparation()
    for key in keys:
        prep.set_part(key, "Jeg vil gerne have hjælp.")
    less = build_sheet(prep, catalogue("da"))
    for bit, key in enumerate(keys):
        if empty & (1 << bit):
            prep.set_part(key, "")
    _follows_typst(build_sheet(prep, catalogue("da")), less)


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_a_blank_sheets_meeting_lines_take_the_room_typst_gives_them(language, large):
    """On a blank sheet the meeting's lines are blanks to fill in, further apart."""
    sheet = build_blank_sheet(catalogue(language), large_print=large)
    assert len(sheet.meeting) > 1
    _follows_typst(sheet, dataclasses.replace(sheet, meeting=()))
