"""Dates and times typed freely, in Danish and English."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerprep.flow.dates import DateProblem, parse_date, parse_time
from peerprep.words import catalogue
from peerprep.words.dates import format_date

DA = catalogue("da")
EN = catalogue("en")
TODAY = dt.date(2026, 5, 20)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24.12.2026", dt.date(2026, 12, 24)),
        ("24/12/2026", dt.date(2026, 12, 24)),
        ("24-12-26", dt.date(2026, 12, 24)),
        ("2026-12-24", dt.date(2026, 12, 24)),
        ("24.12", dt.date(2026, 12, 24)),
        ("3.1", dt.date(2027, 1, 3)),  # no year, already past: next year
        ("24. december 2026", dt.date(2026, 12, 24)),
        ("24 dec", dt.date(2026, 12, 24)),
        ("den 2. juni", dt.date(2026, 6, 2)),
        ("i morgen", dt.date(2026, 5, 21)),
        ("I DAG", TODAY),
        ("fredag", dt.date(2026, 5, 22)),
        ("næste onsdag", dt.date(2026, 5, 27)),
        ("", None),
        ("   ", None),
    ],
)
def test_danish_dates(text: str, expected: dt.date | None) -> None:
    assert parse_date(text, DA, TODAY) == expected


def test_english_dates() -> None:
    assert parse_date("December 24 2026", EN, TODAY) == dt.date(2026, 12, 24)
    assert parse_date("the 3rd of june", EN, TODAY) == dt.date(2026, 6, 3)
    assert parse_date("tomorrow", EN, TODAY) == dt.date(2026, 5, 21)


@pytest.mark.parametrize("text", ["31.02.2026", "32.1.2026", "0.5.2026", "29. februar 2027"])
def test_dates_that_do_not_exist(text: str) -> None:
    with pytest.raises(DateProblem) as caught:
        parse_date(text, DA, TODAY)
    assert caught.value.key == "dates.date_impossible"
    assert DA.text(caught.value.key, **caught.value.values)


@pytest.mark.parametrize("text", ["snart", "1.2.3.4", "mandag tirsdag", "24 12 2026 kl"])
def test_dates_that_cannot_be_read(text: str) -> None:
    with pytest.raises(DateProblem) as caught:
        parse_date(text, DA, TODAY)
    assert caught.value.key == "dates.date_unreadable"


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_a_date_shown_by_the_program_reads_back_as_itself(day: dt.date) -> None:
    for cat in (DA, EN):
        assert parse_date(format_date(cat, day), cat, TODAY) == day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10", dt.time(10, 0)),
        ("10.30", dt.time(10, 30)),
        ("9:05", dt.time(9, 5)),
        ("1030", dt.time(10, 30)),
        ("kl. 14.15", dt.time(14, 15)),
        ("kl 8", dt.time(8, 0)),
        ("2 pm", dt.time(14, 0)),
        ("12am", dt.time(0, 0)),
        ("", None),
    ],
)
def test_times(text: str, expected: dt.time | None) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25.00", "10.60", "halv ti", "13pm", "10.3"])
def test_times_that_cannot_be_read(text: str) -> None:
    with pytest.raises(DateProblem):
        parse_time(text)


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_a_time_shown_by_the_program_reads_back_as_itself(moment: dt.time) -> None:
    assert parse_time(format_date(DA, moment)) == moment


# --- "næste tirsdag", the way Danes mean it -----------------------------------------------

MONDAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (MONDAY, "tirsdag", dt.date(2026, 12, 1)),  # tomorrow
        (MONDAY, "på tirsdag", dt.date(2026, 12, 1)),
        (MONDAY, "næste tirsdag", dt.date(2026, 12, 8)),  # the Tuesday of next week
        (MONDAY, "Næste mandag", dt.date(2026, 12, 7)),
        (MONDAY, "næste søndag", dt.date(2026, 12, 13)),
        (dt.date(2026, 12, 5), "næste tirsdag", dt.date(2026, 12, 8)),  # a Saturday
        (dt.date(2026, 12, 5), "tirsdag", dt.date(2026, 12, 8)),
    ],
)
def test_next_weekday_is_in_next_week(today: dt.date, text: str, expected: dt.date) -> None:
    assert parse_date(text, DA, today) == expected


def test_next_weekday_in_english_too() -> None:
    assert parse_date("next Tuesday", EN, MONDAY) == dt.date(2026, 12, 8)
    assert parse_date("Tuesday", EN, MONDAY) == dt.date(2026, 12, 1)
    with pytest.raises(DateProblem):
        parse_date("næste", DA, MONDAY)
