"""Writing an answer of several lines, line by line, so that nothing is lost or cut short.

An answer ends only when the person says so: the word for end (`slut`) alone on a line.
Until then every line is text, blank lines too, so a pasted answer of two paragraphs
stays one answer, and a line that says "stop", "0" or "?" is part of it. Where the line
is edited (a real terminal), a text pasted in one go arrives as one piece and is text
even if a line of it is the word for end.

Before the first line, and only there, the person may ask for help to get started or go
back (plain.commands). Enter on an empty first line skips the question.

When the input ends in the middle (a pipe runs out, Ctrl+D, the terminal is closed, the
program is stopped), what came so far is handed back to be saved, including the line
being typed when the terminal closed.
"""

from __future__ import annotations

from collections.abc import Callable

import peerprep.plain.asking as asking
import peerprep.plain.commands as commands
from peerprep.plain.commands import Command
from peerprep.plain.console import Back, Console, EndOfInput, Hangup, Quit, pasted
from peerprep.plain.session import Session

# What a helper shows on the first line of a part: "ideas", "examples", "peer".
Helps = dict[Command, Callable[[], None]]


def read_lines(console: Console) -> tuple[list[str], bool]:
    """The lines of an answer until the word for end alone on a line.

    Returns (lines, True) when the input ended meanwhile: the lines so far, the line
    being typed when the terminal closed among them.
    """
    lines: list[str] = []
    while True:
        try:
            text = console.read_line("> ", answer=True)  # every word is text here
        except Hangup as hangup:
            if hangup.partial.strip():
                lines.append(hangup.partial)
            return lines, True
        except EndOfInput:
            return lines, True
        if not pasted(text) and commands.given(console.cat, text, "end"):
            return lines, False
        lines.extend(text.split("\n"))


def joined(lines: list[str]) -> str:
    """The lines as one text: each without trailing spaces, blank lines inside kept (a
    new paragraph), none at the start or the end."""
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def _first_line(session: Session, helps: Helps, hint_keys: list[str]) -> str | None:
    """The first line of an answer, after any help asked for. None: the person skipped.

    Raises Back (the word for back), Quit (the word for stop), EndOfInput (the input
    ended before a word was written), Hangup with the line typed so far."""
    console = session.console
    cat = session.cat
    while True:
        text = console.read_line("> ")
        if pasted(text):
            return text
        said = commands.given(cat, text, *commands.ALWAYS, "end", *helps)
        if said == "help":
            for key in hint_keys:
                console.tell(key)
            console.tell("plain.help.always")
            continue
        if said == "back":
            raise Back
        if said == "stop":
            raise Quit
        if said in helps:
            helps[said]()
            console.tell("plain.write_now")
            continue
        if said == "end" or not text.strip():
            return None
        return text


def edit_text(
    session: Session,
    current: str,
    limit: int,
    helps: Helps,
    hint_key: str,
) -> tuple[str | None, bool]:
    """Ask for a text of several lines: (the new text, or None to keep the old; whether
    the input ended meanwhile).

    A text already there is read back first and kept unless the person chooses to write
    it again or to add to it. Raises Back and Quit (see `_first_line`).
    """
    console = session.console
    mode = "replace"
    if current.strip():
        console.blank()
        console.tell("plain.you_wrote")
        for line in current.strip().splitlines():
            console.say(f"  {line}")
        cat = session.cat
        options = [
            (name, cat.text(f"plain.existing.{name}")) for name in ("keep", "replace", "append")
        ]
        mode = asking.choose(console, cat.text("plain.existing.title"), options, None, enter="keep")
        if mode == "keep":
            console.tell("plain.kept")
            return None, False
    if hint_key == "plain.write_hint" and session.hinted:
        hint_key = "plain.write_hint_short"  # the long version once is enough
    console.tell(hint_key)
    session.hinted = session.hinted or hint_key == "plain.write_hint"
    help_keys = ["plain.help.text", *(["plain.help.part"] if helps else [])]
    rest: list[str] = []
    try:
        first = _first_line(session, helps, help_keys)
    except Hangup as hangup:
        if not hangup.partial.strip():
            raise
        first, ended = hangup.partial, True
    else:
        if first is None:
            console.tell("plain.skipped" if not current.strip() else "plain.kept")
            return None, False
        rest, ended = read_lines(console)
    written = joined([*first.split("\n"), *rest])
    if not written.strip():
        return None, ended
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
