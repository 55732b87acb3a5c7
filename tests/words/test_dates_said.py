"""Dates and times said in words a voice reads naturally, the same in both faces, with
how far away they are."""

from __future__ import annotations

import datetime as dt

import pytest

from peerprep.words import catalogue
from peerprep.words.dates import (
    format_date,
    say_date,
    say_distance,
    say_moment,
    say_time,
    say_when,
)

DA, EN = catalogue("da"), catalogue("en")
MONDAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("cat", "day", "time", "said"),
    [
        (DA, dt.date(2026, 12, 1), dt.time(10, 0), "tirsdag den 1. december klokken 10"),
        (DA, dt.date(2026, 12, 1), dt.time(9, 5), "tirsdag den 1. december klokken 9:05"),
        (DA, dt.date(2027, 1, 4), None, "mandag den 4. januar 2027"),
        (EN, dt.date(2026, 12, 1), dt.time(10, 0), "Tuesday the 1st of December at 10 o'clock"),
        (EN, dt.date(2026, 12, 22), dt.time(14, 30), "Tuesday the 22nd of December at 14:30"),
    ],
)
def test_a_date_in_words(cat, day: dt.date, time: dt.time | None, said: str) -> None:
    assert say_date(cat, day, time, today=MONDAY) == said


def test_no_date_is_said_with_digits_and_points() -> None:
    """What a voice reads as "24 punktum 12 punktum 2026" or "k l 10" is never said."""
    for day in (dt.date(2026, 12, 24), dt.date(2027, 3, 1)):
        said = say_date(DA, day, dt.time(10, 30), today=MONDAY)
        assert format_date(DA, day) not in said
        assert "kl." not in said and "10.30" not in said


@pytest.mark.parametrize(
    ("days", "da", "en"),
    [
        (0, "i dag", "today"),
        (1, "i morgen", "tomorrow"),
        (2, "i overmorgen", "the day after tomorrow"),
        (8, "om 8 dage", "in 8 days"),
        (13, "om 13 dage", "in 13 days"),
        (21, "om 3 uger", "in 3 weeks"),
        (90, "om 3 måneder", "in 3 months"),
        (800, "om 2 år", "in 2 years"),
        (-1, "i går", "yesterday"),
        (-3, "for 3 dage siden", "3 days ago"),
    ],
)
def test_distance_in_words(days: int, da: str, en: str) -> None:
    day = MONDAY + dt.timedelta(days=days)
    assert say_distance(DA, day, MONDAY) == da
    assert say_distance(EN, day, MONDAY) == en


def test_when_is_said_with_its_distance() -> None:
    day = dt.date(2026, 12, 8)
    assert say_when(DA, day, dt.time(10), MONDAY) == (
        "tirsdag den 8. december klokken 10. Det er om 8 dage"
    )
    assert say_when(EN, day, None, MONDAY) == "Tuesday the 8th of December. That is in 8 days"


def test_weekdays_are_capitalised_in_english() -> None:
    assert say_date(EN, dt.date(2026, 12, 4), today=MONDAY).startswith("Friday ")
    assert say_date(DA, dt.date(2026, 12, 4), today=MONDAY).startswith("fredag ")


def test_english_short_dates_match_the_hints() -> None:
    """One short form in English, the one the hints and error messages show."""
    assert format_date(EN, dt.date(2026, 12, 24)) == "24/12/2026"
    assert format_date(EN, dt.time(10, 30)) == "10:30"
    for key in ("tui.meeting.date_hint", "plain.field_help.date", "dates.date_unreadable"):
        # day, then month, in that form (no year: an example never lies in the past)
        assert "24/12" in EN.text(key, text="x")
        assert "24.12" not in EN.text(key, text="x")
    assert "10:30" in EN.text("tui.meeting.time_hint")


def test_a_moment_in_words() -> None:
    local = dt.datetime(2026, 11, 30, 18, 21).astimezone()
    assert say_moment(DA, local, MONDAY) == "i dag klokken 18:21"
    assert say_moment(DA, local, MONDAY + dt.timedelta(days=1)) == "i går klokken 18:21"
    assert say_moment(DA, local, dt.date(2026, 12, 20)) == "mandag den 30. november klokken 18:21"
    assert say_time(EN, dt.time(9, 0)) == "9 o'clock"
