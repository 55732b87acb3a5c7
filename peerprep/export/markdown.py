"""The sheet as Markdown: headings and lists, the person's words escaped so that they
are shown as written and never turn into links, emphasis, headings or HTML."""

from __future__ import annotations

import re

from peerprep.export.layout import Paragraph, Sheet

# Characters that mean something anywhere in a line (CommonMark lets any ASCII
# punctuation be escaped with a backslash, so escaping is always safe).
_ANYWHERE = re.compile(r"([\\`*_\[\]<>#|~&!])")
# Characters that only mean something at the start of a line: list markers, quotes,
# setext underlines, numbered lists ("1." or "1)").
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")


def escape(text: str, *, line_start: bool = False) -> str:
    """`text` with every character that Markdown would act on escaped. `line_start`: the
    text begins a line, where "-", "+", ">", "=" and "1." also have a meaning."""
    escaped = _ANYWHERE.sub(r"\\\1", text)
    match = _LINE_START.match(escaped) if line_start else None
    if match:
        lead, marker = match.group(1), match.group(2)
        rest = escaped[match.end() :]
        if marker[0].isdigit():
            return f"{lead}{marker}\\{rest}"
        return f"{lead}\\{marker}{rest}"
    return escaped


def _paragraph(p: Paragraph) -> str:
    # A backslash at the end of a line is a hard line break: the person's own breaks stay.
    return "\\\n".join(escape(line, line_start=True) for line in p.lines)


def _blank_lines(n: int) -> list[str]:
    # Each becomes a ruled line (a thematic break) to write on once printed.
    out: list[str] = []
    for _ in range(n):
        out += ["_" * 40, ""]
    return out


def sheet_to_markdown(sheet: Sheet) -> str:
    out: list[str] = [f"# {escape(sheet.heading)}", ""]
    if sheet.subtitle:
        out += [f"**{escape(sheet.subtitle)}**", ""]
    for row in sheet.meeting:
        for item in row:
            value = escape(item.value) if item.value else "_" * 16
            out.append(f"- **{escape(item.label)}:** {value}")
    out.append("")
    for part in sheet.parts:
        out += [f"## {escape(part.starter)}", ""]
        if part.empty:
            out += _blank_lines(sheet.writing_lines)
        else:
            for p in part.paragraphs:
                out += [_paragraph(p), ""]
    out += [f"## {escape(sheet.questions_heading)}", ""]
    if sheet.questions:
        for number, q in enumerate(sheet.questions, start=1):
            out.append(f"{number}. " + _paragraph(q).replace("\n", "\n   "))
        out.append("")
    else:
        out += _blank_lines(sheet.writing_lines)
    out += [f"## {escape(sheet.notes_heading)}", ""]
    for note in sheet.notes:
        out += [f"**{escape(note.label)}:**", ""]
        for p in note.paragraphs:
            out += [_paragraph(p), ""]
        if not note.paragraphs:  # a blank sheet: lines to write on under the label
            out += _blank_lines(sheet.writing_lines)
    if not sheet.notes:
        out += _blank_lines(sheet.notes_lines)
    if sheet.prepared:
        out += [f"*{escape(sheet.prepared)}*"]
    return "\n".join(out) + "\n"
