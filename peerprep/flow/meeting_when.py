"""The meeting's date and time as typed, read into the open preparation: what can be read
is kept, what cannot stays on screen only, and the person is told exactly that.

A date typed as "blabla" cannot go into the file. The file keeps the last date that could
be read; the text as typed waits in the session's `drafts` to be fixed. Then the status
line says "saved, not the date" (EditingSession.status: `SaveState.unread`), and
leaving asks first, naming the date as typed and the date the file still holds
(`unsaved_words`, `kept_instead`). A time that can be read is kept even when the date
beside it cannot (and the other way round): only what cannot be read is left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerprep.flow.dates import DateProblem, parse_date, parse_time

if TYPE_CHECKING:
    from peerprep.flow.editing import EditingSession
    from peerprep.words import Catalogue

WHEN_FIELDS = ("date", "time")


def set_when(
    session: EditingSession, date_text: str, time_text: str, cat: Catalogue
) -> DateProblem | None:
    """Read the date and time fields (flow.dates, the one grammar) into the preparation.

    What can be read goes in, and the session is told of a change (so it is saved); what
    cannot is kept as typed in `session.drafts` and the preparation keeps what it had.
    Read-only: nothing is kept, the problem is only returned.

    Returns:
        The first problem (the date's before the time's), or None when both can be read.
    """
    prep = session.prep
    if prep is None:
        return None
    meeting = prep.meeting
    read: dict[str, object] = {"date": meeting.date, "time": meeting.time}
    problems: list[DateProblem] = []
    for name, text in zip(WHEN_FIELDS, (date_text, time_text), strict=True):
        try:
            read[name] = parse_date(text, cat) if name == "date" else parse_time(text)
        except DateProblem as problem:
            problems.append(problem)
            if not session.read_only:
                session.drafts[name] = text
        else:
            session.drafts.pop(name, None)
    if not session.read_only and (meeting.date, meeting.time) != (read["date"], read["time"]):
        meeting.date, meeting.time = read["date"], read["time"]  # type: ignore[assignment]
        session.changed()
    return problems[0] if problems else None
