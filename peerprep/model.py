"""The preparation: pydantic models of one meeting's personal statement. No I/O, no UI.

The JSON field names are a contract (see docs/format.md); change them only with a
new schema_version and a migration in store.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from peerprep.choices import LANGUAGES, MEETING_KINDS, PART_KEYS
from peerprep.errors import PeerprepError
from peerprep.field_limits import (
    ATTENDEES_MAX,
    NOTE_MAX,
    PART_MAX,
    QUESTION_MAX,
    QUESTIONS_MAX,
    SHORT_MAX,
    TITLE_MAX,
)
from peerprep.ids import ID_PATTERN, is_valid_id, new_id, now

SCHEMA_VERSION = 1

__all__ = [
    "LANGUAGES",
    "MEETING_KINDS",
    "PART_KEYS",
    "SCHEMA_VERSION",
    "AfterMeeting",
    "InputError",
    "Meeting",
    "Preparation",
    "Statement",
    "explain",
    "is_valid_id",
    "json_schema",
    "new_id",
    "now",
]


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

# The limits of each field (peerprep.field_limits), enforced by the types below.

PartText = Annotated[str, StringConstraints(max_length=PART_MAX)]
Title = Annotated[str, StringConstraints(max_length=TITLE_MAX)]
Short = Annotated[str, StringConstraints(max_length=SHORT_MAX)]
Note = Annotated[str, StringConstraints(max_length=NOTE_MAX)]
Question = Annotated[str, StringConstraints(max_length=QUESTION_MAX)]


# --- errors a person can meet ------------------------------------------------------------


class InputError(PeerprepError, ValueError):
    """Input the model cannot take. `key` is a catalogue key, `values` fill it in, and
    `field` is the dotted path of the field ("statement.help_with") so a face can point
    at it."""

    def __init__(self, key: str, field: str = "", **values: object) -> None:
        super().__init__(key, **values)
        self.field = field


_DATE_ERRORS = {
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
    "date_type",
}
_TIME_ERRORS = {"time_parsing", "time_type"}


def explain(error: ValidationError) -> InputError:
    """The first problem in a ValidationError, as an InputError with a catalogue key."""
    first = error.errors(include_url=False)[0]
    kind = first["type"]
    field = ".".join(str(part) for part in first["loc"])
    ctx: dict[str, Any] = first.get("ctx") or {}
    value = first.get("input")
    if kind == "string_too_long":
        length = len(value) if isinstance(value, str) else 0
        return InputError("errors.too_long", field, limit=ctx.get("max_length"), length=length)
    if kind == "too_long":
        return InputError("errors.too_many", field, limit=ctx.get("max_length"))
    if kind in _DATE_ERRORS:
        return InputError("errors.invalid_date", field)
    if kind in _TIME_ERRORS:
        return InputError("errors.invalid_time", field)
    return InputError("errors.invalid_value", field)


# --- the models ----------------------------------------------------------------------------


class _Open(BaseModel):
    """Base for every part of the file: unknown fields written by a newer program are kept."""

    model_config = ConfigDict(
        extra="allow",
        defer_build=True,
        validate_assignment=True,
        # The published schema describes what the program writes: every field, always.
        json_schema_serialization_defaults_required=True,
    )

    def set_field(self, path: str, value: object) -> None:
        """Set a field by its dotted path ("meeting.place"); too long or wrong input
        raises InputError and leaves the old value in place."""
        *parents, name = path.split(".")
        target: BaseModel = self
        for part in parents:
            target = getattr(target, part)
        if name not in type(target).model_fields:
            raise KeyError(path)
        try:
            setattr(target, name, value)
        except ValidationError as error:
            problem = explain(error)
            raise InputError(problem.key, path, **problem.values) from None


class Meeting(_Open):
    """The meeting the statement is for; every field may stay empty."""

    kind: MeetingKind = Field("other", description="What kind of meeting it is.")
    date: dt.date | None = Field(None, description="The day of the meeting, if known.")
    time: dt.time | None = Field(None, description="The time of the meeting, if known.")
    place: Short = Field("", description="Where the meeting is.")
    attendees: Annotated[list[Short], Field(max_length=ATTENDEES_MAX)] = Field(
        default_factory=list, description="Who will be there, one name or role each."
    )
    companion: Short = Field("", description="A companion (bisidder) the person brings.")

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
    """The four parts, each the person's own words completing a sentence starter."""

    introduction: PartText = Field("", description="How I want to introduce myself.")
    important: PartText = Field("", description="It is important to me that …")
    help_with: PartText = Field("", description="I would like help with … (what, not which).")
    so_that: PartText = Field("", description="… so that I can …")

    def get(self, key: str) -> str:
        if key not in PART_KEYS:
            raise KeyError(key)
        return str(getattr(self, key))

    def filled(self) -> int:
        """How many of the four parts hold more than white space."""
        return sum(1 for key in PART_KEYS if self.get(key).strip())


class AfterMeeting(_Open):
    """Notes written after the meeting: a starting point for the next one."""

    agreed: Note = Field("", description="What was agreed at the meeting.")
    next_steps: Note = Field("", description="What happens next.")

    def is_empty(self) -> bool:
        return not (self.agreed.strip() or self.next_steps.strip())


class Preparation(_Open):
    """One meeting's personal statement: the whole content of one preparation file."""

    schema_version: Literal[1] = Field(
        1, description="The version of this format; 1 for this release."
    )
    id: str = Field(
        default_factory=new_id,
        pattern=ID_PATTERN,
        description="Stable, file-name-safe, unique; the file is named <id>.json.",
    )
    title: Title = Field("", description="The person's own title; may be empty.")
    created_at: AwareDatetime = Field(default_factory=now, description="When it was begun.")
    updated_at: AwareDatetime = Field(default_factory=now, description="When it last changed.")
    language: Language = Field("da", description="The language of the program's texts.")
    meeting: Meeting = Field(default_factory=Meeting)
    statement: Statement = Field(default_factory=Statement)
    questions: Annotated[list[Question], Field(max_length=QUESTIONS_MAX)] = Field(
        default_factory=list, description="The person's own questions for the meeting."
    )
    after_meeting: AfterMeeting = Field(default_factory=AfterMeeting)

    @field_validator("id")
    @classmethod
    def _safe_id(cls, value: str) -> str:
        if not is_valid_id(value):
            raise ValueError("not a file-name-safe id")
        return value

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
        """Put the person's words into one of the four parts. Too long: InputError."""
        if key not in PART_KEYS:
            raise KeyError(key)
        self.set_field(f"statement.{key}", text)

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
    """The published JSON Schema of a preparation file (docs/preparation.schema.json)."""
    schema = Preparation.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "peerprep preparation",
    }
