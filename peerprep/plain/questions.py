"""My questions for the meeting, line by line: write one's own, pick from the questions
many people ask (the same list as the full screen's suggestions), remove one.

Questions are written one on each line and end, like an answer, with the word for end
alone on a line; a pasted list of questions comes in whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import peerprep.plain.asking as asking
import peerprep.plain.commands as commands
from peerprep.model import QUESTION_MAX, QUESTIONS_MAX
from peerprep.plain.answers import read_lines
from peerprep.plain.console import Back, EndOfInput, Hangup, Quit, pasted
from peerprep.plain.session import Session

if TYPE_CHECKING:
    from peerprep.export.speech import Chunk


def _spoken(session: Session) -> list[Chunk]:
    """The word for read, here: the questions so far (flow.spoken_screens)."""
    from peerprep.flow.spoken_screens import questions_screen

    return questions_screen(session.cat, session.current)


def add_questions(session: Session) -> None:
    """Questions of one's own, one on each line, until the word for end."""
    with session.about(lambda: _spoken(session)):
        _add_questions(session)


def _add_questions(session: Session) -> None:
    console = session.console
    prep = session.current
    console.blank()
    console.tell("plain.questions_about")
    console.tell("plain.questions_hint")
    ended = False
    while True:
        try:
            first = console.read_line()
        except Hangup as hangup:  # the terminal closed: a question being typed is kept
            first, ended = hangup.partial, True
            break
        if pasted(first):
            break
        said = commands.given(session.cat, first, *commands.ALWAYS, "end")
        if said == "help":
            console.tell("plain.questions_hint")
            console.tell("plain.help.always")
            continue
        if said == "back":
            raise Back
        if said == "stop":
            raise Quit
        if said == "end" or not first.strip():
            return
        break
    rest: list[str] = []
    if not ended:
        rest, ended = read_lines(console)
    typed = [*first.split("\n"), *rest]
    added = [session.fit(" ".join(q.split()), QUESTION_MAX) for q in typed if q.strip()]
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


def suggested(session: Session) -> None:
    """The questions many people ask (the full screen's suggestions): choose one at a time;
    one already on the list says so in words."""
    console, cat = session.console, session.cat
    common = cat.list("tui.questions.common")
    while True:
        prep = session.current
        options = [
            (str(i), cat.text("plain.suggested_taken", text=q) if q in prep.questions else q)
            for i, q in enumerate(common)
        ]
        chosen = asking.choose(
            console, cat.text("plain.suggested_title"), options, cat.text("plain.back")
        )
        if not chosen:
            return
        question = common[int(chosen)]
        if question in prep.questions:
            console.tell("plain.suggested_already")
        elif len(prep.questions) >= QUESTIONS_MAX:
            console.tell("plain.questions_full", limit=QUESTIONS_MAX)
        else:
            prep.questions = [*prep.questions, question]
            console.tell("plain.suggested_added", question=question)
            session.changed()


def remove_question(session: Session) -> None:
    console = session.console
    prep = session.current
    options = [(str(i), q) for i, q in enumerate(prep.questions)]
    chosen = asking.choose(
        console, console.t("plain.remove_which"), options, console.t("plain.back")
    )
    if not chosen:
        return
    gone = prep.questions[int(chosen)]
    prep.questions = [q for i, q in enumerate(prep.questions) if i != int(chosen)]
    console.tell("plain.question_removed", question=gone)
    session.changed()


def questions_menu(session: Session) -> None:
    """The questions said, then what to do with them, until the person goes back."""
    with session.about(lambda: _spoken(session)):
        _questions_menu(session)


def _questions_menu(session: Session) -> None:
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
        options = [
            ("add", console.t("plain.questions_add")),
            ("suggested", console.t("plain.questions_suggested")),
        ]
        if prep.questions:
            options.append(("remove", console.t("plain.questions_remove")))
        chosen = asking.choose(
            console, console.t("plain.what_now"), options, console.t("plain.back")
        )
        if chosen == "add":
            add_questions(session)
        elif chosen == "suggested":
            suggested(session)
        elif chosen == "remove":
            remove_question(session)
        else:
            return
