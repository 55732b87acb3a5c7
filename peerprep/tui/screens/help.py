"""F1: help for the screen one came from in plain words, its keys, then every key of every room.

Each screen and dialog names its `help_topic`; the words are `tui.help.topic.<topic>`
(a screen without one gets a line on how to go back).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from peerprep.tui.bindings import key_display, label_key, tip_key
from peerprep.tui.keymap import KEYS, bind, meaning_of
from peerprep.tui.screens.base import PeerScreen
from peerprep.words import Catalogue

if TYPE_CHECKING:
    from textual.screen import Screen


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


def keys_shown(key: str) -> str:
    """All the keys of a binding's meaning, as a person reads them: "F5, Ctrl+P"."""
    meaning = meaning_of(key.split(",")[0].strip())
    every = KEYS[meaning] if meaning else tuple(key.split(","))
    return ", ".join(key_display(k) for k in every)


def key_lines(cat: Catalogue, bindings: Iterable[BindingType]) -> Table:
    """One row per key: its keys ("F5, Ctrl+P"), then what it does; a description that
    wraps stays in its own column."""
    rows = Table.grid(padding=(0, 2, 0, 0))
    rows.add_column(no_wrap=True, style="bold")
    rows.add_column(ratio=1)
    seen: set[str] = set()
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.id or binding.id in seen:
            continue
        if not cat.has(label_key(binding.id)):
            continue
        seen.add(binding.id)
        words = f"{cat.text(label_key(binding.id))} – {cat.text(tip_key(binding.id))}"
        rows.add_row(keys_shown(binding.key), words)
    return rows


def keys_of(screen: Screen[object]) -> list[Binding]:
    """The keys that work on a screen now (its own, its widgets' and the program's), once each."""
    found: dict[str, Binding] = {}
    # The screen's own first: a list or a field may take a key (Enter) that still does
    # the screen's thing, and would be missing from the active ones.
    own = [b for bindings in screen._bindings.key_to_bindings.values() for b in bindings]
    for binding in [*own, *(active.binding for active in screen.active_bindings.values())]:
        if binding.id and binding.id not in found:
            found[binding.id] = binding
    return list(found.values())


class HelpScreen(PeerScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("back", "close", id="help_close"),
        bind("help", "close", id="help_close", show=False),  # F1 again: back
    ]

    def __init__(self, topic: str | None = None, keys: list[Binding] | None = None) -> None:
        super().__init__()
        self.topic = topic or "other"
        self.keys = keys or []

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(Content.styled(self.t("tui.help.title"), "bold"), id="room-title")
        with VerticalScroll(id="help"):
            topic = f"tui.help.topic.{self.topic}"
            yield Static(Content.styled(self.t("tui.help.here"), "bold"), classes="help-heading")
            yield Static(
                Content(self.t(topic if self.cat.has(topic) else "tui.help.topic.other")),
                classes="about",
            )
            if self.keys:
                heading = Content.styled(self.t("tui.help.keys_here"), "bold")
                yield Static(heading, classes="help-heading")
                yield Static(key_lines(self.cat, self.keys), classes="help-keys")
            yield Static(Content.styled(self.t("tui.help.heading"), "bold"), classes="help-heading")
            yield Static(Content(self.t("tui.help.intro")), classes="about")
            for heading, bindings in sections():
                yield Static(Content.styled(self.t(heading), "bold"), classes="help-heading")
                yield Static(key_lines(self.cat, bindings), classes="help-keys")
            side = getattr(self.peer_app, "shared_side", None)
            if side is not None and side.in_memory:  # a shared computer: no word of saving
                yield Static(Content(self.t("tui.help.saving_shared")), classes="about")
            else:
                yield Static(Content(self.t("tui.help.saving")), classes="about")
                where = self.t("tui.help.where", path=str(self.peer_app.data_dir))
                yield Static(Content(where), classes="about")
        with Horizontal(id="bottom"):
            yield Static("", id="spacer")
            yield Button(self.t("tui.help.close"), id="close", compact=True)

    def after_build(self) -> None:
        self.query_one("#help").focus()

    def action_close(self) -> None:
        self.app.pop_screen()

    @on(Button.Pressed, "#close")
    def _click_close(self) -> None:
        self.action_close()
