"""Saving failed: the words are still on screen; offer to save a copy somewhere else."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from peerprep.flow.editing import SaveState
from peerprep.tui.dialogs.answer import Answer, AnswerDialog
from peerprep.tui.keymap import bind


class SaveFailedDialog(AnswerDialog):
    """Answers "export", "retry", "stay" or (when quitting) "quit"."""

    help_topic = "save_failed"  # what F1 explains (tui.help.topic.save_failed)
    wide = True

    BINDINGS: ClassVar[list[BindingType]] = [bind("back", "answer('stay')", id="failed_stay")]

    def __init__(self, state: SaveState, *, quitting: bool = False) -> None:
        super().__init__()
        self.state = state
        self.quitting = quitting

    def heading(self) -> str:
        return self.t("tui.failed.title")

    def paragraphs(self) -> list[str]:
        reason = self.t(self.state.error_key or "errors.write_failed", **self.state.values)
        return [reason, self.t("tui.failed.explain")]

    def answers(self) -> list[Answer]:
        last = (
            ("quit", self.t("tui.failed.quit"), "error")
            if self.quitting
            else ("stay", self.t("tui.failed.stay"), "default")
        )
        return [
            ("export", self.t("tui.failed.export"), "primary"),
            ("retry", self.t("tui.failed.retry"), "default"),
            last,
        ]
