"""Taking the sheet along in line-by-line mode: export it to a file, print it, or save the
preparation itself on a USB stick to work on elsewhere.

Where things go is flow.taking_along's rule, the same as the full screen's: on a shared
computer a USB stick or a folder the person types (never one of the computer's own), and
a file left on the computer is said to stay there and does not count as taken along.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import peerprep.plain.asking as asking
from peerprep.errors import StoreError
from peerprep.flow.taking_along import SheetRequest, Taken
from peerprep.plain.places import choose_folder
from peerprep.plain.reading import statement_lines
from peerprep.plain.session import Session

__all__ = ["blank_menu", "carry", "export_menu", "print_sheet", "statement_lines"]


_FORMATS: tuple[tuple[str, str, bool], ...] = (
    # (choice, file type, large print)
    ("pdf", "pdf", False),
    ("large", "pdf", True),
    ("html", "html", False),
    ("txt", "txt", False),
)


def export_menu(session: Session, title_key: str = "plain.export.title") -> Taken | None:
    """Save the sheet as a file (PDF, large print, HTML, text, or as sound: read aloud
    into a WAV file) or send it to the printer. Returns what was done, or None when the
    person went back."""
    chosen = choose_sheet(session, title_key, sound=True)
    if chosen is None:
        return None
    kind, request = chosen
    if kind == SOUND:
        return sound_to(session, request.destination)
    return export_to(session, request)


def blank_menu(session: Session) -> Taken | None:
    """A blank sheet in the person's language, to fill in by hand: as a file or on paper,
    by flow.taking_along.take_blank (the same rules as any sheet: on a shared computer
    printing keeps no file). Returns what was done, or None when the person went back."""
    from peerprep.flow.taking_along import take_blank

    chosen = choose_sheet(session, "plain.export.blank_title")
    if chosen is None:
        return None
    request = replace(chosen[1], language=session.cat.language)
    session.console.tell("plain.export.working")
    return _said(session, lambda: take_blank(session.context.taken, request))


SOUND = "sound"  # the sheet read aloud into a WAV file (flow.sound_file)


def choose_sheet(
    session: Session, title_key: str, *, sound: bool = False
) -> tuple[str, SheetRequest] | None:
    """Which kind of sheet, and where it goes (on a shared computer a USB stick or a
    folder the person types, flow.places); printing needs no place. With `sound`, the
    sheet as sound is offered last. Returns ("sheet" or SOUND, the request), or None:
    back."""
    from peerprep.flow.places import export_place
    from peerprep.flow.taking_along import can_print

    console, cat = session.console, session.cat
    options = [(choice, cat.text(f"plain.export.{choice}")) for choice, _f, _l in _FORMATS]
    if can_print():
        options.append(("print", cat.text("plain.export.print")))
    if sound:
        # last, so that the numbers people know (print is 5) stay as they were
        options.append((SOUND, cat.text("plain.export.sound")))
    chosen = asking.choose(console, cat.text(title_key), options, cat.text("plain.back"))
    if not chosen:
        return None
    if chosen == "print":
        return "sheet", SheetRequest(fmt="pdf", print_now=True)
    where = choose_folder(session, export_place(session.context.shared.on))
    if where is None:
        return None
    destination = None if where.usual else where.folder
    given = destination is not None
    if chosen == SOUND:
        return SOUND, SheetRequest(destination=destination, folder_given=given)
    fmt, large = next((f, big) for c, f, big in _FORMATS if c == chosen)
    return "sheet", SheetRequest(
        fmt=fmt, large_print=large, destination=destination, folder_given=given
    )


def export_to(session: Session, request: SheetRequest) -> Taken | None:
    """Make the sheet by flow.taking_along's rules; say where it is (or why not)."""
    from peerprep.flow.taking_along import take_along, warnings_before

    console = session.console
    prep = session.current
    for warning in warnings_before(prep, request):
        console.say(warning.text(session.cat))
    console.tell("plain.export.working")
    return _said(session, lambda: take_along(session.context.taken, prep, request))


def sound_to(session: Session, destination: Path | None) -> Taken | None:
    """The sheet read aloud into a sound file (flow.sound_file); say where (or why not)."""
    from peerprep.flow.sound_file import take_along_as_sound

    session.console.tell("plain.export.working")
    settings = session.context.settings_keeper().load()
    return _said(
        session,
        lambda: take_along_as_sound(
            session.context.taken, session.current, destination, settings,
            folder_given=destination is not None,
        ),
    )  # fmt: skip


def _said(session: Session, take: Callable[[], Taken]) -> Taken | None:
    """Do `take`, then say what it said and what went wrong; a failure in one sentence."""
    from peerprep.errors import PeerprepError

    console = session.console
    try:
        taken = take()
    except PeerprepError as error:
        console.tell(error.key, **error.values)
        return None
    for said in [*taken.said, *taken.problems]:
        console.say(said.text(session.cat))
    return taken


def print_sheet(session: Session) -> Taken | None:
    """Print the sheet: a PDF in the usual folder, sent to the printer - on a shared
    computer without keeping any file (flow.taking_along)."""
    return export_to(session, SheetRequest(fmt="pdf", print_now=True))


def carry(session: Session) -> bool:
    """Save the preparation itself (its file) where the person chooses, best a USB stick,
    to open it again with peerprep elsewhere. True when it was saved."""
    from peerprep.flow import preparation_file
    from peerprep.flow.places import carry_place
    from peerprep.flow.taking_along import save_copy, stays_here

    console, cat = session.console, session.cat
    console.blank()
    console.tell("plain.carry.about")
    where = choose_folder(session, carry_place(session.context.shared.on))
    if where is None:
        return False
    session.save(quiet=True)
    record = session.context.taken
    try:
        path = save_copy(record, cat, session.current, where.folder)
    except StoreError as error:
        console.say(preparation_file.describe(cat, error))
        return False
    console.tell("shared.saved_to", path=str(path))
    stays = stays_here(record, path)
    if stays is not None:
        console.say(stays.text(cat))
    return True
