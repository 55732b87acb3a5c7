"""The fast "how full is the page" estimate against what typst itself measures."""

from __future__ import annotations

import json
import random

import pytest

from peerprep.export import fit, metrics, pdf
from peerprep.export.layout import SIZES, build_sheet
from peerprep.resources import asset
from peerprep.words import catalogue

TOLERANCE = 0.03  # of a page

_TEXT = (
    "jeg vil gerne have hjælp til at komme i skole og tage min eksamen det er vigtigt for "
    "mig sammen med mine venner hverdag søvn arbejde psykiatrien kommunen sagsbehandler "
    "Ærø østpå "
    'mødet # * $ @ <tag> \\ "citat" مرحبا الاجتماع'
)
_WORDS = _TEXT.split(" ")


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
    if rng.random() < 0.3:
        prep.after_meeting.agreed = " ".join(rng.choice(_WORDS) for _ in range(40))
    return prep, rng.random() < 0.2


@pytest.mark.parametrize("seed", range(8))
def test_estimate_follows_typst(seed, preparation):
    prep, large = _random_preparation(seed, preparation)
    sheet = build_sheet(prep, catalogue(prep.language), large_print=large)
    real = pdf.measure(sheet)
    for size, measured in zip(sheet.sizes, real.ratios, strict=True):
        assert fit.ratio_at(sheet, size) == pytest.approx(measured, abs=TOLERANCE)
    estimate = fit.estimate(sheet)
    assert estimate.ratio == pytest.approx(real.ratios[0], abs=TOLERANCE)
    if all(abs(r - 1) > TOLERANCE for r in real.ratios):  # not on a knife's edge
        assert estimate.size == real.size
        assert estimate.second_page == (not real.one_page)


def test_fill_ratio_grows_with_the_answers(preparation, empty):
    cat = catalogue("da")
    short = fit.estimate(build_sheet(preparation(), cat)).ratio
    longer = fit.estimate(build_sheet(preparation(repeat=3), cat)).ratio
    assert 0 < short < longer
    assert short < 1  # a normal statement fits at the comfortable size
    assert fit.estimate(build_sheet(empty(), cat)).size == SIZES[0]


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


def test_line_wrapping():
    width = fit.text_em("aaaa aaaa")
    assert fit.count_lines("aaaa aaaa", width) == 1
    assert fit.count_lines("aaaa aaaa aaaa", width) == 2
    assert fit.count_lines("a" * 100, fit.text_em("a" * 10)) == 10  # a long word is cut
    assert fit.count_lines("", 10) == 1
