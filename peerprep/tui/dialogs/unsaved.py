"""Leaving would lose words: text that did not fit into a field, or a date that cannot be
read. Says which, and leaves only if the person chooses to (flow.editing.unsaved_words).

A date or time that cannot be read is named as typed, with the date the file still holds
(flow.meeting_when), in calm words: only that text is not kept, nothing else is lost."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from peerprep.tui.dialogs.answer import Answer, AnswerDialog
from peerprep.tui.widgets.leftover import field_label
from peerprep.words.dates import format_date

WHEN = ("meeting.date", "meeting.time")


class UnsavedWordsDialog(AnswerDialog):
    """Answers "stay" or "leave"."""

    help_topic = "unsaved"  # what F1 explains (tui.help.topic.unsaved)
    wide = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer('stay')", "Stay", tooltip="Stay and fix it", id="unsaved_stay"),
    ]

    def __init__(self, words: list[tuple[str, str]], kept: dict[str, object] | None = None) -> None:
        """`words`: (field, text) as EditingSession.unsaved_words gives them; `kept`: for
        "meeting.date" / "meeting.time", what the file still holds (kept_instead)."""
        super().__init__()
        self.words = words
        self.kept = kept or {}

    @property
    def only_when(self) -> bool:
        """Only a date or time that cannot be read: no text of the person's is lost."""
        return all(field in WHEN for field, _text in self.words)

    def heading(self) -> str:
        return self.t("tui.unsaved.title_when" if self.only_when else "tui.unsaved.title")

    def paragraphs(self) -> list[str]:
        lines = []
        for field, text in self.words:
            label = field_label(self.cat, field)
            if field in WHEN:
                line = self.t("tui.unsaved.unread", field=label, text=text)
                kept = self.kept.get(field)
                if kept is not None:
                    name = field.rsplit(".", 1)[-1]
                    value = format_date(self.cat, kept)
                    line = f"{line} {self.t(f'tui.unsaved.kept_{name}', value=value)}"
                lines.append(line)
            else:
                lines.append(self.t("tui.unsaved.rest", field=label, count=len(text)))
        explain = "tui.unsaved.explain_when" if self.only_when else "tui.unsaved.explain"
        return ["\n".join(f"• {line}" for line in lines), self.t(explain)]

    def answers(self) -> list[Answer]:
        leave = "tui.unsaved.leave_when" if self.only_when else "tui.unsaved.leave"
        return [
            ("stay", self.t("tui.unsaved.stay"), "primary"),
            ("leave", self.t(leave), "default" if self.only_when else "error"),
        ]
