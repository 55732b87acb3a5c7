"""Settings: language (switches at once), colours, peer mode, cursor blink, reading aloud
(on or off, the voice, the speed). Saved as they change.

The voices are the speech engine's; asking for them can take a second (Windows starts
PowerShell), so they are listed in a thread and the list fills in when they are known.
Ctrl+R here reads a sentence in the chosen voice and speed.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, OptionList, RadioSet, Select, Static

from peerprep.choices import LANGUAGES
from peerprep.settings import THEMES
from peerprep.tui.bindings import adopt
from peerprep.tui.keymap import bind
from peerprep.tui.screens.base import PeerScreen
from peerprep.tui.widgets.choices import Choice, Tick
from peerprep.tui.widgets.marked_list import mark_rows
from peerprep.tui.widgets.paging import Dropdown

if TYPE_CHECKING:
    from peerprep.export.speech import Chunk, Voice

# The speeds offered, in percent of the voice's normal speed (export.speech: 50..200);
# 80 is where it starts, slower than normal (issue 16: people who struggle to read need it
# slower), 100 the voice's own.
SPEEDS = (50, 60, 70, 80, 90, 100, 125, 150, 200)
DEFAULT_SPEED = 80
NORMAL_SPEED = 100
LANGUAGE_DEFAULT = ""  # the voice list's value for "the voice of the language"


class SettingsScreen(PeerScreen):
    help_topic = "settings"  # what F1 explains (tui.help.topic.settings)
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("back", "close", id="settings_back"),
        bind("settings", "close", id="settings_back", show=False),  # F9 again: back
        bind("read_aloud", "app.read_aloud"),  # hear the voice and speed chosen here
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
            yield Tick(self.t("tui.settings.read_aloud"), settings.read_aloud, id="read_aloud")
            yield Dropdown(
                self._voice_options(()), value=settings.speech_voice or LANGUAGE_DEFAULT,
                allow_blank=False, id="voice",
            )  # fmt: skip
            yield Static(Content(""), id="voice-note", classes="note")
            yield Dropdown(
                self._speed_options(), value=str(settings.speech_speed),
                allow_blank=False, id="speed",
            )  # fmt: skip
            from peerprep.tui.widgets.my_data import MyData  # folders, carry, delete: privacy

            yield MyData(id="my-data")
        with Horizontal(id="bottom"):
            yield Static("", id="spacer")
            yield Button(self.t("tui.settings.close"), id="close", compact=True)

    def after_build(self) -> None:
        self.query_one("#language").focus()
        for name, words in (("voice", "tui.settings.voice"), ("speed", "tui.settings.speed")):
            for current in self.query(f"#{name} SelectCurrent"):
                current.border_title = self.t(words)  # the label in the frame, as a field's
            for overlay in self.query(f"#{name} SelectOverlay").results(OptionList):
                adopt(overlay, "escape", "select_close", self.cat)  # the footer in our words
        self._mark_rows("speed", self._speed_options())
        self._show_speech()
        self.query_one("#voice-note", Static).update(Content(self.t("tui.settings.voice_finding")))
        self.run_worker(self._find_voices, thread=True, group="voices", exit_on_error=False)

    # --- reading aloud ----------------------------------------------------------------------

    def spoken(self) -> list[Chunk]:
        """Ctrl+R: one sentence, in the voice and at the speed chosen here."""
        from peerprep.flow.spoken_screens import voice_sample

        return voice_sample(self.cat)

    def _voice_options(self, voices: tuple[Voice, ...]) -> list[tuple[str, str]]:
        """The language's own voice first, then the voices that speak one of the
        program's languages; the one chosen stays on the list even when not found."""
        options = [(self.t("tui.settings.voice_default"), LANGUAGE_DEFAULT)]
        chosen = self.peer_app.settings.speech_voice
        for voice in voices:
            if any(tag.split("-")[0] in LANGUAGES for tag in voice.languages):
                options.append((f"{voice.name} ({', '.join(voice.languages)})", voice.id))
        if chosen and chosen not in {value for _, value in options}:
            options.append((chosen, chosen))
        return options

    def _speed_options(self) -> list[tuple[str, str]]:
        speeds = sorted({*SPEEDS, self.peer_app.settings.speech_speed})
        words = {
            DEFAULT_SPEED: "tui.settings.speed_default",
            NORMAL_SPEED: "tui.settings.speed_normal",
        }
        return [(self.t(words.get(n, "tui.settings.speed_value"), n=n), str(n)) for n in speeds]

    def _find_voices(self) -> None:
        """In a thread: the engine (looked for once per run) and its voices."""
        from peerprep.errors import PeerprepError

        engine = self.peer_app.reading.engine
        if engine is None:
            from peerprep.export.speech import install_key

            self.app.call_from_thread(self._voices_found, None, install_key())
            return
        try:
            voices = engine.voices()
        except PeerprepError as error:
            self.app.call_from_thread(self._voices_found, None, error.key)
            return
        self.app.call_from_thread(self._voices_found, voices, "")

    def _voices_found(self, voices: tuple[Voice, ...] | None, problem: str) -> None:
        if not self.is_shown or not self.query("#voice"):
            return
        note = self.query_one("#voice-note", Static)
        note.update(Content(self.t(problem) if problem else ""))
        note.display = bool(problem)
        if voices is None:
            return
        select = self.query_one("#voice", Select)
        options = self._voice_options(voices)
        with self.prevent(Select.Changed):
            select.set_options(options)
            select.value = self.peer_app.settings.speech_voice or LANGUAGE_DEFAULT
        self._mark_rows("voice", options)

    def _mark_rows(self, name: str, options: list[tuple[str, str]]) -> None:
        """The row one is on in an open list gets a ▶, not only a colour."""
        names = [label for label, _ in options]
        for overlay in self.query(f"#{name} SelectOverlay").results(OptionList):
            self.watch(overlay, "highlighted", partial(mark_rows, overlay, names), init=True)

    def _show_speech(self) -> None:
        """The voice and the speed are for reading aloud: greyed while it is off."""
        on = self.peer_app.settings.read_aloud
        for name in ("#voice", "#speed"):
            self.query_one(name).disabled = not on

    @on(Select.Changed, "#voice")
    def _voice(self, event: Select.Changed) -> None:
        app = self.peer_app
        value = event.value if isinstance(event.value, str) else LANGUAGE_DEFAULT
        voice = value or None
        if voice != app.settings.speech_voice:
            app.settings.speech_voice = voice
            app.save_settings()

    @on(Select.Changed, "#speed")
    def _speed(self, event: Select.Changed) -> None:
        app = self.peer_app
        if isinstance(event.value, str) and event.value.isdigit():
            speed = int(event.value)
            if speed != app.settings.speech_speed:
                app.settings.speech_speed = speed
                app.save_settings()

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

    @on(Checkbox.Changed, "#peer_mode, #cursor_blink, #read_aloud")
    def _tick(self, event: Checkbox.Changed) -> None:
        app = self.peer_app
        if event.checkbox.id == "peer_mode":
            app.settings.peer_mode = event.value
        elif event.checkbox.id == "cursor_blink":
            app.settings.cursor_blink = event.value
            app.set_cursor_blink(event.value)
        elif event.checkbox.id == "read_aloud":
            app.settings.read_aloud = event.value
            if not event.value:
                app.stop_reading()  # turned off: silence now, not after the sentence
            self._show_speech()
            app.show_reading()
        else:
            return
        app.save_settings()

    def action_close(self) -> None:
        self.app.pop_screen()

    @on(Button.Pressed, "#close")
    def _click_close(self) -> None:
        self.action_close()
