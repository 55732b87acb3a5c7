"""Every script printed with a real glyph, from the bundled fonts, the computer's own, or
not at all and said so before the file is made."""

from __future__ import annotations

import collections
import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pdfread import body_text, empty_boxes, fonts_in, lines, reader
from sheet_samples import RTL, SCRIPTS

from peerprep.cli import main
from peerprep.export import fonts, metrics, pdf, service
from peerprep.export.layout import build_sheet
from peerprep.resources import asset
from peerprep.store import Store
from peerprep.words import catalogue

BUNDLE = Path(asset("fonts"))


def _words(text: str) -> set[str]:
    """The words of `text` without the punctuation around them."""
    found = set()
    for word in text.split():
        while word and unicodedata.category(word[0]).startswith("P"):
            word = word[1:]
        while word and unicodedata.category(word[-1]).startswith("P"):
            word = word[:-1]
        if word:
            found.add(word)
    return found


def _letters(text: str) -> collections.Counter[str]:
    """The characters of `text` that are drawn, counted (spaces, joiners and marks that
    shape text but have no glyph of their own left out)."""
    return collections.Counter(
        char for char in text if not char.isspace() and unicodedata.category(char) != "Cf"
    )


def _embedded_cover(data: bytes) -> set[int]:
    """The code points the PDF's embedded fonts draw, read from the bundle's own copies of
    those fonts (found by their PostScript names)."""
    names = fonts_in(data)
    covered: set[int] = set()
    for path in BUNDLE.glob("*.ttf"):
        with TTFont(path, lazy=True) as font:
            if font["name"].getDebugName(6) in names:
                covered |= set(font.getBestCmap())
    return covered


SHAPED = {"thai", "tamil", "hindi", "nepali"}


def _poppler_text(data: bytes) -> str:
    """The PDF's text as poppler reads it, or "" where poppler-utils is not installed."""
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        return ""
    result = subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True, timeout=60
    )
    return result.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def samples_pdf() -> bytes:
    from conftest import make_preparation

    prep = make_preparation()
    prep.set_part("introduction", "\n\n".join(SCRIPTS.values()))
    return pdf.render(build_sheet(prep, catalogue("da")))


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_each_script_is_printed_with_real_glyphs(script, samples_pdf):
    sample = SCRIPTS[script]
    text = body_text(samples_pdf)
    # Found in the PDF's text: whole where text extraction keeps the order. Right-to-left
    # lines come out in visual order, and pypdf names a few joined letters out of order
    # (Persian and Pashto "خ", a word with a zero-width non-joiner): every letter, and
    # most words whole. Shaped clusters of Thai and the Indic scripts: every letter
    # (poppler's pdftotext reads these in order, where it is installed).
    if script in RTL:
        assert not _letters(sample) - _letters(text), sample
        whole = _words(sample)
        assert len(whole & _words(text)) >= 0.75 * len(whole), sample
    elif script not in SHAPED:
        assert sample in text
    # Drawn with a real glyph: the embedded fonts have every character.
    covered = _embedded_cover(samples_pdf)
    assert {char for char in _letters(sample) if ord(char) not in covered} == set()
    if script in SHAPED:
        read = _poppler_text(samples_pdf)
        if not read:  # pypdf reads Thai marks onto the wrong letters
            pytest.skip("needs poppler-utils' pdftotext to read the text back")
        assert not _letters(sample) - _letters(read), sample


def test_no_empty_boxes_and_nothing_said_for_the_bundled_scripts(samples_pdf, preparation):
    assert empty_boxes(samples_pdf) == 0
    prep = preparation()
    prep.set_part("introduction", "\n\n".join(SCRIPTS.values()))
    assert service.unprintable(prep) == ()


def test_the_bundle_covers_every_sample_by_its_character_maps():
    covered = fonts.bundle_coverage()
    for script, sample in SCRIPTS.items():
        missing = [c for c in sample if fonts.needs_glyph(c) and ord(c) not in covered]
        assert not missing, script


def test_case_scripts_says_before_which_characters_will_not_print(fixture_preparation, monkeypatch):
    """Tigrinya, Tamil, Thai and ✅ print; Chinese does not here (no computer font has
    it): the export names 你 and 好 and they are the only empty boxes."""
    monkeypatch.setattr(fonts, "system_fonts", lambda: [])
    prep = fixture_preparation("case-scripts.json")
    assert service.unprintable(prep) == ("你", "好")
    data = pdf.render(build_sheet(prep, catalogue("da")))
    assert empty_boxes(data) == 2
    text = body_text(data)
    for word in ("ሰላም", "ኣብ", "ዓለም", "✅"):
        assert word in text


def _han_font(folder: Path) -> Path:
    """A small real font that draws 你 and 好 (with the shapes of Noto Sans's A and B),
    standing in for a computer's own Chinese font."""
    from fontTools import subset

    font = TTFont(BUNDLE / "NotoSans-Regular.ttf")
    subsetter = subset.Subsetter(subset.Options(name_IDs=["*"], notdef_outline=True))
    subsetter.populate(text="AB")
    subsetter.subset(font)
    cmap = font.getBestCmap()
    glyphs = {0x4F60: cmap[ord("A")], 0x597D: cmap[ord("B")]}
    font["cmap"].tables = [t for t in font["cmap"].tables if t.isUnicode()]
    for table in font["cmap"].tables:
        table.cmap = dict(glyphs)
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = "Test Han"
        elif record.nameID == 4:
            record.string = "Test Han Regular"
        elif record.nameID == 6:
            record.string = "TestHan-Regular"
    path = folder / "TestHan-Regular.ttf"
    font.save(path)
    return path


def test_the_computers_own_fonts_draw_what_the_bundle_lacks(
    fixture_preparation, monkeypatch, tmp_path
):
    han = _han_font(tmp_path)
    monkeypatch.setattr(fonts, "system_fonts", lambda: [fonts.SystemFont(han, 0, "Test Han")])
    prep = fixture_preparation("case-scripts.json")
    sheet = build_sheet(prep, catalogue("da"))
    assert pdf.font_plan(sheet).extra == (han,)
    assert service.unprintable(prep) == ()
    data = pdf.render(sheet)
    assert empty_boxes(data) == 0
    assert "TestHan-Regular" in " ".join(fonts_in(data))
    assert "你好" in body_text(data)


def test_only_the_bundle_when_it_covers_everything(preparation, monkeypatch):
    """Determinism: a sheet the bundle covers never looks at the computer's fonts."""

    def no(*_):
        raise AssertionError("system fonts were searched")

    monkeypatch.setattr(fonts, "system_fonts", no)
    prep = preparation()
    prep.set_part("introduction", SCRIPTS["tigrinya"] + " " + SCRIPTS["hebrew"])
    assert pdf.font_plan(build_sheet(prep, catalogue("da"))) == fonts.FontPlan()


def test_plain_latin_reads_no_font_file(monkeypatch):
    def no(*_):
        raise AssertionError("a font file was read")

    monkeypatch.setattr(fonts, "bundle_coverage", no)
    assert fonts.plan(["Hej Åse, æøå ÆØÅ é ü – “citat” …", "Привет", "Γειά"]) == fonts.FontPlan()


def test_the_quick_table_is_drawn_by_noto_sans():
    with TTFont(BUNDLE / "NotoSans-Regular.ttf", lazy=True) as font:
        regular = set(font.getBestCmap())
    assert {ord(c) for c in metrics.CHARS} <= regular


def test_every_bundled_font_has_its_licence_and_the_budget_holds():
    readme = (BUNDLE / "README.md").read_text(encoding="utf-8")
    total = 0
    for path in BUNDLE.glob("*.ttf"):
        total += path.stat().st_size
        assert path.name in readme, path.name
        with TTFont(path, lazy=True) as font:
            family = font["name"].getDebugName(1)
            licence = font["name"].getDebugName(13) or ""
        assert "Open Font License" in licence, path.name
        licence_file = "NotoEmoji-OFL.txt" if family == "Noto Emoji" else "OFL.txt"
        assert family in (BUNDLE / licence_file).read_text(encoding="utf-8")
        assert family in fonts.FAMILIES
    # The size budget in assets/fonts/README.md: on disk, and compressed as in the wheel.
    assert total <= 5_000_000
    import zlib

    packed = sum(len(zlib.compress(path.read_bytes(), 6)) for path in BUNDLE.glob("*.ttf"))
    assert packed <= 2_500_000


def test_cli_warns_before_the_file_is_made_and_offers_html(
    fixture_preparation, data_dir, export_dir, monkeypatch, capsys
):
    monkeypatch.setattr(fonts, "system_fonts", lambda: [])
    Store(data_dir).save(fixture_preparation("case-scripts.json"))
    said_before: list[str] = []
    real_write = service.write_new

    def write_new(path, data, **kwargs):
        said_before.append(capsys.readouterr().err)
        return real_write(path, data, **kwargs)

    monkeypatch.setattr(service, "write_new", write_new)
    assert main(["export", "--latest"]) == 0
    cat = catalogue("da")
    assert cat.text("export.fonts.missing", chars="你 好") in said_before[0]
    assert cat.text("export.cli.html_hint") in said_before[0]
    # HTML, as offered: every character is in the file for the browser to draw.
    assert main(["export", "--latest", "--format", "html"]) == 0
    assert "export.fonts" not in capsys.readouterr().err
    html = next(export_dir.glob("*.html")).read_text(encoding="utf-8")
    assert "你好" in html and "ሰላም" in html


def test_right_to_left_samples_run_right_to_left(samples_pdf):
    for script in RTL:
        word = max((w for w in _words(SCRIPTS[script]) if "\u200c" not in w), key=len)
        line = next(line for line in lines(samples_pdf) if word in line.text)
        assert line.left > 100, script  # right-aligned, not at the left margin
    assert len(reader(samples_pdf).pages) == 1
