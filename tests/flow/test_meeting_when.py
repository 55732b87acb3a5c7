"""The meeting's date and time as typed, read into the session (flow.meeting_when): what
can be read is saved, what cannot waits as typed and is named, never claimed saved."""

from __future__ import annotations

import datetime as dt

from peerprep.flow.editing import EditingSession
from peerprep.flow.meeting_when import set_when
from peerprep.store import MemoryStore
from peerprep.words import catalogue

DA = catalogue("da")
DAY, TIME = dt.date(2026, 12, 24), dt.time(10, 30)


def _session() -> EditingSession:
    session = EditingSession(MemoryStore())
    prep = session.new("da")
    prep.meeting.date, prep.meeting.time = DAY, TIME
    session.changed()
    session.save_now()
    return session


def test_a_date_that_cannot_be_read_keeps_the_last_one_and_says_so() -> None:
    session = _session()
    problem = set_when(session, "blabla", "14.15", DA)
    assert problem is not None and problem.key == "dates.date_unreadable"
    meeting = session.prep.meeting
    assert (meeting.date, meeting.time) == (DAY, dt.time(14, 15))  # the time is kept
    assert session.unsaved_words() == [("meeting.date", "blabla")]  # the time is not named
    assert session.kept_instead("date") == DAY
    session.save_now()
    state = session.status()
    assert state.kind == "saved" and state.unread == ("date",)


def test_both_unreadable_then_fixed() -> None:
    session = _session()
    set_when(session, "blabla", "kl 99", DA)
    assert session.status().unread == ("date", "time")
    assert set_when(session, "24.12.2026", "", DA) is None
    assert session.unsaved_words() == [] and session.status().unread == ()
    assert (session.prep.meeting.date, session.prep.meeting.time) == (DAY, None)
