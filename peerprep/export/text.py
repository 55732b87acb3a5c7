"""The sheet as plain text: for `peerprep show`, the .txt export and read-aloud use.

Built from the same layout as the PDF. The person's text has had its control characters
removed in layout.clean, so printing it to a terminal cannot send escape codes.
"""

from __future__ import annotations

from peerprep.export.layout import Field, Paragraph, Sheet, build_sheet
from peerprep.model import Preparation
from peerprep.words import Catalogue

# A line to write on by hand, for the parts that are still empty.
WRITING_LINE = "_" * 60


def _field(item: Field) -> str:
    return f"{item.label}: {item.value or '_' * 16}"


def _paragraphs(items: tuple[Paragraph, ...]) -> list[str]:
    out: list[str] = []
    for index, paragraph in enumerate(items):
        if index:
            out.append("")
        out.extend(paragraph.lines)
    return out


def sheet_to_text(sheet: Sheet) -> str:
    lines: list[str] = [sheet.heading]
    if sheet.subtitle:
        lines.append(sheet.subtitle)
    lines.append("")
    lines.extend("   ".join(_field(item) for item in row) for row in sheet.meeting)
    for part in sheet.parts:
        lines += ["", part.starter]
        if part.empty:
            lines += [""] + [WRITING_LINE] * sheet.writing_lines
        else:
            lines += _paragraphs(part.paragraphs)
    lines += ["", sheet.questions_heading]
    if sheet.questions:
        for number, question in enumerate(sheet.questions, start=1):
            first, *rest = question.lines
            lines.append(f"{number}. {first}")
            lines.extend(f"   {line}" for line in rest)
    else:
        lines += [""] + [WRITING_LINE] * sheet.writing_lines
    lines += ["", sheet.notes_heading]
    for note in sheet.notes:
        if note.paragraphs:
            lines += [f"{note.label}:", *_paragraphs(note.paragraphs), ""]
        else:  # a blank sheet: lines to write on under the label
            lines += [f"{note.label}:", "", *[WRITING_LINE] * sheet.writing_lines, ""]
    if not sheet.notes:
        lines += [""] + [WRITING_LINE] * sheet.notes_lines
    if sheet.prepared:
        lines += ["", sheet.prepared]
    return "\n".join(lines) + "\n"


def to_text(prep: Preparation, cat: Catalogue) -> str:
    """The preparation as plain text in the language of `cat`."""
    return sheet_to_text(build_sheet(prep, cat))
