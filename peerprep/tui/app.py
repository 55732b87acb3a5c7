"""The full-screen program: wiring of session, settings, themes, screens and saving.

State lives in the EditingSession (the open preparation, flow.editing); screens mirror it
and report edits with `app.edited()`. Saving is one debounced call: about a second after
typing stops, and at once on a step change, a screen change, quit, SIGHUP and SIGTERM.

Hooks for a shared-computer mode: pass any store-like object as `store` (an in-memory
one writes nothing) and a `settings_keeper` that keeps settings in memory; set `banner`
to a callable returning a widget that every screen shows at its top (screens/base.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

from peerprep.flow.context import Start
from peerprep.flow.editing import EditingSession, SaveState
from peerprep.flow.taking_along import TakenAlong, can_print
from peerprep.resources import asset
from peerprep.settings import DiskSettings, Settings, SettingsError, SettingsKeeper
from peerprep.tui.bindings import key_display, localize
from peerprep.tui.rooms import Rooms
from peerprep.tui.terminal_cursor import TerminalCursor
from peerprep.tui.themes import register_themes
from peerprep.words import Catalogue, catalogue

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.screen import Screen

    from peerprep.flow.shared_mode import SharedMode
    from peerprep.store import PreparationStore
    from peerprep.tui.shared_side import SharedSide


# How often the editing lock is renewed while nothing is saved (the person reads, or is
# away): far inside the 12 hours after which a lock from another computer counts as left.
LOCK_REFRESH_SECONDS = 5 * 60

STYLESHEETS = ("app.tcss", "home.tcss", "wizard.tcss", "dialogs.tcss")


class TextualPanic(RuntimeError):
    """Textual gave up (App.panic): said as an unforeseen error, in one line."""


class PeerprepApp(Rooms, TerminalCursor, App[int]):
    CSS_PATH: ClassVar[list[str | Path]] = [asset("tui", name) for name in STYLESHEETS]
    ENABLE_COMMAND_PALETTE = False  # its search texts are English only; F1 lists every key
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", tooltip="Save and close", id="quit", priority=True),
        Binding("f1", "help", "Keys", tooltip="All keys", id="help"),
        Binding("ctrl+s", "save", "Save", tooltip="Save now", id="save", show=False),
    ]

    save_state: reactive[SaveState] = reactive(SaveState, init=False, always_update=True)
    language: reactive[str] = reactive("da", init=False)

    def __init__(
        self,
        *,
        store: PreparationStore,
        language: str,
        data_dir: Path,
        config_dir: Path,
        settings_keeper: SettingsKeeper | None = None,
        start: Start | None = None,
        save_delay: float = 1.0,
        handle_signals: bool = False,
        theme: str | None = None,
        taken: TakenAlong | None = None,
    ) -> None:
        super().__init__()
        self.session = EditingSession(store)
        # what the person took along this run (flow.taking_along); shared mode's record
        self.taken = taken or TakenAlong()
        self.data_dir = data_dir
        self.config_dir = config_dir
        self.keeper: SettingsKeeper = settings_keeper or DiskSettings(config_dir)
        self.settings: Settings = self.keeper.load()
        self.set_reactive(PeerprepApp.language, language)
        self.start = start or Start()
        self.save_delay = save_delay
        self.handle_signals = handle_signals
        self.banner: Callable[[], Widget | None] | None = None
        self.shared_side: SharedSide | None = None  # set by tui.shared_side.install
        self.shared_mode: SharedMode | None = None  # set by tui.shared_side.install
        # what the person asked to see on the step screens (not saved between runs)
        self.show_prompts = False
        self.show_examples = False
        self.export_format = "pdf"  # the kind of file chosen last in this run
        self._save_timer: Timer | None = None
        # an error nobody foresaw, kept for launch() to hand to the command line
        self.crash: Exception | None = None
        self._failure_shown = False
        self._terminating = False
        self.animation_level = "none"  # calm: nothing slides or fades
        register_themes(self)
        # `--theme` is for this run only: shown, never saved, until the person picks one.
        self.run_theme: str | None = theme
        self.theme = theme or self.settings.theme
        localize(self, self.cat)

    # --- words ----------------------------------------------------------------------------

    @property
    def cat(self) -> Catalogue:
        return catalogue(self.language)

    def t(self, key: str, **values: object) -> str:
        return self.cat.text(key, **values)

    def get_key_display(self, binding: Binding) -> str:
        return binding.key_display or key_display(binding.key)

    def compose_banner(self) -> Iterable[Widget]:
        """The slot at the top of every screen (the shared-computer line goes here)."""
        if self.banner is not None:
            widget = self.banner()
            if widget is not None:
                yield widget

    # --- start and stop -----------------------------------------------------------------

    def get_default_screen(self) -> Screen[object]:
        from peerprep.tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        if self.handle_signals:
            self._install_signal_handlers()
        self.set_interval(LOCK_REFRESH_SECONDS, self.refresh_lock)
        # Ask the print service now, in a thread, so that no dialog waits for it later.
        self.run_worker(can_print, thread=True, group="printer-first", exit_on_error=False)
        if self.start.command == "new":
            self.begin_new(at="introduction")
        elif self.start.command == "open" and self.start.prep_id:
            self.open_preparation(self.start.prep_id, force=self.start.force)
        if not self.settings.welcomed:
            from peerprep.tui.dialogs.welcome import WelcomeDialog

            self.push_screen(WelcomeDialog(), self._welcomed)

    def _handle_exception(self, error: Exception) -> None:
        """An error nobody foresaw, in a screen, a handler or a worker. Textual would end
        the program and print a traceback with each frame's local variables, the person's
        words among them, on the terminal. The error is kept instead: launch() hands it on
        to the command line, which says one line and notes where it happened, without the
        words (flow.unforeseen). (Overrides Textual's App._handle_exception, 8.2.)"""
        if self.crash is None:
            self.crash = error
        self._return_code = 1
        if self._exception is None:  # what Textual's test pilot raises in the test
            self._exception = error
            self._exception_event.set()
        self._close_messages_no_wait()

    def panic(self, *renderables: RenderableType) -> None:
        """Textual's way out when its own input thread fails: it would print a traceback
        when the program ends, and exit 0. Ends the same way as any unforeseen error
        instead (see _handle_exception): one line, exit code 1."""
        if self.crash is None:
            self.crash = TextualPanic("the full screen's input ended")
        self._return_code = 1
        self._close_messages_no_wait()

    def _welcomed(self, _: object) -> None:
        self.settings.welcomed = True
        self.save_settings()

    def _install_signal_handlers(self) -> None:
        loop = asyncio.get_running_loop()
        for name in ("SIGHUP", "SIGTERM"):
            number = getattr(signal, name, None)
            if number is not None:
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.add_signal_handler(number, self._terminated)

    def _terminated(self) -> None:
        """The terminal was closed or the system asks us to stop: save first, then go.

        A second signal while leaving only repeats the exit; the words are saved already."""
        if not self._terminating:
            self._terminating = True
            self.commit_screens()
            self.session.close()
        self.exit(0)

    async def on_event(self, event: events.Event) -> None:
        if self.shared_side is not None:
            self.shared_side.seen(event)  # a key or the mouse: someone is here
        await super().on_event(event)

    async def action_quit(self) -> None:
        """Ctrl+Q: no question, because everything is saved; unless saving fails right now."""
        if self.shared_side is not None and not self.shared_side.may_quit():
            return  # shared computer: asked once whether to take the words along
        self.commit_screens()
        state = self.session.close()
        if state.kind == "failed":
            self.save_state = state
            self.offer_export(quitting=True)
            return
        self.exit(0)

    def action_help_quit(self) -> None:
        # Ctrl+C copies in text fields; tell people how to quit, in their language.
        self.notify(self.t("tui.app.how_to_quit"))

    def action_help(self) -> None:
        from peerprep.tui.screens.help import HelpScreen, keys_of

        screen = self.screen
        if not isinstance(screen, HelpScreen):
            # help for where the person is: the screen or dialog in front, and its keys
            topic = getattr(screen, "help_topic", None)
            self.push_screen(HelpScreen(topic, keys_of(screen)))

    # --- saving ---------------------------------------------------------------------------

    def commit_screens(self) -> None:
        """Ask every screen to put what is in its fields into the model (before a save)."""
        for screen in self.screen_stack:
            commit = getattr(screen, "commit", None)
            if callable(commit):
                commit()

    def edited(self) -> None:
        """Something in the preparation changed: save about a second after the typing stops."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(self.save_delay, self.save_in_background)

    def save_in_background(self) -> None:
        """Write a snapshot in a thread, so that a slow disk never holds up typing."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        snap = self.session.snapshot()
        if snap is None:
            return
        session = self.session
        # Said in words while the thread writes ("Saving …"), then "Saved 14.32" or why not.
        self.save_state = SaveState("saving", self.save_state.at)

        def write() -> None:
            state = session.write(snap)
            self.call_from_thread(self._saved, state)

        self.run_worker(write, thread=True, group="save", exit_on_error=False)

    def refresh_lock(self) -> None:
        """Renew the editing lock (each save does it too), in a thread: a USB stick is slow."""
        if self.session.prep is not None:
            self.run_worker(
                self.session.refresh_lock, thread=True, group="lock", exit_on_error=False
            )

    def save_now(self) -> SaveState:
        """Write now, in this thread (used when leaving a preparation)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        self.commit_screens()
        state = self.session.save_now()
        self._saved(state)
        return state

    def _saved(self, state: SaveState) -> None:
        self.save_state = state
        if state.kind == "failed" and not self._failure_shown:
            # A note, not a dialog: a dialog would catch the next keys the person types.
            self._failure_shown = True
            self.notify(self.t("tui.failed.note"), severity="error", timeout=30)
        elif state.kind == "saved":
            self._failure_shown = False

    def action_save(self) -> None:
        """Ctrl+S: save now; if that fails, offer to save a copy somewhere else."""
        state = self.save_now()
        if state.kind == "failed":
            self.offer_export()
        elif state.kind == "saved" and state.in_memory:
            self.notify(self.t("shared.status"), timeout=3)  # a shared computer: never "Saved"
        elif state.kind == "saved":
            self.notify(self.t("tui.save.saved", time=self._clock(state)), timeout=3)

    def _clock(self, state: SaveState) -> str:
        from peerprep.words.dates import format_date

        return format_date(self.cat, state.at.time()) if state.at else ""

    def offer_export(self, *, quitting: bool = False) -> None:
        from peerprep.tui.dialogs.save_failed import SaveFailedDialog

        if not any(isinstance(s, SaveFailedDialog) for s in self.screen_stack):
            self.push_screen(
                SaveFailedDialog(self.save_state, quitting=quitting), self._failed_answer
            )

    def _failed_answer(self, answer: str | None) -> None:
        if answer == "export":
            self.export_dialog()
        elif answer == "retry":
            self._failure_shown = False
            self.save_now()
        elif answer == "quit":
            # Chosen in words that say the text is lost; the last saved version stays on disk.
            self.session.discard()
            self.exit(0)

    def export_dialog(self, *, large_print: bool | None = None) -> None:
        """Save the sheet as a file or print it; also the way out when saving here fails.

        It offers what was chosen last time (large print is kept in the settings);
        `large_print=True` (F7 on the review) asks for a PDF in large print."""
        from peerprep.tui.dialogs.export import ExportDialog

        self.commit_screens()
        if self.session.prep is not None:
            prep = self.session.prep.model_copy(deep=True)
            side = self.shared_side
            folder = side.export_folder() if side else None  # shared: a USB stick first
            fmt = "pdf" if large_print else self.export_format
            large = self.settings.large_print if large_print is None else large_print
            self.push_screen(ExportDialog(prep, folder=folder, fmt=fmt, large_print=large))

    def remember_export(self, fmt: str, large_print: bool) -> None:
        """The kind of file for the rest of this run; large print for good (a setting)."""
        self.export_format = fmt
        if self.settings.large_print != large_print:
            self.settings.large_print = large_print
            self.save_settings()

    # --- settings -------------------------------------------------------------------------

    def save_settings(self) -> None:
        try:
            self.keeper.save(self.settings)
        except SettingsError as error:
            self.notify(self.t("tui.settings.not_saved", reason=self.t(error.key, **error.values)))

    def watch_language(self) -> None:
        """Switch every text on every open screen to the new language, live."""
        localize(self, self.cat)
        for screen in self.screen_stack:
            relabel = getattr(screen, "relabel", None)
            if callable(relabel):
                relabel()
        self.refresh_bindings()

    def set_cursor_blink(self, blink: bool) -> None:
        from textual.widgets import Input, TextArea

        for screen in self.screen_stack:
            for widget in screen.query(TextArea):
                widget.cursor_blink = blink
            for field in screen.query(Input):
                field.cursor_blink = blink
