"""How full the printed page is: a fast estimate of the typst layout, without typst.

The full-screen program's gauge asks this about once a second while the person types,
so it must cost well under a millisecond per answer. It wraps the words line by line
with the fonts' real advance widths (metrics.py; fonts.py for other scripts) and adds up
the same heights and gaps as assets/sheet.typ, everything that prints included: the
notes from after the meeting, words broken at the margin, a blank sheet's lines.
tests/export/test_export_fit.py holds it to within 3 % of what typst itself measures,
tests/export/test_fit_lines.py to a tenth of a line for the meeting's lines and a part.
html.py uses the same numbers for its print styles.

It follows the template's rules too: the first size that fits one page; past the floor
size, an empty notes box with fewer writing lines, then none, before a second page
(an empty box never takes a page of its own; notes that hold words always print whole).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import peerprep.export.metrics as metrics
from peerprep.export.layout import BLANK_NOTE_LINES, SIZES, Field, Paragraph, Sheet

MM = 72 / 25.4
PAGE_HEIGHT = 297 * MM
PAGE_WIDTH = 210 * MM
MARGIN_X = 20 * MM
MARGIN_TOP = 17 * MM
MARGIN_BOTTOM = 20 * MM
AVAIL = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
WIDTH = PAGE_WIDTH - 2 * MARGIN_X

# The template's rhythm, in em of the body size (see the top of sheet.typ).
CAP = metrics.CAP_HEIGHT / 1000
LEAD = 0.7
PARA_GAP = 1.2
ROW_GAP = 0.85
BLANK_ROW_GAP = 1.2  # between the meeting's lines on a blank sheet
QUESTION_GAP = 1.2
AFTER_HEADING = 0.7
AFTER_STARTER = 1.0
PART_GAP = 2.4
LINES_GAP = 1.5  # under writing lines
RULE_ABOVE = 0.9
RULE_BELOW = 1.5
WRITE_PITCH = 1.9
MEETING_GAP = 1.0
ITEM_GAP = 1.4  # between the items of a meeting line
NUMBER_COLUMN = 1.6
NOTES_INSET = 0.8
BLANK_WIDTH = 8.5
BLANK_HEIGHT = 0.8
H1, H1_LARGE, H2, SUBTITLE = 2.2, 1.5, 1.3, 1.2

_EPSILON = 1e-9  # sums of widths are floats; a word that just fits still fits
_REGULAR = dict(zip(metrics.CHARS, metrics.REGULAR, strict=True))
_BOLD = dict(zip(metrics.CHARS, metrics.BOLD, strict=True))


def _char_em(char: str, bold: bool) -> float:
    table = _BOLD if bold else _REGULAR
    found = table.get(char)
    if found is not None:
        return found / 1000
    return _other_em(char, bold)


@lru_cache(maxsize=4096)
def _other_em(char: str, bold: bool) -> float:
    """A character outside the table: Arabic letters at their average width on running
    text (they change shape as they join); nothing for marks and invisible characters;
    else its advance in the bundled font that draws it; a Latin letter with accents as
    its base letter; else its script's average width."""
    code = ord(char)
    if any(low <= code <= high for low, high in metrics.JOINING):
        return metrics.ARABIC / 1000
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0
    from peerprep.export.fonts import advance_width

    found = advance_width(char)
    if found is not None:
        return found
    base = unicodedata.normalize("NFD", char)[0]
    table = _BOLD if bold else _REGULAR
    if base != char and base in table:
        return table[base] / 1000
    for low, high, width in metrics.SCRIPTS:
        if low <= code <= high:
            return width / 1000
    return metrics.OTHER / 1000


@lru_cache(maxsize=8192)
def text_em(text: str, bold: bool = False) -> float:
    """The width of `text` in em, kerning aside. Cached: the gauge re-measures the same
    words every second while the person types."""
    return sum(_char_em(char, bold) for char in text)


def may_overflow(text: str, size: float) -> bool:
    """Whether `text` holds a word that may be wider than the narrowest column at body
    size `size` (points) or smaller; the template measures the words of such a line only.
    With a margin of a fifth for the estimate of shaped scripts."""
    if len(text) < 20:
        return False
    limit = 0.8 * (WIDTH / size - max(2 * NOTES_INSET, NUMBER_COLUMN))
    return any(text_em(word) > limit for word in text.split(" ") if len(word) > 12)


def count_lines(text: str, width_em: float, bold: bool = False) -> int:
    """How many lines `text` takes when wrapped at spaces, and after a hyphen inside a word,
    into `width_em` (greedy, as typst's first-fit is for left-aligned text). A word longer
    than the line starts a line of its own and is broken at the margin, as sheet.typ's
    `fit-words` does."""
    space = _char_em(" ", bold)
    lines = 1
    used = 0.0
    for word in text.split(" "):
        gap = space
        pieces = _piece_widths(word, bold, width_em) if "-" in word else (text_em(word, bold),)
        for width in pieces:
            needed = width if used == 0 else used + gap + width
            gap = 0.0  # the pieces of one word join without a space
            if needed <= width_em + _EPSILON:
                used = needed
                continue
            if used > 0:
                lines += 1
            while width > width_em + _EPSILON:  # a very long word is cut wherever the line ends
                lines += 1
                width -= width_em
            used = width
    return lines


# Where a line may end inside a word: after a hyphen that comes before a letter
# (Unicode's line breaking rules, UAX #14: LB21 allows a break after a hyphen, LB25 keeps
# "-" with a number after it). typst 0.15 breaks after a word's leading "-" too ("-x"),
# which Unicode 15.1's LB20.1 no longer allows: the estimate follows typst.
_AFTER_HYPHEN = re.compile(r"(?<=-)(?=[^\W\d_])")


@lru_cache(maxsize=8192)
def _piece_widths(word: str, bold: bool, width_em: float) -> tuple[float, ...]:
    """The widths (em) of the pieces of `word` a line may end between: "Hansen-Østergaard"
    is "Hansen-" and "Østergaard". A word wider than the line is one piece: sheet.typ
    breaks it at the margin wherever that falls."""
    whole = text_em(word, bold)
    if "-" not in word or whole > width_em + _EPSILON:
        return (whole,)
    return tuple(text_em(piece, bold) for piece in _AFTER_HYPHEN.split(word))


def _par_height(n_lines: int, scale: float = 1.0) -> float:
    return n_lines * CAP * scale + (n_lines - 1) * LEAD * scale


def _paragraph_em(p: Paragraph, width_em: float) -> float:
    n = sum(count_lines(line, width_em) for line in p.lines)
    return _par_height(n)


def _paragraphs_em(items: tuple[Paragraph, ...], width_em: float) -> float:
    if not items:
        return 0.0
    return sum(_paragraph_em(p, width_em) for p in items) + PARA_GAP * (len(items) - 1)


def _heading_em(text: str, width_em: float, scale: float, bold: bool = True) -> float:
    return _par_height(count_lines(text, width_em / scale, bold=bold), scale)


def _meeting_row_em(row: tuple[Field, ...], width_em: float) -> float:
    # Label and value are wrapped as one run of words; blanks are unbreakable boxes, and a
    # wide blank takes what is left of its line. A line that holds a blank is as tall as
    # the blank (when that is taller than the letters); the others are not.
    lines, used = 1, 0.0
    tall: set[int] = set()  # the lines that hold a blank
    for index, item in enumerate(row):
        pieces: list[tuple[float, float, bool]]  # (width, space before, a blank?)
        label = text_em(item.label + ":", True)
        if not item.value:
            blank = 0.0 if item.wide else BLANK_WIDTH
            pieces = [(label + 0.3 + blank, ITEM_GAP if index else 0.0, True)]
        else:
            pieces = [(label, ITEM_GAP if index else 0.0, False)]
            space = text_em(" ")
            for word in item.value.split(" "):
                widths = _piece_widths(word, False, width_em)
                pieces += [(w, space if at == 0 else 0.0, False) for at, w in enumerate(widths)]
        for width, gap, blank_box in pieces:
            if width > width_em + _EPSILON:  # an over-long word: a line of its own, broken
                if used > 0:
                    lines += 1
                while width > width_em + _EPSILON:
                    lines += 1
                    width -= width_em
                used = width
            else:
                needed = width if used == 0 else used + gap + width
                if needed <= width_em + _EPSILON:
                    used = needed
                else:
                    lines += 1
                    used = width
            if blank_box:
                tall.add(lines)
    taller = max(CAP, BLANK_HEIGHT) - CAP
    return lines * CAP + len(tall) * taller + (lines - 1) * LEAD


def _rest_em(sheet: Sheet, w: float) -> float:
    """The sheet's height without the notes box and the gap above it, in em of its body
    size, for a text column `w` em wide."""
    h1 = H1_LARGE if sheet.large_print else H1
    total = _heading_em(sheet.heading, w, h1)
    if sheet.subtitle:
        total += AFTER_HEADING + _heading_em(sheet.subtitle, w, SUBTITLE, bold=False)
    if sheet.meeting:
        total += MEETING_GAP
        total += sum(_meeting_row_em(row, w) for row in sheet.meeting)
        total += (BLANK_ROW_GAP if sheet.blank else ROW_GAP) * (len(sheet.meeting) - 1)
    total += RULE_ABOVE + RULE_BELOW
    for index, part in enumerate(sheet.parts):
        if index:
            total += LINES_GAP if sheet.parts[index - 1].empty else PART_GAP
        total += _heading_em(part.starter, w, H2)
        if part.empty:
            total += WRITE_PITCH * sheet.writing_lines
        else:
            total += AFTER_STARTER + _paragraphs_em(part.paragraphs, w)
    total += LINES_GAP if sheet.parts[-1].empty else PART_GAP
    total += _heading_em(sheet.questions_heading, w, H2)
    if sheet.questions:
        total += AFTER_STARTER
        inner = w - NUMBER_COLUMN
        total += sum(_paragraph_em(q, inner) for q in sheet.questions)
        total += QUESTION_GAP * (len(sheet.questions) - 1)
    else:
        total += WRITE_PITCH * sheet.writing_lines
    return total


def _box_em(sheet: Sheet, w: float, lines: int) -> float:
    """The notes box with `lines` writing lines under its last note, and the gap above it,
    in em of the body size."""
    box = PART_GAP if sheet.questions else LINES_GAP
    box += _par_height(1)
    inner = w - 2 * NOTES_INSET
    for note in sheet.notes:
        box += PARA_GAP + _par_height(count_lines(note.label + ":", inner, bold=True))
        if note.paragraphs:
            box += AFTER_STARTER + _paragraphs_em(note.paragraphs, inner)
        else:  # a blank sheet's label, with lines to write on
            box += WRITE_PITCH * BLANK_NOTE_LINES
    return box + WRITE_PITCH * lines + 2 * NOTES_INSET


def notes_hold_words(sheet: Sheet) -> bool:
    """Whether the notes box holds the person's words (then it is printed whole, across
    pages when it must; an empty one shrinks to the room left or is left out)."""
    return any(note.paragraphs for note in sheet.notes)


def fewest_notes_lines(sheet: Sheet) -> int:
    """The fewest writing lines an empty notes box has under its last note: one to write
    on; none on a blank sheet, whose labels have a line each (sheet.typ's `fewest`)."""
    if any(not note.paragraphs for note in sheet.notes):
        return sheet.notes_lines
    return min(sheet.notes_lines, 1)


def _height(sheet: Sheet, w: float) -> float:
    """The sheet's natural height in em of its body size, with the smallest notes box,
    for a text column `w` em wide."""
    return _rest_em(sheet, w) + _box_em(sheet, w, sheet.notes_lines)


def ratio_at(sheet: Sheet, size: float) -> float:
    """The share of one page's writing area the sheet needs at body size `size` (points)."""
    return _height(sheet, WIDTH / size) * size / AVAIL


NOTES_FULL, NOTES_FEWER, NOTES_LEFT_OUT = "full", "least", "none"  # sheet.typ's plans


@dataclass(frozen=True)
class Estimate:
    """How the sheet will print.

    ratio: the share of the page the sheet needs at the comfortable size (0..1 fits as
        it is; above 1 the text is set smaller; see `size` and `second_page`).
    size: the body size in points the PDF will use.
    second_page: even the smallest size does not fit; the sheet runs onto more pages.
    notes: how the notes box is drawn (sheet.typ's plan): NOTES_FULL with its writing
        lines; NOTES_FEWER, an empty box with fewer lines so that the answers stay on one
        page; NOTES_LEFT_OUT, no room even for that, the foot of the page is left for the pen.
    pages: how many A4 pages the PDF will have (an estimate past one page: page breaks
        waste a little room that is not counted).
    """

    ratio: float
    size: float
    second_page: bool
    notes: str = NOTES_FULL
    pages: int = 1

    @property
    def smaller(self) -> bool:
        return not self.second_page and self.size < SIZES[0]


def smallest_ratios(sheet: Sheet) -> tuple[float, float]:
    """At the floor size, the share of a page the sheet needs without its notes box, and
    with an empty notes box of the fewest lines (sheet.typ measures the same two)."""
    floor = sheet.sizes[-1]
    w = WIDTH / floor
    rest = _rest_em(sheet, w)
    least = rest + _box_em(sheet, w, fewest_notes_lines(sheet))
    return rest * floor / AVAIL, least * floor / AVAIL


def estimate(sheet: Sheet) -> Estimate:
    """How the PDF will come out, by sheet.typ's rule: the first size (comfortable first)
    at which the sheet fits one page; past the floor size, an empty notes box with fewer
    lines, then none; else the comfortable size over more pages, where an empty notes box
    never takes a page of its own."""
    sizes = sheet.sizes
    first = ratio_at(sheet, sizes[0])
    for size in sizes:
        if (first if size == sizes[0] else ratio_at(sheet, size)) <= 1.0:
            return Estimate(ratio=first, size=size, second_page=False)
    if not notes_hold_words(sheet):
        rest, least = smallest_ratios(sheet)
        if least <= 1.0:
            return Estimate(ratio=first, size=sizes[-1], second_page=False, notes=NOTES_FEWER)
        if rest <= 1.0:
            return Estimate(ratio=first, size=sizes[-1], second_page=False, notes=NOTES_LEFT_OUT)
        # The box goes where the answers end, or is left out: it adds no page.
        w = WIDTH / sizes[0]
        pages = math.ceil(_rest_em(sheet, w) * sizes[0] / AVAIL)
    else:
        pages = math.ceil(first)
    return Estimate(ratio=first, size=sizes[0], second_page=True, pages=max(2, pages))
