"""A question in a box: a title, a few short paragraphs, and one button per answer.

It answers with the id of the button pressed; Escape gives the calm answer its binding
names (`answer('read')`), so each dialog keeps its own words for Escape in the footer.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Static

from peerprep.tui.screens.base import DialogBox, PeerDialog

Answer = tuple[str, str, str]  # button id, its words, its variant ("primary", "default", ...)


class AnswerDialog(PeerDialog[str]):
    wide = False  # a wider box for longer reasons

    def heading(self) -> str:
        raise NotImplementedError

    def paragraphs(self) -> list[str]:
        raise NotImplementedError

    def answers(self) -> list[Answer]:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with DialogBox(wide=self.wide):
            yield Static(Content.styled(self.heading(), "bold"), classes="dialog-title")
            for text in self.paragraphs():
                yield Static(Content(text))
            with Horizontal(classes="dialog-buttons"):
                for button_id, words, variant in self.answers():
                    yield Button(words, id=button_id, variant=variant)  # type: ignore[arg-type]

    @property
    def first_focus(self) -> str:  # type: ignore[override]
        return f"#{self.answers()[0][0]}"  # the first answer is the one offered

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "")
