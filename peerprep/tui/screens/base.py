"""What every room has in common: words from the catalogue, the banner slot, the footer.

A screen builds its content in `compose_body()`. When the language changes, `relabel()`
rebuilds the screen from the model (the words typed are in the model, not the widgets),
and `commit()` is where a screen puts what is in its fields into the model before a save.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, Concatenate, Generic, ParamSpec, TypeVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Footer

from peerprep.tui.bindings import localize
from peerprep.tui.keymap import bind
from peerprep.tui.widgets.fields import Overflow
from peerprep.tui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from peerprep.export.speech import Chunk
    from peerprep.tui.app import PeerprepApp
    from peerprep.words import Catalogue


# Below these sizes a screen is "short" or "narrow" (a large terminal font, a small
# window): it drops its explaining paragraphs and margins, so the place to write keeps
# at least three lines and every button stays on the screen (tests/tui/test_layout.py).
SHORT_BELOW = 20  # rows
NARROW_BELOW = 60  # columns
DIALOG_NARROW_BELOW = 80  # columns: a dialog's row of buttons needs the width of a -wide box


P = ParamSpec("P")
W = TypeVar("W", bound="Worded")


def when_shown(answer: Callable[Concatenate[W, P], None]) -> Callable[Concatenate[W, P], None]:
    """An answer from a thread, shown only while its screen is (``Worded.is_shown``);
    once the person has closed the screen, it is dropped unseen."""

    @functools.wraps(answer)
    def shown(self: W, *args: P.args, **kwargs: P.kwargs) -> None:
        if self.is_shown:
            answer(self, *args, **kwargs)

    return shown


class Worded:
    """Mixin: easy access to the app and its catalogue."""

    @property
    def peer_app(self) -> PeerprepApp:
        return cast("PeerprepApp", cast(Screen, self).app)

    @property
    def cat(self) -> Catalogue:
        return self.peer_app.cat

    def t(self, key: str, **values: object) -> str:
        return self.peer_app.cat.text(key, **values)

    @property
    def is_shown(self) -> bool:
        """Whether the screen is still one of the app's (in front or behind a dialog).

        An answer from a thread (a printer, a font check, a listing) may come back after
        its screen was closed: Textual takes a closed screen off its stack at once but
        removes its widgets a moment later, so ``is_attached`` alone is still True while
        they go (random keys closed the sheet's dialog during its font check:
        tests/stress/test_tui_keys.py, PEERPREP_KEYS_SEED=206681).
        """
        screen = cast(Screen, self)
        return screen.is_attached and screen in screen.app.screen_stack

    @property
    def closed_before_built(self) -> bool:
        """Whether the screen was closed before Textual built it (its Mount came after).

        Textual builds a screen a moment after it is put on, and mounts nothing into a
        screen it is already removing (textual/widget.py, ``Widget.mount`` while
        ``_pruning``). A screen taken off again in that moment (F6 then Escape faster than
        a screen is built, under load) is composed after the preparation it shows may
        have been closed, and gets its Mount with no widgets in it: building or filling it
        in then crashed the program (``NoMatches '#answer'``,
        tests/tui/test_closed_at_once.py). Such a screen builds nothing.
        """
        return not self.is_shown

    def fit_size(self) -> None:
        """Mark the screen "-short" or "-narrow" for the stylesheets (see SHORT_BELOW)."""
        screen = cast(Screen, self)
        width, height = screen.app.size
        screen.set_class(height < SHORT_BELOW, "-short")
        screen.set_class(width < NARROW_BELOW, "-narrow")

    def on_resize(self, event: events.Resize) -> None:
        self.fit_size()

    def on_screen_suspend(self) -> None:
        # Out of sight (another screen or a dialog in front of it, or gone): what was
        # being read aloud from it stops (tui/reading_aloud.py).
        self.peer_app.screen_left(cast(Screen, self))

    def on_unmount(self) -> None:
        self.peer_app.screen_left(cast(Screen, self))


class PeerScreen(Worded, Screen[None]):
    """A full screen of the program."""

    room: str | None = None  # set by the wizard's rooms (meeting, the parts, ...)
    help_topic: str | None = None  # what F1 explains here (tui.help.topic.<topic>)
    focus_on: str | None = None  # the field to have the focus once built (Rooms.go_to)

    def compose(self) -> ComposeResult:
        if self.closed_before_built:  # what it would show may be closed too (the preparation)
            return
        yield from self.peer_app.compose_banner()
        yield from self.compose_body()
        yield KeysFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        # Textual itself calls the on_mount of every class along the MRO, so a screen
        # does not write its own (nor call this one): it fills in after_build().
        if self.closed_before_built:
            return
        self.fit_size()
        self.localize_keys()
        self.refresh_bindings()
        self.after_build()
        if self.focus_on is not None:
            self.focus_field(self.focus_on)

    async def recompose(self) -> None:
        await super().recompose()
        if not self.closed_before_built:  # Textual rebuilds nothing in a closed screen
            self.after_build()

    def after_build(self) -> None:
        """What compose cannot do (focus, widgets filled from the model): runs after the
        first build and after every rebuild (a new language)."""

    def focus_field(self, field: str) -> None:
        """Give the focus to the text field for `field` (its path in the file, as every
        field of ours names it: tui.widgets.fields), if it is on this screen."""
        for widget in self.query(Widget):
            if getattr(widget, "field", None) == field and widget.focusable:
                widget.focus()
                return

    def localize_keys(self) -> None:
        """The words of this screen's keys, in the person's language."""
        localize(self, self.cat)

    def relabel(self) -> None:
        """The language changed: new words for the keys, and the screen built again."""
        self.commit()
        self.localize_keys()
        self.refresh(recompose=True)
        self.refresh_bindings()

    def commit(self) -> None:
        """Put what is in the fields into the model (override where there are fields)."""

    @on(Overflow)
    def _overflowed(self, event: Overflow) -> None:
        """Text did not fit into a field: kept in the session, shown until let go."""
        from peerprep.tui.widgets.leftover import Leftover

        self.peer_app.session.leftovers.add(event.field, event.rest)
        for leftover in self.query(Leftover):
            leftover.show()


ResultT = TypeVar("ResultT")


class PeerDialog(Worded, ModalScreen[ResultT], Generic[ResultT]):
    """A dialog in front of a screen; it answers with dismiss(value of type ResultT).

    It has a footer of its own: the keys shown at the bottom are the ones that work now,
    not those of the screen behind it."""

    help_topic: str | None = None  # what F1 explains here (tui.help.topic.<topic>)
    first_focus: str = ""  # the widget that has the focus when the dialog opens ("#no")
    # A dialog stops the program's own keys from reaching the screen behind; F1 is
    # bound here again so that help works (and shows) in every dialog too, and Ctrl+R
    # so that what the dialog says can be heard (tui/reading_aloud.py).
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("help", "app.help"),
        bind("read_aloud", "app.read_aloud", show=False),
        bind("read_aloud", "app.stop_reading", id="stop_reading", show=False),
    ]

    def on_mount(self) -> None:
        if self.closed_before_built:
            return
        self.fit_size()
        localize(self, self.cat)
        self.mount(KeysFooter())  # F1 first, as on every screen (widgets.keys_footer)
        self.refresh_bindings()
        # Textual itself calls the on_mount of every class along the MRO, so a dialog
        # does not write its own (that mounted a second footer): it names first_focus
        # and fills in after_mount().
        self.after_mount()
        if self.first_focus:
            self.query_one(self.first_focus).focus()

    def fit_size(self) -> None:
        """A dialog's buttons stand in a row only where the row fits (80 columns)."""
        super().fit_size()
        self.set_class(self.app.size.width < DIALOG_NARROW_BELOW, "-narrow")

    def after_mount(self) -> None:
        """What compose cannot do, once the dialog is built."""

    def spoken(self) -> list[Chunk]:
        """Ctrl+R: what the dialog says, as shown (its title and texts, in their order;
        not its buttons and choices, which the footer and the focus say)."""
        from textual.content import Content
        from textual.widgets import Button, Checkbox, RadioButton, Static

        from peerprep.flow.spoken_screens import program_text

        texts = [
            str(shown.content)
            for shown in self.query(Static)
            if not isinstance(shown, (Button, Checkbox, RadioButton))
            and isinstance(shown.content, (str, Content))
            and all(w.display for w in (shown, *shown.ancestors) if isinstance(w, Widget))
        ]
        return program_text(self.cat, texts)

    async def recompose(self) -> None:
        await super().recompose()
        if not self.query(Footer):  # built again in another language: the footer too
            await self.mount(KeysFooter())

    def relabel(self) -> None:
        localize(self, self.cat)
        self.refresh(recompose=True)


class DialogBox(VerticalScroll):
    """The box of a dialog. It scrolls when the terminal is too small for all of it, so
    its buttons can always be reached and seen (a focused button is scrolled into view),
    and it takes the focus itself (Tab), so that the arrow keys scroll back to read."""

    def __init__(self, *, wide: bool = False, id: str | None = None) -> None:
        super().__init__(classes="dialog -wide" if wide else "dialog", id=id)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The answers stay at the bottom of the box (dialogs.tcss); a field scrolled into
        # view must not end up behind them.
        self.call_after_refresh(self._clear_of_answers, event.widget)

    def _clear_of_answers(self, widget: Widget) -> None:
        answers = self.query(".dialog-buttons")
        if not answers or not widget.is_mounted:
            return
        bar = answers.first()
        if widget is bar or bar in widget.ancestors:
            return
        hidden = widget.region.bottom - bar.region.y
        if hidden > 0:
            self.scroll_relative(y=hidden, animate=False, immediate=True)
