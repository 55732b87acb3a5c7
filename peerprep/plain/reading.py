"""The statement read back as plain lines: each heading on a line of its own, then the
person's words, so a screen reader reads it in the order of the printed sheet; dates and
times in words (the sheet keeps its short form)."""

from __future__ import annotations

from peerprep.choices import PART_KEYS
from peerprep.export.layout import meeting_lines
from peerprep.model import Preparation
from peerprep.words import Catalogue
from peerprep.words.naming import spoken_title


def statement_lines(cat: Catalogue, prep: Preparation) -> list[str]:
    """The whole preparation as lines, in the order of the printed sheet."""
    lines = [cat.text("plain.review_heading", title=spoken_title(cat, prep)), ""]
    lines += meeting_lines(cat, prep, said=True)
    for key in PART_KEYS:
        text = prep.statement.get(key).strip()
        lines += ["", cat.part(key).starter]
        lines += text.splitlines() if text else [cat.text("plain.not_written")]
    lines += ["", cat.text("plain.questions_heading")]
    if prep.questions:
        lines += [f"{n}. {q}" for n, q in enumerate(prep.questions, start=1)]
    else:
        lines.append(cat.text("plain.no_questions"))
    after = prep.after_meeting
    if not after.is_empty():
        for key, text in (
            ("plain.after.agreed", after.agreed),
            ("plain.after.next_steps", after.next_steps),
        ):
            if text.strip():
                lines += ["", cat.text(key), *text.strip().splitlines()]
    lines += ["", cat.text("plain.review_end")]
    return lines
