"""Settings: language (switches at once), colours, peer mode, cursor blink. Saved as they change."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, RadioSet, Static

from peerprep.choices import LANGUAGES
from peerprep.settings import THEMES
from peerprep.tui.keymap import bind
from peerprep.tui.screens.base import PeerScreen
from peerprep.tui.widgets.choices import Choice, Tick


class SettingsScreen(PeerScreen):
    help_topic = "settings"  # what F1 explains (tui.help.topic.settings)
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("back", "close", id="settings_back"),
        bind("settings", "close", id="settings_back", show=False),  # F9 again: back
    ]

    def compose_body(self) -> ComposeResult:
        app = self.peer_app
        settings = app.settings
        with Horizontal(id="topbar"):
            yield Static(Content.styled(self.t("tui.settings.heading"), "bold"), id="room-title")
        with VerticalScroll(id="form"):
            with RadioSet(id="language") as languages:
                languages.border_title = self.t("tui.settings.language")
                for code in LANGUAGES:
                    yield Choice(
                        self.t(f"tui.settings.language_{code}"),
                        value=app.language == code,
                        id=f"lang-{code}",
                    )
            with RadioSet(id="theme") as themes:
                themes.border_title = self.t("tui.settings.theme")
                for name in THEMES:
                    yield Choice(
                        self.t(f"tui.settings.theme_{name.replace('-', '_')}"),
                        value=app.theme == name,
                        id=f"theme-{name}",
                    )
            if app.no_color:
                yield Static(Content(self.t("tui.settings.no_color")), classes="note")
            yield Tick(self.t("tui.settings.peer_mode"), settings.peer_mode, id="peer_mode")
            yield Tick(
                self.t("tui.settings.cursor_blink"), settings.cursor_blink, id="cursor_blink"
            )
            from peerprep.tui.widgets.my_data import MyData  # folders, carry, delete: privacy

            yield MyData(id="my-data")
        with Horizontal(id="bottom"):
            yield Static("", id="spacer")
            yield Button(self.t("tui.settings.close"), id="close", compact=True)

    def after_build(self) -> None:
        self.query_one("#language").focus()

    @on(RadioSet.Changed, "#language")
    def _language(self, event: RadioSet.Changed) -> None:
        code = (event.pressed.id or "").removeprefix("lang-")
        app = self.peer_app
        if code in LANGUAGES and code != app.language:
            app.settings.language = code  # type: ignore[assignment]
            app.save_settings()
            app.language = code  # every open screen takes the new words

    @on(RadioSet.Changed, "#theme")
    def _theme(self, event: RadioSet.Changed) -> None:
        name = (event.pressed.id or "").removeprefix("theme-")
        app = self.peer_app
        if name in THEMES:
            app.run_theme = None  # chosen here: this one is kept, also after this run
            app.theme = name
            app.settings.theme = name  # type: ignore[assignment]
            app.save_settings()

    @on(Checkbox.Changed, "#peer_mode, #cursor_blink")
    def _tick(self, event: Checkbox.Changed) -> None:
        app = self.peer_app
        if event.checkbox.id == "peer_mode":
            app.settings.peer_mode = event.value
        elif event.checkbox.id == "cursor_blink":
            app.settings.cursor_blink = event.value
            app.set_cursor_blink(event.value)
        else:
            return
        app.save_settings()

    def action_close(self) -> None:
        self.app.pop_screen()

    @on(Button.Pressed, "#close")
    def _click_close(self) -> None:
        self.action_close()
