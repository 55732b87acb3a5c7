"""The line-by-line face: `peerprep --plain`, for screen readers, braille and piped input.

The same program as the full-screen one, as numbered menus and plain questions on
standard input and output: no full screen, no colours, no cursor movement, so that a
screen reader reads everything once and in order. Every command is a word a voice says
aloud (plain.commands), announced once at the start. Textual is never imported here.

Modules: console (lines in and out, encodings, end of input), line_editing (readline at a
real terminal), commands (the one command scheme), asking (a numbered menu, a yes or no),
session (the open preparation, saving after each answer), menus (home and one
preparation), answers (writing an answer of several lines), editing (the parts, after the
meeting, the whole way through), meeting, questions, places (choosing a folder), review
(export, print, save to a USB stick), reading (the statement as lines), privacy (a
shared computer's cover and erase), signals (the terminal closing; the tick while
waiting).

When the input ends (a script of answers runs out, Ctrl+D, Ctrl+C, the terminal closes,
the program is stopped) the program saves what it has, the answer being written too,
removes its lock and leaves calmly with exit code 0. On a shared computer it clears the
screen and its scrollback when it leaves.
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO

from peerprep.plain.console import Console, EndOfInput, Erased, Quit, has_terminal

if TYPE_CHECKING:
    from peerprep.flow.context import Context, Start
    from peerprep.plain.session import Session

__all__ = ["run"]


def _binary(stream: object, fallback: BinaryIO) -> BinaryIO:
    buffer = getattr(stream, "buffer", None)
    return buffer if buffer is not None else fallback


def _fileno(stream: object) -> int | None:
    try:
        return int(stream.fileno())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return None


def console_for(
    context: Context, reader: BinaryIO | None = None, writer: BinaryIO | None = None
) -> Console:
    """A console on the real terminal (or on the given byte streams, for tests).

    At a real terminal the line is edited with readline where it exists (POSIX)."""
    from peerprep.plain import line_editing

    out_encoding = "utf-8"
    in_encoding = "utf-8"
    if writer is None:
        writer = _binary(sys.stdout, io.BytesIO())
        out_encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if reader is None:
        reader = _binary(sys.stdin, io.BytesIO())
        in_encoding = getattr(sys.stdin, "encoding", None) or "utf-8"
    terminal = has_terminal(reader) and has_terminal(writer)
    editor = None
    if terminal and line_editing.usable(_fileno(reader), _fileno(writer)):
        editor = line_editing.LineEditor()
    return Console(reader=reader, writer=writer, cat=context.cat, encoding=out_encoding,
                   input_encoding=in_encoding, terminal=terminal, editor=editor)  # fmt: skip


def _welcome(session: Session) -> None:
    """The welcome, the command scheme said once, and what is kept where."""
    console = session.console
    console.tell("plain.welcome")
    console.tell("plain.commands_about")
    if session.store.in_memory:
        console.tell("shared.welcome")
    elif session.context.shared.on:  # a shared computer, the person's own folder
        console.tell("shared.banner_folder", path=str(session.store.root))
    else:
        console.tell("plain.welcome_saved")


def run(
    context: Context,
    start: Start | None = None,
    reader: BinaryIO | None = None,
    writer: BinaryIO | None = None,
    clock: Callable[[], float] | None = None,
) -> int:
    """Start line-by-line mode (home, or `new` / `open ID` straight away). Returns 0 or 1.

    `clock` is the idle clock's time source on a shared computer (tests move time by
    hand); the privacy and erase minutes are the ones in force (SharedMode.timers).
    """
    from peerprep.flow.context import EXIT_FAILURE, EXIT_OK, Start
    from peerprep.plain import menus, signals
    from peerprep.plain.session import Session
    from peerprep.startup import settle_memory

    start = start or Start()
    console = console_for(context, reader, writer)
    session = Session(console=console, context=context)
    in_memory = session.store.in_memory
    shared = context.shared.on
    if shared and console.terminal:
        from peerprep.flow.shared_mode import session_settings
        from peerprep.plain.privacy import IdleGuard

        minutes = context.shared.timers(session_settings(context.shared))
        console.guard = IdleGuard(minutes, console, session.erase, clock=clock)
    settle_memory()  # loaded: from here on it waits for the person
    try:
        with signals.handled(console):
            while True:
                try:
                    _welcome(session)
                    try:
                        if not _start(session, start):
                            return EXIT_FAILURE
                        menus.home(session)
                    except Quit:
                        pass
                    # Only a chosen stop gets here: there is someone to ask.
                    while not menus.before_leaving(session):
                        with contextlib.suppress(Quit):
                            menus.home(session)
                    break
                except Erased:
                    session.erase()
                    if console.editor is not None:
                        console.editor.forget()
                    console.start_over()
                    console.tell("plain.erased")
                    console.blank()
                    start = Start()
    except (EndOfInput, KeyboardInterrupt):
        pass
    finally:
        session.close()
    if shared:
        console.clear()  # nothing of the session left to scroll back to
    console.blank()
    if session.rescued:
        console.tell("plain.goodbye_not_saved")
    elif in_memory:
        console.tell("plain.goodbye_memory")
    else:  # "saved" only when something was, in this run (flow.editing)
        console.tell("plain.goodbye" if session.editing.saved_this_run else "plain.goodbye_nothing")
    return EXIT_OK


def _start(session: Session, start: Start) -> bool:
    """Open where the command line said (`new`, `open ID`). False when there is no such
    preparation or it cannot be opened (said)."""
    from peerprep.plain import menus

    if start.command == "new":
        menus.new(session)
    elif start.command == "open" and start.prep_id:
        if not session.store.exists(start.prep_id):
            session.console.tell("errors.unknown_id", id=start.prep_id)
            return False
        if not menus.open_one(session, start.prep_id):
            return False
    return True
