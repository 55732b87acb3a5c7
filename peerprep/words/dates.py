"""Dates and times said back to the person, in the catalogue's formats (no locale needed)."""

from __future__ import annotations

import datetime as dt

from peerprep.words.catalogues import Catalogue


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


def say_date(cat: Catalogue, day: dt.date, time: dt.time | None = None) -> str:
    """A date (and time) said back to the person to confirm what was read:
    "torsdag 03.12.2026 kl. 10.30". The same words in every face."""
    said = f"{weekday_name(cat, day)} {format_date(cat, day)}"
    if time is not None:
        said = cat.text("dates.at_time", date=said, time=format_date(cat, time))
    return said
