"""Taking the sheet along in line-by-line mode: export to a file, or print."""

from __future__ import annotations

from pathlib import Path

from peerprep.flow.taking_along import SheetRequest, Taken
from peerprep.plain.reading import statement_lines
from peerprep.plain.session import Session

__all__ = ["export_menu", "print_sheet", "statement_lines"]


_FORMATS: tuple[tuple[str, str, bool], ...] = (
    # (choice, file type, large print)
    ("pdf", "pdf", False),
    ("large", "pdf", True),
    ("html", "html", False),
    ("txt", "txt", False),
)


def export_menu(session: Session, title_key: str = "plain.export.title") -> None:
    """Save the sheet as a file (PDF, large print, HTML, text) or send it to the printer."""
    from peerprep.flow.taking_along import can_print

    console, cat = session.console, session.cat
    options = [(choice, cat.text(f"plain.export.{choice}")) for choice, _f, _l in _FORMATS]
    if can_print():
        options.append(("print", cat.text("plain.export.print")))
    chosen = console.choose(cat.text(title_key), options, cat.text("plain.back"))
    if not chosen:
        return
    if chosen == "print":
        print_sheet(session)
        return
    fmt, large = next((f, big) for c, f, big in _FORMATS if c == chosen)
    go, folder = ask_folder(session)
    if go:
        export_to(session, SheetRequest(fmt=fmt, large_print=large, destination=folder))


def ask_folder(session: Session) -> tuple[bool, Path | None]:
    """(go on, the folder to save in). Enter gives the usual folder (None: the export layer
    makes it when it is not there yet); another folder must exist; 0 goes back."""
    from peerprep.folders import default_export_dir

    console = session.console
    usual = default_export_dir()
    console.blank()
    console.tell("plain.export.folder", path=str(usual))
    while True:
        answer = console.read_line().strip().strip('"')
        if not answer:
            return True, None
        if answer == "0":
            return False, None
        folder = Path(answer).expanduser()
        if folder.is_dir():
            return True, folder
        console.tell("plain.export.no_folder", path=str(folder))


def export_to(session: Session, request: SheetRequest) -> Taken | None:
    """Make the sheet by flow.taking_along's rules; say where it is (or why not)."""
    from peerprep.export.errors import ExportError
    from peerprep.flow.taking_along import take_along, warnings_before

    console = session.console
    prep = session.current
    for warning in warnings_before(prep, request):
        console.say(warning.text(session.cat))
    console.tell("plain.export.working")
    try:
        taken = take_along(session.context.taken, prep, request)
    except ExportError as error:
        console.tell(error.key, **error.values)
        return None
    for said in [*taken.said, *taken.problems]:
        console.say(said.text(session.cat))
    return taken


def print_sheet(session: Session) -> None:
    """Print the sheet: a PDF in the usual folder, sent to the printer - on a shared
    computer without keeping any file (flow.taking_along)."""
    export_to(session, SheetRequest(fmt="pdf", print_now=True))
