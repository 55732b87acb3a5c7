"""The HTML printed from a real browser fits the same one A4 page as the PDF.

Uses Debian's chromium in headless print-to-PDF mode where it is installed (CI installs
it); skipped where it is not. The browser is given the bundled fonts through a
fontconfig file of its own, as a reader with Noto Sans installed has them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pdfread import body_text, reader

from peerprep.export import fit, html, pdf
from peerprep.export.html import sheet_to_html
from peerprep.export.layout import build_blank_sheet, build_sheet
from peerprep.resources import asset
from peerprep.words import catalogue

BROWSER = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
needs_browser = pytest.mark.skipif(BROWSER is None, reason="no chromium installed")


@pytest.fixture(scope="module")
def browser_print(tmp_path_factory):
    """Print an HTML file with headless chromium; returns the PDF's bytes."""
    home = tmp_path_factory.mktemp("browser")
    config = home / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{asset('fonts')}</dir>\n  <cachedir>{home / 'cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )

    def run(markup: str, name: str) -> bytes:
        page = home / f"{name}.html"
        page.write_text(markup, encoding="utf-8")
        out = home / f"{name}.pdf"
        profile = home / f"profile-{name}"
        command = [
            str(BROWSER), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", "--no-pdf-header-footer",
            f"--print-to-pdf={out}", page.as_uri(),
        ]  # fmt: skip
        env = {**os.environ, "FONTCONFIG_FILE": str(config), "HOME": str(home)}
        subprocess.run(command, env=env, capture_output=True, timeout=120, check=False)
        assert out.exists(), "chromium made no PDF"
        return out.read_bytes()

    return run


def _statement(preparation, more: int):
    """The sample statement with its first part made longer by `more` sentences."""
    prep = preparation()
    extra = " Jeg vil gerne fortælle lidt mere om hvordan jeg har det i hverdagen." * more
    prep.set_part("introduction", prep.statement.introduction + extra)
    return build_sheet(prep, catalogue("da"))


@needs_browser
@pytest.mark.parametrize(
    "more", [0, 18, 21, 57], ids=["short", "full-at-11pt", "full-at-10.5pt", "full-at-8pt"]
)
def test_printed_html_is_one_page_where_the_pdf_is(preparation, browser_print, more):
    sheet = _statement(preparation, more)
    estimate = fit.estimate(sheet)
    assert not estimate.second_page
    assert pdf.page_count(pdf.render(sheet)) == 1
    printed = browser_print(sheet_to_html(sheet), f"statement-{more}")
    pages = reader(printed).pages
    assert len(pages) == 1, f"{len(pages)} pages at {estimate.size} pt"
    box = pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    text = body_text(printed)
    assert "Noter fra mødet" in text and "Jeg hedder Åse" in text


@needs_browser
@pytest.mark.parametrize("language", ["da", "en"])
def test_printed_blank_sheet_is_one_page(browser_print, language):
    sheet = build_blank_sheet(catalogue(language))
    assert len(reader(browser_print(sheet_to_html(sheet), f"blank-{language}")).pages) == 1


@needs_browser
@pytest.mark.parametrize("which", ["statement", "empty"])
def test_printed_large_print_is_one_page_where_the_pdf_is(preparation, empty, browser_print, which):
    """The PDF gives its empty notes box fewer lines (the statement) or leaves it out (an
    empty preparation) to stay on one page; printed from the browser, so does the HTML."""
    prep = preparation() if which == "statement" else empty()
    sheet = build_sheet(prep, catalogue("da"), large_print=True)
    estimate = fit.estimate(sheet)
    assert estimate.notes != fit.NOTES_FULL
    assert pdf.page_count(pdf.render(sheet)) == 1
    printed = browser_print(sheet_to_html(sheet), f"large-{which}")
    assert len(reader(printed).pages) == 1
    text = body_text(printed)
    assert catalogue("da").text("sheet.questions") in text
    assert ("Noter fra mødet" in text) == (estimate.notes == fit.NOTES_FEWER)


def test_print_styles_take_the_pdfs_size_and_measures(preparation):
    small = _statement(preparation, 57)
    styles = sheet_to_html(small)
    assert f"font-size: {fit.estimate(small).size:g}pt" in styles
    assert "@page { size: A4; margin: 17.0mm 20.0mm" in styles
    assert "break-inside: avoid" not in styles  # the notes box may break, as in the PDF
    assert "font-size: 16pt" in sheet_to_html(_large(preparation))


def _large(preparation):
    return build_sheet(preparation(), catalogue("da"), large_print=True)


def test_line_box_measures_are_noto_sans():
    with TTFont(Path(asset("fonts")) / "NotoSans-Regular.ttf", lazy=True) as font:
        scale = font["head"].unitsPerEm
        assert font["hhea"].ascent / scale == html.ASCENT
        assert -font["hhea"].descent / scale == html.DESCENT
