"""Review: the statement as it will be on the sheet; jump to any part; save as a file or print."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from peerprep.choices import PART_KEYS
from peerprep.export.layout import meeting_lines
from peerprep.export.starter import without_starter
from peerprep.tui.bindings import key_of
from peerprep.tui.keymap import bind
from peerprep.tui.screens.wizard import WizardScreen
from peerprep.tui.widgets.bullets import Bullets
from peerprep.tui.widgets.save_status import SaveStatus
from peerprep.tui.widgets.sheet_gauge import SheetGauge
from peerprep.words.naming import display_title as title_of


class ReviewScreen(WizardScreen):
    help_topic = "review"  # what F1 explains (tui.help.topic.review)
    BINDINGS: ClassVar[list[BindingType]] = [
        # the digits are written on the change buttons beside what they change
        *(bind(f"part{n}", f"part({n - 1})", show=False) for n in range(1, 5)),
        bind("meeting", "room('meeting')", id="edit_meeting", show=False),
        bind("questions", "room('questions')", id="edit_questions", show=False),
        # on from the last room: back to the list, where everything is kept
        bind("next", "home", id="done", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__("review")

    def _change_button(self, binding_id: str, room: str) -> Button:
        """'Ret (0)': the change button of a section, with the key that does the same."""
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
                # as the sheet prints it: a repeated starter is left out (export/starter.py)
                text = without_starter(prep.statement.get(key), part.starter).strip()
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
                if prep.questions:  # a question that wraps hangs under its own first word
                    yield Bullets(list(prep.questions), classes="answer")
                else:
                    yield Static(
                        Content(self.t("tui.review.no_questions")), classes="answer -empty"
                    )
        with Horizontal(id="bottom"):
            yield SheetGauge(id="gauge")
            # no back button: Esc (in the footer) goes back, and the line keeps its room
            yield Button(self.t("tui.review.export_button", press=key_of(self, "sheet")),
                         id="export", compact=True)  # fmt: skip
            yield Button(self.t("tui.review.done_button", press=key_of(self, "done")),
                         id="done", compact=True)  # fmt: skip

    def after_build(self) -> None:
        self.query_one("#gauge", SheetGauge).show(self.cat, self.prep)
        self.query_one("#sheet").focus()

    def action_part(self, index: int) -> None:
        self.peer_app.go_to(PART_KEYS[index], back_to="review")

    def action_room(self, room: str) -> None:
        self.peer_app.go_to(room, back_to="review")

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
