"""Limits that speak: what fits, what is said, and what did not fit is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerprep.flow.editing import EditingSession
from peerprep.flow.limits import (
    FIELD_LIMITS,
    Leftovers,
    fit_insert,
    leftover_said,
    limit_of,
    one_line,
    room,
    room_of,
)
from peerprep.model import NOTE_MAX, PART_MAX, QUESTION_MAX, SHORT_MAX, TITLE_MAX, Preparation
from peerprep.store import Store
from peerprep.words import catalogue


def test_every_field_has_the_file_formats_limit() -> None:
    assert limit_of("statement.help_with") == PART_MAX == 5_000
    assert limit_of("after_meeting.agreed") == NOTE_MAX
    assert limit_of("meeting.place") == limit_of("meeting.companion") == SHORT_MAX == 300
    assert limit_of("title") == TITLE_MAX == 200
    assert limit_of("questions") == QUESTION_MAX
    # every limit is one the model enforces: a field filled to it can be saved
    prep = Preparation.new("da")
    for field, limit in FIELD_LIMITS.items():
        if field.startswith(("statement.", "after_meeting.", "meeting.p", "meeting.c")):
            prep.set_field(field, "x" * limit)
    prep.title = "x" * TITLE_MAX


def test_what_fits_goes_in_and_the_rest_is_said() -> None:
    fitted = fit_insert("abcdef", 296, 300)
    assert (fitted.kept, fitted.rest) == ("abcd", "ef")
    assert fit_insert("abc", 300, 300).kept == ""
    assert not fit_insert("abc", 10, 300).cut


def test_a_paste_into_one_line_keeps_every_line() -> None:
    assert one_line("Sygehuset\n  Afsnit 3\r\n\nIndgang B ") == "Sygehuset Afsnit 3 Indgang B"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_count_is_shown_near_the_limit_and_says_full(lang: str) -> None:
    cat = catalogue(lang)
    assert room(100, 300).said() is None
    near = room(280, 300).said()
    assert near is not None and "280" in near.text(cat) and "300" in near.text(cat)
    full = room(300, 300).said()
    assert full is not None and "300" in full.text(cat)
    assert full.text(cat) != near.text(cat)
    said = leftover_said("x" * 18, 300)
    text = cat.text(said.key, **said.values, field="Sted")
    assert "18" in text and "300" in text and "Sted" in text


def test_leftovers_are_kept_until_let_go() -> None:
    rests = Leftovers()
    assert not rests
    rests.add("meeting.place", "abc")
    rests.add("meeting.place", "def")  # typed on past the limit: added, in order
    assert rests.get("meeting.place") == "abcdef" and rests.fields() == ["meeting.place"]
    assert rests.take("meeting.place") == "abcdef" and not rests


def test_leaving_with_leftovers_or_an_unread_date_is_unsaved(data_dir: Path) -> None:
    session = EditingSession(Store(data_dir))
    session.new("da")
    assert session.unsaved_words() == []
    session.drafts["place"] = "kept in the field, not lost"  # only dates count
    session.leftovers.add("statement.important", "for meget")
    session.drafts["date"] = "32.13"
    assert session.unsaved_words() == [
        ("statement.important", "for meget"),
        ("meeting.date", "32.13"),
    ]
    session.close()
    session.new("da")
    assert session.unsaved_words() == []


@pytest.mark.parametrize(
    ("field", "room"),
    [
        ("title", "meeting"),
        ("meeting.date", "meeting"),
        ("meeting.time", "meeting"),
        ("meeting.place", "meeting"),
        ("statement.introduction", "introduction"),
        ("statement.so_that", "so_that"),
        ("questions", "questions"),
        ("after_meeting.agreed", None),
        ("statement.nothing", None),
        ("meeting.nothing", None),
        ("", None),
    ],
)
def test_the_room_where_a_field_is_written(field: str, room: str | None) -> None:
    assert room_of(field) == room
