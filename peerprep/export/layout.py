"""The sheet as a pure description: what goes on the printed page, in which order.

No I/O and no rendering here. pdf.py, html.py, text.py and markdown.py all draw the same
`Sheet`, and fit.py estimates from it how full the page is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from peerprep.choices import PART_KEYS
from peerprep.export.starter import without_starter
from peerprep.model import Preparation
from peerprep.words import Catalogue
from peerprep.words.dates import format_date
from peerprep.words.naming import display_title

# Body sizes in points, comfortable first: the PDF template takes the first that fits
# one page. The floor is the last.
SIZES: tuple[float, ...] = (11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)
LARGE_PRINT_SIZE = 16.0
# Ruled lines for handwriting where a part or the question list is still empty.
WRITING_LINES = 3
NOTES_LINES = 3

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the person's own words; each of their line breaks is kept."""

    lines: tuple[str, ...]
    rtl: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Field:
    """One labelled item of the meeting line; an empty value is a blank to fill by hand."""

    label: str
    value: str


@dataclass(frozen=True)
class Part:
    key: str
    starter: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def empty(self) -> bool:
        return not self.paragraphs


@dataclass(frozen=True)
class Note:
    label: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Sheet:
    language: str
    title: str
    heading: str
    subtitle: str
    meeting: tuple[tuple[Field, ...], ...]
    parts: tuple[Part, ...]
    questions_heading: str
    questions: tuple[Paragraph, ...]
    notes_heading: str
    notes: tuple[Note, ...]
    prepared: str
    large_print: bool = False
    writing_lines: int = WRITING_LINES
    notes_lines: int = NOTES_LINES
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def sizes(self) -> tuple[float, ...]:
        return (LARGE_PRINT_SIZE,) if self.large_print else SIZES

    def to_data(self) -> dict[str, Any]:
        """The sheet as plain JSON-ready data for the typst template."""

        def paras(items: tuple[Paragraph, ...]) -> list[dict[str, Any]]:
            return [{"lines": list(p.lines), "rtl": p.rtl} for p in items]

        return {
            "lang": self.language,
            "title": self.title,
            "heading": self.heading,
            "subtitle": self.subtitle,
            "meeting": [
                [{"label": f.label, "value": f.value} for f in row] for row in self.meeting
            ],
            "parts": [
                {
                    "key": p.key,
                    "starter": p.starter,
                    "paragraphs": paras(p.paragraphs),
                    "lines": self.writing_lines,
                }
                for p in self.parts
            ],
            "questions": {
                "heading": self.questions_heading,
                "items": paras(self.questions),
                "lines": self.writing_lines,
            },
            "notes": {
                "heading": self.notes_heading,
                "items": [
                    {"label": n.label, "paragraphs": paras(n.paragraphs)} for n in self.notes
                ],
                "lines": self.notes_lines,
            },
            "prepared": self.prepared,
            "sizes": list(self.sizes),
            "large": self.large_print,
        }


def clean(text: str) -> str:
    """The person's text made safe to lay out: no control or direction-override
    characters, tabs as spaces, no trailing space, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def is_rtl(text: str) -> bool:
    """True when the first letter with a strong direction is right-to-left (Arabic, Hebrew)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    cleaned = clean(text)
    if not cleaned.strip():
        return ()
    out = []
    for block in cleaned.split("\n\n"):
        if block.strip():
            out.append(Paragraph(lines=tuple(block.split("\n")), rtl=is_rtl(block)))
    return tuple(out)


def _meeting_rows(cat: Catalogue, prep: Preparation) -> tuple[tuple[Field, ...], ...]:
    meeting = prep.meeting
    t = cat.text
    if meeting.is_empty():
        # Nothing known yet: blanks the person can fill in by hand.
        return (
            (
                Field(t("sheet.meeting"), ""),
                Field(t("sheet.date"), ""),
                Field(t("sheet.place"), ""),
            ),
        )
    first = [Field(t("sheet.meeting"), cat.kind(meeting.kind).name)]
    if meeting.date:
        first.append(Field(t("sheet.date"), format_date(cat, meeting.date)))
    if meeting.time:
        first.append(Field(t("sheet.time"), format_date(cat, meeting.time)))
    rows: list[tuple[Field, ...]] = [tuple(first)]
    place = clean(meeting.place).replace("\n", " ").strip()
    if place:
        rows.append((Field(t("sheet.place"), place),))
    people = [clean(a).replace("\n", " ").strip() for a in meeting.attendees]
    people = [p for p in people if p]
    if people:
        rows.append((Field(t("sheet.attendees"), ", ".join(people)),))
    companion = clean(meeting.companion).replace("\n", " ").strip()
    if companion:
        rows.append((Field(t("sheet.companion"), companion),))
    return tuple(rows)


def meeting_lines(cat: Catalogue, prep: Preparation) -> list[str]:
    """The meeting as "label: value" lines, for reading on a screen or aloud: the same
    fields and words as the sheet's meeting line, without the blanks left for the pen."""
    if prep.meeting.is_empty():
        return [f"{cat.text('sheet.meeting')}: {cat.kind(prep.meeting.kind).name}"]
    return [f"{f.label}: {f.value}" for row in _meeting_rows(cat, prep) for f in row if f.value]


def build_sheet(prep: Preparation, cat: Catalogue, *, large_print: bool = False) -> Sheet:
    """Everything the printed sheet shows, in the language of `cat`."""
    parts = tuple(
        Part(
            key=key,
            starter=cat.part(key).starter,
            paragraphs=paragraphs(without_starter(prep.statement.get(key), cat.part(key).starter)),
        )
        for key in PART_KEYS
    )
    # One question is one item, however many lines the person gave it.
    questions = tuple(
        Paragraph(lines=tuple(cleaned.replace("\n\n", "\n").split("\n")), rtl=is_rtl(cleaned))
        for cleaned in (clean(q) for q in prep.questions)
        if cleaned.strip()
    )
    notes = tuple(
        Note(label=cat.text(key), paragraphs=paragraphs(value))
        for key, value in (
            ("sheet.agreed", prep.after_meeting.agreed),
            ("sheet.next_steps", prep.after_meeting.next_steps),
        )
        if value.strip()
    )
    own_title = clean(prep.title).replace("\n", " ").strip()
    return Sheet(
        language=cat.language,
        title=clean(display_title(cat, prep)).replace("\n", " "),
        heading=cat.text("sheet.heading"),
        subtitle=own_title,
        meeting=_meeting_rows(cat, prep),
        parts=parts,
        questions_heading=cat.text("sheet.questions"),
        questions=questions,
        notes_heading=cat.text("sheet.notes"),
        notes=notes,
        prepared=cat.text(
            "sheet.prepared", date=format_date(cat, prep.updated_at.astimezone().date())
        ),
        large_print=large_print,
        labels={"not_filled": cat.text("sheet.not_filled")},
    )
