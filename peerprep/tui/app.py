"""The full-screen program: wiring of session, settings, themes, screens and saving.

State lives in the EditingSession (the open preparation, flow.editing); screens mirror it
and report edits with `app.edited()`. Saving is one call at the time flow.autosave says
(about a second after typing stops, at the latest about two seconds after the first
unsaved change), and at once on a step change and a screen change. Quit (Ctrl+Q), SIGHUP,
SIGTERM and a closed console window first take in every key and paste already sent
(tui.delivered_input), then save, then let go of the lock.

Hooks for a shared-computer mode: pass any store-like object as `store` (an in-memory
one writes nothing) and a `settings_keeper` that keeps settings in memory; set `banner`
to a callable returning a widget that every screen shows at its top (screens/base.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

from peerprep.flow.autosave import SAVE_AFTER_PAUSE, SAVE_AT_THE_LATEST, AutosaveClock
from peerprep.flow.context import Start
from peerprep.flow.editing import EditingSession, SaveState
from peerprep.flow.taking_along import TakenAlong, can_print
from peerprep.resources import asset
from peerprep.settings import DiskSettings, Settings, SettingsError, SettingsKeeper
from peerprep.tui.bindings import key_display, localize
from peerprep.tui.delivered_input import DeliveredInput
from peerprep.tui.key_order import KeyOrder
from peerprep.tui.keymap import bind
from peerprep.tui.reading_aloud import ReadingAloudSide
from peerprep.tui.rooms import Rooms
from peerprep.tui.terminal_cursor import TerminalCursor
from peerprep.tui.themes import ReadableColours, register_themes
from peerprep.tui.widgets.save_status import SAVE_REASONS
from peerprep.words import Catalogue, catalogue

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.screen import Screen

    from peerprep.flow.copying import Copied
    from peerprep.flow.shared_mode import SharedMode
    from peerprep.model import Preparation
    from peerprep.store import PreparationStore
    from peerprep.tui.shared_side import SharedSide


# How often the editing lock is renewed while nothing is saved (the person reads, or is
# away): far inside the 12 hours after which a lock from another computer counts as left.
LOCK_REFRESH_SECONDS = 5 * 60

# Windows ends a program about five seconds after its console window is closed; the words
# must be on disk before that (see console_closed).
CONSOLE_CLOSE_SECONDS = 4.0

# A save due in less than this is done now (a timer needs some time to be a timer).
MIN_TIMER_SECONDS = 0.01

STYLESHEETS = ("app.tcss", "home.tcss", "wizard.tcss", "dialogs.tcss")


class TextualPanic(RuntimeError):
    """Textual gave up (App.panic): said as an unforeseen error, in one line."""


class PeerprepApp(
    Rooms, ReadingAloudSide, TerminalCursor, DeliveredInput, ReadableColours, App[int]
):
    CSS_PATH: ClassVar[list[str | Path]] = [asset("tui", name) for name in STYLESHEETS]
    ENABLE_COMMAND_PALETTE = False  # its search texts are English only; F1 lists every key
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("quit", "quit", priority=True),
        bind("help", "help"),
        bind("save", "save", show=False),
        # Ctrl+R reads the screen aloud (shown in the footer of the rooms with room for
        # it, and on a part's button); Ctrl+R again or Escape stops (tui/reading_aloud.py).
        # Escape stops only while words are read: else it goes back, as everywhere.
        bind("read_aloud", "read_aloud", show=False),
        bind("back", "stop_reading", id="stop_reading", priority=True),
        bind("read_aloud", "stop_reading", id="stop_reading", show=False),
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
        save_delay: float = SAVE_AFTER_PAUSE,
        save_ceiling: float = SAVE_AT_THE_LATEST,
        handle_signals: bool = False,
        theme: str | None = None,
        taken: TakenAlong | None = None,
    ) -> None:
        super().__init__()
        self.session = EditingSession(store, AutosaveClock(save_delay, save_ceiling))
        self.key_order = KeyOrder(self, self.session.autosave.key_waiting)
        # what the person took along this run (flow.taking_along); shared mode's record
        self.taken = taken or TakenAlong()
        self.data_dir = data_dir
        self.config_dir = config_dir
        self.keeper: SettingsKeeper = settings_keeper or DiskSettings(config_dir)
        self.settings: Settings = self.keeper.load()
        self.set_reactive(PeerprepApp.language, language)
        self.start = start or Start()
        self.handle_signals = handle_signals
        self.banner: Callable[[], Widget | None] | None = None
        self.shared_side: SharedSide | None = None  # set by tui.shared_side.install
        self.shared_mode: SharedMode | None = None  # set by tui.shared_side.install
        # what the person asked to see on the step screens (not saved between runs)
        self.show_prompts = False
        self.show_examples = False
        self.show_peer = True  # in peer mode (a setting) the peer's prompts, until hidden
        self.export_format = "pdf"  # the kind of file chosen last in this run
        self.copied: Copied | None = None  # the copy for a new meeting just made (undoable)
        self._save_timer: Timer | None = None
        # an error nobody foresaw, kept for launch() to hand to the command line
        self.crash: Exception | None = None
        self._failure_shown = False
        self._terminating = False
        self._quitting = False  # Ctrl+Q is taking in the last keys, or asking
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
        if self.start.command == "new" or (self.start.command == "open" and self.start.prep_id):
            # A preparation opens on top of it at once: home is built when the person
            # first goes there (show_home), not under their first frame, unseen.
            from textual.screen import Screen

            return Screen()
        from peerprep.tui.screens.home import HomeScreen

        return HomeScreen()

    def close_rooms(self) -> None:
        """Close every screen above home (or above the start's empty screen)."""
        while len(self.screen_stack) > 1 and not getattr(self.screen, "is_home", False):
            self.pop_screen()

    def show_home(self) -> bool:
        """With every room closed (close_rooms), make sure home is what shows: under
        `peerprep new` or `open` it is built the first time the person goes there. True
        when it was built now (it reads its list as it comes in sight)."""
        if not getattr(self.screen, "is_home", False):
            from peerprep.tui.screens.home import HomeScreen

            self.push_screen(HomeScreen())
            return True
        return False

    def on_mount(self) -> None:
        if self.handle_signals:
            self._install_signal_handlers()
        self.set_interval(LOCK_REFRESH_SECONDS, self.refresh_lock)
        # Ask the print service now, in a thread, so that no dialog waits for it later.
        self.run_worker(can_print, thread=True, group="printer-first", exit_on_error=False)
        # USB sticks and cards are looked for on a thread of their own: asking a drive
        # can take seconds on Windows, and the keys must be answered meanwhile.
        from peerprep import drives

        drives.watch()
        if self.start.command == "new":
            # Part 1 is shown before the preparation (and pydantic, for its model) is
            # made: it is empty, and it is made right after the first frame, or at once
            # when something needs it first (a key typed, a save: flow.editing).
            self.begin_new(at="introduction", later=True)
            self.call_after_refresh(self._make_new)
        elif self.start.command == "open" and self.start.prep_id:
            self.open_preparation(self.start.prep_id, force=self.start.force)
        if len(self.screen_stack) == 1:
            self.show_home()  # nothing could be opened: home, where it is said why
        self.call_after_refresh(self.warm_reading)
        if not self.settings.welcomed:
            from peerprep.tui.dialogs.welcome import WelcomeDialog

            self.push_screen(WelcomeDialog(), self._welcomed)

    def on_unmount(self) -> None:
        from peerprep import drives

        drives.unwatch()

    def _make_new(self) -> None:
        if self.session.pending:
            self.session.prep  # noqa: B018 (reading it makes it: flow.editing)
            self.save_state = self.session.state

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.reading_check(action)

    def exit(
        self,
        result: int | None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        """Every way out (Ctrl+Q, a closed terminal, leaving a shared computer) goes
        here: the reading stops first, and no speech engine is left talking."""
        self.close_reading()
        super().exit(result, return_code, message)

    def _terminated(self) -> None:
        """The terminal was closed or the system asks us to stop (SIGHUP, SIGTERM): take
        in what was typed, save, let go of the lock, go. Nobody is there to ask.

        A second signal while leaving does not wait any more: save what is there, and go."""
        if not self._terminating:
            self._terminating = True
            self.run_worker(self.leave_at_once, group="leaving")  # begun when it runs
            return
        self.commit_screens()
        self.session.close()
        self.exit(0)

    async def leave_at_once(self) -> None:
        """Leave without a question (a closed terminal or window, SIGTERM): every key and
        paste already sent goes into its field, then it is saved, then the lock goes."""
        self._terminating = True
        await self.take_in_input()
        self.commit_screens()
        self._stop_save_timer()
        self.session.close()
        self.exit(0)

    def console_closed(self, timeout: float = CONSOLE_CLOSE_SECONDS) -> bool:
        """For the Windows console handler (CTRL_CLOSE_EVENT / CTRL_LOGOFF_EVENT /
        CTRL_SHUTDOWN_EVENT), which runs on a thread of its own: leave as for SIGHUP,
        and return once the words are saved and the lock is gone (True), or after
        `timeout` seconds (False; Windows ends the program soon after)."""
        done = threading.Event()

        async def leave() -> None:
            try:
                await self.leave_at_once()
            finally:
                done.set()

        self.call_from_thread(self.run_worker, leave, group="leaving")
        return done.wait(timeout)

    async def on_event(self, event: events.Event) -> None:
        if self.shared_side is not None:
            self.shared_side.seen(event)  # a key or the mouse: someone is here
        self.count_input(event)
        # a key typed while the focus moves waits for it (tui/key_order.py)
        if self.key_order.hold(event):
            return
        await super().on_event(event)
        self.key_order.handed_on(event)

    def keys_held(self) -> int:
        return self.key_order.held

    async def action_quit(self) -> None:
        """Ctrl+Q: take in every key and paste already sent, save, and go. It asks only
        when words would be lost: text that did not fit into a field (or a date that
        cannot be read) is still kept, or saving fails right now."""
        if self._quitting or self._terminating:
            return
        self._quitting = True
        self.run_worker(self._quit, group="leaving")

    async def _quit(self) -> None:
        try:
            await self.take_in_input()
            self.commit_screens()
            if self.session.unsaved_words():
                self.ask_about_unsaved_words(self._quit_anyway)
                return
            self._quit_after_words()
        finally:
            self._quitting = False

    def _quit_anyway(self) -> None:
        self.session.leftovers.clear()
        self.session.drafts.clear()
        self._quit_after_words()

    def _quit_after_words(self) -> None:
        if self.shared_side is not None and not self.shared_side.may_quit():
            return  # shared computer: asked once whether to take the words along
        self.commit_screens()
        self._stop_save_timer()
        state = self.session.close()
        if state.kind == "failed":
            self.save_state = state
            self.offer_export(quitting=True)
            return
        self.exit(0)

    def ask_about_unsaved_words(self, leave: Callable[[], None]) -> None:
        """Words that would be lost by leaving now: say which, and `leave()` only if the
        person chooses to."""
        from peerprep.tui.dialogs.unsaved import UnsavedWordsDialog

        if any(isinstance(s, UnsavedWordsDialog) for s in self.screen_stack):
            return

        words = self.session.unsaved_words()

        def answered(answer: str | None) -> None:
            if answer == "leave":
                leave()
            elif words:  # stay and fix it: where the first of them is written
                self.show_field(words[0][0])

        kept = {field: self.session.kept_instead(field.rsplit(".", 1)[-1]) for field, _ in words}
        self.push_screen(UnsavedWordsDialog(words, kept), answered)

    def action_help_quit(self) -> None:
        # Ctrl+C copies in text fields; tell people how to quit, in their language.
        shared = self.shared_side is not None and self.shared_side.in_memory
        self.notify(self.t("tui.app.how_to_quit_shared" if shared else "tui.app.how_to_quit"))

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

    @property
    def save_delay(self) -> float:
        """Seconds after the last change before the autosave (flow.autosave)."""
        return self.session.autosave.pause

    @save_delay.setter
    def save_delay(self, seconds: float) -> None:
        self.session.autosave.pause = seconds
        self.session.autosave.ceiling = max(seconds, self.session.autosave.ceiling)

    def edited(self) -> None:
        """Something in the preparation changed: save when flow.autosave says (about a
        second after the typing stops; however steady it goes on, at the latest about two
        seconds after the first change not yet on disk). Until then the status says so."""
        if self._save_timer is None:  # one timer: it looks again when it comes
            self._arm_save()
        self.show_save_state()

    def _arm_save(self) -> None:
        due = self.session.save_due_in()
        if due is not None:
            self._save_timer = self.set_timer(max(due, MIN_TIMER_SECONDS), self._save_if_due)

    def _save_if_due(self) -> None:
        """The timer came: save, unless typing went on and the pause is not over yet (then
        the timer is set again, never past the ceiling). Not stopped and set anew at every
        key: under load a timer that is always replaced before it comes would never come."""
        self._save_timer = None
        due = self.session.save_due_in()
        if due is None:
            return
        if due > MIN_TIMER_SECONDS:
            self._arm_save()
            return
        self.save_in_background()

    def show_save_state(self) -> None:
        """The status line follows the session (only when what it says changes)."""
        state = self.session.status()
        if state != self.save_state:
            self.save_state = state

    def _stop_save_timer(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None

    def save_in_background(self) -> None:
        """Write a snapshot in a thread, so that a slow disk never holds up typing."""
        self._stop_save_timer()
        snap = self.session.snapshot()
        if snap is None:
            return
        session = self.session
        # Said in words while the thread writes ("Saving …"), then "Saved 14.32" or why not.
        self.save_state = SaveState("saving", self.save_state.at, in_memory=session.store.in_memory)

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
        self._stop_save_timer()
        self.commit_screens()
        state = self.session.save_now()
        self._saved(state)
        return state

    def _saved(self, state: SaveState) -> None:
        # What the status says is the session's: words typed while the thread wrote are
        # not in this save, and the line must not say "saved" for them.
        self.save_state = self.session.status() if self.session.prep is not None else state
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
        elif state.kind == "saved" and not state.in_memory:
            self.notify(self.t("tui.save.saved", time=self._clock(state)), timeout=3)
        elif state.in_memory:
            self.notify(self.t("shared.status"), timeout=3)  # never "saved" when it is not

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

    def export_dialog(
        self,
        *,
        large_print: bool | None = None,
        prep: Preparation | None = None,
        blank: bool = False,
    ) -> None:
        """Save the sheet as a file or print it; also the way out when saving here fails.

        It offers what was chosen last time (large print is kept in the settings);
        `large_print=True` asks for a PDF in large print. `prep`:
        the sheet of a preparation that is not open (the one chosen on home). `blank`:
        a blank sheet to fill in by hand (home)."""
        from peerprep.tui.dialogs.export import ExportDialog

        self.commit_screens()
        source = prep if prep is not None else self.session.prep
        if source is not None or blank:
            prep = None if blank or source is None else source.model_copy(deep=True)
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
            # The short reason ("the folder cannot be written to"): the long one speaks of
            # the person's text, and no text was lost here.
            name = error.key.rsplit(".", 1)[-1]
            reason = self.t(f"tui.save.reason.{name if name in SAVE_REASONS else 'write_failed'}")
            self.notify(self.t("tui.settings.not_saved", reason=reason))

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
