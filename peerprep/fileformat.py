"""The bytes of a preparation file <-> a Preparation, and migrations from older versions.

This is the one place that knows how a preparation looks on disk; store.py only moves
bytes. A layer that wraps the bytes (an encrypted envelope) wraps `encode`/`decode`.

Version history (docs/format.md):
    0  an early, flat shape: meeting fields and the four parts at the top level,
       naive local timestamps, attendees as one comma-separated string.
    1  the nested shape of model.Preparation (this release).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from peerprep.errors import UnreadableError

if TYPE_CHECKING:
    from peerprep.model import Preparation

# The model, and pydantic with it, is loaded by the first file read (inside `decode`), not
# with this module: the store it serves is made before the full screen's first frame.

# A real preparation is well under 1 MB even with every field full; anything far
# larger is not one of ours and must not make the program crawl.
MAX_FILE_BYTES = 16 * 1024 * 1024


def encode(prep: Preparation) -> bytes:
    """The file's bytes: indented UTF-8 JSON, one field a line, ending in a newline."""
    return prep.to_json().encode("utf-8")


def decode(raw: bytes) -> Preparation:
    """A file's bytes -> a valid Preparation, migrated to this version; or UnreadableError
    whose key says why (empty, not text, not JSON, wrong shape, from a newer version)."""
    if len(raw) > MAX_FILE_BYTES:
        raise UnreadableError("errors.file_too_large")
    if not raw.strip():
        raise UnreadableError("errors.file_empty")
    try:
        # utf-8-sig: a file saved by Windows Notepad starts with a byte-order mark; it is
        # still the person's text and is read as such.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableError("errors.file_not_text") from error
    if "\x00" in text:
        raise UnreadableError("errors.file_not_text")
    try:
        data = _DECODER.decode(text)
    except UnreadableError:
        raise
    except (ValueError, RecursionError) as error:
        raise UnreadableError("errors.file_not_json") from error
    if not isinstance(data, dict):
        raise UnreadableError("errors.file_wrong_shape")
    from pydantic import ValidationError

    from peerprep.model import Preparation

    data = migrate(data)
    try:
        prep = Preparation.model_validate(data)
    except ValidationError as error:
        where = ".".join(str(part) for part in error.errors()[0]["loc"])
        raise UnreadableError("errors.file_bad_field", field=where) from error
    except (ValueError, RecursionError) as error:
        raise UnreadableError("errors.file_wrong_shape") from error
    try:
        # A file we can read but could never write back (unknown fields nested deeper than
        # the serializer allows, a lone surrogate in one) would make every later save fail:
        # call it unreadable now, before the person types into it.
        encode(prep)
    except (ValueError, RecursionError) as error:
        raise UnreadableError("errors.file_wrong_shape") from error
    return prep


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            # Two values for one field: we cannot know which the person meant.
            raise UnreadableError("errors.file_duplicate_key", field=key)
        result[key] = value
    return result


# One decoder for every file (json.loads with a hook would build a new one for each).
_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicate_keys)


# --- migrations ----------------------------------------------------------------------------


def schema_version_of(data: dict[str, Any]) -> int:
    """The version a file says it has. Version 0 files say "version": 0."""
    if "schema_version" in data:
        version = data["schema_version"]
    elif "version" in data:
        version = data["version"]
    else:
        raise UnreadableError("errors.file_wrong_shape")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise UnreadableError("errors.file_wrong_shape")
    return version


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a file's data up to the current schema_version, one step at a time.

    Fields a migration does not know are carried along unchanged. A version newer than
    this program is refused: guessing at it could lose the person's words.
    """
    from peerprep.model import SCHEMA_VERSION

    version = schema_version_of(data)
    if version > SCHEMA_VERSION:
        raise UnreadableError("errors.file_from_future", version=version)
    while version < SCHEMA_VERSION:
        try:
            data = MIGRATIONS[version](data)
        except (TypeError, ValueError, AttributeError) as error:
            # An old file whose fields hold the wrong types (e.g. "questions": 5).
            raise UnreadableError("errors.file_wrong_shape") from error
        after = schema_version_of(data)
        if after <= version:  # a migration must move forward; guards an endless loop
            raise UnreadableError("errors.file_wrong_shape")
        version = after
    return data


_V0_PARTS = ("introduction", "important", "help_with", "so_that")
_V0_FIELDS = {
    "version", "created", "updated", "lang", "meeting_kind", "meeting_date", "meeting_time",
    "place", "attendees", "companion", "agreed", "next_steps", *_V0_PARTS,
}  # fmt: skip


def _aware(value: object) -> object:
    """Version 0 wrote local time without an offset; read it as this computer's local time."""
    if not isinstance(value, str):
        return value
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value  # the model will say it is wrong
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive means local time
    return moment.isoformat()


def _attendees(value: object) -> object:
    if isinstance(value, str):
        return [name.strip() for name in value.split(",") if name.strip()]
    return value


def _migrate_0_to_1(old: dict[str, Any]) -> dict[str, Any]:
    """Version 0 was flat: the meeting and the four parts sat at the top level."""
    data = {k: v for k, v in old.items() if k not in _V0_FIELDS}
    data["schema_version"] = 1
    created = _aware(old.get("created"))
    data["created_at"] = created
    data["updated_at"] = _aware(old.get("updated")) if old.get("updated") else created
    data["language"] = old.get("lang", "da")
    data["meeting"] = {
        "kind": old.get("meeting_kind", "other"),
        "date": old.get("meeting_date") or None,
        "time": old.get("meeting_time") or None,
        "place": old.get("place", ""),
        "attendees": _attendees(old.get("attendees", [])),
        "companion": old.get("companion", ""),
    }
    data["statement"] = {key: old.get(key, "") for key in _V0_PARTS}
    data.setdefault("questions", [])
    data["after_meeting"] = {
        "agreed": old.get("agreed", ""),
        "next_steps": old.get("next_steps", ""),
    }
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1}
