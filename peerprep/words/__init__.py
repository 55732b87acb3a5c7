"""The words: the language catalogues in assets/, the language chosen, dates said back, names.

    from peerprep.words import catalogue
    cat = catalogue("da")
    cat.text("plain.saved")             # one text
    cat.text("delete.parts", n=2)   # plural forms by count
    cat.part("important").starter       # what is said about a part

Modules: catalogue (loading, plural forms), language (which language), dates (dates and
times said back), naming (one title and one file name for a preparation).
"""

from __future__ import annotations

from peerprep.words.catalogues import DEFAULT_LANGUAGE, Catalogue, KindText, PartText, catalogue
from peerprep.words.language import resolve_language

__all__ = [
    "DEFAULT_LANGUAGE",
    "Catalogue",
    "KindText",
    "PartText",
    "catalogue",
    "resolve_language",
]
