"""Text fields that follow the person's cursor-blink setting and speak at their limit.

A field with a `field` name (its dotted path in the file, flow.limits) stops at that
field's limit: typed and pasted text goes in as far as it fits, and what does not fit
is posted as `Overflow` for the screen to keep and show (widgets/leftover.py). Once the
limit is near, the frame's lower edge says how much is used ("4612 af 5000 tegn").
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.events import Paste
from textual.message import Message
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

from peerprep.flow.limits import fit_insert, limit_of, one_line, room


def _blink(widget: Input | TextArea) -> bool:
    settings = getattr(widget.app, "settings", None)
    return bool(getattr(settings, "cursor_blink", True))


def _one_newline(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


class Overflow(Message):
    """Text that did not fit into `field` (it was typed or pasted past the limit)."""

    def __init__(self, field: str, rest: str) -> None:
        super().__init__()
        self.field = field
        self.rest = rest


class Limited:
    """Mixin: the count in the frame. `field` "" means no limit of ours."""

    field: str = ""
    _count_said: str = ""

    def show_count(self, used: int) -> None:
        if not self.field:
            return
        said = room(used, limit_of(self.field)).said()
        text = said.text(self.app.cat) if said is not None else ""  # type: ignore[attr-defined]
        if text != self._count_said:
            self._count_said = text
            self.border_subtitle = text  # type: ignore[attr-defined]


class Answer(Limited, TextArea):
    """The multi-line field for a person's own words: soft wrap, Tab moves on."""

    def __init__(self, text: str = "", *, field: str = "", **kwargs: Any) -> None:
        # One kind of line break ("\n"), so that a character on screen is one in the file.
        super().__init__(_one_newline(text), **kwargs)
        self.field = field

    def on_mount(self) -> None:
        self.cursor_blink = _blink(self)
        self.show_count(len(self.text))

    def edit(self, edit: Edit) -> EditResult:
        """Every change of the text comes through here (keys, pastes, Ctrl+V, our own
        inserts): put in what fits, and say what did not."""
        if self.read_only or not self.field or not edit.text:
            return super().edit(edit)
        text = _one_newline(edit.text)  # as the text will hold it
        start, end = sorted((edit.from_location, edit.to_location))
        selected = len(self.get_text_range(start, end))
        fitted = fit_insert(text, len(self.text) - selected, limit_of(self.field))
        if fitted.cut:
            self.post_message(Overflow(self.field, fitted.rest))
        if fitted.kept != edit.text:
            edit = Edit(fitted.kept, edit.from_location, edit.to_location,
                        edit.maintain_selection_offset)  # fmt: skip
        return super().edit(edit)

    def replace_as_typed(self, text: str) -> None:
        """Put `text` in at the cursor as a paste would: as far as it fits."""
        result = self.replace(text, *self.selection, maintain_selection_offset=False)
        self.move_cursor(result.end_location)

    def _on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.show_count(len(self.text))


class Field(Limited, Input):
    """A one-line field. A paste keeps every line (joined by spaces), as far as it fits.
    It shows the beginning of its text when it is left (a long place or title is read from
    its start, not from its last words), and coming back into it with Tab puts the cursor
    at the end without selecting the text, so the next key typed adds to the words instead
    of replacing them all."""

    def __init__(self, value: str | None = None, *, field: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, **kwargs)
        self.field = field

    def on_mount(self) -> None:
        self.cursor_blink = _blink(self)
        self.show_count(len(self.value))

    def on_blur(self, event: events.Blur) -> None:
        self.scroll_to(x=0, animate=False, immediate=True)

    def on_focus(self, event: events.Focus) -> None:
        self.cursor_position = len(self.value)

    def _on_paste(self, event: Paste) -> None:
        # Textual's own keeps only the first line, and drops a paste that is too long.
        event.stop()
        event.prevent_default()  # Input's own handler would paste it a second time
        if event.text:
            self.replace(one_line(event.text), *self.selection)

    def replace(self, text: str, start: int, end: int) -> None:
        if not self.field or not text:
            super().replace(text, start, end)
            return
        if "\n" in text or "\r" in text:
            text = one_line(text)  # pasted from the clipboard with Ctrl+V
        start, end = sorted((max(0, start), min(len(self.value), end)))
        fitted = fit_insert(text, len(self.value) - (end - start), limit_of(self.field))
        if fitted.cut:
            self.post_message(Overflow(self.field, fitted.rest))
        if fitted.kept or start != end:
            super().replace(fitted.kept, start, end)

    def restricted(self) -> None:
        """No bell: the count and the note under the form say what happened."""

    def _on_input_changed(self, event: Input.Changed) -> None:
        self.show_count(len(self.value))
