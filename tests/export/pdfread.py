"""Reading exported PDFs back for the tests: text per page, where each run of glyphs is
drawn, which fonts are embedded, and whether any glyph is the empty box (.notdef)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ContentStream

MM = 72 / 25.4
PAGE_WIDTH = 210 * MM
LEFT = 20 * MM  # the sheet's margins (assets/sheet.typ)
RIGHT = PAGE_WIDTH - 20 * MM
# The footer on every page: "Forberedt 03.03.2025" and, past one page, "2 / 3".
FOOTER = re.compile(r"(Forberedt|Prepared) \d\d[./]\d\d[./]\d{4}\s*(\d+ / \d+)?")


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def body_text(data: bytes) -> str:
    """The text of every page, footers taken out, white space made single spaces: what a
    person reads, as one run (a paragraph that goes on over a page break stays whole)."""
    pages = [FOOTER.sub(" ", page.extract_text()) for page in reader(data).pages]
    return " ".join(" ".join(pages).split())


def words_of(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Run:
    """A run of glyphs as drawn: its text, where it starts (points from the page's left
    and bottom), and its font size in points."""

    text: str
    x: float
    y: float
    size: float
    page: int


def runs(data: bytes) -> list[Run]:
    found: list[Run] = []
    for number, page in enumerate(reader(data).pages):

        def visit(text, cm, tm, font, size, number=number) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append(Run(text, x, y, abs(size * tm[3] * cm[3]), number))

        page.extract_text(visitor_text=visit)
    return found


def fonts_in(data: bytes) -> set[str]:
    """The names of the fonts embedded in the PDF, without their subset prefix."""
    names: set[str] = set()
    for page in reader(data).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def empty_boxes(data: bytes) -> int:
    """How many glyphs the PDF draws as .notdef, the empty box of a character its font
    lacks. typst embeds every font as Identity-H with two bytes per glyph, and glyph 0
    is .notdef in every font."""
    pdf = reader(data)
    count = 0
    for page in pdf.pages:
        for operands, operator in ContentStream(page.get_contents(), pdf).operations:
            if operator not in (b"Tj", b"TJ"):
                continue
            items = operands[0] if operator == b"TJ" else [operands[0]]
            for item in items:
                if isinstance(item, (bytes, str)):
                    raw = item.original_bytes if hasattr(item, "original_bytes") else bytes(item)
                    count += sum(raw[i : i + 2] == b"\0\0" for i in range(0, len(raw), 2))
    return count


@dataclass(frozen=True)
class Line:
    """The runs drawn on one baseline of one page, left to right."""

    page: int
    y: float
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def left(self) -> float:
        return self.runs[0].x


def lines(data: bytes) -> list[Line]:
    """Every line of text, top of the first page first."""
    grouped: dict[tuple[int, float], list[Run]] = {}
    for run in runs(data):
        grouped.setdefault((run.page, round(run.y, 1)), []).append(run)
    return [
        Line(page, y, tuple(sorted(found, key=lambda run: run.x)))
        for (page, y), found in sorted(grouped.items(), key=lambda item: (item[0][0], -item[0][1]))
    ]


MARGIN_BOTTOM = 20 * MM


def assert_on_the_page(data: bytes) -> None:
    """Every glyph is drawn inside the page's text area (or is the footer): typst does not
    clip, so text that runs off the foot of a page is in the PDF's text but not on paper."""
    for run in runs(data):
        if FOOTER.fullmatch(run.text.strip()) or re.fullmatch(r"\d+ / \d+", run.text.strip()):
            continue
        assert run.y >= MARGIN_BOTTOM - 1, (run.text, run.y)
        assert LEFT - 1 <= run.x <= RIGHT, (run.text, run.x)


def rule_widths(data: bytes, page: int) -> list[float]:
    """The widths (points) of the ruled lines drawn on one page (0 is the first): the
    writing lines, the lines in the notes box, the meeting's blanks."""
    content = reader(data).pages[page].get_contents().get_data()
    found = re.findall(rb"cm/c\d+ cs [\d. ]*scn ([\d.]+) [\d.]+ m", content)
    return [float(width) for width in found]
