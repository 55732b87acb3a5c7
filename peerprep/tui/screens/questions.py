"""My questions for the meeting (optional): add, edit, remove, reorder; or pick known ones."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static

from peerprep.field_limits import QUESTION_MAX, QUESTIONS_MAX
from peerprep.tui.keymap import bind
from peerprep.tui.screens.wizard import WizardScreen
from peerprep.tui.widgets.fields import Field
from peerprep.tui.widgets.leftover import Leftover
from peerprep.tui.widgets.marked_list import MarkedList
from peerprep.tui.widgets.save_status import SaveStatus


class QuestionsScreen(WizardScreen):
    help_topic = "questions"  # what F1 explains (tui.help.topic.questions)
    BINDINGS: ClassVar[list[BindingType]] = [
        # F2 is written on the list of suggestions (no room for it in the footer at 80
        # columns once F8 is there too); Enter on one of my questions changes it
        bind("ideas", "suggestions", id="suggestions", show=False),
        bind("delete", "remove", id="remove"),
        bind("move_up", "move(-1)", show=False),
        bind("move_down", "move(1)", show=False),
    ]

    def __init__(self) -> None:
        super().__init__("questions")
        self.editing: int | None = None  # which question the field is changing, if any

    @property
    def questions(self) -> list[str]:
        return self.prep.questions

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(Content.styled(self.t("tui.questions.heading"), "bold"), id="room-title")
            yield SaveStatus(id="status")
        yield Static(Content(self.t("tui.questions.intro")), classes="about")
        with Horizontal(id="lists"):
            with Vertical(id="mine-box"):
                mine = MarkedList(id="mine")
                mine.border_title = self.t("tui.questions.mine")
                # moving is not in the footer (no room at 80 columns): said here instead
                mine.border_subtitle = self.t("tui.questions.move_hint")
                yield mine
                yield Static(Content(self.t("tui.questions.none")), id="none", classes="note")
            suggestions = MarkedList(id="suggestions")
            suggestions.border_title = self.t("tui.questions.common_title")
            yield suggestions
        field = Field(
            id="question",
            placeholder=self.t("tui.questions.field_hint"),
            max_length=QUESTION_MAX,
            disabled=self.read_only,
            field="questions",
        )
        field.border_title = self.t("tui.questions.new")
        yield field
        yield Leftover(["questions"], id="leftover")
        with Horizontal(id="bottom"):
            yield Static("", id="spacer")
            yield from self.compose_nav("tui.nav.next_review")

    def after_build(self) -> None:
        self._fill()
        self.query_one("#question", Field).focus()

    def _fill_suggestions(self) -> None:
        """The well-known questions; one already on the person's list says so in words and
        with a ✓ (not only a colour), so nobody wonders whether it was taken."""
        common = self.cat.list("tui.questions.common")
        rows = [
            self.t("tui.questions.taken", text=text) if text in self.questions else text
            for text in common
        ]
        suggestions = self.query_one("#suggestions", MarkedList)
        at = suggestions.highlighted
        suggestions.fill(rows, [str(i) for i in range(len(common))])
        if at is not None and at < len(rows):
            suggestions.highlighted = at  # the person stays on the row they were on

    def _fill(self, highlight: int | None = None) -> None:
        self._fill_suggestions()
        mine = self.query_one("#mine", MarkedList)
        mine.fill(list(self.questions), numbered=True)
        if self.questions:
            mine.highlighted = max(0, min(highlight or 0, len(self.questions) - 1))
        self.query_one("#none").display = not self.questions

    def _changed(self, highlight: int | None = None) -> None:
        self.peer_app.session.changed()
        self.edited()
        self._fill(highlight)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Change, remove and move act on a question of one's own: hidden until there is one.
        prep = self.peer_app.session.prep
        return bool(prep and prep.questions) or action not in ("remove", "move")

    def _chosen(self) -> int | None:
        mine = self.query_one("#mine", OptionList)
        index = mine.highlighted
        if index is None or not self.questions or not (0 <= index < len(self.questions)):
            self.notify(self.t("tui.questions.choose_first"))
            return None
        return index

    def _add(self, text: str) -> bool:
        text = " ".join(text.split())
        if not text or self.read_only:
            return False
        if len(self.questions) >= QUESTIONS_MAX:
            self.notify(self.t("tui.questions.full", n=QUESTIONS_MAX), severity="warning")
            return False
        self.questions.append(text)
        self._changed(len(self.questions) - 1)
        return True

    # --- the field: new question, or changing one -------------------------------------------

    @on(Input.Submitted, "#question")
    def _submitted(self, event: Input.Submitted) -> None:
        text = " ".join(event.value.split())
        field = self.query_one("#question", Field)
        if self.editing is not None and not self.read_only:
            index = self.editing
            if text:
                self.questions[index] = text
            else:
                del self.questions[index]
            self.editing = None
            field.border_title = self.t("tui.questions.new")
            field.value = ""
            self._changed(index)
            return
        if self._add(text):
            field.value = ""

    def action_edit(self) -> None:
        index = self._chosen()
        if index is None or self.read_only:
            return
        self.editing = index
        field = self.query_one("#question", Field)
        field.value = self.questions[index]
        field.border_title = self.t("tui.questions.editing", n=index + 1)
        field.focus()

    def action_remove(self) -> None:
        index = self._chosen()
        if index is None or self.read_only:
            return
        gone = self.questions.pop(index)
        self.editing = None
        self._changed(index)
        self.notify(self.t("tui.questions.removed", text=gone))

    def action_move(self, step: int) -> None:
        index = self._chosen()
        if index is None or self.read_only:
            return
        target = index + step
        if not 0 <= target < len(self.questions):
            return
        items = self.questions
        items[index], items[target] = items[target], items[index]
        self._changed(target)
        self.query_one("#mine", OptionList).focus()

    # --- well-known questions --------------------------------------------------------------

    def action_suggestions(self) -> None:
        self.query_one("#suggestions", OptionList).focus()

    @on(OptionList.OptionSelected, "#suggestions")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        text = self.cat.list("tui.questions.common")[int(event.option.id or 0)]
        if text in self.questions:
            self.notify(self.t("tui.questions.already"))
            return
        self._add(text)  # the list shows it at once: no note needed

    @on(OptionList.OptionSelected, "#mine")
    def _mine_selected(self) -> None:
        self.action_edit()

    def commit(self) -> None:
        """A question typed but not yet added with Enter is kept, not lost."""
        fields = self.query("#question")
        if not fields or self.read_only:
            return
        field = fields.first(Field)
        text = " ".join(field.value.split())
        if not text:
            return
        if self.editing is None:
            self._add(text)
        elif self.questions[self.editing] != text:
            self.questions[self.editing] = text  # a change not yet confirmed with Enter
            self.peer_app.session.changed()
        field.value = ""
        self.editing = None
