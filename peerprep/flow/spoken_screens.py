"""What is read aloud where the person is: the same words from the full screen and from
line-by-line mode.

Each function gives the chunks (export.speech.Chunk: text for the ear and its language)
for one place, built from the catalogue of the screen's language and the person's words:

    part_screen     a part: where one is ("Del 2 af 4"), the starter, what it is for, the
                    help shown (ideas, examples, the peer's questions, in the screen's
                    order), then the person's own words in it; or only the words the
                    person selected in their answer
    sheet           the review: the whole sheet in its printed order and language
    meeting_screen  the meeting as far as it is filled in
    questions_screen  the person's questions, numbered
    after_screen    the notes from after the meeting
    chosen_row      home: the chosen preparation as its row says it
    program_text    any other text of the program's own (help, a menu just said)
    voice_sample    the settings: one sentence in the chosen voice and speed

The person's words are read in their preparation's language (a paragraph in another
script by a voice of its own); the program's in the screen's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peerprep.export.speech import Chunk
    from peerprep.model import Preparation
    from peerprep.words import Catalogue

__all__ = [
    "after_screen",
    "chosen_row",
    "meeting_screen",
    "part_screen",
    "program_text",
    "questions_screen",
    "sheet",
    "voice_sample",
]


def _own(prep: Preparation, text: str) -> list[Chunk]:
    from peerprep.export.speech import own_words
    from peerprep.words import catalogue

    return own_words(catalogue(prep.language), text)


def part_screen(
    cat: Catalogue,
    prep: Preparation | None,
    key: str,
    shown_help: Collection[str] = (),
    *,
    selection: str = "",
) -> list[Chunk]:
    """A part's screen for the ear (see the module docstring). `prep` None: a new
    preparation not made yet (its answer is empty). `selection`: words the person marked
    in their answer; then only those are read.

    Raises KeyError for an unknown part key or help panel."""
    from peerprep.export.speech import program_words, spoken_answer, spoken_part
    from peerprep.export.speech.ear import merge

    if selection.strip() and prep is not None:
        return _own(prep, selection)
    chunks = spoken_part(cat, key, shown_help)
    if prep is None or not prep.statement.get(key).strip():
        return merge([*chunks, *program_words(cat, cat.text("speech.answer_empty"))])
    mine = program_words(cat, cat.text("speech.screen.your_words"))
    return merge([*chunks, *mine, *spoken_answer(cat, prep, key)])


def sheet(prep: Preparation, today: dt.date | None = None) -> list[Chunk]:
    """The review: the sheet as it will be printed, in its order and its own language
    (the same as `peerprep read` and the sound file)."""
    from peerprep.export.speech import spoken_sheet

    return spoken_sheet(prep, today=today)


def meeting_screen(cat: Catalogue, prep: Preparation, today: dt.date | None = None) -> list[Chunk]:
    """The meeting: its heading, then each field filled in ("Dato: tirsdag den 2.
    december"), or that nothing is filled in yet."""
    from peerprep.export.speech import program_words, spoken_meeting
    from peerprep.export.speech.ear import merge

    heading = program_words(cat, cat.text("speech.screen.meeting"))
    fields = spoken_meeting(prep, cat, today=today)
    return merge(heading + (fields or program_words(cat, cat.text("speech.screen.meeting_empty"))))


def questions_screen(cat: Catalogue, prep: Preparation) -> list[Chunk]:
    """The person's questions for the meeting, each with its number."""
    from peerprep.export.speech import program_words
    from peerprep.export.speech.ear import merge

    chunks = program_words(cat, cat.text("sheet.questions"))
    questions = [q for q in prep.questions if q.strip()]
    if not questions:
        return merge(chunks + program_words(cat, cat.text("speech.no_questions")))
    for number, question in enumerate(questions, start=1):
        chunks += program_words(cat, cat.text("speech.question", n=number))
        chunks += _own(prep, question)
    return merge(chunks)


def after_screen(cat: Catalogue, prep: Preparation) -> list[Chunk]:
    """After the meeting: what was agreed and the next steps, each under its heading."""
    from peerprep.export.speech import program_words
    from peerprep.export.speech.ear import merge

    chunks = program_words(cat, cat.text("sheet.notes"))
    after = prep.after_meeting
    for key, text in (("sheet.agreed", after.agreed), ("sheet.next_steps", after.next_steps)):
        chunks += program_words(cat, f"{cat.text(key)}:")
        if text.strip():
            chunks += _own(prep, text)
        else:
            chunks += program_words(cat, cat.text("speech.answer_empty"))
    return merge(chunks)


def chosen_row(cat: Catalogue, prep: Preparation, today: dt.date | None = None) -> list[Chunk]:
    """Home: the chosen preparation as its row says it (flow.summaries.row), in words a
    voice reads well: its name, the meeting and its date (when the name is the person's
    own), how far along, when it was last changed, and its first words."""
    from peerprep.choices import PART_KEYS
    from peerprep.export.speech import program_words
    from peerprep.export.speech.ear import merge
    from peerprep.flow.summaries import row

    said = row(cat, prep, today)
    chunks = _own(prep, said.title) if said.own_title else program_words(cat, said.title)
    if said.own_title:
        chunks += program_words(cat, f"{said.kind}, {said.said_date}.")
    chunks += program_words(
        cat,
        cat.text("speech.screen.parts", n=said.parts_filled, total=len(PART_KEYS)),
        cat.text("speech.screen.changed", when=said.said_changed),
    )
    if said.excerpt:
        chunks += _own(prep, said.excerpt.rstrip("…"))
    return merge(chunks)


def program_text(cat: Catalogue, texts: Iterable[str]) -> list[Chunk]:
    """Texts of the program's own (a help text, the menu just said), for the ear."""
    from peerprep.export.speech import program_words

    return program_words(cat, *(text for text in texts if text.strip()))


def voice_sample(cat: Catalogue) -> list[Chunk]:
    """One sentence to hear the chosen voice and speed by."""
    from peerprep.export.speech import program_words

    return program_words(cat, cat.text("speech.sample"))
