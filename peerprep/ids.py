"""A preparation's id and time stamps: how they are made, and which ids are safe file names.

Apart from model.py (which uses them and names them too) so that the store and the
editing session can make and check ids without loading pydantic: the full screen shows
its first frame before pydantic is loaded (benchmarks/run.py, start-up).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
# Names Windows keeps for devices: a file called "con.json" cannot exist there.
_RESERVED_IDS = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{p}{n}" for p in ("com", "lpt") for n in range(10)]
)


def now() -> dt.datetime:
    """The current time, timezone-aware, to the second (microseconds only add noise to files)."""
    return dt.datetime.now(dt.timezone.utc).astimezone().replace(microsecond=0)


def new_id(at: dt.datetime | None = None) -> str:
    """A stable, filename-safe, practically unique id: the creation time plus randomness."""
    at = at or now()
    return f"{at:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"


def is_valid_id(value: object) -> bool:
    """Safe as a file name on every system we run on, and what the schema allows."""
    return (
        isinstance(value, str)
        and _ID_RE.fullmatch(value) is not None
        and value.lower() not in _RESERVED_IDS
    )
