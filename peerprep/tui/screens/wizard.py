"""The rooms of one preparation, in order: the meeting, the four parts, questions, review.

Escape goes one room back (from the meeting: home), F6 one room on. A room opened from
the review is a visit to fix one thing: Escape and F6 both go back to the review, and
the footer and the one button at the bottom say so. Every move saves. In every room F5
is the sheet (save it as a file or print it), F4 the notes from after the meeting and F9
the settings (tui/keymap.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Button

from peerprep.tui.bindings import adopt
from peerprep.tui.keymap import bind
from peerprep.tui.screens.base import PeerScreen

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from peerprep.model import Preparation


class WizardScreen(PeerScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("back", "back"),
        # priority: the text area would otherwise take F6 for "select line"
        bind("next", "next", priority=True),
        # the same key in every room and on home: save the sheet or print it from here
        bind("sheet", "export"),
        bind("after", "after", show=False),
        bind("settings", "settings", show=False),
    ]

    def __init__(self, room: str) -> None:
        super().__init__()
        self.room = room
        self.back_to: str | None = None  # where Escape goes, when not the room before
        in_key_order(self)

    @property
    def prep(self) -> Preparation:
        prep = self.peer_app.session.prep
        if prep is None:  # a room of a preparation is never shown without one
            raise RuntimeError("no preparation is open")
        return prep

    @property
    def read_only(self) -> bool:
        return self.peer_app.session.read_only

    @property
    def visiting(self) -> bool:
        """Opened from the review to change one thing: both ways lead back to it."""
        return self.back_to == "review"

    def compose_nav(self, next_key: str, back_key: str = "tui.nav.back") -> ComposeResult:
        """The back and next buttons, whose words say where they go; on a visit from the
        review one button (two would both go to the review)."""
        if not self.visiting:
            yield Button(self.t(back_key), id="back", compact=True)
        yield Button(self.t("tui.nav.next_review" if self.visiting else next_key), id="next",
                     compact=True)  # fmt: skip

    def localize_keys(self) -> None:
        super().localize_keys()
        if self.visiting:
            adopt(self, "f6", "to_review", self.cat)  # F6 says it goes back to the sheet

    def edited(self) -> None:
        self.peer_app.edited()

    def ready_to_leave(self) -> bool:
        """False keeps the person here (a field needs fixing first); the screen says why."""
        return True

    def action_back(self) -> None:
        from peerprep.tui.rooms import WIZARD

        if not self.ready_to_leave():
            return
        if self.back_to is not None:
            self.peer_app.go_to(self.back_to)
            return
        index = WIZARD.index(self.room or "meeting")
        if index == 0:
            self.peer_app.go_home()
        else:
            self.peer_app.go_to(WIZARD[index - 1])

    def action_next(self) -> None:
        from peerprep.tui.rooms import WIZARD

        if not self.ready_to_leave():
            return
        if self.visiting:
            self.peer_app.go_to("review")  # the one thing is fixed: not on to the next part
            return
        index = WIZARD.index(self.room or "meeting")
        if index + 1 >= len(WIZARD):
            self.peer_app.go_home()
        else:
            self.peer_app.go_to(WIZARD[index + 1])

    def action_home(self) -> None:
        if self.ready_to_leave():
            self.peer_app.go_home()

    def action_export(self) -> None:
        self.peer_app.export_dialog()

    def action_after(self) -> None:
        """The notes from after the meeting, for this preparation."""
        prep = self.peer_app.session.prep
        if prep is not None and self.ready_to_leave():
            self.peer_app.open_after_meeting(prep.id)

    def action_settings(self) -> None:
        from peerprep.tui.screens.settings import SettingsScreen

        self.commit()
        self.app.push_screen(SettingsScreen())

    @on(Button.Pressed, "#back")
    def _click_back(self) -> None:
        self.action_back()

    @on(Button.Pressed, "#next")
    def _click_next(self) -> None:
        self.action_next()


def in_key_order(node: DOMNode) -> None:
    """The footer shows a screen's keys in the order of its table: Escape first, then the
    F-keys by number (the wizard's F5 after a room's own F2 and F3), then the rest."""
    table = node._bindings.key_to_bindings
    ordered = sorted(table.items(), key=lambda item: _rank(item[0]))
    table.clear()
    table.update(ordered)


def _rank(key: str) -> int:
    if key == "escape":
        return 0
    if len(key) > 1 and key[0] == "f" and key[1:].isdigit():
        return int(key[1:])
    return 100
