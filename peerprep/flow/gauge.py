"""How much of the printed sheet the person's answers fill: the gauge's measure.

The measure is the export layer's own (the one the PDF is laid out by), so the gauge and
the printed sheet agree. A part keeps some room on the sheet even when it holds a few
words, so a short answer does not move that measure at all; a gauge standing at 0 % after
four answers looks broken. So the share is also counted in letters, against how many
letters the sheet holds when the four parts are equally long (up to 80 %, where the
layout takes over), and the larger of the two is given.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from peerprep.choices import PART_KEYS

if TYPE_CHECKING:
    from peerprep.model import Preparation
    from peerprep.words import Catalogue

LETTERS_UP_TO = 0.8


@dataclass(frozen=True)
class Fill:
    """share: how much of the room for answers the person's words take (1.0 = all of it).
    smaller: the PDF sets the letters smaller to fit; second_page: it cannot fit one page."""

    share: float
    smaller: bool = False
    second_page: bool = False


# What `measure` says of a new, empty preparation (a test holds it to that): shown on part 1
# of `peerprep new` before the preparation, the model and the sheet's layout are loaded.
EMPTY = Fill(0.0)


def _placeholders(prep: Preparation, *, everything: bool = False) -> Preparation:
    """The sheet with one letter in each empty part (or in every part), so the lines left
    for handwriting under an empty part are not counted as the person's words."""
    copy = prep.model_copy(deep=True)
    for key in PART_KEYS:
        if everything or not copy.statement.get(key).strip():
            copy.set_part(key, "x")
    if everything:
        copy.questions = []
    return copy


def _layout_share(prep: Preparation, cat: Catalogue) -> float:
    from peerprep import export

    used = export.fill_ratio(_placeholders(prep), cat)
    floor = export.fill_ratio(_placeholders(prep, everything=True), cat)
    return used if floor >= 1.0 else max(0.0, (used - floor) / (1.0 - floor))


@functools.lru_cache(maxsize=4)
def room_in_letters(cat: Catalogue) -> int:
    """How many letters of answers fill the sheet, spread evenly over the four parts
    (found once per language by halving, from the layout measure itself)."""
    from peerprep.model import Preparation

    word = "ordene "

    def share_at(words: int) -> float:
        prep = Preparation.new(cat.language)
        for key in PART_KEYS:
            prep.set_part(key, (word * words).strip())
        return _layout_share(prep, cat)

    low, high = 1, 64
    while share_at(high) < 1.0 and high < 8192:
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if share_at(middle) < 1.0 else (low, middle)
    return len(PART_KEYS) * len((word * high).strip())


def letters(prep: Preparation) -> int:
    """The person's own letters on the sheet: the four parts and the questions."""
    parts = sum(len(prep.statement.get(key).strip()) for key in PART_KEYS)
    return parts + sum(len(question) for question in prep.questions)


def measure(prep: Preparation) -> Fill:
    """How full the sheet is, in the sheet's own language (flow.taking_along's rule).

    The whole page is headings, the meeting box, the parts and the questions. Measured
    against the same sheet with one letter per part and no questions, what is left is
    what the person's own words use of the room there is for them."""
    from peerprep.words import catalogue

    cat = catalogue(prep.language)
    # Counted in letters only up to LETTERS_UP_TO: near a full sheet, the layout knows best.
    # No letters yet (a new preparation): nothing to count, and the room is not measured.
    written = letters(prep)
    counted = min(LETTERS_UP_TO, written / max(1, room_in_letters(cat))) if written else 0.0
    share = max(_layout_share(prep, cat), counted)
    from peerprep import export

    whole = export.estimate(prep, cat)
    return Fill(share, whole.smaller, whole.second_page)
