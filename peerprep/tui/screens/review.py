"""Review: the statement as it will be on the sheet; jump to any part; save as a file or print."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from peerprep.choices import PART_KEYS
from peerprep.export.layout import meeting_lines
from peerprep.tui.bindings import key_of
from peerprep.tui.screens.wizard import WizardScreen
from peerprep.tui.widgets.save_status import SaveStatus
from peerprep.tui.widgets.sheet_gauge import SheetGauge
from peerprep.words.naming import display_title as title_of


class ReviewScreen(WizardScreen):
    help_topic = "review"  # what F1 explains (tui.help.topic.review)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "part(0)", "Part 1", tooltip="Change part 1", id="part1", show=False),
        Binding("2", "part(1)", "Part 2", tooltip="Change part 2", id="part2", show=False),
        Binding("3", "part(2)", "Part 3", tooltip="Change part 3", id="part3", show=False),
        Binding("4", "part(3)", "Part 4", tooltip="Change part 4", id="part4", show=False),
        # F2 and F3 are written on the buttons beside the meeting and the questions
        Binding(
            "f2",
            "room('meeting')",
            "Meeting",
            tooltip="Change the meeting",
            id="edit_meeting",
            show=False,
        ),
        Binding(
            "f3",
            "room('questions')",
            "Questions",
            tooltip="Change the questions",
            id="edit_questions",
            show=False,
        ),
        Binding(
            "f7", "large_print", "Large print", tooltip="The sheet in large print", id="large_print"
        ),
        Binding("f9", "home", "Done", tooltip="Back to the list", id="done"),
        # F6 (next) from the last room is the same as Done: kept, but not shown twice
        Binding("f6", "home", "Next", tooltip="One step on", id="next", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__("review")

    def _change_button(self, binding_id: str, room: str) -> Button:
        """'Ret (F2)': the change button of a section, with the key that does the same."""
        label = self.t("tui.review.change", n=key_of(self, binding_id) or "")
        return Button(label, id=f"room-{room}", compact=True)

    def compose_body(self) -> ComposeResult:
        prep = self.prep
        with Horizontal(id="topbar"):
            yield Static(Content.styled(self.t("tui.review.heading"), "bold"), id="room-title")
            yield SaveStatus(id="status")
        with VerticalScroll(id="sheet"):
            with Horizontal(classes="sheet-part-head sheet-title"):
                yield Static(Content.styled(title_of(self.cat, prep), "bold"), classes="starter")
                yield self._change_button("edit_meeting", "meeting")
            meeting = "\n".join(meeting_lines(self.cat, prep))
            yield Static(Content(meeting), classes="sheet-meeting")
            for number, key in enumerate(PART_KEYS, start=1):
                part = self.cat.part(key)
                text = prep.statement.get(key).strip()
                with Vertical(classes="sheet-part"):
                    with Horizontal(classes="sheet-part-head"):
                        yield Static(Content.styled(part.starter, "bold"), classes="starter")
                        yield Button(
                            self.t("tui.review.change", n=number), id=f"part-{number}", compact=True
                        )
                    shown = text or self.t("tui.review.empty_part")
                    yield Static(Content(shown), classes="answer" if text else "answer -empty")
            with Vertical(classes="sheet-part"):
                with Horizontal(classes="sheet-part-head"):
                    heading = Content.styled(self.t("tui.review.questions"), "bold")
                    yield Static(heading, classes="starter")
                    yield self._change_button("edit_questions", "questions")
                if prep.questions:
                    lines = "\n".join(f"• {q}" for q in prep.questions)
                    yield Static(Content(lines), classes="answer")
                else:
                    yield Static(
                        Content(self.t("tui.review.no_questions")), classes="answer -empty"
                    )
        with Horizontal(id="bottom"):
            yield SheetGauge(id="gauge")
            yield Button(self.t("tui.nav.back"), id="back", compact=True)
            yield Button(self.t("tui.review.export_button"), id="export", compact=True)
            yield Button(self.t("tui.review.done_button"), id="done", compact=True)

    def after_build(self) -> None:
        self.query_one("#gauge", SheetGauge).show(self.cat, self.prep)
        self.query_one("#sheet").focus()

    def action_part(self, index: int) -> None:
        self.peer_app.go_to(PART_KEYS[index], back_to="review")

    def action_room(self, room: str) -> None:
        self.peer_app.go_to(room, back_to="review")

    def action_large_print(self) -> None:
        """One key to the sheet in large print: the save dialog with large print ticked."""
        self.peer_app.export_dialog(large_print=True)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button.startswith("part-"):
            self.action_part(int(button.removeprefix("part-")) - 1)
        elif button.startswith("room-"):
            self.action_room(button.removeprefix("room-"))
        elif button == "export":
            self.action_export()
        elif button == "done":
            self.action_home()
