"""Writing in line-by-line mode: the four parts, the meeting, the questions, after the meeting.

Every answer is saved as soon as it is given. A text that already exists is never
replaced silently: Enter keeps it, and the person chooses to write it again or add to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from peerprep.choices import MEETING_KINDS, PART_KEYS
from peerprep.flow.dates import DateProblem
from peerprep.flow.dates import parse_date as read_date
from peerprep.flow.dates import parse_time as read_time
from peerprep.model import (
    ATTENDEES_MAX,
    NOTE_MAX,
    PART_MAX,
    QUESTION_MAX,
    QUESTIONS_MAX,
    SHORT_MAX,
    TITLE_MAX,
)
from peerprep.plain.console import EndOfInput
from peerprep.plain.session import Session
from peerprep.words.dates import say_date

KEEP = "keep"
BACK = "back"


class Back(Exception):
    """The person typed 0 at the start of an answer: leave the step-by-step walk."""


# --- long texts -------------------------------------------------------------------------


def _show_list(session: Session, heading_key: str, items: list[str]) -> None:
    console = session.console
    console.blank()
    console.tell(heading_key)
    for item in items:
        console.say(f"- {item}")
    console.blank()


def edit_text(
    session: Session,
    current: str,
    limit: int,
    helps: dict[str, Callable[[], None]],
    hint_key: str,
) -> tuple[str | None, bool]:
    """Ask for a text of several lines: (the new text or None to keep the old, input ended).

    `helps` maps a letter typed alone on the first line (?, e, p) to what it shows.
    Raises Back when the first line is 0. When the input ends in the middle of the text,
    what came so far is returned (with True) to be saved before leaving.
    """
    console = session.console
    mode = "replace"
    if current.strip():
        console.blank()
        console.tell("plain.you_wrote")
        for line in current.strip().splitlines():
            console.say(f"  {line}")
        console.tell("plain.keep_replace_append")
        while True:
            answer = console.read_line().strip().lower()
            if answer in ("", "1"):
                console.tell("plain.kept")
                return None, False
            if answer in ("2", "3"):
                mode = "replace" if answer == "2" else "append"
                break
            if answer == "0":
                raise Back
            console.tell("plain.not_understood", highest=3)
    if hint_key == "plain.write_hint" and session.hinted:
        hint_key = "plain.write_hint_short"  # the long version once is enough
    console.tell(hint_key)
    session.hinted = session.hinted or hint_key == "plain.write_hint"
    while True:
        first = console.read_line().rstrip()
        command = first.strip().lower()
        if command in helps:
            helps[command]()
            console.tell("plain.write_now")
            continue
        if command == "0":
            raise Back
        break
    if not first.strip():
        console.tell("plain.skipped" if not current.strip() else "plain.kept")
        return None, False
    rest, ended = console.ask_text()
    written = "\n".join([first, *rest]).strip()
    text = f"{current.rstrip()}\n{written}" if mode == "append" and current.strip() else written
    return session.fit(text, limit), ended


def write_and_save(
    session: Session, asked: tuple[str | None, bool], apply: Callable[[str], None]
) -> None:
    """Save an answer at once; when the input ended meanwhile, leave after saving."""
    new, ended = asked
    if new is not None:
        apply(new)
        session.changed()
    if ended:
        raise EndOfInput


def edit_part(session: Session, key: str) -> None:
    console, cat = session.console, session.cat
    part = cat.part(key)
    number = PART_KEYS.index(key) + 1
    console.blank()
    console.tell("plain.part_heading", n=number, title=part.title)
    console.say(part.starter)
    for line in part.about:
        console.say(line)
    helps = {
        "?": lambda: _show_list(session, "plain.prompts_heading", part.prompts),
        "e": lambda: _show_list(session, "plain.examples_heading", part.examples),
        "p": lambda: _show_list(session, "plain.peer_heading", part.peer),
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


# --- questions ----------------------------------------------------------------------------


def add_questions(session: Session) -> None:
    console = session.console
    prep = session.current
    console.blank()
    console.tell("plain.questions_about")
    console.tell("plain.questions_hint")
    lines, ended = console.ask_text()
    added = [session.fit(q.strip(), QUESTION_MAX) for q in lines if q.strip()]
    room = QUESTIONS_MAX - len(prep.questions)
    if len(added) > room:
        console.tell("plain.questions_full", limit=QUESTIONS_MAX)
        for extra in added[room:]:
            console.say(extra)
        added = added[:room]
    if added:
        prep.questions = [*prep.questions, *added]
        session.changed()
    if ended:
        raise EndOfInput


def remove_question(session: Session) -> None:
    console = session.console
    prep = session.current
    options = [(str(i), q) for i, q in enumerate(prep.questions)]
    chosen = console.choose(console.t("plain.remove_which"), options, console.t("plain.back"))
    if not chosen:
        return
    gone = prep.questions[int(chosen)]
    prep.questions = [q for i, q in enumerate(prep.questions) if i != int(chosen)]
    console.tell("plain.question_removed", question=gone)
    session.changed()


def questions_menu(session: Session) -> None:
    console = session.console
    while True:
        prep = session.current
        console.blank()
        console.tell("plain.questions_heading")
        if prep.questions:
            for n, q in enumerate(prep.questions, start=1):
                console.say(f"{n}. {q}")
        else:
            console.tell("plain.no_questions")
        options = [("add", console.t("plain.questions_add"))]
        if prep.questions:
            options.append(("remove", console.t("plain.questions_remove")))
        chosen = console.choose(console.t("plain.what_now"), options, console.t("plain.back"))
        if chosen == "add":
            add_questions(session)
        elif chosen == "remove":
            remove_question(session)
        else:
            return


# --- the meeting ---------------------------------------------------------------------------


def _ask_field(session: Session, field: str, current: str) -> str | None:
    """One line for one meeting field. None keeps what is there; "" removes it. A date or
    time is read by the same grammar as the full screen's (flow.dates) and said back."""
    console = session.console
    console.blank()
    console.tell(f"plain.field.{field}")
    console.tell(f"plain.field_help.{field}")
    console.tell("plain.field_now" if current else "plain.field_skip", value=current)
    while True:
        answer = console.read_line().strip()
        if not answer:
            return None
        if answer == "-":
            return ""
        if field in ("date", "time"):
            try:
                when = read_date(answer, session.cat) if field == "date" else read_time(answer)
            except DateProblem as error:
                console.tell(error.key, **error.values)
                continue
            if isinstance(when, dt.date):
                console.tell("plain.date_read", when=say_date(session.cat, when))
        return answer


def edit_kind(session: Session) -> None:
    console, cat = session.console, session.cat
    meeting = session.current.meeting
    options = [(k, f"{cat.kind(k).name}. {cat.kind(k).description}") for k in MEETING_KINDS]
    title = console.t("plain.kind_question", now=cat.kind(meeting.kind).name)
    chosen = console.choose(title, options, console.t("plain.keep_as_is"))
    if chosen and chosen != meeting.kind:
        meeting.kind = chosen  # type: ignore[assignment]
        session.changed()


def edit_meeting(session: Session) -> None:
    """Every meeting field in turn; Enter keeps each one as it is."""
    from peerprep.words.dates import format_date

    cat = session.cat
    prep = session.current
    meeting = prep.meeting
    session.console.blank()
    session.console.tell("plain.meeting_about")
    edit_kind(session)
    fields: list[tuple[str, str, Callable[[str], None]]] = [
        ("date", format_date(cat, meeting.date),
         lambda v: setattr(meeting, "date", read_date(v, cat) if v else None)),
        ("time", format_date(cat, meeting.time),
         lambda v: setattr(meeting, "time", read_time(v) if v else None)),
        ("place", meeting.place,
         lambda v: setattr(meeting, "place", session.fit(v, SHORT_MAX))),
        ("attendees", ", ".join(meeting.attendees),
         lambda v: setattr(meeting, "attendees", _attendees(session, v))),
        ("companion", meeting.companion,
         lambda v: setattr(meeting, "companion", session.fit(v, SHORT_MAX))),
        ("title", prep.title, lambda v: setattr(prep, "title", session.fit(v, TITLE_MAX))),
    ]  # fmt: skip
    for field, current, apply in fields:
        answer = _ask_field(session, field, current)
        if answer is not None:
            apply(answer)
            session.changed()


def _attendees(session: Session, text: str) -> list[str]:
    names = [session.fit(n.strip(), SHORT_MAX) for n in re.split(r"[,;]", text) if n.strip()]
    if len(names) > ATTENDEES_MAX:
        session.console.tell("plain.too_many", limit=ATTENDEES_MAX)
        session.console.say(", ".join(names[ATTENDEES_MAX:]))
    return names[:ATTENDEES_MAX]


# --- the whole way through -------------------------------------------------------------------


def walk(session: Session, with_meeting: bool) -> None:
    """The four parts in order (and first the meeting, if the person wants to)."""
    console = session.console
    console.blank()
    console.tell("plain.walk_about")
    if with_meeting:
        console.tell("plain.meeting_first")
        if console.yes(console.read_line()):
            edit_meeting(session)
    try:
        for key in PART_KEYS:
            edit_part(session, key)
        console.blank()
        console.tell("plain.questions_offer")
        if console.yes(console.read_line()):
            add_questions(session)
    except Back:
        return
    console.blank()
    console.tell("plain.walk_done", filled=session.current.parts_filled())
