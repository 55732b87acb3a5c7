"""The sheet as one self-contained HTML file: readable on screen, by read-aloud tools,
and printable on A4 from any browser.

Every text, the person's and the catalogue's, is escaped. There are no scripts, no
external files and no web fonts: the file opens the same with no network, and the
browser draws every script with the reader's own fonts.

Printed, it is laid out like the PDF: the same page margins, the same body size (the one
fit.py says the PDF takes), and the same rhythm as assets/sheet.typ, so that a statement
that is one page as a PDF is one page from the browser too. typst measures a line from
the capitals' top to the baseline and CSS measures whole line boxes, so each CSS gap is
the template's gap less the part of a line box typst does not count (see `_print_css`).
"""

from __future__ import annotations

from html import escape

import peerprep.export.fit as fit
from peerprep.export.layout import BLANK_NOTE_LINES, Field, Paragraph, Sheet

_CSS = """
:root { --accent: #24485a; --soft: #a5a5a5; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "Open Sans", "Segoe UI", "Helvetica Neue", Arial,
       "Liberation Sans", sans-serif;
       font-size: 112.5%; line-height: 1.55; color: #111; background: #fff; }
body { margin: 0; }
main { max-width: 44rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { color: var(--accent); font-size: 2rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { color: var(--accent); font-size: 1.25rem; line-height: 1.3; margin: 1.8rem 0 .45rem; }
p { margin: 0 0 .7rem; }
p, li, dd, .subtitle { overflow-wrap: anywhere; }
.subtitle { font-size: 1.2rem; margin: 0 0 .6rem; }
.meeting { margin: 0; padding: 0 0 .9rem; border-bottom: 1px solid var(--soft); }
.meeting .row div { display: inline-block; margin: 0 1.6rem .15rem 0; }
.meeting .row div.wide { display: flex; margin-right: 0; }
.meeting .row div.wide dd { display: flex; flex: 1; }
.meeting dt, .meeting dd { display: inline; margin: 0; }
.meeting dt { font-weight: bold; }
.meeting dt::after { content: ":"; }
.blank { display: inline-block; width: 9em; border-bottom: 1px solid var(--soft); }
.wide .blank { flex: 1; width: auto; margin-left: .3em; }
.lines div { height: 1.9em; border-bottom: 1px solid var(--soft); }
ol { margin: 0; padding-left: 1.6em; }
li { margin-bottom: .4rem; }
.notes { border: 1px solid var(--soft); border-radius: 4px; padding: .2rem 1rem .9rem;
         margin-top: 2rem; }
.notes h2 { margin-top: .6rem; font-size: 1.05rem; }
footer { margin-top: 1.5rem; font-size: .85rem; color: #555; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden;
           clip: rect(0 0 0 0); white-space: nowrap; }
.large { font-size: 150%; }
"""

# A CSS line box of `line-height: LINE` is LINE em tall, with the glyphs centred in it;
# typst counts a line from the capitals' top to the baseline and puts `lead` between
# lines. So in CSS each block of text has ABOVE em over its first capitals and BELOW em
# under its last baseline (ABOVE + BELOW = lead) that typst does not count, and they
# come off the gaps: a gap from block A to block B is the template's gap less
# BELOW x A's size less ABOVE x B's size. Noto Sans's ascent and descent (its hhea
# table; tests/export/test_export_html.py reads them) place the glyphs in the box.
LINE = fit.CAP + fit.LEAD
ASCENT, DESCENT = 1.069, 0.293
_HALF_LEADING = (LINE - ASCENT - DESCENT) / 2
ABOVE = _HALF_LEADING + ASCENT - fit.CAP
BELOW = _HALF_LEADING + DESCENT
FOOTER_SIZE, FOOTER_LARGE = 8.5, 16.0  # the footer's size in points (sheet.typ)
FOOTER_ROOM = 1.4  # mm between the footer and the foot of the page, for rounding


def _print_css(sheet: Sheet, estimate: fit.Estimate) -> str:
    """Print styles with the PDF's measures (sheet.typ, fit.py), at the PDF's body size;
    an empty notes box the PDF leaves out for want of room is not printed either."""
    size = estimate.size
    hidden = "  .notes { display: none; }\n" if estimate.notes == fit.NOTES_LEFT_OUT else ""
    # The PDF's footer stands in its bottom margin; here it follows the sheet, so the page's
    # bottom margin is the PDF's less the footer's line and the gap above it (and a little
    # room for the browser's rounding): the sheet has the PDF's height above the footer.
    footer = FOOTER_LARGE if sheet.large_print else FOOTER_SIZE
    footer_gap = 0.3 if sheet.large_print else 0.8
    bottom = (fit.MARGIN_BOTTOM - footer * (LINE + footer_gap)) / fit.MM - FOOTER_ROOM
    top, side = fit.MARGIN_TOP / fit.MM, fit.MARGIN_X / fit.MM
    h1, h2, sub = (fit.H1_LARGE if sheet.large_print else fit.H1), fit.H2, fit.SUBTITLE
    row_gap = fit.BLANK_ROW_GAP if sheet.blank else fit.ROW_GAP
    text = fit.LEAD  # between two blocks of body text: BELOW + ABOVE

    def em(value: float, scale: float = 1.0) -> str:
        """`value` em of the body size, in em of an element `scale` times as large."""
        return f"{value / scale:.4f}em"

    return f"""
@page {{ size: A4; margin: {top:.1f}mm {side:.1f}mm {bottom:.1f}mm; }}
@media print {{
  html, html.large {{ font-size: {size:g}pt; line-height: {LINE:.4f}; }}
  main {{ max-width: none; padding: 0; }}
  h1 {{ font-size: {h1}em; line-height: {LINE:.4f}; margin: {em(-ABOVE * h1, h1)} 0 0; }}
  h2 {{ font-size: {h2}em; line-height: {LINE:.4f}; margin: 0; break-after: avoid; }}
  p, li {{ margin: 0; }}
  .subtitle {{ font-size: {sub}em;
               margin: {em(fit.AFTER_HEADING - BELOW * h1 - ABOVE * sub, sub)} 0 0; }}
  .meeting {{ margin: {em(fit.MEETING_GAP - BELOW * h1 - ABOVE)} 0 0;
              padding: 0 0 {em(fit.RULE_ABOVE - BELOW)}; border-bottom-width: 0.6pt; }}
  .subtitle + .meeting {{ margin-top: {em(fit.MEETING_GAP - BELOW * sub - ABOVE)}; }}
  .meeting .row div {{ margin: 0 {em(fit.ITEM_GAP)} 0 0; }}
  .meeting .row + .row {{ margin-top: {em(row_gap - text)}; }}
  .blank {{ width: {em(fit.BLANK_WIDTH)}; height: {em(fit.BLANK_HEIGHT)}; }}
  .wide .blank {{ width: auto; }}
  section.after-rule {{ margin-top: {em(fit.RULE_BELOW - ABOVE * h2)}; }}
  section.after-text {{ margin-top: {em(fit.PART_GAP - BELOW - ABOVE * h2)}; }}
  section.after-lines {{ margin-top: {em(fit.LINES_GAP - ABOVE * h2)}; }}
  h2 + p, h2 + ol {{ margin-top: {em(fit.AFTER_STARTER - BELOW * h2 - ABOVE)}; }}
  h2 + .sr-only + .lines {{ margin-top: {em(-BELOW * h2)}; }}
  p + p {{ margin-top: {em(fit.PARA_GAP - text)}; }}
  li + li {{ margin-top: {em(fit.QUESTION_GAP - text)}; }}
  ol {{ padding-left: {em(fit.NUMBER_COLUMN)}; }}
  .lines div {{ height: {em(fit.WRITE_PITCH)}; border-bottom-width: 0.6pt; }}
  .notes {{ padding: {em(fit.NOTES_INSET - ABOVE)} {em(fit.NOTES_INSET)} {em(fit.NOTES_INSET)};
            border-width: 0.8pt; border-radius: 3pt; }}
  .notes.after-text {{ margin-top: {em(fit.PART_GAP - BELOW)}; }}
  .notes.after-lines {{ margin-top: {em(fit.LINES_GAP)}; }}
  .notes h2 {{ font-size: 1em; margin: 0; }}
  .notes .label {{ margin-top: {em(fit.PARA_GAP - text)}; font-weight: bold; }}
  .notes .lines + .label {{ margin-top: {em(fit.PARA_GAP - ABOVE)}; }}
  .notes .label + p {{ margin-top: {em(fit.AFTER_STARTER - text)}; }}
  .notes .label + .lines, .notes h2 + .lines, .notes p + .lines {{ margin-top: {em(-BELOW)}; }}
  footer {{ margin-top: {footer_gap}em; font-size: {footer / size:.4f}em; }}
{hidden}}}
"""


def _dir(rtl: bool) -> str:
    return "rtl" if rtl else "ltr"


def _text(p: Paragraph) -> str:
    return "<br>\n".join(escape(line) for line in p.lines)


def _paragraphs(items: tuple[Paragraph, ...]) -> list[str]:
    return [f'<p dir="{_dir(p.rtl)}">{_text(p)}</p>' for p in items]


def _lines(n: int) -> str:
    return '<div class="lines" aria-hidden="true">' + "<div></div>" * n + "</div>"


def _field(item: Field) -> str:
    # The person's words keep their own direction inside the line (<bdi>).
    value = f"<bdi>{escape(item.value)}</bdi>" if item.value else '<span class="blank"></span>'
    wide = ' class="wide"' if item.wide and not item.value else ""
    return f"<div{wide}><dt>{escape(item.label)}</dt> <dd>{value}</dd></div>"


def sheet_to_html(sheet: Sheet) -> str:
    not_filled = escape(sheet.labels.get("not_filled", ""))
    estimate = fit.estimate(sheet)
    # As the PDF: an empty notes box with fewer lines when the answers need the room.
    notes_lines = sheet.notes_lines
    if estimate.notes != fit.NOTES_FULL:
        notes_lines = fit.fewest_notes_lines(sheet)
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(sheet.language)}"{" class=large" if sheet.large_print else ""}>',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(sheet.title)}</title>",
        f"<style>{_CSS}{_print_css(sheet, estimate)}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(sheet.heading)}</h1>",
    ]
    if sheet.subtitle:
        direction = _dir(sheet.subtitle_rtl)
        out.append(f'<p class="subtitle" dir="{direction}">{escape(sheet.subtitle)}</p>')
    if sheet.meeting:
        out.append('<dl class="meeting">')
        for row in sheet.meeting:
            out += ['<div class="row">', *(_field(item) for item in row), "</div>"]
        out.append("</dl>")
    after = "after-rule"
    for part in sheet.parts:
        out += [f'<section class="{after}">', f"<h2>{escape(part.starter)}</h2>"]
        if part.empty:
            out += [f'<p class="sr-only">{not_filled}</p>', _lines(sheet.writing_lines)]
        else:
            out += _paragraphs(part.paragraphs)
        out.append("</section>")
        after = "after-lines" if part.empty else "after-text"
    out += [f'<section class="{after}">', f"<h2>{escape(sheet.questions_heading)}</h2>"]
    if sheet.questions:
        out.append("<ol>")
        out += [f'<li dir="{_dir(q.rtl)}">{_text(q)}</li>' for q in sheet.questions]
        out.append("</ol>")
    else:
        out += [f'<p class="sr-only">{not_filled}</p>', _lines(sheet.writing_lines)]
    after = "after-text" if sheet.questions else "after-lines"
    out += ["</section>", f'<section class="notes {after}">']
    out.append(f"<h2>{escape(sheet.notes_heading)}</h2>")
    for note in sheet.notes:
        out.append(f'<p class="label">{escape(note.label)}:</p>')
        out += _paragraphs(note.paragraphs) if note.paragraphs else [_lines(BLANK_NOTE_LINES)]
    if notes_lines:
        out.append(_lines(notes_lines))
    out.append("</section>")
    if sheet.prepared:
        out.append(f"<footer>{escape(sheet.prepared)}</footer>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
