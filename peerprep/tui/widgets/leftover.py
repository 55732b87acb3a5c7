"""What did not fit into a field, shown in words and as the text itself, for as long as it
is kept (flow.limits.Leftovers in the session).

One per screen, above the buttons at the bottom, hidden while nothing is left over. It
shows the first field of its screen that has a leftover: one sentence (which field, how
much did not go in, that it is not saved), the text in a read-only field the person can
read, select and copy, and two buttons: put in what fits now (after shortening the text),
or forget it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static, TextArea

from peerprep.flow.limits import leftover_said, limit_of
from peerprep.tui.widgets.fields import Answer, Field

if TYPE_CHECKING:
    from peerprep.flow.editing import EditingSession
    from peerprep.words import Catalogue


def field_label(cat: Catalogue, field: str) -> str:
    """The name a person sees on a field ("Sted", "Det er vigtigt for mig")."""
    area, _, name = field.partition(".")
    if area == "statement":
        return cat.part(name).title
    if area == "meeting":
        return cat.text(f"tui.meeting.{name}")
    if area == "after_meeting":
        return cat.text(f"tui.after.{name}")
    if field == "title":
        return cat.text("tui.meeting.title")
    return cat.text("tui.questions.new")


class Leftover(Vertical):
    """The leftover of the first of `fields` that has one; hidden when none has."""

    # Not scoped: while a leftover shows, its screen makes room for it (the explanation
    # under a part's starter steps aside; the answer may shrink a little).
    SCOPED_CSS = False
    DEFAULT_CSS = """
    Leftover {
        display: none;
        height: auto;
        margin: 0 1;
        padding: 0 1;
        border-top: heavy $warning;
    }
    Leftover.-shown {
        display: block;
    }
    Leftover > #leftover-said {
        height: auto;
    }
    Leftover > #leftover-text {
        height: auto;
        max-height: 4;
    }
    Leftover > Horizontal {
        height: 1;
    }
    Leftover Button {
        margin-right: 2;
    }
    Screen.-leftover .about {
        display: none;
    }
    Screen.-leftover #answer {
        min-height: 5;
    }
    """

    def __init__(self, fields: Sequence[str], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.fields = list(fields)
        self.current = ""

    @property
    def session(self) -> EditingSession:
        return self.app.session  # type: ignore[attr-defined, no-any-return]

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        """Show what is left over now (or hide, when nothing is). Its parts are made the
        first time something is left over: most screens never need them."""
        leftovers = self.session.leftovers
        self.current = next((f for f in self.fields if leftovers.get(f)), "")
        self.set_class(bool(self.current), "-shown")
        self.screen.set_class(bool(self.current), "-leftover")
        if not self.current:
            return
        if not self.children:
            cat: Catalogue = self.app.cat  # type: ignore[attr-defined]
            self.mount_all([
                Static("", id="leftover-said"),
                TextArea("", id="leftover-text", read_only=True, soft_wrap=True, compact=True),
                Horizontal(
                    Button(cat.text("limits.put_in"), id="leftover-put", compact=True),
                    Button(cat.text("limits.let_go"), id="leftover-forget", compact=True),
                ),
            ])  # fmt: skip
        self._fill()

    def _fill(self) -> None:
        if not self.current:
            return
        cat: Catalogue = self.app.cat  # type: ignore[attr-defined]
        rest = self.session.leftovers.get(self.current)
        said = leftover_said(rest, limit_of(self.current))
        words = cat.text(said.key, **said.values, field=field_label(cat, self.current))
        self.query_one("#leftover-said", Static).update(Content(words))
        text = self.query_one("#leftover-text", TextArea)
        if text.text != rest:
            text.load_text(rest)

    @on(Button.Pressed, "#leftover-put")
    def _put_in(self, event: Button.Pressed) -> None:
        """As much as fits now goes in at the field's cursor; the rest stays here."""
        event.stop()
        target = self._target_for(self.current)
        if target is None:
            return
        rest = self.session.leftovers.take(self.current)
        if isinstance(target, Answer):
            target.replace_as_typed(rest)
        else:
            target.replace(rest, *target.selection)
        target.focus()
        self.show()

    @on(Button.Pressed, "#leftover-forget")
    def _forget(self, event: Button.Pressed) -> None:
        event.stop()
        field = self.current
        self.session.leftovers.clear(field)
        self.show()
        target = self._target_for(field)
        if target is not None:
            target.focus()

    def _target_for(self, field: str) -> Answer | Field | None:
        for widget in self.screen.query("Answer, Field"):
            if isinstance(widget, (Answer, Field)) and widget.field == field:
                return widget
        return None
