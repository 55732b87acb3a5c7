"""Reading the statement back, and taking it along: export to a file, or print.

The statement is read back as plain lines: each heading on a line of its own, then the
person's words, so a screen reader reads it in the order of the printed sheet.
"""

from __future__ import annotations

from pathlib import Path

from peerprep.content import Catalogue, display_title
from peerprep.export.layout import meeting_lines
from peerprep.keys import PART_KEYS
from peerprep.model import Preparation
from peerprep.plain.session import Session


def statement_lines(cat: Catalogue, prep: Preparation) -> list[str]:
    """The whole preparation as lines, in the order of the printed sheet."""
    lines = [cat.text("plain.review_heading", title=display_title(cat, prep)), ""]
    lines += meeting_lines(cat, prep)
    for key in PART_KEYS:
        text = prep.statement.get(key).strip()
        lines += ["", cat.part(key).starter]
        lines += text.splitlines() if text else [cat.text("plain.not_written")]
    lines += ["", cat.text("plain.questions_heading")]
    if prep.questions:
        lines += [f"{n}. {q}" for n, q in enumerate(prep.questions, start=1)]
    else:
        lines.append(cat.text("plain.no_questions"))
    after = prep.after_meeting
    if not after.is_empty():
        for key, text in (
            ("plain.after.agreed", after.agreed),
            ("plain.after.next_steps", after.next_steps),
        ):
            if text.strip():
                lines += ["", cat.text(key), *text.strip().splitlines()]
    lines += ["", cat.text("plain.review_end")]
    return lines


_FORMATS: tuple[tuple[str, str, bool], ...] = (
    # (choice, file type, large print)
    ("pdf", "pdf", False),
    ("large", "pdf", True),
    ("html", "html", False),
    ("txt", "txt", False),
)


def export_menu(session: Session, title_key: str = "plain.export.title") -> None:
    """Save the sheet as a file (PDF, large print, HTML, text) or send it to the printer."""
    from peerprep.export.printing import printer_available

    console, cat = session.console, session.cat
    options = [(choice, cat.text(f"plain.export.{choice}")) for choice, _f, _l in _FORMATS]
    if printer_available():
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
        export_to(session, fmt, large, folder)


def ask_folder(session: Session) -> tuple[bool, Path | None]:
    """(go on, the folder to save in). Enter gives the usual folder (None: the export layer
    makes it when it is not there yet); another folder must exist; 0 goes back."""
    from peerprep.export.service import default_export_dir

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


def export_to(session: Session, fmt: str, large: bool, folder: Path | None) -> Path | None:
    """Write the file; say where it is (or, in one sentence, why not)."""
    from peerprep.export.errors import ExportError
    from peerprep.export.service import export_preparation, needs_second_page

    console = session.console
    prep = session.current
    # The sheet is in the preparation's own language (cat=None), as every face makes it.
    if fmt == "pdf" and not large and needs_second_page(prep, None):
        console.tell("export.fit.second_page")
    console.tell("plain.export.working")
    try:
        path = export_preparation(prep, None, fmt=fmt, large_print=large, destination=folder)
    except ExportError as error:
        console.tell(error.key, **error.values)
        return None
    console.tell("export.done", path=str(path))
    mark_taken = getattr(session.store, "mark_taken", None)
    if mark_taken is not None:
        mark_taken(prep)
    return path


def print_sheet(session: Session) -> None:
    from peerprep.export.errors import ExportError
    from peerprep.export.printing import print_file

    path = export_to(session, "pdf", False, None)
    if path is None:
        return
    try:
        print_file(path)
    except ExportError as error:
        session.console.tell(error.key, **error.values)
        return
    session.console.tell("export.printed")
