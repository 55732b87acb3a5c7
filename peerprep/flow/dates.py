"""Dates and times typed freely, one grammar for every face: "24.12.2026", "24/12",
"24. december", "i morgen", "fredag", "næste fredag", "10.30", "1030", "2 pm".

A text that cannot be read raises DateProblem with a catalogue key, so the face can say
in plain words what went wrong and how to write it instead. The words of the grammar
(month and weekday names, "i morgen") are the catalogue's `dates.*` lists.
"""

from __future__ import annotations

import datetime as dt
import re

from peerprep.errors import PeerprepError
from peerprep.words import Catalogue
from peerprep.words.dates import local_today


class DateProblem(PeerprepError, ValueError):
    """A date or time that cannot be read; `key` says why in words (dates.*)."""


_NUMERIC = re.compile(r"^(\d{1,2})\s*[./\- ]\s*(\d{1,2})(?:\s*[./\- ]\s*(\d{2}|\d{4}))?\.?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"[a-zæøåäöü]+|\d+", re.IGNORECASE)
_TIME = re.compile(r"^(\d{1,2})(?:[.:](\d{2}))?(am|pm)?$")
_TIME_PREFIX = re.compile(r"^(kl\.?|at)\s*")
_TIME_COMPACT = re.compile(r"^(\d{2})(\d{2})$")


def _words(cat: Catalogue, key: str) -> list[str]:
    return [w.lower() for w in cat.list(key)]


def _month(cat: Catalogue, word: str) -> int | None:
    """'december', 'dec', 'dec.' -> 12 (three letters or more of a month's name)."""
    word = word.lower().rstrip(".")
    if len(word) < 3:
        return None
    for number, name in enumerate(_words(cat, "dates.months"), start=1):
        if name.startswith(word):
            return number
    return None


def _build(day: int, month: int, year: int | None, today: dt.date, text: str) -> dt.date:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise DateProblem("dates.date_impossible", text=text)
    if year is not None and year < 100:
        year += 2000
    try:
        if year is not None:
            return dt.date(year, month, day)
        # No year: the next such date from today (a meeting lies ahead, not behind).
        candidate = dt.date(today.year, month, day)
        if candidate < today:
            candidate = dt.date(today.year + 1, month, day)
        return candidate
    except ValueError:
        raise DateProblem("dates.date_impossible", text=text) from None


def _next_week(today: dt.date, weekday: int) -> dt.date:
    """ "næste tirsdag": the Tuesday of next week (weeks begin on Monday), as Danes mean it.

    Typed on a Monday it is eight days ahead, not tomorrow ("tirsdag" alone, or "på
    tirsdag", is tomorrow). Both faces say the distance back ("om 8 dage"), so a person
    who meant otherwise hears it at once. English "next Tuesday" is read the same way.
    """
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)
    return monday + dt.timedelta(days=weekday)


def parse_date(text: str, cat: Catalogue, today: dt.date | None = None) -> dt.date | None:
    """A date from what the person typed; None when the field is empty.

    A weekday alone ("fredag", "på fredag") is the next such day after today; "næste
    fredag" is the Friday of next week (`_next_week`)."""
    today = today or local_today()
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return None
    relative = {
        "dates.today": 0,
        "dates.tomorrow": 1,
        "dates.day_after_tomorrow": 2,
    }
    for key, days in relative.items():
        if cleaned in _words(cat, key):
            return today + dt.timedelta(days=days)
    if match := _ISO.match(cleaned):
        year, month, day = (int(g) for g in match.groups())
        return _build(day, month, year, today, text.strip())
    if match := _NUMERIC.match(cleaned):
        numeric_year = int(match.group(3)) if match.group(3) else None
        return _build(int(match.group(1)), int(match.group(2)), numeric_year, today, text.strip())
    words = [w for w in _WORDS.findall(cleaned) if w not in _words(cat, "dates.filler")]
    weekdays = _words(cat, "dates.weekdays")
    nexts = _words(cat, "dates.next")
    if len(words) == 2 and words[0] in nexts and words[1] in weekdays:
        return _next_week(today, weekdays.index(words[1]))
    if len(words) == 1 and words[0] in weekdays:
        ahead = (weekdays.index(words[0]) - today.weekday()) % 7 or 7
        return today + dt.timedelta(days=ahead)
    numbers = [int(w) for w in words if w.isdigit()]
    months = [m for m in (_month(cat, w) for w in words if not w.isdigit()) if m]
    leftovers = [w for w in words if not w.isdigit() and _month(cat, w) is None]
    if len(months) == 1 and 1 <= len(numbers) <= 2 and not leftovers:
        named_year = numbers[1] if len(numbers) == 2 else None
        return _build(numbers[0], months[0], named_year, today, text.strip())
    raise DateProblem("dates.date_unreadable", text=text.strip())


def parse_time(text: str) -> dt.time | None:
    """'10', '10.30', '10:30', '1030', 'kl. 10.30', '2 pm' -> a time; None when empty."""
    cleaned = _TIME_PREFIX.sub("", text.strip().lower()).replace(" ", "")
    if not cleaned:
        return None
    match = _TIME.match(cleaned) or _TIME_COMPACT.match(cleaned)
    if match is None:
        raise DateProblem("dates.time_unreadable", text=text.strip())
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = match.group(3) if match.re is _TIME else None
    if half and not 1 <= hour <= 12:
        raise DateProblem("dates.time_unreadable", text=text.strip())
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise DateProblem("dates.time_unreadable", text=text.strip())
    return dt.time(hour, minute)
