"""The shared-computer side of the full-screen program: the calm line at the top, the
privacy screen after a few idle minutes, erasing the session after a longer while, and
one question on quitting when words have not been taken along.

`install(app, mode)` wires it into a PeerprepApp through the app's hooks (`banner`,
`on_event`, `action_quit`, the export dialog's answer); the app itself knows nothing of
shared computers. Nothing here writes a file: the store is the app's (in memory).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.content import Content
from textual.widgets import Static
from textual.worker import WorkerCancelled, WorkerFailed

from peerprep.flow.idle import IdleClock
from peerprep.flow.leaving import erase_session, not_taken_along
from peerprep.flow.shared_mode import SharedMode
from peerprep.tui.idle import IdleWatch
from peerprep.tui.screens.privacy import PrivacyScreen

if TYPE_CHECKING:
    from peerprep.model import Preparation
    from peerprep.settings import Settings
    from peerprep.store import PreparationStore
    from peerprep.tui.app import PeerprepApp

MINUTE = 60.0


class SharedBanner(Static):
    """One calm line: this is a shared computer, nothing is kept unless taken along."""

    DEFAULT_CSS = """
    SharedBanner {
        dock: top;
        width: 100%;
        height: auto;
        padding: 0 1;
        background: $boost;
        color: $text;
    }
    """


class SharedSide:
    """Everything shared mode adds to one running app."""

    def __init__(
        self,
        app: PeerprepApp,
        mode: SharedMode,
        *,
        clock: Callable[[], float] | None = None,
        tick: float = 1.0,
    ) -> None:
        self.app = app
        self.mode = mode
        self.start_language = app.language
        cover, erase = mode.timers(app.settings)
        idle = IdleClock(cover * MINUTE, erase * MINUTE, **({"clock": clock} if clock else {}))
        self.watch = IdleWatch(app, idle, self.cover, self.erase_soon, tick=tick)
        self._started = False
        self._asking = False
        self.erasures = 0  # how many times the session was erased (for the curious and tests)

    @property
    def store(self) -> PreparationStore:
        return self.app.session.store

    @property
    def in_memory(self) -> bool:
        return self.store.in_memory

    # --- the line at the top ----------------------------------------------------------------

    def banner(self) -> SharedBanner:
        if self.in_memory:
            text = self.app.t("shared.banner")
        else:  # the person named their own folder (a USB stick) with --data-dir
            text = self.app.t("shared.banner_folder", path=str(self.store.root))
        return SharedBanner(Content(text), id="shared-banner")

    # --- idle ---------------------------------------------------------------------------------

    def seen(self, event: events.Event) -> None:
        """Every event the app receives passes here first (the app's on_event hook)."""
        if not self._started and isinstance(event, (events.Mount, events.Resize, events.Key)):
            self._started = True
            self.watch.start()
        self.watch.seen(event)

    def cover(self) -> None:
        """Hide everything behind the neutral privacy screen."""
        if isinstance(self.app.screen, PrivacyScreen):
            return
        cover, erase = self.mode.timers(self.app.settings)
        self.app.push_screen(PrivacyScreen(self.app.cat, max(1, erase - cover)))

    def erase_soon(self) -> None:
        self.app.run_worker(self.erase(), group="shared-erase", exclusive=True)

    async def erase(self) -> None:
        """Forget the session and go back to the start, as if the program had just begun.

        On a stick the person named with --data-dir their words are theirs: they are saved
        and closed, not deleted.
        """
        app = self.app
        if not self.in_memory:
            app.commit_screens()
            app.session.close()
        else:
            app.session.discard()  # no more snapshots: nothing new can be written now
            for worker in [w for w in app.workers if w.group == "save"]:
                with contextlib.suppress(WorkerCancelled, WorkerFailed):
                    await worker.wait()  # a write already under way finishes first ...
            # ... and is then forgotten with the rest
            self._reset_settings(erase_session(self.store, app.taken, app.keeper))
        app.clear_notifications()
        while len(app.screen_stack) > 1 and not getattr(app.screen, "is_home", False):
            await app.pop_screen()
        if not app.show_home():  # home built now reads its list itself
            reload = getattr(app.screen, "reload", None)
            if callable(reload):
                reload()
        self.erasures += 1

    def _reset_settings(self, fresh: Settings) -> None:
        app = self.app
        app.settings = fresh
        app.theme = app.run_theme or fresh.theme  # --theme holds for the whole run
        app.set_cursor_blink(fresh.cursor_blink)
        if app.language != self.start_language:
            app.language = self.start_language

    # --- taking words along -------------------------------------------------------------------

    def _mark(self, prep: Preparation) -> None:
        self.app.taken.mark(prep)

    def export_folder(self) -> Path | None:
        """Where an export should go first: a USB stick, not this computer's own folders
        (flow.places.export_place)."""
        from peerprep.flow.places import export_place

        return export_place(shared=True).folder

    def untaken(self) -> list[Preparation]:
        return not_taken_along(self.store, self.app.taken)

    def may_quit(self) -> bool:
        """The app's quit hook: False while a question is asked, or the cover is lifted."""
        app = self.app
        if isinstance(app.screen, PrivacyScreen):
            app.screen.dismiss(None)
            return False
        if self._asking:
            return False
        app.commit_screens()
        app.session.save_now()
        left = self.untaken()
        if not left:
            return True
        from peerprep.flow.taking_along import can_print
        from peerprep.tui.dialogs.leave import LeaveDialog

        self._asking = True
        app.push_screen(LeaveDialog(left, can_print=can_print()), self._leave_answer)
        return False

    def _leave_answer(self, answer: str | None) -> None:
        self._asking = False
        app = self.app
        left = self.untaken()
        if answer == "erase" or (answer is not None and not left):
            app.session.discard()
            if self.in_memory:
                erase_session(self.store, app.taken, app.keeper)
            app.exit(0)
        elif answer == "export" and left:
            from peerprep.tui.dialogs.export import ExportDialog

            prep = left[0]
            app.push_screen(ExportDialog(prep, folder=self.export_folder()))
        elif answer == "print" and left:
            app.run_worker(lambda: self._print(left), thread=True, group="shared-print")
        elif answer == "folder" and left:
            from peerprep.tui.dialogs.folder import SaveToFolderDialog

            app.push_screen(SaveToFolderDialog(left))

    def _print(self, preparations: list[Preparation]) -> None:
        """In a thread: typst and the print queue take a moment."""
        from peerprep.errors import PeerprepError
        from peerprep.flow.taking_along import print_without_file

        for prep in preparations:
            try:
                print_without_file(prep)
            except PeerprepError as error:
                self.app.call_from_thread(self._tell, error.key, error.values, "error")
                return
            self.app.call_from_thread(self._mark, prep)
        self.app.call_from_thread(self._tell, "shared.leave.printed", {}, "information")

    def _tell(self, key: str, values: dict[str, object], severity: str) -> None:
        self.app.notify(self.app.t(key, **values), severity=severity)  # type: ignore[arg-type]


def install(
    app: PeerprepApp,
    mode: SharedMode,
    *,
    clock: Callable[[], float] | None = None,
    tick: float = 1.0,
) -> SharedSide | None:
    """Give a running-to-be app its shared-computer side; None when the mode is off."""
    app.shared_mode = mode
    if not mode.on:
        return None
    side = SharedSide(app, mode, clock=clock, tick=tick)
    app.banner = side.banner
    app.shared_side = side
    return side
