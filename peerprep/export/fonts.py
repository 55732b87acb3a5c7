"""Which fonts set the PDF, and which characters they cannot draw.

The sheet is set in the fonts bundled in assets/fonts (see its README for where each
comes from and the size budget). They are tried in the order of FAMILIES; a character
none of them has is looked for in the computer's own fonts, the ones typst itself finds.
What no font has would print as an empty box, so the person is told beforehand which
characters those are (see `plan`), and offered HTML, which the reader's browser sets with
its own fonts.

Coverage is read from the fonts' own character maps (their `cmap` tables, with
fontTools), not guessed from Unicode blocks. When the bundle covers every character,
only the bundle is used and every computer makes the same PDF.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import peerprep.export.metrics as metrics
from peerprep.resources import asset

# The bundled families, in the order typst looks for a glyph. Latin, Greek and Cyrillic
# (with Vietnamese) first; then each script; the emoji before the symbol fonts, so that a
# heart or a check mark with an emoji selector looks like an emoji.
FAMILIES: tuple[str, ...] = (
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Ethiopic",
    "Noto Sans Devanagari",
    "Noto Sans Tamil",
    "Noto Sans Thai",
    "Noto Emoji",
    "Noto Sans Symbols",
    "Noto Sans Symbols2",
)
FONT_ENDINGS = (".ttf", ".otf", ".ttc", ".otc")

# Characters drawn in the bundled Noto Sans for sure (tests/export/test_export_scripts.py
# holds this to its character map): text made of these alone needs no look at a font.
_SURE = frozenset(metrics.CHARS) | frozenset(chr(c) for c in range(0x20, 0x7F))
# Characters that are never drawn as a glyph of their own: white space, line breaks,
# joiners, direction marks, variation selectors and emoji tags (Unicode's "default
# ignorable" characters and format controls).
_INVISIBLE_CATEGORIES = ("Zs", "Zl", "Zp", "Cc", "Cf")
_INVISIBLE_RANGES = ((0xFE00, 0xFE0F), (0xE0000, 0xE0FFF), (0x180B, 0x180F))

_lock = threading.Lock()


def needs_glyph(char: str) -> bool:
    """Whether `char` is drawn with a glyph of its own (a letter, digit, mark, symbol)."""
    code = ord(char)
    if any(low <= code <= high for low, high in _INVISIBLE_RANGES):
        return False
    return unicodedata.category(char) not in _INVISIBLE_CATEGORIES


@dataclass(frozen=True)
class FontPlan:
    """What the PDF will be set with.

    extra: font files of the computer's own to load besides the bundle; empty when the
        bundle draws every character, so that the PDF is the same everywhere.
    missing: characters no font here can draw, in the order they first appear; they
        would print as empty boxes.
    """

    extra: tuple[Path, ...] = ()
    missing: tuple[str, ...] = ()


def bundle_folder() -> Path:
    return asset("fonts")


def _cmap_of(path: Path, index: int = 0) -> frozenset[int]:
    """The code points one font file's character map covers; empty if it cannot be read."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(path, lazy=True, fontNumber=index) as font:
            return frozenset(font.getBestCmap() or ())
    except (OSError, TTLibError, KeyError, ValueError, AssertionError, IndexError):
        # A broken or unusual font file on the computer is simply not used.
        return frozenset()


@cache
def bundle_coverage() -> frozenset[int]:
    """Every code point some bundled font draws (read once per process)."""
    covered: set[int] = set()
    for path in sorted(bundle_folder().iterdir()):
        if path.suffix.lower() in FONT_ENDINGS:
            covered |= _cmap_of_cached(path)
    return frozenset(covered)


@cache
def _widths_of(path: Path) -> dict[int, float]:
    """Advance widths in em of the characters one bundled font draws, from its hmtx."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        scale = 1 / font["head"].unitsPerEm
        advances = font["hmtx"].metrics
        return {code: advances[glyph][0] * scale for code, glyph in font.getBestCmap().items()}


@cache
def _regular_files() -> tuple[Path, ...]:
    """The bundled regular fonts in FAMILIES order (file names follow the family names:
    "Noto Sans Symbols2" is NotoSansSymbols2-Regular.ttf)."""
    folder = bundle_folder()
    return tuple(folder / f"{family.replace(' ', '')}-Regular.ttf" for family in FAMILIES)


def advance_width(char: str) -> float | None:
    """The advance width in em of `char` in the first bundled font (in FAMILIES order)
    that draws it, as typst picks it; None when none does. For fit.py, for the scripts
    outside its table; each font is read the first time it is needed."""
    code = ord(char)
    for path in _regular_files():
        if code in _cmap_of_cached(path):
            return _widths_of(path).get(code)
    return None


@cache
def _cmap_of_cached(path: Path) -> frozenset[int]:
    return _cmap_of(path)


def characters(texts: Iterable[str]) -> list[str]:
    """The distinct characters of `texts` that need a glyph, in the order they appear."""
    seen: dict[str, None] = {}
    for text in texts:
        for char in text:
            if char not in _SURE and char not in seen and needs_glyph(char):
                seen[char] = None
    return list(seen)


@dataclass(frozen=True)
class SystemFont:
    """One font of the computer's own: a file, and which font in it (for collections)."""

    path: Path
    index: int
    family: str = ""
    weight: int = 400
    upright: bool = True

    def preference(self) -> tuple[bool, bool, bool, int, str, int]:
        """Sort key: Noto first (it matches the bundle), then sans-serif faces, upright and
        of regular weight."""
        family = self.family.lower()
        return (
            "noto" not in family,
            "serif" in family and "sans" not in family,
            not self.upright,
            abs(self.weight - 400),
            str(self.path),
            self.index,
        )


@cache
def system_fonts() -> tuple[SystemFont, ...]:
    """The computer's own fonts, as typst finds them (its own search of the usual font
    folders of Windows, macOS and Linux), the likeliest match for the bundle first.
    Looked for once per process."""
    import typst

    found = typst.Fonts(include_system_fonts=True, include_embedded_fonts=False)
    fonts: dict[tuple[str, int], SystemFont] = {}
    for info in found.fonts():
        if info.path:
            font = SystemFont(
                Path(info.path), info.index, info.family, info.weight, info.style == "normal"
            )
            fonts.setdefault((info.path, info.index), font)
    return tuple(sorted(fonts.values(), key=SystemFont.preference))


_system_cache: dict[tuple[str, int], frozenset[int]] = {}


def _system_coverage(font: SystemFont) -> frozenset[int]:
    key = (str(font.path), font.index)
    with _lock:
        found = _system_cache.get(key)
    if found is None:
        found = _cmap_of(font.path, font.index)
        with _lock:
            _system_cache[key] = found
    return found


def plan(texts: Iterable[str], *, use_system_fonts: bool = True) -> FontPlan:
    """Which fonts the PDF of `texts` needs, and what they still cannot draw.

    The bundle first; for what it lacks, the computer's own fonts, in the order of
    `system_fonts`, each one taken if it draws something still missing. Fast when the
    text is made of common Latin letters: no font file is read at all. The computer's
    fonts are read once per process.
    """
    wanted = characters(texts)
    if not wanted:
        return FontPlan()
    bundle = bundle_coverage()
    missing = [char for char in wanted if ord(char) not in bundle]
    if not missing or not use_system_fonts:
        return FontPlan(missing=tuple(missing))
    codes = {ord(char) for char in missing}
    chosen: list[SystemFont] = []
    for font in system_fonts():
        found = _system_coverage(font) & codes
        if found:
            chosen.append(font)
            codes -= found
            if not codes:
                break
    return FontPlan(
        extra=tuple(dict.fromkeys(font.path for font in chosen)),
        missing=tuple(char for char in missing if ord(char) in codes),
    )


_staged: dict[tuple[Path, ...], Path] = {}


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def stage(files: tuple[Path, ...]) -> Path:
    """A folder holding copies of exactly `files`, for typst to load (it loads folders,
    and a system font folder may hold other fonts of the same names as the bundle's).
    Made once per process and removed when the program ends; only fonts are in it.
    Raises OSError when the temporary folder cannot be written."""
    with _lock:
        folder = _staged.get(files)
        if folder is not None and folder.is_dir():
            return folder
        folder = Path(tempfile.mkdtemp(prefix="peerprep-fonts-"))
        atexit.register(_remove, folder)
        for number, path in enumerate(files):
            shutil.copyfile(path, folder / f"{number}-{path.name}")
        _staged[files] = folder
        return folder
