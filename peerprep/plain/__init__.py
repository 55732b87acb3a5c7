"""The line-by-line face: `peerprep --plain`, for screen readers, braille and piped input.

The same program as the full-screen one, as numbered menus and plain questions on
standard input and output: no full screen, no colours, no cursor movement, so that a
screen reader reads everything once and in order. Textual is never imported here.

Modules: console (lines in and out, encodings, end of input), session (the open
preparation, saving after each answer), menus (home and one preparation), editing
(the four parts, the meeting, questions), review (reading back, export and print).

When the input ends (a script of answers runs out, Ctrl+D, Ctrl+C) the program saves
what it has and leaves calmly with exit code 0.
"""

from __future__ import annotations

import io
import sys
from typing import TYPE_CHECKING, BinaryIO

from peerprep.plain.console import Console, EndOfInput, Quit

if TYPE_CHECKING:
    from peerprep.flow.context import Context, Start

__all__ = ["run"]


def _binary(stream: object, fallback: BinaryIO) -> BinaryIO:
    buffer = getattr(stream, "buffer", None)
    return buffer if buffer is not None else fallback


def console_for(
    context: Context, reader: BinaryIO | None = None, writer: BinaryIO | None = None
) -> Console:
    """A console on the real terminal (or on the given byte streams, for tests)."""
    out_encoding = "utf-8"
    in_encoding = "utf-8"
    if writer is None:
        writer = _binary(sys.stdout, io.BytesIO())
        out_encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if reader is None:
        reader = _binary(sys.stdin, io.BytesIO())
        in_encoding = getattr(sys.stdin, "encoding", None) or "utf-8"
    return Console(reader=reader, writer=writer, cat=context.cat, encoding=out_encoding,
                   input_encoding=in_encoding)  # fmt: skip


def run(
    context: Context,
    start: Start | None = None,
    reader: BinaryIO | None = None,
    writer: BinaryIO | None = None,
) -> int:
    """Start line-by-line mode (home, or `new` / `open ID` straight away). Returns 0 or 1."""
    from peerprep.flow.context import EXIT_FAILURE, EXIT_OK, Start
    from peerprep.plain import menus
    from peerprep.plain.session import Session
    from peerprep.startup import settle_memory

    start = start or Start()
    console = console_for(context, reader, writer)
    session = Session(console=console, context=context)
    in_memory = session.store.in_memory
    settle_memory()  # loaded: from here on it waits for the person
    try:
        console.tell("plain.welcome")
        console.tell("plain.welcome_memory" if in_memory else "plain.welcome_saved")
        try:
            if start.command == "new":
                menus.new(session)
            elif start.command == "open" and start.prep_id:
                if not session.store.exists(start.prep_id):
                    console.tell("errors.unknown_id", id=start.prep_id)
                    return EXIT_FAILURE
                if not menus.open_one(session, start.prep_id, force=start.force):
                    return EXIT_FAILURE
            menus.home(session)
        except Quit:
            pass
        # Only a chosen stop gets here: there is someone to ask.
        menus.before_leaving(session)
    except (EndOfInput, KeyboardInterrupt):
        pass
    finally:
        session.close()
    console.blank()
    if session.rescued:
        console.tell("plain.goodbye_not_saved")
    else:
        console.tell("plain.goodbye_memory" if in_memory else "plain.goodbye")
    return EXIT_OK
