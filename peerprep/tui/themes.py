"""The program's own themes: a high-contrast theme that passes WCAG AA for all its text.

The colours live in plain dicts (HIGH_CONTRAST_BASE, HIGH_CONTRAST_VARIABLES) so that a
test can compute contrast ratios without starting an app. Every text variable is given
as a solid colour: Textual's default "auto 87%" text is blended with alpha, which lowers
the contrast in ways a person with low vision notices.

Use: `register_themes(app)` in the app's __init__ or on_mount, then `app.theme = name`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    """Make the program's own themes selectable in `app` (by name, and in the palette)."""
    app.register_theme(high_contrast_theme())
