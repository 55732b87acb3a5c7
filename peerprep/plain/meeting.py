"""The meeting, line by line: its kind, then one question per field (date, time, place, who
comes, companion, a name of one's own).

Enter keeps what is there (or skips), the word for remove takes it away, the word for
back goes to the field before (plain.steps; from the kind, it leaves the meeting; what
was answered is kept). A date or time is read
by the same grammar as the full screen's (flow.dates) and said back in words, with how
far away it is ("Det læser jeg som tirsdag den 8. december. Det er om 8 dage.").
"""

from __future__ import annotations

import re
from collections.abc import Callable

import peerprep.plain.asking as asking
import peerprep.plain.commands as commands
from peerprep.choices import MEETING_KINDS
from peerprep.flow.dates import DateProblem, parse_date, parse_time
from peerprep.model import ATTENDEES_MAX, SHORT_MAX, TITLE_MAX
from peerprep.plain.console import Back, Quit
from peerprep.plain.session import Session
from peerprep.plain.steps import Step, one_by_one
from peerprep.words.dates import say_date, say_time, say_when


def _now_said(session: Session, field: str) -> str:
    """What a field holds now, as it is said (a date and a time in words)."""
    prep = session.current
    meeting = prep.meeting
    if field == "date":
        return say_date(session.cat, meeting.date) if meeting.date else ""
    if field == "time":
        return say_time(session.cat, meeting.time) if meeting.time else ""
    if field == "attendees":
        return ", ".join(meeting.attendees)
    if field == "title":
        return prep.title
    return str(getattr(meeting, field))


def _ask_field(session: Session, field: str) -> str | None:
    """One line for one meeting field. None keeps what is there; "" removes it.

    Raises Back (the word for back) and Quit (the word for stop)."""
    console, cat = session.console, session.cat
    current = _now_said(session, field)

    def explain() -> None:
        console.tell(f"plain.field_help.{field}")
        console.tell("plain.field_now" if current else "plain.field_skip", value=current)

    console.blank()
    console.tell(f"plain.field.{field}")
    explain()
    while True:
        typed = console.read_line()
        answer = " ".join(typed.split())  # a pasted text of several lines: one line
        said = commands.given(cat, typed, *commands.ALWAYS, "remove")
        if said == "help":
            console.tell("plain.help.field")
            explain()
            console.tell("plain.help.always")
            continue
        if said == "back":
            raise Back
        if said == "stop":
            raise Quit
        if said == "remove":
            if current:
                console.tell("plain.field_removed")
                return ""
            return None
        if not answer:
            return None
        if field in ("date", "time") and not _readable(session, field, answer):
            continue
        return answer


def _readable(session: Session, field: str, answer: str) -> bool:
    """Read a date or a time and say it back in words; False (and why, said) if it cannot
    be read."""
    console, cat = session.console, session.cat
    meeting = session.current.meeting
    try:
        if field == "date":
            day = parse_date(answer, cat)
            if day is not None:
                console.tell("plain.date_read", when=say_when(cat, day))
        else:
            time = parse_time(answer)
            if time is not None and meeting.date is not None:
                console.tell("dates.said.meeting", when=say_when(cat, meeting.date, time))
            elif time is not None:
                console.tell("plain.date_read", when=say_time(cat, time))
    except DateProblem as error:
        console.tell(error.key, **error.values)
        return False
    return True


def edit_kind(session: Session) -> None:
    """The kind of meeting; Enter (or 0) leaves it as it is."""
    console, cat = session.console, session.cat
    meeting = session.current.meeting
    options = [(k, f"{cat.kind(k).name}. {cat.kind(k).description}") for k in MEETING_KINDS]
    title = console.t("plain.kind_question", now=cat.kind(meeting.kind).name)
    chosen = asking.choose(
        console, title, options, console.t("plain.keep_as_is"), enter="", zero_is_back=False
    )
    if chosen and chosen != meeting.kind:
        meeting.kind = chosen  # type: ignore[assignment]
        session.changed()


def edit_meeting(session: Session) -> None:
    """Every meeting field in turn; Enter keeps each one as it is. Raises Back and Quit.
    The word for read reads the meeting as far as it is filled in."""
    from peerprep.flow.spoken_screens import meeting_screen

    with session.about(lambda: meeting_screen(session.cat, session.current)):
        _edit_meeting(session)


def _edit_meeting(session: Session) -> None:
    cat = session.cat
    prep = session.current
    meeting = prep.meeting
    session.console.blank()
    session.console.tell("plain.meeting_about")
    fields: list[tuple[str, Callable[[str], None]]] = [
        ("date", lambda v: setattr(meeting, "date", parse_date(v, cat) if v else None)),
        ("time", lambda v: setattr(meeting, "time", parse_time(v) if v else None)),
        ("place", lambda v: setattr(meeting, "place", session.fit(v, SHORT_MAX))),
        ("attendees", lambda v: setattr(meeting, "attendees", _attendees(session, v))),
        ("companion", lambda v: setattr(meeting, "companion", session.fit(v, SHORT_MAX))),
        ("title", lambda v: setattr(prep, "title", session.fit(v, TITLE_MAX))),
    ]

    def step(field: str, apply: Callable[[str], None]) -> Step:
        def ask() -> None:
            answer = _ask_field(session, field)
            if answer is not None:
                apply(answer)
                session.changed()

        return ask

    one_by_one([lambda: edit_kind(session), *(step(f, apply) for f, apply in fields)])


def _attendees(session: Session, text: str) -> list[str]:
    names = [session.fit(n.strip(), SHORT_MAX) for n in re.split(r"[,;]", text) if n.strip()]
    if len(names) > ATTENDEES_MAX:
        session.console.tell("plain.too_many", limit=ATTENDEES_MAX)
        session.console.say(", ".join(names[ATTENDEES_MAX:]))
    return names[:ATTENDEES_MAX]
