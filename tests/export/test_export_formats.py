"""HTML, plain text and Markdown: same content as the PDF, every user string made harmless."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from peerprep.choices import PART_KEYS
from peerprep.export import service
from peerprep.export.html import sheet_to_html
from peerprep.export.layout import build_sheet
from peerprep.export.markdown import escape, sheet_to_markdown
from peerprep.export.text import WRITING_LINE, to_text
from peerprep.words import catalogue

HOSTILE = "<script>alert('x')</script> \"citat\" & <img src=x onerror=alert(1)>"


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    return parser


def test_html_escapes_every_user_string(preparation):
    prep = preparation()
    prep.title = HOSTILE
    prep.set_part("introduction", HOSTILE)
    prep.meeting.place = HOSTILE
    prep.questions = [HOSTILE]
    html = sheet_to_html(build_sheet(prep, catalogue("da")))
    parsed = _parse(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not any(name.startswith("on") for name, _ in parsed.attrs)
    assert "&lt;script&gt;" in html and "&quot;citat&quot;" in html and "&#x27;x&#x27;" in html
    assert HOSTILE in "".join(parsed.text)  # and the reader sees exactly what was typed


def test_html_is_self_contained_readable_and_printable(preparation):
    html = sheet_to_html(build_sheet(preparation(), catalogue("da")))
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="da"' in html
    assert "@page { size: A4" in html
    assert not re.search(r"(src|href)=|https?:|@import|<script", html)
    parsed = _parse(html)
    assert parsed.tags.count("h1") == 1
    assert parsed.tags.count("h2") == 6  # four parts, questions, notes
    assert "ol" in parsed.tags and "main" in parsed.tags
    text = "".join(parsed.text)
    assert "Jeg hedder Åse" in text and "Hvornår kan jeg komme hjem?" in text


def test_html_empty_parts_are_announced_and_ruled(empty):
    html = sheet_to_html(build_sheet(empty("en"), catalogue("en")))
    assert '<html lang="en"' in html
    assert html.count("Not filled in yet.") == 5
    assert html.count('class="lines" aria-hidden="true"') == 6  # parts, questions, notes


def test_html_large_print_and_right_to_left(preparation):
    prep = preparation()
    prep.set_part("important", "مرحبا بكم")
    html = sheet_to_html(build_sheet(prep, catalogue("da"), large_print=True))
    assert "class=large" in html
    assert '<p dir="rtl">مرحبا بكم</p>' in html


def test_text_has_every_part_and_writing_lines(preparation, empty):
    cat = catalogue("da")
    text = to_text(preparation(), cat)
    for key in PART_KEYS:
        assert cat.part(key).starter in text
    assert "1. Hvornår kan jeg komme hjem?" in text
    assert "Forberedt 03.03.2025" in text
    blank = to_text(empty(), cat)
    assert blank.count(WRITING_LINE) == 5 * 3 + 3


def test_text_drops_terminal_control_characters(preparation):
    prep = preparation()
    prep.set_part("introduction", "Hej\x1b[31m rød\x07\u202e omvendt\r\nny linje")
    text = to_text(prep, catalogue("da"))
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "Hej[31m rød omvendt\nny linje" in text


def test_markdown_escapes_the_persons_words(preparation):
    prep = preparation()
    prep.set_part("introduction", "# ikke en overskrift\n- ikke en liste\n1. ikke nummereret")
    prep.set_part("important", "*fed* _skrå_ [link](http://x) <b>html</b> `kode` \\ & |")
    md = sheet_to_markdown(build_sheet(prep, catalogue("da")))
    assert "\\# ikke en overskrift\\\n\\- ikke en liste\\\n1\\. ikke nummereret" in md
    assert "\\*fed\\* \\_skrå\\_ \\[link\\](http://x) \\<b\\>html\\</b\\> \\`kode\\`" in md
    assert "\\\\ \\& \\|" in md
    assert "## Det er vigtigt for mig at …" in md
    assert "- **Dato:** 12.03.2025" in md  # mid-line numbers are left alone


def test_markdown_escape_rules():
    assert escape("1. nej", line_start=True) == "1\\. nej"
    assert escape("1. nej") == "1. nej"
    assert escape("> citat", line_start=True) == "\\> citat"
    assert escape("  + x", line_start=True) == "  \\+ x"
    assert escape("a_b*c") == "a\\_b\\*c"


def test_every_format_exports_to_a_file(preparation, export_dir):
    prep = preparation()
    for fmt in service.FORMATS:
        path = service.export_preparation(prep, fmt=fmt)
        assert path.parent == export_dir
        assert path.suffix == f".{fmt}"
        assert path.stat().st_size > 500
    assert sorted(p.suffix for p in export_dir.iterdir()) == [".html", ".md", ".pdf", ".txt"]


def test_meeting_lines_read_on_screen_are_the_sheets_own_words(preparation) -> None:
    """The review (full screen and line by line) reads the meeting as the sheet prints it."""
    from peerprep.export.layout import meeting_lines
    from peerprep.model import Preparation
    from peerprep.words import catalogue

    cat = catalogue("da")
    lines = meeting_lines(cat, preparation())
    assert lines[0].startswith("Møde: Udskrivningsmøde")
    assert "Sted: Afsnit P3" in lines
    assert "Hvem kommer: Overlæge Hansen, Kontaktperson Mette" in lines
    assert "Bisidder: Min søster Ida" in lines
    # Nothing known yet: the kind only, never blanks meant for a pen.
    assert meeting_lines(cat, Preparation.new("da")) == ["Møde: Andet møde"]
