"""The program's own themes, and every theme's text made readable: WCAG AA (4.5:1) measured.

`ReadableColours` (a mixin of the app) takes the CSS variables a theme gives and lifts
each colour that text or a frame is drawn in (labels in unfocused frames, placeholders,
hints, footer keys) toward the theme's foreground until it stands at 4.5:1 or more on
every ground it is drawn on. Textual's own dark and light themes draw the unfocused
field labels at 1.05:1 and the light theme's footer keys at 2.9:1; this is where that is
put right, once, for every theme. tests/tui/test_contrast.py measures the result on the
rendered screen of every room and dialog. With ANSI colours (the terminal's own) the
colours are the terminal's to choose: those texts are drawn in the terminal's own
foreground. `NO_COLOR` (see `honour_no_color`) leaves every colour to the terminal.

The colours live in plain dicts (HIGH_CONTRAST_BASE, HIGH_CONTRAST_VARIABLES) so that a
test can compute contrast ratios without starting an app. Every text variable is given
as a solid colour: Textual's default "auto 87%" text is blended with alpha, which lowers
the contrast in ways a person with low vision notices.

Use: `register_themes(app)` in the app's __init__ or on_mount, then `app.theme = name`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.color import Color
from textual.filter import Monochrome, NoColor
from textual.theme import Theme

if TYPE_CHECKING:
    from textual.app import App

HIGH_CONTRAST = "peerprep-high-contrast"

# Black ground, white text, yellow for focus and the selected row. Filled colours (a
# hovered button, a selection) are dark enough to carry white text at 4.5:1 or more.
HIGH_CONTRAST_BASE: dict[str, str] = {
    "primary": "#0050C8",
    "secondary": "#0050C8",
    "accent": "#FFFF00",
    "warning": "#8A4B00",
    "error": "#B00020",
    "success": "#006400",
    "foreground": "#FFFFFF",
    "background": "#000000",
    "surface": "#000000",
    "panel": "#1C1C1C",
    "boost": "#000000",
}

HIGH_CONTRAST_VARIABLES: dict[str, str] = {
    # text on the background, the surface and the panel
    "text": "#FFFFFF",
    "text-muted": "#E6E6E6",
    "text-disabled": "#BDBDBD",
    "text-primary": "#8CB4FF",
    "text-secondary": "#8CB4FF",
    "text-accent": "#FFFF00",
    "text-warning": "#FFD75F",
    "text-error": "#FF8A8A",
    "text-success": "#7CFC7C",
    "foreground-muted": "#E6E6E6",
    "foreground-disabled": "#BDBDBD",
    # quiet button backgrounds: kept dark so the coloured text above stays readable
    "primary-muted": "#1C1C1C",
    "secondary-muted": "#1C1C1C",
    "accent-muted": "#1C1C1C",
    "warning-muted": "#1C1C1C",
    "error-muted": "#1C1C1C",
    "success-muted": "#1C1C1C",
    # the highlighted row in lists and tables: black on yellow, seen from afar
    "block-cursor-foreground": "#000000",
    "block-cursor-background": "#FFFF00",
    "block-cursor-text-style": "bold",
    "block-cursor-blurred-foreground": "#FFFFFF",
    "block-cursor-blurred-background": "#333333",
    "block-cursor-blurred-text-style": "underline",
    "block-hover-background": "#333333",
    # focus is a yellow frame; unfocused frames stay visible in grey
    "border": "#FFFF00",
    "border-blurred": "#9E9E9E",
    # the footer with its keys
    "footer-foreground": "#FFFFFF",
    "footer-background": "#000000",
    "footer-key-foreground": "#FFFF00",
    "footer-key-background": "#000000",
    "footer-description-foreground": "#FFFFFF",
    "footer-description-background": "#000000",
    "footer-item-background": "#000000",
    # text fields: a solid white cursor block and a dark blue selection
    "input-cursor-foreground": "#000000",
    "input-cursor-background": "#FFFFFF",
    "input-cursor-text-style": "none",
    "input-selection-foreground": "#FFFFFF",
    "input-selection-background": "#0050C8",
    "screen-selection-foreground": "#FFFFFF",
    "screen-selection-background": "#0050C8",
    # links and buttons
    "link-color": "#FFFF00",
    "link-background": "#000000",
    "link-color-hover": "#000000",
    "link-background-hover": "#FFFF00",
    "link-style": "underline",
    "link-style-hover": "bold underline",
    "button-foreground": "#FFFFFF",
    "button-color-foreground": "#FFFFFF",
    "button-focus-text-style": "bold reverse",
    # headings in Markdown help texts
    "markdown-h1-color": "#FFFF00",
    "markdown-h2-color": "#FFFF00",
    "markdown-h3-color": "#FFFFFF",
    "markdown-h1-background": "#000000",
    "markdown-h2-background": "#000000",
    "markdown-h3-background": "#000000",
    # scroll bars are not text, but must still be seen (WCAG 1.4.11: 3:1)
    "scrollbar": "#9E9E9E",
    "scrollbar-hover": "#FFFFFF",
    "scrollbar-active": "#FFFF00",
    "scrollbar-background": "#1C1C1C",
    "scrollbar-background-hover": "#1C1C1C",
    "scrollbar-background-active": "#1C1C1C",
    "scrollbar-corner-color": "#1C1C1C",
}

# The text/background pairs Textual's own widgets and ours draw with this theme. Names
# are CSS variables (without "$"); the test looks each one up and checks >= 4.5:1.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    *((text, ground) for text in (
        "text", "text-muted", "text-disabled", "text-primary", "text-secondary",
        "text-accent", "text-warning", "text-error", "text-success", "foreground",
        "link-color", "markdown-h1-color", "markdown-h2-color", "markdown-h3-color",
    ) for ground in ("background", "surface", "panel")),
    *((text, "primary-muted") for text in ("text-primary", "text")),
    ("text-success", "success-muted"),
    ("text-warning", "warning-muted"),
    ("text-error", "error-muted"),
    ("text-accent", "accent-muted"),
    ("text", "primary"),  # a hovered or pressed button
    ("text", "secondary"),
    ("text", "success"),
    ("text", "warning"),
    ("text", "error"),
    ("button-foreground", "surface"),
    ("button-color-foreground", "primary"),
    ("block-cursor-foreground", "block-cursor-background"),
    ("block-cursor-blurred-foreground", "block-cursor-blurred-background"),
    ("text", "block-hover-background"),
    ("footer-foreground", "footer-background"),
    ("footer-key-foreground", "footer-key-background"),
    ("footer-description-foreground", "footer-description-background"),
    ("input-cursor-foreground", "input-cursor-background"),
    ("input-selection-foreground", "input-selection-background"),
    ("screen-selection-foreground", "screen-selection-background"),
    ("link-color-hover", "link-background-hover"),
)  # fmt: skip

# Non-text things that show where one is (focus frame, scroll bar): WCAG 1.4.11 asks 3:1.
NON_TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("border", "background"),
    ("border-blurred", "background"),
    ("scrollbar", "scrollbar-background"),
    ("scrollbar-active", "scrollbar-background"),
)


def high_contrast_theme() -> Theme:
    return Theme(
        name=HIGH_CONTRAST,
        dark=True,
        text_alpha=1.0,
        variables=dict(HIGH_CONTRAST_VARIABLES),
        **HIGH_CONTRAST_BASE,
    )


def theme_colours(theme: Theme) -> dict[str, str]:
    """Every CSS colour variable the theme gives, the way App.get_css_variables builds them."""
    return {**theme.to_color_system().generate(), **theme.variables}


def register_themes(app: App[object]) -> None:
    """Make the program's own themes selectable in `app` (by name, and in the palette),
    and honour NO_COLOR the way its users mean it."""
    app.register_theme(high_contrast_theme())
    honour_no_color(app)


# WCAG 2.1, 1.4.3 (text) and 1.4.11 (the frames and bars that show where one is).
TEXT_RATIO = 4.5

# Variables text or a focus mark is drawn in, and the grounds each is drawn on.
_GROUNDS = ("background", "surface", "panel")
READABLE: dict[str, tuple[str, ...]] = {
    "border": _GROUNDS,  # the focused frame and its label
    "border-blurred": _GROUNDS,  # the label in an unfocused field's frame
    "text-muted": _GROUNDS,  # notes and hints
    "text-disabled": _GROUNDS,  # placeholders and greyed choices
    "text-primary": _GROUNDS,
    "text-secondary": _GROUNDS,
    "text-accent": _GROUNDS,
    "text-warning": _GROUNDS,
    "text-error": _GROUNDS,
    "text-success": _GROUNDS,
    "foreground-muted": _GROUNDS,
    "foreground-disabled": _GROUNDS,
    "footer-key-foreground": ("footer-background", "footer-key-background"),
    "footer-description-foreground": ("footer-background", "footer-description-background"),
    "footer-foreground": ("footer-background",),
    "input-cursor-foreground": ("input-cursor-background",),
    "block-cursor-foreground": ("block-cursor-background",),
    "block-cursor-blurred-foreground": ("block-cursor-blurred-background",),
    "button-foreground": _GROUNDS,
}


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(one: Color, two: Color) -> float:
    """The WCAG 2.1 contrast ratio of two solid colours (1.0 to 21.0)."""
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _solid(value: str, ground: Color) -> Color | None:
    """The colour as it is painted on `ground` (alpha blended); None for ANSI colours.

    "auto 87%" (Textual's text colour) is black or white as Textual chooses it for the
    ground, at that strength."""
    value = value.strip()
    if value.startswith("auto"):
        if ground.ansi is not None:
            return None
        share = float(value.removeprefix("auto").strip().rstrip("%") or 100) / 100
        return ground + ground.get_contrast_text(share)  # Textual's own choice of the two
    try:
        colour = Color.parse(value)
    except Exception:
        return None
    if colour.ansi is not None or ground.ansi is not None:
        return None
    return ground + colour if colour.a < 1 else colour


def readable(variables: dict[str, str]) -> dict[str, str]:
    """The variables with every text colour lifted to 4.5:1 on its grounds.

    A colour that falls short is mixed with the theme's foreground (or, where that is
    too weak too, with black or white) in steps of 5 % until it passes on every ground;
    colours that pass are left exactly as the theme made them. ANSI colours (the
    terminal's own) cannot be measured here: text drawn in one is given the terminal's
    own foreground ("ansi_default"), which the terminal keeps readable on its ground.
    """
    out = dict(variables)
    try:
        background = Color.parse(out.get("background", "#000000"))
    except Exception:
        return out
    if background.ansi is not None:
        # The terminal's own colours: a coloured or half-strong text on the terminal's
        # own ground is given its own foreground; pairs with a ground of their own (the
        # chosen row: black on white) are the terminal's palette's to keep readable.
        for name, grounds in READABLE.items():
            value = out.get(name, "")
            # a light ground of its own (the chosen row: black on white) keeps its pair
            if any(out.get(g, "").startswith(LIGHT_ANSI) for g in grounds):
                continue
            if value.startswith("ansi_") and value != "ansi_default":
                out[name] = "ansi_default"
        for name in NON_TEXT:
            if name in out:
                out[name] = "ansi_default"
        # The chosen row in the terminal's own colours, reversed: readable in any palette.
        out.update({
            "block-cursor-foreground": "ansi_default",
            "block-cursor-background": "ansi_default",
            "block-cursor-text-style": "reverse bold",
            "block-cursor-blurred-foreground": "ansi_default",
            "block-cursor-blurred-background": "ansi_default",
            "block-cursor-blurred-text-style": "underline",
        })  # fmt: skip
        return out
    _fill(out, background)
    wanted = [(name, grounds, TEXT_RATIO) for name, grounds in READABLE.items()]
    wanted += [(name, grounds, NON_TEXT_RATIO) for name, grounds in NON_TEXT.items()]
    for name, ground_names, ratio in wanted:
        if name not in out:
            continue
        grounds = []
        for ground_name in ground_names:
            ground = _solid(out.get(ground_name, out["background"]), background)
            if ground is not None:
                grounds.append(ground)
        colour = _solid(out[name], grounds[0] if grounds else background)
        if colour is None or not grounds:
            continue
        if all(contrast(colour, g) >= ratio for g in grounds):
            continue
        foreground = Color.parse(out.get("foreground", "#FFFFFF"))
        out[name] = _lift(colour, grounds, foreground, ratio).hex
    return out


# Filled grounds that carry text of their own (a primary or red button): when its words
# fall short, the ground is darkened or lightened instead, keeping the words' colour.
FILLED: dict[str, str] = {
    "primary": "button-color-foreground",
    "error": "button-color-foreground",
    "success": "button-color-foreground",
    "warning": "button-color-foreground",
}
# Seen, not read (WCAG 1.4.11): 3:1 on their track.
NON_TEXT: dict[str, tuple[str, ...]] = {
    "scrollbar": ("scrollbar-background",),
    "scrollbar-hover": ("scrollbar-background-hover",),
    "scrollbar-active": ("scrollbar-background-active",),
}
NON_TEXT_RATIO = 3.0
# ANSI grounds that are light in every palette: the text on them keeps its own colour.
LIGHT_ANSI = ("ansi_white", "ansi_bright_white", "ansi_bright_yellow", "ansi_bright_cyan")


def _fill(out: dict[str, str], background: Color) -> None:
    for ground_name, text_name in FILLED.items():
        ground = _solid(out.get(ground_name, ""), background)
        if ground is None:
            continue
        text = _solid(out.get(text_name, "auto 90%"), ground)
        if text is None or contrast(text, ground) >= TEXT_RATIO:
            continue
        away = Color(0, 0, 0) if _luminance(text) > _luminance(ground) else Color(255, 255, 255)
        for step in range(1, 21):
            darker = ground.blend(away, step / 20)
            text = _solid(out.get(text_name, "auto 90%"), darker)
            if text is not None and contrast(text, darker) >= TEXT_RATIO:
                out[ground_name] = darker.hex
                break


def _lift(
    colour: Color, grounds: list[Color], foreground: Color, ratio: float = TEXT_RATIO
) -> Color:
    for target in (foreground, Color(0, 0, 0), Color(255, 255, 255)):
        for step in range(1, 21):
            mixed = colour.blend(target, step / 20)
            if all(contrast(mixed, g) >= ratio for g in grounds):
                return mixed
    # no mix passes on every ground (two grounds far apart): the best on the worst ground
    return max(
        (colour.blend(t, 1.0) for t in (foreground, Color(0, 0, 0), Color(255, 255, 255))),
        key=lambda c: min(contrast(c, g) for g in grounds),
    )


class ReadableColours:
    """Mixin of the app: every theme's CSS variables pass through `readable`."""

    def get_css_variables(self) -> dict[str, str]:
        return readable(super().get_css_variables())  # type: ignore[misc]


def honour_no_color(app: App[object]) -> None:
    """NO_COLOR: the terminal's own colours and no painted backgrounds.

    Textual turns NO_COLOR into a grey scale (it still paints grey backgrounds); here
    every colour is taken away instead, so text is in the terminal's own foreground on
    its own background. What has the focus still shows by shape (a double frame, a
    reversed and underlined button, a ▶ before the chosen row).
    """
    if app.no_color:
        app._filters = [f for f in app._filters if not isinstance(f, (Monochrome, NoColor))]
        app._filters.append(NoColor())
