"""The date a hint gives as an example is read by the one grammar (flow.dates) and is
never a day that has gone by: an example with a year ("24.12.2026") turns into a date in
the past the day after, and a person copying it is told the meeting was last year."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from peerprep.flow.dates import parse_date
from peerprep.words import catalogue

HINTS = ["plain.field_help.date", "tui.meeting.date_hint", "dates.date_unreadable"]
EXAMPLE = re.compile(r"\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?")


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("key", HINTS)
@pytest.mark.parametrize(
    "today", [dt.date(2026, 12, 1), dt.date(2026, 12, 28), dt.date(2031, 6, 1)]
)
def test_a_hints_example_date_is_read_and_never_past(
    language: str, key: str, today: dt.date
) -> None:
    cat = catalogue(language)
    examples = EXAMPLE.findall(cat.text(key, text="x"))
    assert examples, f"{key} ({language}) gives no date example"
    for example in examples:
        day = parse_date(example, cat, today=today)
        assert day is not None and day >= today, (key, language, example, day)
