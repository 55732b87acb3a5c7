"""One rule for the sentence starters: the answer continues its starter, and the sheet
never prints the starter twice.

The sheet prints each part's starter ("Det er vigtigt for mig at …") above the person's
answer. Examples and the habit of writing whole sentences make people begin the answer
with the starter itself ("Det er vigtigt for mig at have ro om natten."; "så jeg kan
sove igen." under "… så jeg kan …"). On the sheet that repeated beginning is left out
("have ro om natten."), so it reads as one sentence; the saved text is never changed.
The same rule shows the examples on the screen as continuations ("… komme i skole igen").

Pure functions on strings: no I/O, no catalogue (the caller passes the starter).
"""

from __future__ import annotations

import re
import unicodedata

ELLIPSIS = "…"
# What may stand before a repeated starter (an ellipsis the person typed) and between
# it and the rest of the answer (a colon, a comma, a dash, spaces).
_LEAD = re.compile(r"^[\s…\.]*")
_JOIN = re.compile(r"^[\s:;,\-–—…\.]*(?=\S)|^[\s:;,\-–—…\.]*$")
_SPACES = re.compile(r"\s+")


def stem(starter: str) -> str:
    """The starter's own words, without the ellipses that show where the answer goes:
    "… så jeg kan …" -> "så jeg kan"."""
    return starter.strip().strip(ELLIPSIS + ". ").strip()


def continues(starter: str) -> bool:
    """True when the answer goes on from the starter's last word ("Det er vigtigt for mig
    at …"), False when the starter is a heading the answer stands under ("Sådan vil jeg
    introducere mig selv")."""
    return starter.rstrip().endswith(ELLIPSIS)


def _fold(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).casefold()


def without_starter(answer: str, starter: str) -> str:
    """The answer as the sheet prints it under its starter: a beginning that repeats the
    starter (in any case, after an ellipsis, followed by a colon or comma) is left out.
    Under a starter the answer continues, so is a beginning that repeats only its last
    words: "at jeg får sovet." under "Det er vigtigt for mig at …" would print "at … at"
    (a newcomer's answer in plain mode, where the starter stands right above the prompt).

    An answer that does not begin with the starter is returned as it is, every character
    kept; so is one that holds nothing but the starter (the person's only words are not
    taken away). Only the beginning is looked at: the starter said again later in the
    answer is the person's sentence.
    """
    words = stem(starter).split()
    if not words:
        return answer
    lead = _LEAD.match(answer)
    start = lead.end() if lead else 0
    # the whole starter, or (when the answer goes on from it) its last words, longest first
    tails = range(1, len(words)) if continues(starter) else range(0)
    for first in (0, *tails):
        rest = _after(answer[start:], words[first:])
        if rest is not None:
            return rest
    return answer


def _after(answer: str, words: list[str]) -> str | None:
    """What follows `words` at the answer's beginning, or None: not there, or nothing
    follows them."""
    # Compare word for word, whatever spaces or line breaks the person put between them.
    pattern = r"\s+".join(re.escape(w) for w in words)
    found = re.match(pattern, answer, flags=re.IGNORECASE)
    if found is None or _fold(found.group(0)) != _fold(" ".join(words)):
        return None
    rest = answer[found.end() :]
    if rest and rest[0].isalnum():
        return None  # "Det er vigtigt for mig atten …": not the starter, a longer word
    join = _JOIN.match(rest)
    rest = rest[join.end() :] if join else rest
    if not rest.strip():
        return None  # only the starter: keep what the person wrote
    return rest


def as_continuation(text: str, starter: str) -> str:
    """How an example answer is shown beside a starter it continues: "… komme i skole igen
    og tage min eksamen." (its own copy of the starter left out). Under a starter that is
    a heading the example is shown as it is."""
    if not continues(starter):
        return text
    return f"{ELLIPSIS} {without_starter(text, starter).lstrip(ELLIPSIS + ' ')}"
