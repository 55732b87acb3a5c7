"""The preparation model: round trips, unknown fields kept, limits with clear errors."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from peerprep.choices import LANGUAGES, MEETING_KINDS, PART_KEYS
from peerprep.fileformat import decode
from peerprep.model import (
    ATTENDEES_MAX,
    NOTE_MAX,
    PART_MAX,
    QUESTION_MAX,
    QUESTIONS_MAX,
    SCHEMA_VERSION,
    SHORT_MAX,
    TITLE_MAX,
    InputError,
    Preparation,
    is_valid_id,
    new_id,
)
from peerprep.words import catalogue

# --- strategies ------------------------------------------------------------------------

# What a person can write: any character but the controls a terminal acts on (a file's
# controls are taken out when it is read; test_controls_are_taken_out_when_read).
_CONTROLS = "".join(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n")
person_text = st.characters(exclude_characters=_CONTROLS, exclude_categories=("Cs",))


def words(min_size: int = 0, max_size: int | None = None) -> st.SearchStrategy[str]:
    return st.text(person_text, min_size=min_size, max_size=max_size)


offsets = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
aware_datetimes = st.datetimes(
    min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 1, 1), timezones=offsets
)
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | words(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=10,
)


def texts(limit: int) -> st.SearchStrategy[str]:
    # Mostly short, sometimes right at the limit: the edge is where mistakes hide. (Long
    # texts are built from a short one: drawing 5,000 characters one by one is slow.)
    at_limit = words(min_size=1, max_size=8).map(lambda piece: (piece * limit)[:limit])
    return words(max_size=40) | at_limit


def unknown_fields(known: set[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Fields a newer program version might write: any name that is not one of ours."""
    names = st.text(min_size=1, max_size=12).filter(lambda name: name not in known)
    return st.dictionaries(names, json_values, max_size=3)


MEETING_FIELDS = {"kind", "date", "time", "place", "attendees", "companion"}
STATEMENT_FIELDS = set(PART_KEYS)
AFTER_FIELDS = {"agreed", "next_steps"}
TOP_FIELDS = set(Preparation.model_fields)


@st.composite
def preparation_data(draw: st.DrawFn) -> dict[str, Any]:
    """A preparation as JSON data, with unknown fields at every level."""
    created = draw(aware_datetimes)
    meeting = {
        "kind": draw(st.sampled_from(MEETING_KINDS)),
        "date": draw(st.none() | st.dates().map(dt.date.isoformat)),
        "time": draw(st.none() | st.times().map(dt.time.isoformat)),
        "place": draw(texts(SHORT_MAX)),
        "attendees": draw(st.lists(words(max_size=30), max_size=ATTENDEES_MAX)),
        "companion": draw(texts(SHORT_MAX)),
        **draw(unknown_fields(MEETING_FIELDS)),
    }
    statement = {key: draw(texts(PART_MAX)) for key in PART_KEYS}
    statement.update(draw(unknown_fields(STATEMENT_FIELDS)))
    after = {"agreed": draw(texts(NOTE_MAX)), "next_steps": draw(texts(NOTE_MAX))}
    after.update(draw(unknown_fields(AFTER_FIELDS)))
    questions = draw(st.lists(words(min_size=1, max_size=50), max_size=QUESTIONS_MAX))
    return {
        "schema_version": SCHEMA_VERSION,
        "id": new_id(created),
        "title": draw(texts(TITLE_MAX)),
        "created_at": created.isoformat(),
        "updated_at": draw(aware_datetimes).isoformat(),
        "language": draw(st.sampled_from(LANGUAGES)),
        "meeting": meeting,
        "statement": statement,
        "questions": [q for q in questions if q.strip()],
        "after_meeting": after,
        **draw(unknown_fields(TOP_FIELDS)),
    }


# --- round trips -----------------------------------------------------------------------


@given(preparation_data())
def test_a_preparation_survives_writing_and_reading_unchanged(data: dict[str, Any]) -> None:
    prep = Preparation.model_validate(data)
    written = prep.to_json()
    again = decode(written.encode("utf-8"))
    assert again == prep
    assert again.to_json() == written
    # Nothing is dropped or invented, at any level: the JSON is the JSON we gave it.
    assert json.loads(written) == _normalised(data)


def _normalised(data: dict[str, Any]) -> dict[str, Any]:
    """The data as the model writes it back: times in its own ISO spelling ("Z" for UTC),
    the same instants and days."""
    written = json.loads(Preparation.model_validate(data).to_json())
    expected = json.loads(json.dumps(data))
    for key in ("created_at", "updated_at"):
        assert dt.datetime.fromisoformat(written[key].replace("Z", "+00:00")) == (
            dt.datetime.fromisoformat(data[key])
        )
        expected[key] = written[key]
    for key in ("date", "time"):
        if data["meeting"][key] is not None:
            expected["meeting"][key] = written["meeting"][key]
    return expected


@given(preparation_data(), st.text(max_size=20))
def test_controls_are_taken_out_when_read(data: dict[str, Any], text: str) -> None:
    """Whatever a file holds, what is read is the person's words without the controls a
    terminal would act on (words.controls); nothing else changes."""
    from peerprep.words.controls import without_controls

    data["title"] = text
    data["statement"]["so_that"] = "før " + text + " efter"
    prep = decode(json.dumps(data).encode("utf-8"))
    assert prep.title == without_controls(text)
    assert prep.statement.so_that == without_controls("før " + text + " efter")
    assert prep.statement.important == data["statement"]["important"]


@given(preparation_data())
def test_unknown_fields_are_kept_at_every_level(data: dict[str, Any]) -> None:
    prep = Preparation.model_validate(data)
    dumped = json.loads(prep.to_json())
    for path, known in (
        ((), TOP_FIELDS),
        (("meeting",), MEETING_FIELDS),
        (("statement",), STATEMENT_FIELDS),
        (("after_meeting",), AFTER_FIELDS),
    ):
        given_node, written_node = data, dumped
        for key in path:
            given_node, written_node = given_node[key], written_node[key]
        extra = {k: v for k, v in given_node.items() if k not in known}
        assert {k: written_node[k] for k in extra} == json.loads(json.dumps(extra))


def test_unknown_fields_survive_an_edit() -> None:
    data = json.loads(Preparation.new("da").to_json())
    data["mood"] = {"scale": 3}
    data["statement"]["fifth_part"] = "from a newer version"
    prep = Preparation.model_validate(data)
    prep.set_part("important", "At sove om natten.")
    prep.touched()
    dumped = json.loads(prep.to_json())
    assert dumped["mood"] == {"scale": 3}
    assert dumped["statement"]["fifth_part"] == "from a newer version"
    assert dumped["statement"]["important"] == "At sove om natten."


def test_the_written_file_has_exactly_the_contract_fields_in_order() -> None:
    dumped = json.loads(Preparation.new("en").to_json())
    assert list(dumped) == [
        "schema_version", "id", "title", "created_at", "updated_at", "language",
        "meeting", "statement", "questions", "after_meeting",
    ]  # fmt: skip
    assert list(dumped["meeting"]) == ["kind", "date", "time", "place", "attendees", "companion"]
    assert list(dumped["statement"]) == list(PART_KEYS)
    assert list(dumped["after_meeting"]) == ["agreed", "next_steps"]
    assert dumped["schema_version"] == 1


# --- limits and clear messages --------------------------------------------------------

LIMITS = [
    ("title", TITLE_MAX),
    ("meeting.place", SHORT_MAX),
    ("meeting.companion", SHORT_MAX),
    *[(f"statement.{key}", PART_MAX) for key in PART_KEYS],
    ("after_meeting.agreed", NOTE_MAX),
    ("after_meeting.next_steps", NOTE_MAX),
]


@pytest.mark.parametrize(("path", "limit"), LIMITS)
def test_text_up_to_the_limit_is_taken(path: str, limit: int) -> None:
    prep = Preparation.new("da")
    prep.set_field(path, "æ" * limit)  # characters, not bytes: Danish letters count as one
    node: Any = prep
    for part in path.split("."):
        node = getattr(node, part)
    assert node == "æ" * limit


@pytest.mark.parametrize(("path", "limit"), LIMITS)
def test_text_over_the_limit_is_refused_with_a_clear_message(path: str, limit: int) -> None:
    prep = Preparation.new("da")
    prep.set_field(path, "before")
    with pytest.raises(InputError) as caught:
        prep.set_field(path, "x" * (limit + 1))
    error = caught.value
    assert error.key == "errors.too_long"
    assert error.field == path
    assert error.values == {"limit": limit, "length": limit + 1}
    node: Any = prep
    for part in path.split("."):
        node = getattr(node, part)
    assert node == "before", "a refused change leaves the old text in place"
    da = catalogue("da").text(error.key, **error.values)
    en = catalogue("en").text(error.key, **error.values)
    assert str(limit) in da and str(limit) in en
    assert "{" not in da + en


def test_set_part_over_the_limit_says_so() -> None:
    prep = Preparation.new("da")
    with pytest.raises(InputError) as caught:
        prep.set_part("help_with", "x" * (PART_MAX + 1))
    assert caught.value.key == "errors.too_long"
    assert caught.value.field == "statement.help_with"


def test_too_many_questions_and_attendees_are_refused_clearly() -> None:
    prep = Preparation.new("da")
    with pytest.raises(InputError) as caught:
        prep.set_field("questions", ["?"] * (QUESTIONS_MAX + 1))
    assert (caught.value.key, caught.value.values) == ("errors.too_many", {"limit": QUESTIONS_MAX})
    with pytest.raises(InputError) as caught:
        prep.set_field("meeting.attendees", ["a"] * (ATTENDEES_MAX + 1))
    assert caught.value.key == "errors.too_many"
    with pytest.raises(InputError) as caught:
        prep.set_field("questions", ["x" * (QUESTION_MAX + 1)])
    assert caught.value.key == "errors.too_long"
    assert caught.value.field == "questions"


@pytest.mark.parametrize(
    ("path", "value", "key"),
    [
        ("meeting.date", "the 5th", "errors.invalid_date"),
        ("meeting.time", "noonish", "errors.invalid_time"),
        ("meeting.kind", "dentist", "errors.invalid_value"),
        ("language", "sv", "errors.invalid_value"),
    ],
)
def test_wrong_values_get_a_catalogue_key(path: str, value: str, key: str) -> None:
    prep = Preparation.new("da")
    with pytest.raises(InputError) as caught:
        prep.set_field(path, value)
    assert caught.value.key == key
    for language in LANGUAGES:
        assert catalogue(language).text(key, **caught.value.values)


def test_set_field_knows_only_real_fields() -> None:
    prep = Preparation.new("da")
    with pytest.raises(KeyError):
        prep.set_field("meeting.colour", "blue")
    with pytest.raises(KeyError):
        prep.set_part("conclusion", "x")


def test_a_whole_file_over_a_limit_does_not_validate() -> None:
    data = json.loads(Preparation.new("da").to_json())
    data["statement"]["so_that"] = "x" * (PART_MAX + 1)
    with pytest.raises(ValidationError):
        Preparation.model_validate(data)


# --- ids, times and helpers -----------------------------------------------------------


@pytest.mark.parametrize("good", ["20240101-120000-abcdef", "a", "A1_b-2", "x" * 64])
def test_good_ids(good: str) -> None:
    assert is_valid_id(good)


@pytest.mark.parametrize(
    "bad",
    ["", "-a", "_a", "a b", "a/b", "../a", "a.json", "abc\n", "x" * 65, "æ", "CON", "nul", "com1"],
)
def test_ids_that_are_no_safe_file_names_are_refused(bad: str) -> None:
    assert not is_valid_id(bad)
    data = json.loads(Preparation.new("da").to_json())
    data["id"] = bad
    with pytest.raises(ValidationError):
        Preparation.model_validate(data)


def test_new_preparations_are_aware_and_unique() -> None:
    preps = [Preparation.new("en") for _ in range(50)]
    assert len({p.id for p in preps}) == 50
    first = preps[0]
    assert all(is_valid_id(p.id) for p in preps)
    assert first.created_at == first.updated_at
    assert first.created_at.tzinfo is not None
    assert first.language == "en"
    assert first.parts_filled() == 0


def test_a_naive_timestamp_is_refused() -> None:
    data = json.loads(Preparation.new("da").to_json())
    data["created_at"] = "2024-01-01T10:00:00"
    with pytest.raises(ValidationError):
        Preparation.model_validate(data)


def test_touched_moves_updated_at_only() -> None:
    prep = Preparation.new("da")
    created = prep.created_at
    later = created + dt.timedelta(hours=2)
    assert prep.touched(later) is prep
    assert prep.updated_at == later and prep.created_at == created


def test_parts_filled_counts_words_not_white_space() -> None:
    prep = Preparation.new("da")
    prep.set_part("introduction", "Jeg hedder Ali.")
    prep.set_part("important", "   \n\t")
    prep.set_part("so_that", "… så jeg kan tage min eksamen.")
    assert prep.parts_filled() == 2


def test_blank_questions_are_dropped() -> None:
    prep = Preparation.new("da")
    prep.set_field("questions", ["Hvad er mine muligheder?", "", "   "])
    assert prep.questions == ["Hvad er mine muligheder?"]


def test_copy_for_a_new_meeting_takes_the_words_not_the_meeting() -> None:
    prep = Preparation.new("da")
    prep.title = "Udskrivning"
    prep.set_part("help_with", "At finde en bolig.")
    prep.questions = ["Hvem ringer jeg til?"]
    prep.set_field("meeting.kind", "discharge")
    prep.set_field("after_meeting.agreed", "Nyt møde om en måned.")
    copy = prep.copy_for_new_meeting()
    assert copy.id != prep.id
    assert copy.statement == prep.statement
    assert copy.questions == prep.questions
    assert copy.meeting.is_empty() and copy.after_meeting.is_empty()
    assert copy.title == ""
    copy.set_part("help_with", "Noget andet.")
    copy.questions.append("Nyt spørgsmål?")
    assert prep.statement.help_with == "At finde en bolig."
    assert prep.questions == ["Hvem ringer jeg til?"]
