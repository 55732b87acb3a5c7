"""Text fields that follow the person's cursor-blink setting."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea


def _blink(widget: Input | TextArea) -> bool:
    settings = getattr(widget.app, "settings", None)
    return bool(getattr(settings, "cursor_blink", True))


class Answer(TextArea):
    """The multi-line field for a person's own words: soft wrap, Tab moves on."""

    def on_mount(self) -> None:
        self.cursor_blink = _blink(self)


class Field(Input):
    """A one-line field. It shows the beginning of its text when it is left (a long place
    or title is read from its start, not from its last words), and coming back into it
    with Tab puts the cursor at the end without selecting the text, so the next key typed
    adds to the words instead of replacing them all."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        self.cursor_blink = _blink(self)

    def on_blur(self, event: events.Blur) -> None:
        self.scroll_to(x=0, animate=False, immediate=True)

    def on_focus(self, event: events.Focus) -> None:
        self.cursor_position = len(self.value)
