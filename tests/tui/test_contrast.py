"""Contrast measured, not assumed: every screen and dialog, in every theme, rendered in true
colour; every letter on it stands at 4.5:1 or more on what it is drawn on (labels,
placeholders, hints, footer keys, focus frames), the scroll bars at 3:1. And NO_COLOR
leaves the colours to the terminal: no painted background, no colour at all."""

from __future__ import annotations

import pytest
from rich._palettes import STANDARD_PALETTE
from rich.color import Color as RichColor
from rich.segment import Segment
from textual.color import Color
from textual.geometry import Region
from textual.screen import ModalScreen
from textual.widgets import Button

from peerprep.settings import THEMES
from peerprep.tui.themes import contrast

from .helpers import SIZE
from .places import PLACES, Place, make_for

# Drawn to be seen, not read: scroll bars and their tracks (WCAG 1.4.11: 3:1).
BARS = set("▁▂▃▄▅▆▇█▔▏▕▎▍▌▋▊▉")
EDGES = set("▔▁▊▎▌▐")  # the raised edges Textual draws around a button
TEXT, NON_TEXT = 4.5, 3.0
# The terminal's own colours for the ANSI themes, measured with xterm's palette on its
# default ground: the terminal decides, this is what most of them do.
ANSI_GROUND = {"ansi-dark": ((229, 229, 229), (0, 0, 0)),
               "ansi-light": ((0, 0, 0), (255, 255, 255))}  # fmt: skip


def _rgb(colour: RichColor | None, default: tuple[int, int, int]) -> Color:
    if colour is None or colour.is_default:
        return Color(*default)
    if colour.triplet is not None:
        return Color(*colour.triplet)
    found = STANDARD_PALETTE[colour.number or 0]
    return Color(found.red, found.green, found.blue)


def segments(app) -> list[tuple[int, Segment]]:
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return [(y, seg) for y, line in enumerate(update.strips) for strip in line for seg in strip]


def _read_region(app) -> Region:
    """Where the person reads: the whole screen, or the dialog's box when one is open
    (what is behind a dialog is shaded on purpose, and not for reading)."""
    if isinstance(app.screen, ModalScreen):
        boxes = app.screen.query(".dialog")
        if boxes:
            return boxes.first().region
    return Region(0, 0, *app.size)


def too_faint(app, theme: str) -> list[str]:
    text_fg, ground = ANSI_GROUND.get(theme, ((255, 255, 255), (0, 0, 0)))
    found = []
    region = _read_region(app)
    x, last_y = 0, -1
    for y, segment in segments(app):
        if y != last_y:
            x, last_y = 0, y
        start, x = x, x + segment.cell_length
        style = segment.style
        if style is None or not segment.text.strip():
            continue
        if not region.contains(start + len(segment.text) - len(segment.text.lstrip()), y):
            continue
        widget, _ = app.screen.get_widget_at(start, y)
        glyphs = set(segment.text.strip())
        if isinstance(widget, Button) and glyphs <= EDGES:
            continue  # the raised look of a button: its words say what it is
        fg, bg = _rgb(style.color, text_fg), _rgb(style.bgcolor, ground)
        if style.reverse:
            fg, bg = bg, fg
        if style.dim:
            fg = bg.blend(fg, 0.5)
        ratio = contrast(fg, bg)
        need = NON_TEXT if glyphs <= BARS else TEXT
        if ratio < need:
            where = f"{type(widget).__name__}#{widget.id}"
            found.append(f"row {y} {where}: {segment.text.strip()[:24]!r} {ratio:.2f}:1")
    return found


@pytest.mark.parametrize("place", PLACES, ids=[p.name for p in PLACES])
async def test_every_text_in_every_theme_passes_aa(make_app, store, place: Place) -> None:
    app = make_for(place, make_app, store)
    async with app.run_test(size=SIZE) as pilot:
        await place.go(app, pilot)
        problems = {}
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            await pilot.pause()
            faint = too_faint(app, theme)
            if faint:
                problems[theme] = faint[:6]
        assert not problems, f"{place.name}: {problems}"


def test_the_measure_is_wcag() -> None:
    assert contrast(Color(255, 255, 255), Color(0, 0, 0)) == pytest.approx(21.0)
    assert contrast(Color(0x77, 0x77, 0x77), Color(255, 255, 255)) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("place", PLACES[:6], ids=[p.name for p in PLACES[:6]])
async def test_no_color_paints_nothing(make_app, store, place: Place, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_for(place, make_app, store)
    async with app.run_test(size=SIZE) as pilot:
        await place.go(app, pilot)
        painted = [
            f"row {y}: {seg.text.strip()[:20]!r} {seg.style}"
            for y, seg in segments(app)
            if seg.style is not None
            and (
                (seg.style.bgcolor is not None and not seg.style.bgcolor.is_default)
                or (seg.style.color is not None and not seg.style.color.is_default)
            )
        ]
        assert not painted, painted[:5]
