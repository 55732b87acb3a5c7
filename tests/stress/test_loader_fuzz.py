"""Loader fuzzing: whatever bytes sit in the preparations folder, the store never crashes.

Three promises are checked for every input:
- `store.parse` returns a Preparation that can be written back, or raises UnreadableError
  whose key (and values) the catalogues can turn into a sentence in both languages;
- `Store.list` / `Store.load` move a bad file to quarantine with its bytes intact;
- a good file beside it is left alone, byte for byte.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from peerprep.model import SCHEMA_VERSION, Preparation
from peerprep.store import Store, StoreError, UnreadableError, parse
from peerprep.words import catalogue

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

GOOD_ID = "20240101-120000-abcdef"
BAD_ID = "20240202-120000-badbad"


def _good_prep() -> Preparation:
    prep = Preparation.new("da")
    prep.id = GOOD_ID
    prep.title = "Mit møde"
    prep.set_part("important", "At sove om natten. Æ, ø og å — og “citater”.")
    return prep


def _good_dict() -> dict[str, Any]:
    return json.loads(_good_prep().to_json())


# --- strategies ----------------------------------------------------------------------

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)

FIELD_PATHS = [
    ("schema_version",),
    ("id",),
    ("title",),
    ("created_at",),
    ("updated_at",),
    ("language",),
    ("meeting",),
    ("meeting", "kind"),
    ("meeting", "date"),
    ("meeting", "time"),
    ("meeting", "attendees"),
    ("statement",),
    ("statement", "introduction"),
    ("statement", "so_that"),
    ("questions",),
    ("after_meeting",),
    ("after_meeting", "agreed"),
]


@st.composite
def wrong_types(draw: st.DrawFn) -> bytes:
    """A valid preparation with one field (or a new one) replaced by any JSON value."""
    data = _good_dict()
    path = draw(st.sampled_from([*FIELD_PATHS, ("unknown_extra",), ("meeting", "extra")]))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = draw(json_values)
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8")


@st.composite
def old_versions(draw: st.DrawFn) -> bytes:
    """A flat version-0 file with random values, to reach the migration code."""
    fields = [
        "version",
        "created",
        "updated",
        "lang",
        "meeting_kind",
        "meeting_date",
        "place",
        "attendees",
        "questions",
        "agreed",
        "introduction",
        "important",
        "id",
    ]
    data = draw(st.dictionaries(st.sampled_from(fields), json_values, max_size=8))
    data["version"] = 0
    return json.dumps(data).encode("utf-8")


@st.composite
def future_versions(draw: st.DrawFn) -> bytes:
    data = _good_dict()
    data["schema_version"] = draw(st.integers(min_value=SCHEMA_VERSION + 1))
    return json.dumps(data).encode("utf-8")


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    """A good file cut short, with bytes flipped, or with invalid UTF-8 spliced in."""
    raw = bytearray(_good_prep().to_json().encode("utf-8"))
    how = draw(st.sampled_from(["truncate", "flip", "splice", "bom", "dup"]))
    if how == "truncate":
        return bytes(raw[: draw(st.integers(0, len(raw) - 1))])
    if how == "flip":
        at = draw(st.integers(0, len(raw) - 1))
        raw[at] ^= draw(st.integers(1, 255))
        return bytes(raw)
    if how == "splice":
        at = draw(st.integers(0, len(raw)))
        junk = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xfe\xff"]))
        return bytes(raw[:at]) + junk + bytes(raw[at:])
    if how == "bom":
        return b"\xef\xbb\xbf" + bytes(raw)
    # A duplicated key: which of the two did the person mean?
    key = draw(st.sampled_from(['"title"', '"statement"', '"id"']))
    return bytes(raw).replace(b"{", b"{" + key.encode() + b': "x", ', 1)


any_file = (
    st.binary(max_size=300)
    | json_values.map(lambda v: json.dumps(v).encode("utf-8"))
    | wrong_types()
    | old_versions()
    | future_versions()
    | mangled()
)


def _deep(depth: int, open_: str = "[", close: str = "]") -> str:
    return open_ * depth + close * depth


def _with_extra(value: str) -> bytes:
    text = json.dumps(_good_dict())
    return (text[:-1] + ', "extra": ' + value + "}").encode("utf-8")


NASTY = [
    b"",
    b"   \n\t",
    b"\xef\xbb\xbf",
    b"\x00" * 10,
    b"\xff\xfe{\x00}\x00",
    b"null",
    b"[]",
    b'"just a string"',
    b"1" * 5000,  # more digits than int() accepts from text
    _deep(100_000).encode(),
    ('{"a":' * 100_000 + "1" + "}" * 100_000).encode(),
    _with_extra(_deep(300)),  # deeper than the serializer allows, shallower than the parser
    _with_extra(_deep(990)),
    _with_extra('"\\ud800"'),  # a lone surrogate: readable, but never writable
    _with_extra("NaN"),
    _with_extra("1e400"),
    _with_extra('"' + "x" * 2_000_000 + '"'),
    json.dumps({**_good_dict(), "title": "x" * 1_000_000}).encode(),
    b'{"version": 0, "questions": 5}',
    b'{"version": 0, "attendees": {"a": 1}, "lang": []}',
    b'{"schema_version": true}',
    b'{"schema_version": 1.0}',
    b'{"schema_version": -1}',
    b'{"schema_version": 99999999999999999999999999}',
]


# --- the checks ------------------------------------------------------------------------


def _sayable(error: StoreError) -> None:
    """The error's key and values make a sentence in both languages (nothing for the person
    to read is a crash too)."""
    for language in ("da", "en"):
        text = catalogue(language).text(error.key, **error.values)
        assert text and error.key not in text


def _check_parse(raw: bytes) -> Preparation | None:
    try:
        prep = parse(raw)
    except UnreadableError as error:
        _sayable(error)
        return None
    # Whatever we accept we must be able to save again and read back the same. (Compared as
    # written, because a NaN in an unknown field is written as null, as JSON has no NaN.)
    written = prep.to_json()
    assert parse(written.encode("utf-8")).to_json() == written
    return prep


def _check_store(root: Path, raw: bytes) -> None:
    store = Store(root)
    good = _good_prep()
    good_path = store.save(good)
    good_bytes = good_path.read_bytes()
    good_mtime = good_path.stat().st_mtime_ns
    bad_path = store.preparations_dir / f"{BAD_ID}.json"
    bad_path.write_bytes(raw)
    readable = _check_parse(raw) is not None

    listing = store.list()

    assert good_path.read_bytes() == good_bytes
    assert good_path.stat().st_mtime_ns == good_mtime
    assert GOOD_ID in [p.id for p in listing.preparations]
    if readable:
        assert listing.quarantined == []
        assert bad_path.read_bytes() == raw
        assert store.load(BAD_ID).id == BAD_ID
    else:
        assert not bad_path.exists()
        [item] = listing.quarantined
        assert item.original == bad_path
        assert item.moved_to.parent == store.quarantine_dir
        assert item.moved_to.read_bytes() == raw
        _sayable(UnreadableError(item.reason, **item.values))
    assert store.load(GOOD_ID).model_dump() == good.model_dump()


@FUZZ
@given(any_file)
def test_parse_never_crashes(raw: bytes) -> None:
    _check_parse(raw)


@FUZZ
@given(any_file)
@example(b"\xef\xbb\xbf" + _good_prep().to_json().encode("utf-8"))
def test_list_quarantines_bad_files_and_leaves_good_ones(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _check_store(Path(folder), raw)


@pytest.mark.parametrize("raw", NASTY, ids=[f"nasty{i}" for i in range(len(NASTY))])
def test_nasty_files(tmp_path: Path, raw: bytes) -> None:
    _check_store(tmp_path / "data", raw)


@pytest.mark.parametrize("raw", NASTY[:12], ids=[f"nasty{i}" for i in range(12)])
def test_load_of_a_bad_file_quarantines_it_and_says_where(tmp_path: Path, raw: bytes) -> None:
    store = Store(tmp_path / "data")
    store.save(_good_prep())
    bad_path = store.preparations_dir / f"{BAD_ID}.json"
    bad_path.write_bytes(raw)
    with pytest.raises(UnreadableError) as caught:
        store.load(BAD_ID)
    assert caught.value.key == "errors.quarantined"
    _sayable(caught.value)
    moved = Path(str(caught.value.values["path"]))
    assert moved.read_bytes() == raw
    assert not bad_path.exists()


def test_a_bom_is_read_and_the_file_left_alone(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    raw = b"\xef\xbb\xbf" + _good_prep().to_json().encode("utf-8")
    path = store.preparations_dir / f"{BAD_ID}.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(raw)
    assert [p.id for p in store.list().preparations] == [BAD_ID]
    assert path.read_bytes() == raw


def test_future_version_names_the_version(tmp_path: Path) -> None:
    data = _good_dict()
    data["schema_version"] = 7
    with pytest.raises(UnreadableError) as caught:
        parse(json.dumps(data).encode("utf-8"))
    assert caught.value.key == "errors.file_from_future"
    assert "7" in catalogue("da").text(caught.value.key, **caught.value.values)


def test_quarantine_never_overwrites_an_earlier_copy(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    store.preparations_dir.mkdir(parents=True)
    bad_path = store.preparations_dir / f"{BAD_ID}.json"
    contents = [b"first broken", b"second broken", b"third broken"]
    for raw in contents:
        bad_path.write_bytes(raw)
        store.list()
    kept = sorted(p.read_bytes() for p in store.quarantine_dir.iterdir())
    assert kept == sorted(contents)
