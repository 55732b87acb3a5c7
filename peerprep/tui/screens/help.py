"""F1: every key of every room, in the person's language, and a few words on the program."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from peerprep.content import Catalogue
from peerprep.tui.bindings import key_display, label_key, tip_key
from peerprep.tui.screens.base import PeerScreen


def sections() -> list[tuple[str, list[BindingType]]]:
    """(catalogue key of the heading, bindings) for each room, in the order one meets them."""
    from peerprep.tui.app import PeerprepApp
    from peerprep.tui.screens.after_meeting import AfterMeetingScreen
    from peerprep.tui.screens.home import HomeScreen
    from peerprep.tui.screens.questions import QuestionsScreen
    from peerprep.tui.screens.review import ReviewScreen
    from peerprep.tui.screens.settings import SettingsScreen
    from peerprep.tui.screens.step import StepScreen
    from peerprep.tui.screens.wizard import WizardScreen

    return [
        ("tui.help.everywhere", PeerprepApp.BINDINGS),
        ("tui.help.home", HomeScreen.BINDINGS),
        ("tui.help.wizard", WizardScreen.BINDINGS),
        ("tui.help.step", StepScreen.BINDINGS),
        ("tui.help.questions", QuestionsScreen.BINDINGS),
        ("tui.help.review", ReviewScreen.BINDINGS),
        ("tui.help.after", AfterMeetingScreen.BINDINGS),
        ("tui.help.settings", SettingsScreen.BINDINGS),
    ]


def key_lines(cat: Catalogue, bindings: list[BindingType]) -> Content:
    rows: list[Content] = []
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.id:
            continue
        key = key_display(binding.key).ljust(10)
        rows.append(
            Content.assemble(
                (key, "bold"),
                cat.text(label_key(binding.id)),
                " – ",
                cat.text(tip_key(binding.id)),
            )
        )
    return Content("\n").join(rows)


class HelpScreen(PeerScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1", "close", "Close", tooltip="Back where you were", id="help_close"),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(Content.styled(self.t("tui.help.heading"), "bold"), id="room-title")
        with VerticalScroll(id="help"):
            yield Static(Content(self.t("tui.help.intro")), classes="about")
            for heading, bindings in sections():
                yield Static(Content.styled(self.t(heading), "bold"), classes="help-heading")
                yield Static(key_lines(self.cat, bindings), classes="help-keys")
            yield Static(Content(self.t("tui.help.saving")), classes="about")
            yield Static(
                Content(self.t("tui.help.where", path=str(self.peer_app.data_dir))), classes="about"
            )
        with Horizontal(id="bottom"):
            yield Static("", id="spacer")
            yield Button(self.t("tui.help.close"), id="close", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#help").focus()

    def action_close(self) -> None:
        self.app.pop_screen()

    @on(Button.Pressed, "#close")
    def _click_close(self) -> None:
        self.action_close()
