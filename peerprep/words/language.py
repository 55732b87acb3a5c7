"""Which language the program speaks: --lang, PEERPREP_LANG, the locale, else Danish."""

from __future__ import annotations

import locale
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


def resolve_language(requested: str | None = None) -> str:
    """--lang, else PEERPREP_LANG, else the locale (Danish locale gives da), else da.

    A locale that names no language of ours (`C`, `C.UTF-8`, `POSIX`, `de_DE`), or no
    locale at all, gives Danish, as documented. Python's own `locale.getlocale()` is
    asked only on Windows, which has no locale variables: elsewhere it reports the
    `C.UTF-8` Python falls back to as "en_US".
    """
    for candidate in (requested, os.environ.get(LANG_ENV)):
        if candidate and candidate in LANGUAGES:
            return candidate
    said = [os.environ.get(name) for name in LOCALE_VARIABLES]
    for value in said:
        if value:
            # The first variable that is set decides (POSIX precedence), even "C".
            return language_from_locale(value) or DEFAULT_LANGUAGE
    if sys.platform != "win32":
        # No locale at all. Python itself then runs in C.UTF-8 (PEP 538), which its
        # locale module reports as "en_US": that is no choice the person made.
        return DEFAULT_LANGUAGE
    try:
        found = language_from_locale(locale.getlocale()[0])
    except ValueError:
        found = None
    return found or DEFAULT_LANGUAGE
