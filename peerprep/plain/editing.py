"""Writing in line-by-line mode: the four parts, after the meeting, and the whole way
through (the meeting, the four parts, the questions).

Every answer is saved as soon as it is given. A text that already exists is never
replaced silently: Enter keeps it, and the person chooses to write it again or add to it.
How an answer is written and ended is plain.answers; the meeting is plain.meeting; the
questions are plain.questions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import peerprep.plain.asking as asking
from peerprep.choices import PART_KEYS
from peerprep.model import NOTE_MAX, PART_MAX, AfterMeeting
from peerprep.plain.answers import Helps, edit_text, write_and_save
from peerprep.plain.console import Back
from peerprep.plain.meeting import edit_meeting
from peerprep.plain.questions import add_questions
from peerprep.plain.session import Session
from peerprep.plain.steps import Step, one_by_one

if TYPE_CHECKING:
    from peerprep.export.speech import Chunk

__all__ = ["Back", "edit_after", "edit_part", "filled_words", "walk"]


def _show_list(session: Session, heading_key: str, items: list[str]) -> None:
    console = session.console
    console.blank()
    console.tell(heading_key)
    for item in items:
        console.say(f"- {item}")
    console.blank()


_FILLED = {
    False: ("plain.filled.none", "plain.filled.some", "plain.filled.all"),
    True: ("plain.walk_done.none", "plain.walk_done.some", "plain.walk_done.all"),
}


def filled_words(session: Session, filled: int, *, walked: bool = False) -> str:
    """How far along, in words: nothing yet ("a friendlier line", not "0 of 4"), some of
    the four parts, or all of them. `walked`: said at the end of the walk through."""
    none, some, every = _FILLED[walked]
    if filled == 0:
        return session.cat.text(none)
    if filled == len(PART_KEYS):
        return session.cat.text(every)
    return session.cat.text(some, n=filled)


def edit_part(session: Session, key: str) -> None:
    console, cat = session.console, session.cat
    part = cat.part(key)
    number = PART_KEYS.index(key) + 1
    console.blank()
    console.tell("plain.part_heading", n=number, title=part.title)
    console.say(part.starter)
    for line in part.about:
        console.say(line)
    shown: list[str] = []  # the help asked for, read aloud with the part (as on screen)

    def show(panel: str, heading_key: str, items: list[str]) -> None:
        _show_list(session, heading_key, items)
        if panel not in shown:
            shown.append(panel)

    helps: Helps = {
        "ideas": lambda: show("prompts", "plain.prompts_heading", part.prompts),
        "examples": lambda: show("examples", "plain.examples_heading", part.examples),
        "peer": lambda: show("peer", "plain.peer_heading", part.peer),
    }
    prep = session.current

    def spoken() -> list[Chunk]:
        from peerprep.flow.spoken_screens import part_screen

        return part_screen(cat, prep, key, shown)

    with session.about(spoken):
        write_and_save(
            session,
            edit_text(session, prep.statement.get(key), PART_MAX, helps, "plain.write_hint"),
            lambda text: prep.set_part(key, text),
        )


def edit_after(session: Session) -> None:
    """After the meeting: what was agreed, and the next steps."""
    from peerprep.flow.spoken_screens import after_screen

    console = session.console
    prep = session.current
    after = prep.after_meeting
    console.blank()
    console.tell("plain.after.about")
    with session.about(lambda: after_screen(session.cat, prep)):
        _edit_notes(session, after)


def _edit_notes(session: Session, after: AfterMeeting) -> None:
    console = session.console
    for field in ("agreed", "next_steps"):
        console.blank()
        console.tell(f"plain.after.{field}")

        def keep(text: str, name: str = field) -> None:
            setattr(after, name, text)

        write_and_save(
            session,
            edit_text(session, getattr(after, field), NOTE_MAX, {}, "plain.write_hint_plain"),
            keep,
        )


def walk(session: Session, with_meeting: bool) -> None:
    """The four parts in order (and first the meeting, if the person wants to), then the
    questions. The word for back goes one step back (plain.steps: from part 3 to part 2,
    from part 1 to the meeting); from the first step it leaves the walk for the
    preparation's menu."""
    console = session.console
    console.blank()
    console.tell("plain.walk_about")

    def part(key: str) -> Step:
        return lambda: edit_part(session, key)

    def questions() -> None:
        console.blank()
        if asking.ask_yes(console, "plain.questions_offer"):
            add_questions(session)

    try:
        meeting = with_meeting and asking.ask_yes(console, "plain.meeting_first")
        steps = [*([lambda: edit_meeting(session)] if meeting else []), *map(part, PART_KEYS)]
        one_by_one([*steps, questions])
    except Back:
        return
    console.blank()
    console.say(filled_words(session, session.current.parts_filled(), walked=True))
