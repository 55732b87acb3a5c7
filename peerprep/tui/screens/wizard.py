"""The rooms of one preparation, in order: the meeting, the four parts, questions, review.

Escape goes one room back (from the meeting: home; to the review when the room was
opened from there), F6 one room on. Every move saves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType

from peerprep.model import Preparation
from peerprep.tui.screens.base import PeerScreen

if TYPE_CHECKING:
    from textual.dom import DOMNode


class WizardScreen(PeerScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", tooltip="One step back", id="back"),
        # priority: the text area would otherwise take F6 for "select line"
        Binding("f6", "next", "Next", tooltip="One step on", id="next", priority=True),
        Binding("f9", "home", "Home", tooltip="Back to the list", id="home", show=False),
        # the same key as on the review, in every room: save the sheet or print it from here
        Binding("f5", "export", "Save file", tooltip="A file to print or bring", id="export"),
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

    def back_label(self, usual: str = "tui.nav.back") -> str:
        """The words on the back button: where it goes."""
        return self.t("tui.nav.back_review" if self.back_to == "review" else usual)

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


def in_key_order(node: DOMNode) -> None:
    """The footer shows a screen's keys in the order of its table: Escape first, then the
    F-keys by number (the wizard's F5 after a room's own F2-F4), then the rest."""
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
