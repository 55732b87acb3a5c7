"""Dates and times said back to the person, in the catalogue's words (no locale needed).

Two forms, one for the eye and one for every sentence the program says:

- `format_date`: the short numeric form of the sheet, the fields and the file names
  ("24.12.2026", "10.30"; "24/12/2026", "10:30" in English);
- `say_date`, `say_time`, `say_distance`, `say_when`, `say_moment`: words that a speech
  synthesizer reads naturally ("tirsdag den 1. december klokken 10. Det er i morgen").
  A voice reads "24.12.2026" as "24 punktum 12 punktum 2026" and "kl. 10" as "k l 10";
  these say "torsdag den 24. december" and "klokken 10" instead. Both faces and the
  read-aloud code (export.speech.ear) use these functions, so a date is said one way.

The words (weekday and month names, ordinal endings, how a time is said, the distances)
are the catalogue's `dates.*` keys.
"""

from __future__ import annotations

import datetime as dt

from peerprep.words.catalogues import Catalogue

# Beyond these many days a distance is said in weeks, then in months, then in years.
_DAYS_SAID = 13
_WEEKS_UNTIL = 60  # days
_MONTHS_UNTIL = 730  # days
_DAYS_PER_MONTH = 30.44  # the Gregorian calendar's mean month


def local_today() -> dt.date:
    """The computer's date. Every "today" the program says or reads comes from here (one
    place, so that a recorded session can be repeated on another day)."""
    return dt.date.today()


def format_date(cat: Catalogue, value: object) -> str:
    """A date, time or datetime in the language's short numeric form ("24.12.2026",
    "10.30", "24.12.2026 kl. 10.30"); anything else gives "".

    The formats are the catalogue's `dates.format.*` strftime patterns, so no locale
    has to be installed for month or day names (there are none in them).
    """
    if isinstance(value, dt.datetime):
        return value.strftime(cat.text("dates.format.datetime"))
    if isinstance(value, dt.date):
        return value.strftime(cat.text("dates.format.date"))
    if isinstance(value, dt.time):
        return value.strftime(cat.text("dates.format.time"))
    return ""


def weekday_name(cat: Catalogue, day: dt.date) -> str:
    """The day's weekday in the catalogue's words ("tirsdag", "Tuesday")."""
    return cat.list("dates.weekdays")[day.weekday()]


def ordinal(cat: Catalogue, day: int) -> str:
    """A day of the month as an ordinal: 1 -> "1." (da), "1st" (en).

    `dates.ordinal_suffixes` lists the ending for [any other number, 1, 2, 3]; 11-13
    take the first, as English does ("11th", "12th", "13th")."""
    suffixes = cat.list("dates.ordinal_suffixes")
    last = day % 10
    index = 0 if 11 <= day % 100 <= 13 or last > 3 else last
    return f"{day}{suffixes[index]}"


def say_time(cat: Catalogue, value: dt.time) -> str:
    """A time in words a voice reads well: "klokken 10", "klokken 9:05" / "10 o'clock",
    "14:30" (a colon, not the eye's "10.30", which a voice reads as a decimal number)."""
    if value.minute == 0:
        return cat.text("dates.said.hour", hour=value.hour)
    return cat.text("dates.said.minutes", hour=value.hour, minute=f"{value.minute:02d}")


def say_date(
    cat: Catalogue,
    day: dt.date,
    time: dt.time | None = None,
    *,
    today: dt.date | None = None,
    weekday: bool = True,
) -> str:
    """A date (and time) in words: "tirsdag den 1. december klokken 10" / "Tuesday the
    1st of December at 10 o'clock".

    The year is said when it is not this year (`today`, default the computer's date).
    With `weekday=False` the date is said as written, with its year and no weekday
    ("den 1. december 2025"): for a date inside the person's own text.
    """
    if isinstance(day, dt.datetime):
        day = day.date()
    today = today or local_today()
    values = {
        "weekday": weekday_name(cat, day),
        "day": ordinal(cat, day.day),
        "month": cat.list("dates.months")[day.month - 1],
        "year": day.year,
    }
    if not weekday:
        said = cat.text("dates.said.date_plain", **values)
    elif day.year == today.year:
        said = cat.text("dates.said.date", **values)
    else:
        said = cat.text("dates.said.date_year", **values)
    if time is not None:
        said = cat.text("dates.said.at_time", date=said, time=say_time(cat, time))
    return said


def say_distance(cat: Catalogue, day: dt.date, today: dt.date | None = None) -> str:
    """How far away a day is, in words: "i dag", "i morgen", "om 8 dage", "om 3 uger",
    "for 2 dage siden" / "today", "tomorrow", "in 8 days", "3 weeks ago".

    Days up to 13 are counted exactly; then weeks (to 60 days), months (to two years)
    and years, each rounded to the nearest whole one."""
    if isinstance(day, dt.datetime):
        day = day.date()
    days = (day - (today or local_today())).days
    near = {0: "dates.today", 1: "dates.tomorrow", 2: "dates.day_after_tomorrow"}
    if days in near:
        return cat.list(near[days])[0]  # the first of the words the grammar reads
    if days == -1:
        return cat.text("dates.distance.yesterday")
    way = "ahead" if days > 0 else "ago"
    count = abs(days)
    if count <= _DAYS_SAID:
        unit, n = "days", count
    elif count < _WEEKS_UNTIL:
        unit, n = "weeks", round(count / 7)
    elif count < _MONTHS_UNTIL:
        unit, n = "months", round(count / _DAYS_PER_MONTH)
    else:
        unit, n = "years", round(count / 365.25)
    return cat.text(f"dates.distance.{unit}_{way}", n=n)


def say_when(
    cat: Catalogue, day: dt.date, time: dt.time | None = None, today: dt.date | None = None
) -> str:
    """A meeting's date said back to confirm what was read, with how far away it is:
    "tirsdag den 1. december klokken 10. Det er i morgen" (no full stop: the face's
    sentence ends it). The same words in both faces."""
    return cat.text(
        "dates.said.when",
        when=say_date(cat, day, time, today=today),
        distance=say_distance(cat, day, today),
    )


def say_moment(cat: Catalogue, moment: dt.datetime, today: dt.date | None = None) -> str:
    """When something happened, in words, in local time: "i dag klokken 18:21", "i går
    klokken 9:05", "mandag den 30. november klokken 14:02"."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    today = today or local_today()
    time = say_time(cat, local.time().replace(second=0, microsecond=0))
    days = (local.date() - today).days
    if days == 0:
        return cat.text("dates.said.moment_today", time=time)
    if days == -1:
        return cat.text("dates.said.moment_yesterday", time=time)
    return say_date(cat, local.date(), local.time().replace(second=0), today=today)
