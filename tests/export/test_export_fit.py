"""The fast "how full is the page" estimate against what typst itself measures."""

from __future__ import annotations

import json
import random

import pytest

from peerprep.export import fit, fonts, metrics, pdf
from peerprep.export.layout import SIZES, build_blank_sheet, build_sheet
from peerprep.resources import asset
from peerprep.words import catalogue

# Of a page; of the whole measure for sheets longer than a page (where one line of large
# print, misjudged by the average width of a shaped script, is already 3 % of a page).
TOLERANCE = 0.03

_TEXT = (
    "jeg vil gerne have hjælp til at komme i skole og tage min eksamen det er vigtigt for "
    "mig sammen med mine venner hverdag søvn arbejde psykiatrien kommunen sagsbehandler "
    "Ærø østpå "
    'mødet # * $ @ <tag> \\ "citat" مرحبا الاجتماع '
    "Привет мир Γειά σου tiếng Việt שלום ሰላም வணக்கம் สวัสดี नमस्ते 😊 ✅"
)
_WORDS = _TEXT.split(" ")
# Words with no break point, wider than any column: they break at the margin.
_LONG = ["ha" * 70, "NEJ" + "!" * 90, "REF" + "0123456789" * 12]


def _random_preparation(seed: int, make):
    rng = random.Random(seed)
    prep = make(rng.choice(["da", "en"]))
    for key in ("introduction", "important", "help_with", "so_that"):
        n = rng.choice([0, 12, 50, 120, 260])
        text = " ".join(rng.choice(_WORDS) for _ in range(n))
        if n and rng.random() < 0.4:
            text = text.replace(" og ", "\n", 2).replace(" til ", "\n\n", 1)
        prep.set_part(key, text)
    prep.questions = [
        " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 30)))
        for _ in range(rng.randint(0, 5))
    ]
    if rng.random() < 0.3:
        prep.meeting.attendees = ["Læge " + " ".join(rng.choice(_WORDS) for _ in range(20))]
    if rng.random() < 0.5:
        words = rng.choice([40, 400, 800])
        prep.after_meeting.agreed = " ".join(rng.choice(_WORDS) for _ in range(words))
    if rng.random() < 0.3:
        prep.after_meeting.next_steps = " ".join(rng.choice(_WORDS) for _ in range(60))
    if rng.random() < 0.5:
        key = rng.choice(["introduction", "important", "help_with", "so_that"])
        prep.set_part(key, prep.statement.get(key) + " " + rng.choice(_LONG) + " og så videre")
    if rng.random() < 0.3:
        prep.meeting.place = "Afsnit " + rng.choice(_LONG)
    return prep, rng.random() < 0.3


def _follows_typst(sheet) -> None:
    real = pdf.measure(sheet)
    for size, measured in zip(sheet.sizes, real.ratios, strict=True):
        assert fit.ratio_at(sheet, size) == pytest.approx(
            measured, abs=TOLERANCE * max(1.0, measured)
        )
    estimate = fit.estimate(sheet)
    assert estimate.ratio == pytest.approx(real.ratios[0], abs=TOLERANCE * max(1.0, real.ratios[0]))
    # At the floor size, without the notes box and with an empty one of the fewest lines
    # (measured when the notes hold no words: such a box is made smaller before a page
    # is added).
    edges = list(real.ratios)
    if fit.notes_hold_words(sheet):
        assert real.rest is None and real.least is None
    else:
        assert real.rest is not None and real.least is not None
        rest, least = fit.smallest_ratios(sheet)
        assert rest == pytest.approx(real.rest, abs=TOLERANCE * max(1.0, real.rest))
        assert least == pytest.approx(real.least, abs=TOLERANCE * max(1.0, real.least))
        edges += [real.rest, real.least]
    if all(abs(r - 1) > TOLERANCE for r in edges):  # not on a knife's edge
        assert estimate.size == real.size
        assert estimate.second_page == (not real.one_page)
        assert estimate.notes == real.notes
        if estimate.second_page:  # and as many pages as typst makes
            assert estimate.pages == pdf.page_count(pdf.render(sheet))


@pytest.mark.parametrize("seed", range(12))
def test_estimate_follows_typst(seed, preparation):
    """Random statements: every script, long notes, words wider than the page."""
    prep, large = _random_preparation(seed, preparation)
    _follows_typst(build_sheet(prep, catalogue(prep.language), large_print=large))


@pytest.mark.parametrize("case", ["long-notes", "long-word", "scripts", "rtl-latin-first"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_estimate_follows_typst_for_the_cases(case, large, fixture_preparation):
    prep = fixture_preparation(f"case-{case}.json")
    _follows_typst(build_sheet(prep, catalogue(prep.language), large_print=large))


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_estimate_follows_typst_for_the_blank_sheet(language, large):
    _follows_typst(build_blank_sheet(catalogue(language), large_print=large))


@pytest.mark.parametrize(
    ("large", "more", "notes"),
    [
        (False, 60, fit.NOTES_FEWER),
        (False, 66, fit.NOTES_LEFT_OUT),
        (True, 0, fit.NOTES_FEWER),
        (True, 4, fit.NOTES_LEFT_OUT),
        (True, 10, fit.NOTES_FULL),  # two pages: the box where the answers end
    ],
)
def test_estimate_follows_typst_where_an_empty_notes_box_makes_room(
    large, more, notes, preparation
):
    """Answers that fit one page only with fewer lines in the notes box, or none."""
    prep = preparation()
    extra = " Jeg vil gerne fortælle lidt mere om hvordan jeg har det i hverdagen." * more
    prep.set_part("introduction", prep.statement.introduction + extra)
    sheet = build_sheet(prep, catalogue("da"), large_print=large)
    assert fit.estimate(sheet).notes == notes
    _follows_typst(sheet)


def test_the_notes_count_in_the_fit(preparation):
    """Notes from the meeting take room on the sheet: the gauge and the fit see them."""
    cat = catalogue("da")
    prep = preparation()
    before = fit.estimate(build_sheet(prep, cat))
    prep.after_meeting.agreed = "Vi aftalte at jeg skal have en samtale hver uge. " * 40
    after = fit.estimate(build_sheet(prep, cat))
    assert after.ratio > before.ratio + 0.3
    from peerprep import export

    assert export.fill_ratio(prep, cat) == after.ratio  # the gauge's measure


def test_fill_ratio_grows_with_the_answers(preparation, empty):
    cat = catalogue("da")
    short = fit.estimate(build_sheet(preparation(), cat)).ratio
    longer = fit.estimate(build_sheet(preparation(repeat=3), cat)).ratio
    assert 0 < short < longer
    assert short < 1  # a normal statement fits at the comfortable size
    assert fit.estimate(build_sheet(empty(), cat)).size == SIZES[0]


@pytest.mark.parametrize(("repeat", "size"), [(9, 9.5), (14, 8.0)])
def test_the_first_size_that_fits_is_chosen_as_typst_does(preparation, repeat, size):
    """Not the comfortable size, not the floor: the first size at which it fits."""
    sheet = build_sheet(preparation(repeat=repeat), catalogue("da"))
    estimate = fit.estimate(sheet)
    assert estimate.size == size == pdf.measure(sheet).size
    assert not estimate.second_page and estimate.pages == 1


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_pages_of_a_long_sheet_with_an_empty_notes_box(preparation, large):
    """Four full parts: many pages, and the empty box where the answers end."""
    prep = preparation()
    extra = " Jeg vil gerne fortælle lidt mere om hvordan jeg har det i hverdagen." * 60
    for key in ("introduction", "important", "help_with", "so_that"):
        prep.set_part(key, (prep.statement.get(key) + extra)[:5000])
    sheet = build_sheet(prep, catalogue("da"), large_print=large)
    assert not fit.notes_hold_words(sheet)
    estimate = fit.estimate(sheet)
    assert estimate.second_page and estimate.pages == (9 if large else 5)
    assert estimate.pages == pdf.page_count(pdf.render(sheet))


def test_estimate_says_smaller_then_second_page(preparation):
    cat = catalogue("da")
    assert not fit.estimate(build_sheet(preparation(), cat)).smaller
    shrunk = fit.estimate(build_sheet(preparation(repeat=6), cat))
    assert shrunk.smaller and not shrunk.second_page and shrunk.ratio > 1
    spilled = fit.estimate(build_sheet(preparation(repeat=22), cat))
    assert spilled.second_page and not spilled.smaller


def test_width_table_matches_the_bundled_fonts():
    """metrics.py was measured from assets/fonts; a font change must come with a new table."""
    import typst

    chars = list(metrics.CHARS)
    source = b"""
#set text(font: "Noto Sans", size: 1000pt)
#let cs = json(bytes(sys.inputs.chars))
#context [#metadata((
  regular: cs.map(c => measure(text(c)).width.pt()),
  bold: cs.map(c => measure(text(weight: "bold", c)).width.pt()),
  cap: measure(text("H")).height.pt(),
)) <m>]
"""
    raw = typst.query(
        source,
        "<m>",
        field="value",
        one=True,
        font_paths=[asset("fonts")],
        ignore_system_fonts=True,
        sys_inputs={"chars": json.dumps(chars)},
    )
    found = json.loads(raw)
    assert [round(w) for w in found["regular"]] == list(metrics.REGULAR)
    assert [round(w) for w in found["bold"]] == list(metrics.BOLD)
    assert round(found["cap"]) == metrics.CAP_HEIGHT


def test_other_scripts_take_their_fonts_widths():
    """Letters outside the table are as wide as typst sets them (scripts that do not join;
    Arabic letters change shape as they join and are averaged)."""
    import typst

    sample = [*"שלוםሰላምสวัสดีЖ😊✓→", "ខ"]  # the last: no bundled font (Khmer)
    source = b"""
#set text(font: json(bytes(sys.inputs.fonts)), size: 1000pt)
#context [#metadata(json(bytes(sys.inputs.chars)).map(c => measure(text(c)).width.pt())) <m>]
"""
    raw = typst.query(
        source,
        "<m>",
        field="value",
        one=True,
        font_paths=[typst.Fonts(False, False, [asset("fonts")])][0],
        sys_inputs={"chars": json.dumps(sample), "fonts": json.dumps(list(fonts.FAMILIES))},
    )
    for char, width in zip(sample[:-1], json.loads(raw)[:-1], strict=True):
        assert fit.text_em(char) == pytest.approx(width / 1000, abs=0.002), char
    assert fit.text_em("ខ") == metrics.OTHER / 1000


def test_line_wrapping():
    width = fit.text_em("aaaa aaaa")
    assert fit.count_lines("aaaa aaaa", width) == 1
    assert fit.count_lines("aaaa aaaa aaaa", width) == 2
    assert fit.count_lines("a" * 100, fit.text_em("a" * 10)) == 10  # a long word is cut
    # ... on a line of its own, as the template does: "aa" stays on the first line.
    assert fit.count_lines("aa " + "a" * 100, fit.text_em("a" * 10)) == 11
    assert fit.count_lines("", 10) == 1


def test_widths_outside_the_table():
    assert fit.text_em("ế") == pytest.approx(fit.text_em("e"))  # Vietnamese, from Noto Sans
    assert fit.text_em("e\u0301") == fit.text_em("e")  # a combining accent takes no room
    assert fit.text_em("\u200f\u200d\ufe0f") == 0  # marks, joiners, selectors neither
    assert fit.text_em("ሰ") == fonts.advance_width("ሰ") > 0.4  # Ethiopic, from its font
    assert fit.text_em("你") == 1.0


def test_lines_that_may_hold_a_too_wide_word():
    """Only these lines are measured word by word in the template (it is slow)."""
    assert fit.may_overflow("Det er vigtigt for mig at grine. " + "ha" * 60, 11.0)
    assert fit.may_overflow("REF" + "0123456789" * 6, 16.0)
    assert not fit.may_overflow("REF" + "0123456789" * 6, 8.0)  # fits a line at 8 pt
    assert not fit.may_overflow("arbejdsmarkedsuddannelsescentrene er gode", 16.0)
    assert not fit.may_overflow("kort", 16.0)
    # Never misses a word the template would have to break: the 121 letters of the case.
    for size in (*SIZES, 16.0):
        width = fit.WIDTH / size - 2 * fit.NOTES_INSET
        word = "W" * int(width / fit.text_em("W") + 1)
        assert fit.may_overflow(word, size), size
