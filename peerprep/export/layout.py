"""The sheet as a pure description: what goes on the printed page, in which order.

No I/O and no rendering here. pdf.py, html.py, text.py and markdown.py all draw the same
`Sheet`, and fit.py estimates from it how full the page is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peerprep.choices import PART_KEYS
from peerprep.export.direction import is_rtl
from peerprep.export.starter import without_starter
from peerprep.model import Preparation
from peerprep.words import Catalogue
from peerprep.words.dates import format_date, say_date, say_time
from peerprep.words.naming import display_title

# Body sizes in points, comfortable first: the PDF template takes the first that fits
# one page. The floor is the last.
SIZES: tuple[float, ...] = (11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)
LARGE_PRINT_SIZE = 16.0
SUBTITLE_SCALE = 1.2  # the person's own title, under the heading
# Ruled lines for handwriting where a part or the question list is still empty.
WRITING_LINES = 3
NOTES_LINES = 3
# A blank sheet's notes box: lines under "what we agreed" and under "next steps", and
# the room left on the page shared out between them.
BLANK_NOTE_LINES = 1

# Control characters, and the direction overrides, embeddings and isolates that can make
# text show in another order than it was typed. The direction marks (LRM U+200E, RLM
# U+200F, ALM U+061C) are kept: they are how a person says which way a sentence runs.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
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
    """One labelled item of the meeting line; an empty value is a blank to fill by hand,
    as long as the rest of the line when `wide`."""

    label: str
    value: str
    wide: bool = False


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
    """A labelled note in the box for after the meeting; no paragraphs on a blank sheet,
    where the label has writing lines under it instead."""

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
    subtitle_rtl: bool = False
    blank: bool = False  # a sheet for the pen, printed with no preparation behind it

    @property
    def sizes(self) -> tuple[float, ...]:
        return (LARGE_PRINT_SIZE,) if self.large_print else SIZES


def clean(text: str) -> str:
    """The person's text made safe to lay out: no control or direction-override
    characters, tabs as spaces, no trailing space, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """The person's text as paragraphs (split at blank lines), each with its direction."""
    cleaned = clean(text)
    if not cleaned.strip():
        return ()
    out = []
    for block in cleaned.split("\n\n"):
        if block.strip():
            out.append(Paragraph(lines=tuple(block.split("\n")), rtl=is_rtl(block)))
    return tuple(out)


def _meeting_rows(
    cat: Catalogue, prep: Preparation, said: bool = False
) -> tuple[tuple[Field, ...], ...]:
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
        day = say_date(cat, meeting.date) if said else format_date(cat, meeting.date)
        first.append(Field(t("sheet.date"), day))
    if meeting.time:
        time = say_time(cat, meeting.time) if said else format_date(cat, meeting.time)
        first.append(Field(t("sheet.time"), time))
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


def meeting_lines(cat: Catalogue, prep: Preparation, *, said: bool = False) -> list[str]:
    """The meeting as "label: value" lines, for reading on a screen or aloud: the same
    fields and words as the sheet's meeting line, without the blanks left for the pen.
    With `said`, the date and time are in words a voice reads well (words.dates)."""
    if prep.meeting.is_empty():
        return [f"{cat.text('sheet.meeting')}: {cat.kind(prep.meeting.kind).name}"]
    rows = _meeting_rows(cat, prep, said)
    return [f"{f.label}: {f.value}" for row in rows for f in row if f.value]


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
        subtitle_rtl=is_rtl(own_title),
    )


def build_blank_sheet(cat: Catalogue, *, large_print: bool = False) -> Sheet:
    """The sheet with nothing filled in, for peer workers to hand out and for people who
    prefer a pen: every meeting item as a blank, writing lines under each starter and the
    questions, and a notes box with lines under "what we agreed" and "next steps" that
    fills the rest of the page. One page in normal print at the comfortable size."""
    t = cat.text
    meeting = (
        (Field(t("sheet.meeting"), ""), Field(t("sheet.date"), ""), Field(t("sheet.time"), "")),
        (Field(t("sheet.place"), "", wide=True),),
        (Field(t("sheet.attendees"), "", wide=True),),
        (Field(t("sheet.companion"), "", wide=True),),
    )
    return Sheet(
        language=cat.language,
        title=t("sheet.heading"),
        heading=t("sheet.heading"),
        subtitle="",
        meeting=meeting,
        parts=tuple(Part(key, cat.part(key).starter, ()) for key in PART_KEYS),
        questions_heading=t("sheet.questions"),
        questions=(),
        notes_heading=t("sheet.notes"),
        notes=(Note(t("sheet.agreed"), ()), Note(t("sheet.next_steps"), ())),
        prepared="",
        large_print=large_print,
        notes_lines=0,
        labels={"not_filled": t("sheet.not_filled")},
        blank=True,
    )
