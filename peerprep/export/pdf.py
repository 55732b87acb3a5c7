"""The sheet as PDF, set by typst in the bundled fonts.

The template is assets/sheet.typ. The sheet travels into it as JSON in sys.inputs, so the
person's words are data, never markup. The fonts are the bundle's (fonts.py), and the
computer's own only for characters the bundle lacks: when the bundle draws every
character, every computer makes the same PDF, and with a fixed timestamp two exports are
byte-identical.

typst is left out where it publishes no wheel (Windows on ARM; see the environment marker
in pyproject.toml): there every call here raises ExportError("export.errors.no_pdf_engine"),
whose sentence tells the person to save the sheet as HTML and print it from a browser.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import peerprep.export.fonts as fonts
from peerprep.export.errors import ExportError
from peerprep.export.fit import may_overflow
from peerprep.export.layout import BLANK_NOTE_LINES, SUBTITLE_SCALE, Paragraph, Sheet
from peerprep.resources import asset

if TYPE_CHECKING:
    import typst

# A fixed moment for the PDF's internal timestamp when none is given; the template
# writes no date into the metadata, so this only keeps typst's own ids stable.
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
# typst writes its page tree as "<</Type/Pages/Count 2/Kids[...]>>".
_PAGE_COUNT = re.compile(rb"/Type\s*/Pages\s*/Count\s+(\d+)")

_lock = threading.Lock()


@dataclass(frozen=True)
class Fit:
    """What typst itself measured: the body size it chose, whether one page held it, the
    share of a page the sheet needs at each size, and how the notes box is drawn (the
    template's plan: "full", "least" or "none"; fit.Estimate.notes). `rest` and `least`:
    at the floor size, the share of a page without the notes box and with an empty one
    of the fewest lines; None when the notes hold words (they are not measured then)."""

    size: float
    one_page: bool
    ratios: tuple[float, ...]
    notes: str = "full"
    rest: float | None = None
    least: float | None = None


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


@lru_cache(maxsize=4)
def _compiler(extra: Path | None = None) -> typst.Compiler:
    # Built once per set of fonts: reading the fonts is the slow part of a compile.
    # typst's own built-in fonts are left out too, so that what the bundle (and `extra`)
    # cannot draw is known from their character maps.
    typst = _typst()

    folders = [fonts.bundle_folder()] + ([extra] if extra is not None else [])
    return typst.Compiler(
        input=asset("sheet.typ"),
        root=asset(),
        font_paths=typst.Fonts(
            include_system_fonts=False, include_embedded_fonts=False, font_paths=folders
        ),
        ignore_system_fonts=True,
    )


def sheet_data(sheet: Sheet) -> dict[str, Any]:
    """The sheet as plain JSON-ready data for the typst template. Each line of the
    person's words says whether it holds a word that may be too wide for its column
    ("long"): only those lines are measured word by word in the template."""
    largest = sheet.sizes[0]

    def paras(items: tuple[Paragraph, ...]) -> list[dict[str, Any]]:
        return [
            {
                "lines": list(p.lines),
                "long": [may_overflow(line, largest) for line in p.lines],
                "rtl": p.rtl,
            }
            for p in items
        ]

    return {
        "lang": sheet.language,
        "title": sheet.title,
        "heading": sheet.heading,
        "subtitle": sheet.subtitle,
        "subtitle_long": may_overflow(sheet.subtitle, largest * SUBTITLE_SCALE),
        "subtitle_rtl": sheet.subtitle_rtl,
        "meeting": [
            [
                {
                    "label": f.label,
                    "value": f.value,
                    "long": may_overflow(f.value, largest),
                    "wide": f.wide,
                }
                for f in row
            ]
            for row in sheet.meeting
        ],
        "parts": [
            {
                "key": p.key,
                "starter": p.starter,
                "paragraphs": paras(p.paragraphs),
                "lines": sheet.writing_lines,
            }
            for p in sheet.parts
        ],
        "questions": {
            "heading": sheet.questions_heading,
            "items": paras(sheet.questions),
            "lines": sheet.writing_lines,
        },
        "notes": {
            "heading": sheet.notes_heading,
            "items": [{"label": n.label, "paragraphs": paras(n.paragraphs)} for n in sheet.notes],
            "lines": sheet.notes_lines,
            # Under each label of a blank sheet's notes box.
            "item_lines": BLANK_NOTE_LINES,
        },
        "prepared": sheet.prepared,
        "sizes": list(sheet.sizes),
        "large": sheet.large_print,
        "blank": sheet.blank,
    }


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def font_plan(sheet: Sheet) -> fonts.FontPlan:
    """The fonts the sheet's PDF needs, and the characters none of them can draw."""
    return fonts.plan(_strings(sheet_data(sheet)))


def missing_characters(sheet: Sheet) -> tuple[str, ...]:
    """The characters of the sheet that would print as empty boxes in the PDF, in the
    order they first appear; empty when every character can be drawn. Call it before
    making the PDF, to tell the person (and offer HTML)."""
    return font_plan(sheet).missing


def _compiler_for(sheet: Sheet) -> typst.Compiler:
    plan = font_plan(sheet)
    if not plan.extra:
        return _compiler()
    try:
        return _compiler(fonts.stage(plan.extra))
    except OSError:
        # No room for a copy of the computer's font: the bundle alone, as before.
        return _compiler()


def _inputs(sheet: Sheet, *, all_ratios: bool = False) -> dict[str, str]:
    inputs = {
        "sheet": json.dumps(sheet_data(sheet), ensure_ascii=False),
        "fonts": json.dumps(list(fonts.FAMILIES)),
    }
    if all_ratios:
        inputs["ratios"] = "all"
    return inputs


def render(sheet: Sheet, *, timestamp: dt.datetime | None = None) -> bytes:
    """The PDF bytes of the sheet.

    Raises:
        ExportError: `export.errors.render_failed` when typst fails,
            `export.errors.no_pdf_engine` where typst is not installed.
    """
    typst = _typst()

    compiler = _compiler_for(sheet)
    with _lock:  # a Compiler is shared; typst's world is not meant for parallel use
        try:
            result = compiler.compile(
                format="pdf",
                sys_inputs=_inputs(sheet),
                timestamp=timestamp or EPOCH,
            )
        except typst.TypstError as error:
            raise ExportError("export.errors.render_failed", detail=str(error)) from error
    if not isinstance(result, bytes):  # pragma: no cover - typst returns bytes for one PDF
        raise ExportError("export.errors.render_failed", detail="no output")
    return result


def page_count(data: bytes) -> int | None:
    """How many pages a PDF made by `render` has; None if it cannot be told."""
    found = _PAGE_COUNT.search(data)
    return int(found.group(1)) if found else None


def measure(sheet: Sheet) -> Fit:
    """Lay the sheet out with typst and report its choice and its height at every size
    (about a tenth of a second).

    Raises:
        ExportError: typst is missing (export.errors.no_pdf_engine) or fails.
    """
    typst = _typst()

    compiler = _compiler_for(sheet)
    with _lock:
        try:
            compiler.compile(
                format="pdf", sys_inputs=_inputs(sheet, all_ratios=True), timestamp=EPOCH
            )
            raw = compiler.query("<fit>", field="value", one=True, format="json")
        except typst.TypstError as error:
            raise ExportError("export.errors.render_failed", detail=str(error)) from error
    found = json.loads(raw)
    return Fit(
        size=float(found["size"]),
        one_page=bool(found["one_page"]),
        ratios=tuple(float(r) for r in found["ratios"]),
        notes=str(found["notes"]),
        rest=float(found["rest"]) if "rest" in found else None,
        least=float(found["least"]) if "least" in found else None,
    )
