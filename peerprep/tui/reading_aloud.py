"""The full screen's side of reading aloud: Ctrl+R reads what is on the screen in front,
Ctrl+R again or Escape stops at once; what to read and what to say are flow.reading's
and flow.spoken_screens'.

A mixin of the app. Each screen that has something to read names it in `spoken()`
(chunks for the ear); a screen without it has nothing to read. The reader speaks on a
thread of its own through a child process, so typing and the screen never wait for it;
how a reading ended comes back as a message posted to the app (posting is thread-safe
and never waits, so a reader that ends while the program closes cannot hold it up).

The reading stops when the screen it was asked on is left (another screen or a dialog
comes in front of it), when a shared computer's privacy cover comes up (the person's
words are never spoken while the screen is hidden), and for good when the program ends.
Escape stops a reading and does nothing else; with nothing being read it goes back as
always.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:
    from peerprep.export.speech import Chunk, Ending, Engine
    from peerprep.flow.reading import ReadingAloud
    from peerprep.tui.app import PeerprepApp

# How long a sentence about reading stays on screen (what to install is the longest).
NOTE_SECONDS = 12


def _load_speech() -> None:
    import peerprep.export.speech
    import peerprep.flow.spoken_screens  # noqa: F401


class ReadingEnded(Message):
    """A reading ended (done, stopped, failed): posted from the reader's thread."""

    def __init__(self, ending: Ending) -> None:
        super().__init__()
        self.ending = ending


class ReadingAloudSide:
    """Mixin for PeerprepApp: the read-aloud keys, the one reader, stopping it."""

    # How the speech engine is found: None is the computer's own
    # (export.speech.find_engine); a test gives a fake engine's.
    find_speech_engine: Callable[[], Engine | None] | None = None
    _reading: ReadingAloud | None = None
    _reading_screen: Screen[object] | None = None

    @property
    def reading(self: PeerprepApp) -> ReadingAloud:
        """The run's reader (flow.reading), made when first needed."""
        if self._reading is None:
            from peerprep.flow.reading import ReadingAloud

            self._reading = ReadingAloud(
                find_engine=self.find_speech_engine, on_end=self._post_reading_ended
            )
        return self._reading

    def warm_reading(self: PeerprepApp) -> None:
        """After the first frame, while reading aloud is on: load the speech code in a
        thread, so that the first Ctrl+R does not hold the screen while it loads (about
        0.1 s, measured)."""
        if self.settings.read_aloud:
            self.run_worker(_load_speech, thread=True, group="warm", exit_on_error=False)

    @property
    def speaking(self) -> bool:
        return self._reading is not None and self._reading.speaking

    def reading_check(self: PeerprepApp, action: str) -> bool | None:
        """For the app's check_action: the read key is there while reading aloud is on
        (settings), the stop keys only while words are being read."""
        if action == "read_aloud":
            return self.settings.read_aloud and not self.speaking
        if action == "stop_reading":
            return self.speaking
        return True

    def action_read_aloud(self: PeerprepApp) -> None:
        """Ctrl+R: read what is on the screen in front (or stop what is being read:
        flow.reading.ReadingAloud.toggle decides)."""
        screen = self.screen

        def chunks() -> list[Chunk]:
            self.commit_screens()  # what is in the fields is what is read
            spoken: Callable[[], list[Chunk]] | None = getattr(screen, "spoken", None)
            return spoken() if callable(spoken) else []

        asked = self.reading.toggle(chunks, self.settings)
        self._reading_screen = screen if asked.started else None
        if asked.said is not None:
            self.notify(asked.said.text(self.cat), timeout=NOTE_SECONDS)
        self.show_reading()

    def action_stop_reading(self: PeerprepApp) -> None:
        """Ctrl+R again, or Escape: silence at once."""
        self.stop_reading()

    def stop_reading(self: PeerprepApp) -> None:
        """Silence at once (leaving the screen, the privacy cover); returns at once."""
        if self._reading is not None:
            self._reading.stop()
        self._reading_screen = None
        self.show_reading()

    def screen_left(self, screen: Screen[object]) -> None:
        """A screen went out of sight: what was being read from it stops."""
        if screen is self._reading_screen:
            self.stop_reading()  # type: ignore[attr-defined]

    def close_reading(self) -> None:
        """On quitting and leaving a shared session: silence, and no engine process left."""
        if self._reading is not None:
            self._reading.close()

    def show_reading(self: PeerprepApp) -> None:
        """The footer (and a screen's read button) say whether words are being read."""
        if not self.screen_stack:
            return  # the program is closing: nothing left to show it on
        self.refresh_bindings()
        for screen in self.screen_stack:
            shown = getattr(screen, "show_reading", None)
            if callable(shown):
                shown(self.speaking)

    def _post_reading_ended(self: PeerprepApp, ending: Ending) -> None:
        self.post_message(ReadingEnded(ending))  # from the reader's thread: never waits

    def on_reading_ended(self: PeerprepApp, message: ReadingEnded) -> None:
        if self._reading is None:
            return
        for said in self._reading.ended(message.ending):
            self.notify(said.text(self.cat), timeout=NOTE_SECONDS)
        if not self.speaking:
            self._reading_screen = None
        self.show_reading()
