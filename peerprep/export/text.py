"""The statement as plain text: for `peerprep show`, the text export and read-aloud use."""

from __future__ import annotations

from peerprep.content import Catalogue, display_title, format_date
from peerprep.model import PART_KEYS, Preparation


def to_text(prep: Preparation, cat: Catalogue) -> str:
    lines: list[str] = [display_title(cat, prep), ""]
    meeting = prep.meeting
    lines.append(f"{cat.text('sheet.meeting')}: {cat.kind(meeting.kind).name}")
    if meeting.date:
        lines.append(f"{cat.text('sheet.date')}: {format_date(cat, meeting.date)}")
    if meeting.time:
        lines.append(f"{cat.text('sheet.time')}: {format_date(cat, meeting.time)}")
    if meeting.place.strip():
        lines.append(f"{cat.text('sheet.place')}: {meeting.place.strip()}")
    if meeting.attendees:
        lines.append(f"{cat.text('sheet.attendees')}: {', '.join(meeting.attendees)}")
    if meeting.companion.strip():
        lines.append(f"{cat.text('sheet.companion')}: {meeting.companion.strip()}")
    for key in PART_KEYS:
        lines += ["", cat.part(key).starter, prep.statement.get(key).strip() or "…"]
    if prep.questions:
        lines += ["", cat.text("sheet.questions")]
        lines += [f"- {q}" for q in prep.questions]
    return "\n".join(lines) + "\n"
