"""The preparation: pydantic models of one meeting's personal statement. No I/O, no UI.

The JSON field names are a contract (see docs/format.md); change them only with a
new schema_version and a migration in store.py.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Annotated, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from peerprep.keys import LANGUAGES, MEETING_KINDS, PART_KEYS

SCHEMA_VERSION = 1

__all__ = ["LANGUAGES", "MEETING_KINDS", "PART_KEYS", "Preparation", "SCHEMA_VERSION"]


PartKey = Literal["introduction", "important", "help_with", "so_that"]
MeetingKind = Literal[
    "treatment",
    "discharge",
    "network",
    "caseworker",
    "jobcenter",
    "rehabilitation_team",
    "other",
]
Language = Literal["da", "en"]

# Generous limits: large enough never to bite a person writing in earnest, small
# enough that a broken or hostile file cannot make the program crawl.
PART_MAX = 5_000
TITLE_MAX = 200
SHORT_MAX = 300
NOTE_MAX = 5_000
QUESTION_MAX = 1_000
QUESTIONS_MAX = 50
ATTENDEES_MAX = 30

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
_ID_RE = re.compile(ID_PATTERN)

PartText = Annotated[str, StringConstraints(max_length=PART_MAX)]
Title = Annotated[str, StringConstraints(max_length=TITLE_MAX)]
Short = Annotated[str, StringConstraints(max_length=SHORT_MAX)]
Note = Annotated[str, StringConstraints(max_length=NOTE_MAX)]
Question = Annotated[str, StringConstraints(max_length=QUESTION_MAX)]


def now() -> dt.datetime:
    """The current time, timezone-aware, to the second (microseconds only add noise to files)."""
    return dt.datetime.now(dt.timezone.utc).astimezone().replace(microsecond=0)


def new_id(at: dt.datetime | None = None) -> str:
    """A stable, filename-safe, practically unique id: the creation time plus randomness."""
    at = at or now()
    return f"{at:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"


def is_valid_id(value: str) -> bool:
    return bool(_ID_RE.match(value))


class _Open(BaseModel):
    """Base for every part of the file: unknown fields written by a newer program are kept."""

    model_config = ConfigDict(extra="allow", validate_assignment=True)


class Meeting(_Open):
    kind: MeetingKind = "other"
    date: dt.date | None = None
    time: dt.time | None = None
    place: Short = ""
    attendees: Annotated[list[Short], Field(max_length=ATTENDEES_MAX)] = Field(
        default_factory=list
    )
    companion: Short = ""

    def is_empty(self) -> bool:
        return (
            self.kind == "other"
            and self.date is None
            and self.time is None
            and not self.place.strip()
            and not any(a.strip() for a in self.attendees)
            and not self.companion.strip()
        )


class Statement(_Open):
    introduction: PartText = ""
    important: PartText = ""
    help_with: PartText = ""
    so_that: PartText = ""

    def get(self, key: str) -> str:
        if key not in PART_KEYS:
            raise KeyError(key)
        return str(getattr(self, key))

    def filled(self) -> int:
        """How many of the four parts hold more than white space."""
        return sum(1 for key in PART_KEYS if self.get(key).strip())


class AfterMeeting(_Open):
    agreed: Note = ""
    next_steps: Note = ""

    def is_empty(self) -> bool:
        return not (self.agreed.strip() or self.next_steps.strip())


class Preparation(_Open):
    schema_version: Literal[1] = SCHEMA_VERSION
    id: str = Field(default_factory=new_id, pattern=ID_PATTERN)
    title: Title = ""
    created_at: AwareDatetime = Field(default_factory=now)
    updated_at: AwareDatetime = Field(default_factory=now)
    language: Language = "da"
    meeting: Meeting = Field(default_factory=Meeting)
    statement: Statement = Field(default_factory=Statement)
    questions: Annotated[list[Question], Field(max_length=QUESTIONS_MAX)] = Field(
        default_factory=list
    )
    after_meeting: AfterMeeting = Field(default_factory=AfterMeeting)

    @field_validator("questions")
    @classmethod
    def _drop_blank_questions(cls, value: list[str]) -> list[str]:
        # An empty line in the list is an editing leftover, never a question.
        return [q for q in value if q.strip()]

    @classmethod
    def new(cls, language: str = "da") -> Preparation:
        stamp = now()
        return cls(id=new_id(stamp), created_at=stamp, updated_at=stamp, language=language)

    def parts_filled(self) -> int:
        return self.statement.filled()

    def set_part(self, key: str, text: str) -> None:
        if key not in PART_KEYS:
            raise KeyError(key)
        setattr(self.statement, key, text)

    def touched(self, at: dt.datetime | None = None) -> Preparation:
        """Mark as changed now; returns self so a save can read `store.save(prep.touched())`."""
        self.updated_at = at or now()
        return self

    def copy_for_new_meeting(self) -> Preparation:
        """A new preparation that starts from this one's words: the four parts and the
        questions come along; the meeting and the notes from after it do not."""
        fresh = Preparation.new(self.language)
        fresh.statement = self.statement.model_copy(deep=True)
        fresh.questions = list(self.questions)
        return fresh

    def to_json(self) -> str:
        return self.model_dump_json(indent=2) + "\n"


def json_schema() -> dict[str, object]:
    """The published JSON Schema of a preparation file."""
    schema = Preparation.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "peerprep preparation"
    return schema
