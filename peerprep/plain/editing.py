"""Writing in line-by-line mode: the four parts, after the meeting, and the whole way
through (the meeting, the four parts, the questions).

Every answer is saved as soon as it is given. A text that already exists is never
replaced silently: Enter keeps it, and the person chooses to write it again or add to it.
How an answer is written and ended is plain.answers; the meeting is plain.meeting; the
questions are plain.questions.
"""

from __future__ import annotations

from peerprep.choices import PART_KEYS
from peerprep.model import NOTE_MAX, PART_MAX
from peerprep.plain import asking
from peerprep.plain.answers import Helps, edit_text, write_and_save
from peerprep.plain.console import Back
from peerprep.plain.meeting import edit_meeting
from peerprep.plain.questions import add_questions
from peerprep.plain.session import Session

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
    helps: Helps = {
        "ideas": lambda: _show_list(session, "plain.prompts_heading", part.prompts),
        "examples": lambda: _show_list(session, "plain.examples_heading", part.examples),
        "peer": lambda: _show_list(session, "plain.peer_heading", part.peer),
    }
    prep = session.current
    write_and_save(
        session,
        edit_text(session, prep.statement.get(key), PART_MAX, helps, "plain.write_hint"),
        lambda text: prep.set_part(key, text),
    )


def edit_after(session: Session) -> None:
    """After the meeting: what was agreed, and the next steps."""
    console = session.console
    after = session.current.after_meeting
    console.blank()
    console.tell("plain.after.about")
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
    questions; the word for back leaves the walk for the preparation's menu."""
    console = session.console
    console.blank()
    console.tell("plain.walk_about")
    try:
        if with_meeting and asking.ask_yes(console, "plain.meeting_first"):
            edit_meeting(session)
        for key in PART_KEYS:
            edit_part(session, key)
        console.blank()
        if asking.ask_yes(console, "plain.questions_offer"):
            add_questions(session)
    except Back:
        return
    console.blank()
    console.say(filled_words(session, session.current.parts_filled(), walked=True))
