"""Limits that speak: what fits into a field, what the person is told, what did not fit.

Every text field has a limit in the file format (model.py: a part and a note 5,000
characters, a question 1,000, a one-line meeting field 300, the title 200). The rule,
the same in every field and both faces:

- an editor stops at the limit, and shows how much is used once the limit is near
  (`room`), so that the stop is never a surprise;
- typed or pasted text is put in as far as it fits (`fit_insert`); a paste into a
  one-line field keeps every line, joined by spaces (`one_line`), not only the first;
- what did not fit is kept in `Leftovers` and shown, in words and with the text itself,
  for as long as it is kept; the person can put it in once there is room, or let it go;
- leaving with leftovers asks first (EditingSession.unsaved_words).

Fields are named by their dotted path in the file ("statement.introduction",
"meeting.place", "title"; the questions are "questions").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from peerprep.choices import PART_KEYS
from peerprep.field_limits import NOTE_MAX, PART_MAX, QUESTION_MAX, SHORT_MAX, TITLE_MAX
from peerprep.flow.said import Said

# The share of a field's limit from which the count is shown (90 %: 4,500 of 5,000
# characters in a part, 270 of 300 in a one-line field).
NEAR_SHARE = 0.9

FIELD_LIMITS: dict[str, int] = {
    **{f"statement.{key}": PART_MAX for key in PART_KEYS},
    "after_meeting.agreed": NOTE_MAX,
    "after_meeting.next_steps": NOTE_MAX,
    "meeting.date": SHORT_MAX,
    "meeting.time": SHORT_MAX,
    "meeting.place": SHORT_MAX,
    "meeting.attendees": SHORT_MAX,
    "meeting.companion": SHORT_MAX,
    "title": TITLE_MAX,
    "questions": QUESTION_MAX,
}


@dataclass(frozen=True)
class Fitted:
    """A text put into a field of `limit` characters: what fits, and what did not."""

    kept: str
    rest: str
    limit: int

    @property
    def cut(self) -> bool:
        return bool(self.rest)


def fit_text(text: str, limit: int) -> Fitted:
    """Split `text` at the field's limit (in characters, as the file format counts)."""
    return Fitted(text[:limit], text[limit:], limit)


def limit_of(field: str) -> int:
    """The most characters the field may hold (model.py). Raises KeyError for no field."""
    return FIELD_LIMITS[field]


def room_of(field: str) -> str | None:
    """The room of the preparation's wizard where `field` is written: "meeting" for the
    title and the meeting's fields, a part's key for its words ("statement.important" ->
    "important"), "questions"; None for a field written elsewhere (the notes after the
    meeting) or no field at all. Where "Stay and fix it" takes the person."""
    head, _, tail = field.partition(".")
    if field == "title" or (head == "meeting" and field in FIELD_LIMITS):
        return "meeting"
    if head == "statement" and tail in PART_KEYS:
        return tail
    if field == "questions":
        return "questions"
    return None


@dataclass(frozen=True)
class Room:
    """How full a field is: `used` of `limit` characters."""

    used: int
    limit: int

    @property
    def left(self) -> int:
        return max(0, self.limit - self.used)

    @property
    def full(self) -> bool:
        return self.used >= self.limit

    @property
    def near(self) -> bool:
        return self.used >= self.limit * NEAR_SHARE

    def said(self) -> Said | None:
        """The count to show at the field, or None while the limit is far off."""
        if self.full:
            return Said("limits.full", {"limit": self.limit})
        if self.near:
            return Said("limits.count", {"used": self.used, "limit": self.limit})
        return None


def room(used: int, limit: int) -> Room:
    return Room(used, limit)


def one_line(text: str) -> str:
    """Text for a one-line field: its lines joined by one space (a pasted address over
    three lines keeps all three), surrounding white space of each line dropped."""
    lines = [line.strip() for line in text.splitlines()]
    return " ".join(line for line in lines if line)


def fit_insert(insert: str, length_without_selection: int, limit: int) -> Fitted:
    """Put `insert` into a field that holds `length_without_selection` characters besides
    the text it replaces: what fits, and what did not (characters, as the file counts)."""
    return fit_text(insert, max(0, limit - length_without_selection))


class Leftovers:
    """Text that did not fit, by field, in the order it came; kept until the person puts
    it in or lets it go. Never written to disk: it is what the file could not hold."""

    def __init__(self) -> None:
        self._rests: dict[str, str] = {}

    def add(self, field: str, rest: str) -> None:
        if rest:
            self._rests[field] = self._rests.get(field, "") + rest

    def get(self, field: str) -> str:
        return self._rests.get(field, "")

    def take(self, field: str) -> str:
        """The field's leftover, no longer kept (the face puts it in; what still does not
        fit comes back through `add`)."""
        return self._rests.pop(field, "")

    def clear(self, field: str | None = None) -> None:
        if field is None:
            self._rests.clear()
        else:
            self._rests.pop(field, None)

    def fields(self) -> list[str]:
        return list(self._rests)

    def items(self) -> Iterator[tuple[str, str]]:
        return iter(list(self._rests.items()))

    def __bool__(self) -> bool:
        return bool(self._rests)


def leftover_said(rest: str, limit: int) -> Said:
    """The sentence shown above a leftover: how much did not fit, and that it is not saved."""
    return Said("limits.rest", {"count": len(rest), "limit": limit})
