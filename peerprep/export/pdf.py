"""The sheet as PDF, set by typst with the bundled fonts only.

The template is assets/sheet.typ. The sheet travels into it as JSON in sys.inputs, so the
person's words are data, never markup. System fonts are ignored, so every computer makes
the same PDF; with a fixed timestamp two exports are byte-identical.

typst is left out where it publishes no wheel (Windows on ARM; see the environment marker
in pyproject.toml): there every call here raises ExportError("export.errors.no_pdf_engine"),
whose sentence tells the person to save the sheet as HTML and print it from a browser.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from peerprep.export.errors import ExportError
from peerprep.resources import asset

if TYPE_CHECKING:
    import typst

    from peerprep.export.layout import Sheet

# Pictographic emoji: no bundled font draws them (the colour emoji font is ~11 MB), and
# an empty box on the sheet looks broken. They are left out of the PDF only.
_EMOJI = re.compile("[\U0001f000-\U0001faff\U0001fc00-\U0001ffff\ufe0f\u200d\U000e0020-\U000e007f]")
# A fixed moment for the PDF's internal timestamp when none is given; the template
# writes no date into the metadata, so this only keeps typst's own ids stable.
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)

_lock = threading.Lock()


@dataclass(frozen=True)
class Fit:
    """What typst itself measured: the body size it chose and whether one page held it."""

    size: float
    one_page: bool
    ratios: tuple[float, ...]


def _typst() -> ModuleType:
    """The typst module, imported on first use (it takes ~30 ms).

    Raises:
        ExportError: `export.errors.no_pdf_engine` when typst is not installed: no wheel
            exists for this platform (Windows on ARM, typst 0.15), so pip left it out.
    """
    try:
        import typst
    except ImportError as error:
        raise ExportError("export.errors.no_pdf_engine") from error
    return typst


@cache
def _compiler() -> typst.Compiler:
    # Built once: reading the fonts is the slow part of a compile.
    return _typst().Compiler(
        input=asset("sheet.typ"),
        root=asset(),
        font_paths=[asset("fonts")],
        ignore_system_fonts=True,
    )


def strip_emoji(value: Any) -> Any:
    if isinstance(value, str):
        return _EMOJI.sub("", value)
    if isinstance(value, list):
        return [strip_emoji(item) for item in value]
    if isinstance(value, dict):
        return {key: strip_emoji(item) for key, item in value.items()}
    return value


def _inputs(sheet: Sheet) -> dict[str, str]:
    return {"sheet": json.dumps(strip_emoji(sheet.to_data()), ensure_ascii=False)}


def render(sheet: Sheet, *, timestamp: dt.datetime | None = None) -> bytes:
    """The PDF bytes of the sheet.

    Raises:
        ExportError: `export.errors.render_failed` when typst fails,
            `export.errors.no_pdf_engine` where typst is not installed.
    """
    typst = _typst()

    with _lock:  # one Compiler is shared; typst's world is not meant for parallel use
        try:
            result = _compiler().compile(
                format="pdf",
                sys_inputs=_inputs(sheet),
                timestamp=timestamp or EPOCH,
            )
        except typst.TypstError as error:
            raise ExportError("export.errors.render_failed", detail=str(error)) from error
    if not isinstance(result, bytes):  # pragma: no cover - typst returns bytes for one PDF
        raise ExportError("export.errors.render_failed", detail="no output")
    return result


def measure(sheet: Sheet) -> Fit:
    """Lay the sheet out with typst and report its choice (about a tenth of a second).
    Raises ExportError as render() does."""
    typst = _typst()

    with _lock:
        try:
            compiler = _compiler()
            compiler.compile(format="pdf", sys_inputs=_inputs(sheet), timestamp=EPOCH)
            raw = compiler.query("<fit>", field="value", one=True, format="json")
        except typst.TypstError as error:
            raise ExportError("export.errors.render_failed", detail=str(error)) from error
    found = json.loads(raw)
    return Fit(
        size=float(found["size"]),
        one_page=bool(found["one_page"]),
        ratios=tuple(float(r) for r in found["ratios"]),
    )
