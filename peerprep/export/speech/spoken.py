"""What is read aloud: a part's screen, the person's answer, the whole sheet.

Each function gives a list of `Chunk`s (text for the ear and the language to read it in)
for `Reader.read` or `render`. The sheet is read from the same layout as the printed
sheet (layout.build_sheet), so it is heard in the order it is printed, with its dates and
times in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from peerprep.choices import PART_KEYS
from peerprep.export.layout import Paragraph, Sheet, build_sheet
from peerprep.export.speech.ear import Chunk, merge, own_words, program_words, spoken_date
from peerprep.export.speech.ear import spoken_time as _spoken_time
from peerprep.model import Preparation
from peerprep.words import Catalogue, catalogue

__all__ = ["HELP_PANELS", "spoken_answer", "spoken_meeting", "spoken_part", "spoken_sheet"]

# The help a part's screen can show beside the answer, in the screen's order.
HELP_PANELS: tuple[str, ...] = ("prompts", "examples", "peer")


def _starter(text: str, *, continued: bool) -> str:
    """A starter without its ellipses. `continued`: the person's words follow, so a starter
    that runs on ("Det er vigtigt for mig at …") ends in a comma, and the voice goes on
    into their words as one sentence rather than stopping as after a heading."""
    runs_on = text.rstrip().endswith("…")
    text = text.replace("…", " ").strip()
    return f"{text}," if continued and runs_on else text


def spoken_part(cat: Catalogue, key: str, shown_help: Collection[str] = ()) -> list[Chunk]:
    """A part's screen for the ear, in the language of `cat`: where one is ("Part 2 of
    4"), the starter, what it is for, and each help panel in `shown_help` ("prompts",
    "examples", "peer"; in the screen's order, whatever the order given) with its heading.

    Raises:
        KeyError: an unknown part key or help panel."""
    unknown = set(shown_help) - set(HELP_PANELS)
    if unknown:
        raise KeyError(sorted(unknown)[0])
    part = cat.part(key)
    texts = [
        cat.text("speech.part.where", n=PART_KEYS.index(key) + 1, total=len(PART_KEYS)),
        _starter(part.starter, continued=False),
        *part.about,
    ]
    lists = {"prompts": part.prompts, "examples": part.examples, "peer": part.peer}
    for panel in HELP_PANELS:
        if panel in shown_help:
            texts += [cat.text(f"speech.part.{panel}"), *lists[panel]]
    return program_words(cat, *texts)


def spoken_answer(cat: Catalogue, prep: Preparation, key: str) -> list[Chunk]:
    """The person's own words in one part, for the ear: read in the preparation's language
    (paragraphs in another script in theirs), with that language's words for dates and
    keys; when the part is empty, a sentence in the language of `cat` says so.

    Raises:
        KeyError: an unknown part key."""
    if key not in PART_KEYS:
        raise KeyError(key)
    words = own_words(catalogue(prep.language), prep.statement.get(key))
    return words or program_words(cat, cat.text("speech.answer_empty"))


def _paragraphs(items: tuple[Paragraph, ...], own: Catalogue) -> list[Chunk]:
    return [chunk for p in items for chunk in own_words(own, p.text)]


def _meeting(
    cat: Catalogue, own: Catalogue, sheet: Sheet, prep: Preparation, today: dt.date
) -> list[Chunk]:
    """The meeting line, each field as "label: value." with the date and time in words.
    The blanks the printed sheet leaves for the pen are not read. The place and the
    people are the person's words; the kind, date and time are the program's."""
    meeting = prep.meeting
    programs = {cat.text("sheet.meeting"): cat.kind(meeting.kind).name}
    if meeting.date:
        programs[cat.text("sheet.date")] = spoken_date(cat, meeting.date, today=today)
    if meeting.time:
        programs[cat.text("sheet.time")] = _spoken_time(cat, meeting.time)
    chunks: list[Chunk] = []
    for row in sheet.meeting:
        for item in row:
            if not item.value:
                continue
            if item.label in programs:
                chunks += program_words(cat, f"{item.label}: {programs[item.label]}")
            else:
                chunks += program_words(cat, f"{item.label}:") + own_words(own, item.value)
    return chunks


def spoken_meeting(
    prep: Preparation, cat: Catalogue | None = None, *, today: dt.date | None = None
) -> list[Chunk]:
    """The meeting alone, as the sheet has it (each field "label: value.", the date and
    time in words), in the language of `cat` (default the preparation's own); [] when
    nothing about the meeting is filled in but its kind."""
    cat = cat or catalogue(prep.language)
    if prep.meeting.is_empty():
        return []
    own = catalogue(prep.language)
    sheet = build_sheet(prep, cat)
    return merge(_meeting(cat, own, sheet, prep, today or dt.date.today()))


def spoken_sheet(
    prep: Preparation,
    cat: Catalogue | None = None,
    *,
    part: str | None = None,
    today: dt.date | None = None,
) -> list[Chunk]:
    """The sheet for the ear, in the printed sheet's order and language (`cat`, default the
    preparation's own): heading, own title, the meeting, the four parts (starter, then the
    person's words or "not filled in yet"), the questions, the notes, when it was prepared.
    `part`: only that part (its starter and words). `today` (default the computer's date)
    decides whether a date's year is said.

    Raises:
        KeyError: an unknown part key."""
    cat = cat or catalogue(prep.language)
    own = catalogue(prep.language)  # the person's words are read in their own language
    today = today or dt.date.today()
    sheet = build_sheet(prep, cat)
    if part is not None and part not in PART_KEYS:
        raise KeyError(part)
    chunks: list[Chunk] = []
    if part is None:
        chunks += program_words(cat, sheet.heading)
        if sheet.subtitle:
            chunks += own_words(own, sheet.subtitle)
        chunks += _meeting(cat, own, sheet, prep, today)
    for item in sheet.parts:
        if part is not None and item.key != part:
            continue
        chunks += program_words(cat, _starter(item.starter, continued=not item.empty))
        if item.empty:
            chunks += program_words(cat, sheet.labels["not_filled"])
        else:
            chunks += _paragraphs(item.paragraphs, own)
    if part is not None:
        return merge(chunks)
    chunks += program_words(cat, sheet.questions_heading)
    if not sheet.questions:
        chunks += program_words(cat, cat.text("speech.no_questions"))
    for number, question in enumerate(sheet.questions, start=1):
        chunks += program_words(cat, cat.text("speech.question", n=number))
        chunks += own_words(own, question.text)
    if sheet.notes:
        chunks += program_words(cat, sheet.notes_heading)
        for note in sheet.notes:
            chunks += program_words(cat, f"{note.label}:")
            chunks += _paragraphs(note.paragraphs, own)
    updated = prep.updated_at.astimezone().date()
    chunks += program_words(
        cat, cat.text("sheet.prepared", date=spoken_date(cat, updated, today=today))
    )
    return merge(chunks)
