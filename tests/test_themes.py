"""The high-contrast theme: every text/background pair passes WCAG AA (4.5:1)."""

from __future__ import annotations

import pytest

from peerprep.settings import THEMES
from peerprep.tui import themes


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> tuple[int, int, int]:
    text = colour.strip().lstrip("#")
    assert len(text) == 6, f"{colour!r} must be a solid #RRGGBB colour (no alpha, no 'auto')"
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def luminance(colour: str) -> float:
    r, g, b = _rgb(colour)
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("#000000", "#000000") == pytest.approx(1.0)


def _plain_colours() -> dict[str, str]:
    return {**themes.HIGH_CONTRAST_BASE, **themes.HIGH_CONTRAST_VARIABLES}


@pytest.mark.parametrize(("text", "ground"), themes.TEXT_PAIRS)
def test_text_pairs_in_the_plain_colours_pass_aa(text: str, ground: str) -> None:
    colours = _plain_colours()
    ratio = contrast(colours[text], colours[ground])
    assert ratio >= 4.5, f"{text} on {ground}: {ratio:.2f}:1"


@pytest.mark.parametrize(("thing", "ground"), themes.NON_TEXT_PAIRS)
def test_focus_frames_and_scroll_bars_are_seen(thing: str, ground: str) -> None:
    colours = _plain_colours()
    assert contrast(colours[thing], colours[ground]) >= 3.0


def test_textual_builds_the_same_colours_we_checked() -> None:
    # What Textual really paints: its generated variables with ours on top. A pair that
    # Textual derives (and we did not pin) would show up here as alpha or a new value.
    built = themes.theme_colours(themes.high_contrast_theme())
    for text, ground in themes.TEXT_PAIRS:
        ratio = contrast(built[text][:7], built[ground][:7])
        assert len(built[text].lstrip("#")) == 6, f"{text} is not solid: {built[text]}"
        assert len(built[ground].lstrip("#")) == 6, f"{ground} is not solid: {built[ground]}"
        assert ratio >= 4.5, f"{text} on {ground}: {ratio:.2f}:1"


def test_every_generated_text_colour_is_solid_and_readable_on_black() -> None:
    built = themes.theme_colours(themes.high_contrast_theme())
    for name, value in built.items():
        if name.startswith("text"):
            assert contrast(value, built["background"]) >= 4.5, name


def test_theme_name_is_a_known_setting() -> None:
    assert themes.HIGH_CONTRAST in THEMES
    assert themes.high_contrast_theme().name == themes.HIGH_CONTRAST


def test_register_themes_makes_it_selectable() -> None:
    from textual.app import App

    app: App[None] = App()
    themes.register_themes(app)
    assert themes.HIGH_CONTRAST in app.available_themes
    app.theme = themes.HIGH_CONTRAST
    assert app.current_theme.name == themes.HIGH_CONTRAST
