"""Text fields that follow the person's cursor-blink setting."""

from __future__ import annotations

from textual.widgets import Input, TextArea


def _blink(widget: Input | TextArea) -> bool:
    settings = getattr(widget.app, "settings", None)
    return bool(getattr(settings, "cursor_blink", True))


class Answer(TextArea):
    """The multi-line field for a person's own words: soft wrap, Tab moves on."""

    def on_mount(self) -> None:
        self.cursor_blink = _blink(self)


class Field(Input):
    """A one-line field."""

    def on_mount(self) -> None:
        self.cursor_blink = _blink(self)
