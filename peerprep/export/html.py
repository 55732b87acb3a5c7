"""The sheet as one self-contained HTML file: readable on screen, by read-aloud tools,
and printable on A4 from any browser.

Every text, the person's and the catalogue's, is escaped. There are no scripts, no
external files and no web fonts: the file opens the same with no network.
"""

from __future__ import annotations

from html import escape

from peerprep.export.layout import Field, Paragraph, Sheet

_CSS = """
:root { --accent: #24485a; --soft: #a5a5a5; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif;
       font-size: 112.5%; line-height: 1.55; color: #111; background: #fff; }
body { margin: 0; }
main { max-width: 44rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { color: var(--accent); font-size: 2rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { color: var(--accent); font-size: 1.25rem; line-height: 1.3; margin: 1.8rem 0 .45rem; }
p { margin: 0 0 .7rem; }
.subtitle { font-size: 1.2rem; margin: 0 0 .6rem; }
.meeting { margin: 0; padding: 0 0 .9rem; border-bottom: 1px solid var(--soft); }
.meeting div { display: inline-block; margin: 0 1.6rem .15rem 0; }
.meeting dt, .meeting dd { display: inline; margin: 0; }
.meeting dt { font-weight: bold; }
.meeting dt::after { content: ":"; }
.blank { display: inline-block; width: 9em; border-bottom: 1px solid var(--soft); }
.lines div { height: 1.9em; border-bottom: 1px solid var(--soft); }
ol { margin: 0; padding-left: 1.6em; }
li { margin-bottom: .4rem; }
.notes { border: 1px solid var(--soft); border-radius: 4px; padding: .2rem 1rem .9rem;
         margin-top: 2rem; break-inside: avoid; }
.notes h2 { margin-top: .6rem; font-size: 1.05rem; }
footer { margin-top: 1.5rem; font-size: .85rem; color: #555; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden;
           clip: rect(0 0 0 0); white-space: nowrap; }
.large { font-size: 150%; }
@page { size: A4; margin: 17mm 20mm 20mm; }
@media print {
  html { font-size: 11pt; }
  html.large { font-size: 16pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
}
"""


def _text(p: Paragraph) -> str:
    return "<br>\n".join(escape(line) for line in p.lines)


def _paragraphs(items: tuple[Paragraph, ...]) -> list[str]:
    return [f'<p dir="auto">{_text(p)}</p>' for p in items]


def _lines(n: int) -> str:
    return '<div class="lines" aria-hidden="true">' + "<div></div>" * n + "</div>"


def _field(item: Field) -> str:
    value = escape(item.value) if item.value else '<span class="blank"></span>'
    return f"<div><dt>{escape(item.label)}</dt> <dd>{value}</dd></div>"


def sheet_to_html(sheet: Sheet) -> str:
    not_filled = escape(sheet.labels.get("not_filled", ""))
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(sheet.language)}"{" class=large" if sheet.large_print else ""}>',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(sheet.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(sheet.heading)}</h1>",
    ]
    if sheet.subtitle:
        out.append(f'<p class="subtitle" dir="auto">{escape(sheet.subtitle)}</p>')
    if sheet.meeting:
        out.append('<dl class="meeting">')
        out += [_field(item) for row in sheet.meeting for item in row]
        out.append("</dl>")
    for part in sheet.parts:
        out += ["<section>", f"<h2>{escape(part.starter)}</h2>"]
        if part.empty:
            out += [f'<p class="sr-only">{not_filled}</p>', _lines(sheet.writing_lines)]
        else:
            out += _paragraphs(part.paragraphs)
        out.append("</section>")
    out += ["<section>", f"<h2>{escape(sheet.questions_heading)}</h2>"]
    if sheet.questions:
        out.append("<ol>")
        out += [f'<li dir="auto">{_text(q)}</li>' for q in sheet.questions]
        out.append("</ol>")
    else:
        out += [f'<p class="sr-only">{not_filled}</p>', _lines(sheet.writing_lines)]
    out += ["</section>", '<section class="notes">', f"<h2>{escape(sheet.notes_heading)}</h2>"]
    for note in sheet.notes:
        out.append(f"<p><strong>{escape(note.label)}:</strong></p>")
        out += _paragraphs(note.paragraphs)
    out += [_lines(sheet.notes_lines), "</section>"]
    out += [f"<footer>{escape(sheet.prepared)}</footer>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
