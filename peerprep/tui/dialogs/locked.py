"""A preparation open in another window: read it here, or work on a copy."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from peerprep.store import LockInfo
from peerprep.tui.dialogs.answer import Answer, AnswerDialog
from peerprep.tui.keymap import bind


class LockedDialog(AnswerDialog):
    """Answers "copy", "read" or "back"."""

    help_topic = "locked"  # what F1 explains (tui.help.topic.locked)

    BINDINGS: ClassVar[list[BindingType]] = [bind("back", "answer('read')", id="locked_read")]

    def __init__(self, holder: LockInfo) -> None:
        super().__init__()
        self.holder = holder

    def heading(self) -> str:
        return self.t("tui.locked.title")

    def paragraphs(self) -> list[str]:
        return [
            self.t("errors.locked", pid=self.holder.pid, host=self.holder.host),
            self.t("tui.locked.explain"),
        ]

    def answers(self) -> list[Answer]:
        return [
            ("copy", self.t("tui.locked.copy"), "primary"),
            ("read", self.t("tui.locked.read"), "default"),
            ("back", self.t("tui.locked.back"), "default"),
        ]
