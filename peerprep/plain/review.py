"""Reading the statement back, and taking it along: export to a file, or print.

The statement is read back as plain lines: each heading on a line of its own, then the
person's words, so a screen reader reads it in the order of the printed sheet.
"""

from __future__ import annotations

from peerprep.content import Catalogue, display_title, format_date
from peerprep.keys import PART_KEYS
from peerprep.model import Preparation
from peerprep.plain.session import Session


def meeting_lines(cat: Catalogue, prep: Preparation) -> list[str]:
    meeting = prep.meeting
    lines = [f"{cat.text('plain.field.kind')}: {cat.kind(meeting.kind).name}"]
    if meeting.date:
        lines.append(f"{cat.text('plain.field.date')}: {format_date(cat, meeting.date)}")
    if meeting.time:
        lines.append(f"{cat.text('plain.field.time')}: {format_date(cat, meeting.time)}")
    if meeting.place.strip():
        lines.append(f"{cat.text('plain.field.place')}: {meeting.place.strip()}")
    attendees = [a.strip() for a in meeting.attendees if a.strip()]
    if attendees:
        lines.append(f"{cat.text('plain.field.attendees')}: {', '.join(attendees)}")
    if meeting.companion.strip():
        lines.append(f"{cat.text('plain.field.companion')}: {meeting.companion.strip()}")
    return lines


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


def export_menu(session: Session) -> None:
    """Save the sheet as a file (PDF, large print, HTML, text) or print it."""
    session.console.tell("errors.not_yet")
