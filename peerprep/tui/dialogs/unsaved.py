"""Leaving would lose words: text that did not fit into a field, or a date that cannot be
read. Says which, and leaves only if the person chooses to (flow.editing.unsaved_words)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from peerprep.tui.dialogs.answer import Answer, AnswerDialog
from peerprep.tui.widgets.leftover import field_label


class UnsavedWordsDialog(AnswerDialog):
    """Answers "stay" or "leave"."""

    help_topic = "unsaved"  # what F1 explains (tui.help.topic.unsaved)
    wide = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer('stay')", "Stay", tooltip="Stay and fix it", id="unsaved_stay"),
    ]

    def __init__(self, words: list[tuple[str, str]]) -> None:
        super().__init__()
        self.words = words

    def heading(self) -> str:
        return self.t("tui.unsaved.title")

    def paragraphs(self) -> list[str]:
        lines = []
        for field, text in self.words:
            label = field_label(self.cat, field)
            if field in ("meeting.date", "meeting.time"):
                lines.append(self.t("tui.unsaved.unread", field=label, text=text))
            else:
                lines.append(self.t("tui.unsaved.rest", field=label, count=len(text)))
        return ["\n".join(f"• {line}" for line in lines), self.t("tui.unsaved.explain")]

    def answers(self) -> list[Answer]:
        return [
            ("stay", self.t("tui.unsaved.stay"), "primary"),
            ("leave", self.t("tui.unsaved.leave"), "error"),
        ]
