"""Which way a paragraph runs: one rule for the PDF and the HTML.

A paragraph is laid out right-to-left when the person said so with a direction mark
before its first letter (RLM or ALM; LRM says left-to-right), or else when most of its
letters are right-to-left (Arabic, Hebrew, ...), so "Jobcenter يقول ..." runs right to
left even though it starts with a Latin word. Unicode's own rule (UAX #9, rule P2) looks
only at the first letter; a person who begins an Arabic sentence with the name of a
Danish office means an Arabic sentence.
"""

from __future__ import annotations

import unicodedata

LRM = "\u200e"  # LEFT-TO-RIGHT MARK
RLM = "\u200f"  # RIGHT-TO-LEFT MARK
ALM = "\u061c"  # ARABIC LETTER MARK
MARKS = (LRM, RLM, ALM)

_RTL_CLASSES = ("R", "AL")


def is_rtl(text: str) -> bool:
    """True when `text` is to be laid out right-to-left.

    A direction mark before the first letter decides; otherwise the letters vote: more
    right-to-left letters (bidirectional class R or AL) than left-to-right ones (L) means
    right-to-left. A tie goes to the first letter with a direction, as in UAX #9.
    """
    first: bool | None = None
    rtl = ltr = 0
    for char in text:
        if char in MARKS:
            if not (rtl or ltr):
                return char != LRM
            continue
        kind = unicodedata.bidirectional(char)
        if kind in _RTL_CLASSES:
            rtl += 1
            if first is None:
                first = True
        elif kind == "L":
            ltr += 1
            if first is None:
                first = False
    if rtl != ltr:
        return rtl > ltr
    return bool(first)
