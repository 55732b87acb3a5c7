"""Which language the program speaks: --lang, PEERPREP_LANG, the locale, else Danish."""

from __future__ import annotations

import os
import sys

from peerprep.choices import LANGUAGES
from peerprep.words.catalogues import DEFAULT_LANGUAGE

LANG_ENV = "PEERPREP_LANG"


def language_from_locale(value: str | None) -> str | None:
    """'da_DK.UTF-8' -> 'da'; 'en_GB' -> 'en'; anything else -> None."""
    if not value:
        return None
    code = value.split(".")[0].split("_")[0].split("-")[0].lower()
    return code if code in LANGUAGES else None


LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

# Windows' primary language numbers (the low 10 bits of a LANGID), from Microsoft's
# [MS-LCID] list: LANG_DANISH 0x06, LANG_ENGLISH 0x09 (en-US, en-GB, ... all share it).
_WINDOWS_LANGUAGES = {0x06: "da", 0x09: "en"}


def windows_ui_language() -> str | None:
    """The language Windows shows its own menus in for this user (GetUserDefaultUILanguage),
    as "da" or "en"; None for another language, or where it cannot be asked."""
    try:
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
        langid = int(kernel32.GetUserDefaultUILanguage())
    except (AttributeError, OSError, ValueError, TypeError):
        return None
    return _WINDOWS_LANGUAGES.get(langid & 0x3FF)


def resolve_language(requested: str | None = None) -> str:
    """--lang, else PEERPREP_LANG, else the locale (Danish locale gives da), else da.

    A locale that names no language of ours (`C`, `C.UTF-8`, `POSIX`, `de_DE`) gives
    Danish, as documented. Where no locale variable is set at all (Windows sets none),
    Windows is asked which language its menus are in for this person; elsewhere no locale
    at all gives Danish too (Python's own `locale.getlocale()` would report the `C.UTF-8`
    Python falls back to as "en_US", and on Windows it names the formats,
    "English_Denmark", not the language).
    """
    for candidate in (requested, os.environ.get(LANG_ENV)):
        if candidate and candidate in LANGUAGES:
            return candidate
    said = [os.environ.get(name) for name in LOCALE_VARIABLES]
    for value in said:
        if value:
            # The first variable that is set decides (POSIX precedence), even "C".
            return language_from_locale(value) or DEFAULT_LANGUAGE
    if sys.platform == "win32":
        return windows_ui_language() or DEFAULT_LANGUAGE
    # No locale at all. Python itself then runs in C.UTF-8 (PEP 538), which its locale
    # module reports as "en_US": that is no choice the person made.
    return DEFAULT_LANGUAGE
