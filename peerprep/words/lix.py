"""How easy a text is to read: LIX (Björnsson's läsbarhetsindex) and sentence lengths.

LIX = words / sentences + 100 * long words / words, where a long word has more than six
letters. Below 25 is very easy (children's books), 25-35 easy, 35-45 middle (newspapers),
above 55 hard (official papers). The program's Danish help texts must stay below 35.

Counting rules, chosen so that the number means the same for every catalogue text:
- {placeholders} are removed first: the person never sees them as written.
- A sentence ends at . ! ? : followed by white space or the end, and at a line break.
  Periods inside numbers (14.30, 01.02.2025) and in common abbreviations (kl., f.eks.,
  bl.a., e.g.) do not end a sentence. Text without an ending is one sentence.
- A word is a run of letters or digits; a hyphen or apostrophe inside a word joins it
  (USB-nøgle, id'et), and so does a period or colon between digits (14.30, 01.02.2025).
  Joining marks and digits do not count as letters, so a number is never a long word.

For one- or two-word texts (a button, a heading) LIX says little: one long word scores
101. Such labels are measured together as one text, see `lix_of_many`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

LONG_WORD = 6  # more letters than this makes a word long

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_WORD = re.compile(r"[^\W_]+(?:(?:['’-]|(?<=\d)[.:,/](?=\d))[^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)|\n+")
# Abbreviations whose period is not the end of a sentence (Danish first, then English).
_ABBREVIATIONS = (
    "f.eks.", "bl.a.", "dvs.", "osv.", "kl.", "ca.", "evt.", "nr.", "mht.", "jf.", "pga.",
    "e.g.", "i.e.", "etc.", "vs.", "no.", "approx.",
)  # fmt: skip
_ABBREVIATION = re.compile(
    r"(?<![^\W_])(" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")", re.IGNORECASE
)


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    long_words: int

    @property
    def lix(self) -> float:
        if not self.words:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


def _clean(text: str) -> str:
    text = _PLACEHOLDER.sub(" ", text)
    # Remove the abbreviations' periods so they cannot end a sentence.
    return _ABBREVIATION.sub(lambda m: m.group(1).replace(".", ""), text)


def sentences(text: str) -> list[str]:
    """The sentences of a text that hold at least one word."""
    parts = _SENTENCE_END.split(_clean(text))
    return [part.strip() for part in parts if _WORD.search(part)]


def words(text: str) -> list[str]:
    return _WORD.findall(_clean(text))


def letters(word: str) -> int:
    return sum(1 for ch in word if ch.isalpha())


def measure(text: str) -> Readability:
    found = words(text)
    return Readability(
        words=len(found),
        sentences=max(1, len(sentences(text))) if found else 0,
        long_words=sum(1 for w in found if letters(w) > LONG_WORD),
    )


def lix(text: str) -> float:
    """The LIX of one text (0.0 for a text without words)."""
    return measure(text).lix


def lix_of_many(texts: Iterable[str]) -> float:
    """The LIX of short texts read as one text, each of them one sentence (labels, buttons)."""
    total = Readability(0, 0, 0)
    for text in texts:
        one = measure(text)
        if one.words:
            total = Readability(
                total.words + one.words,
                total.sentences + 1,
                total.long_words + one.long_words,
            )
    return total.lix


def sentence_lengths(text: str) -> list[int]:
    """How many words each sentence has (for the English "15 words at most" rule)."""
    return [len(_WORD.findall(s)) for s in sentences(text)]
