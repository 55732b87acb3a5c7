"""A preparation open in another window: read it here, or work on a copy; or, when the
other window is on another computer and may be left behind, take it over (flow.taking_over)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from peerprep.flow import taking_over
from peerprep.store import LockInfo
from peerprep.tui.dialogs.answer import Answer, AnswerDialog
from peerprep.tui.keymap import bind


class LockedDialog(AnswerDialog):
    """Answers "copy", "read", "back", or "take" (another computer's lock only)."""

    help_topic = "locked"  # what F1 explains (tui.help.topic.locked)

    BINDINGS: ClassVar[list[BindingType]] = [bind("back", "answer('read')", id="locked_read")]

    def __init__(self, holder: LockInfo) -> None:
        super().__init__()
        self.holder = holder
        self.wide = taking_over.takeable(holder)  # four answers need the wider box

    def heading(self) -> str:
        return self.t("tui.locked.title")

    def paragraphs(self) -> list[str]:
        if taking_over.takeable(self.holder):
            # Another computer's lock, which may be left behind: say whose and since when.
            return taking_over.about(self.cat, self.holder)
        return [
            self.t("errors.locked", pid=self.holder.pid, host=self.holder.host),
            self.t("tui.locked.explain"),
        ]

    def answers(self) -> list[Answer]:
        answers: list[Answer] = [
            ("copy", self.t("tui.locked.copy"), "primary"),
            ("read", self.t("tui.locked.read"), "default"),
            ("back", self.t("tui.locked.back"), "default"),
        ]
        if taking_over.takeable(self.holder):
            answers.insert(1, ("take", self.t("takeover.take"), "default"))
        return answers
