"""Reading aloud line by line: the word for read (`læs`, `read`) typed alone at any prompt
reads the current thing aloud; the word again stops it at once, and so does the word for
stop while words are being read (then it stops the reading, not the program).

The current thing is the place the person is in, read as the full screen reads it
(flow.spoken_screens): a part (its starter, what it is for, the help asked for, then the
person's words), the meeting, the questions, the notes after the meeting, or the whole
sheet after "read it all". Anywhere else (a menu, a question) it is what the program
said since the person last answered.

The reading goes on while the person types (the engine speaks in a child process). It
stops when the person leaves the place it was asked in (a part, the sheet; for a menu:
when they answer it), when another reading starts, when a shared computer's privacy
cover comes up or its session is erased, and when the program ends. What to say about a
reading that ended (no loudspeaker, no voice for a language) is said before the next
prompt; an engine that cannot start at all is said at once, after a short wait.

Whether reading is offered, what to install, the voice and speed: flow.reading.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import peerprep.plain.commands as commands
from peerprep.flow.reading import ReadingAloud
from peerprep.plain.console import pasted

if TYPE_CHECKING:
    from peerprep.export.speech import Chunk, Ending, Engine
    from peerprep.flow.context import Context
    from peerprep.flow.said import Said
    from peerprep.plain.console import Console

# How long the word for read waits for an engine that cannot start (no loudspeaker:
# eSpeak NG gives up within a few hundredths of a second), so that it is said at once
# rather than after the next answer. Keys typed meanwhile wait in the terminal.
EARLY_SECONDS = 0.5

Topic = Callable[[], "list[Chunk]"]


class Speaking:
    """The face's side of reading aloud, for one run. The console asks `heard` about
    every line typed at a prompt, `pending` before each prompt, and `hush` when the
    privacy cover comes up."""

    def __init__(
        self,
        context: Context,
        console: Console,
        *,
        find_engine: Callable[[], Engine | None] | None = None,
    ) -> None:
        self.context = context
        self.console = console
        self.aloud = ReadingAloud(find_engine=find_engine, on_end=self._ended)
        self._topics: list[Topic] = []
        self._endings: list[Ending] = []
        self._lock = threading.Lock()
        self._menu_reading = False  # the reading is of what was said since the last answer

    # --- what is current ------------------------------------------------------------------

    @contextlib.contextmanager
    def about(self, topic: Topic) -> Iterator[None]:
        """While inside, the word for read reads `topic()` (a part, the sheet); leaving
        stops what was read from it."""
        self._topics.append(topic)
        try:
            yield
        finally:
            self._topics.pop()
            if not self._menu_reading:
                self.aloud.stop()

    def _current(self) -> list[Chunk]:
        if self._topics:
            self._menu_reading = False
            return self._topics[-1]()
        from peerprep.flow.spoken_screens import program_text

        self._menu_reading = True
        return program_text(self.console.cat, self.console.said_since_answer)

    # --- the console's questions ------------------------------------------------------------

    def heard(self, text: str) -> bool:
        """A line typed at a prompt (not a line of an answer being written). True when
        it was the word for read, or the word for stop while words are read: it is done
        here, and the prompt is asked again. Any other answer ends the reading of a menu."""
        cat = self.console.cat
        said = None if pasted(text) else commands.given(cat, text, "read", "stop")
        if said == "read":
            self._read()
            return True
        if said == "stop" and self.aloud.speaking:
            self.aloud.stop()
            self._say(self.console.t("speech.stopped_here"))
            return True
        if self._menu_reading:
            self.aloud.stop()  # the menu was answered: what it said is no longer current
            self._menu_reading = False
        return False

    def pending(self) -> list[str]:
        """What to say before the next prompt about readings that ended meanwhile."""
        with self._lock:
            endings, self._endings = self._endings, []
        said: list[Said] = [s for ending in endings for s in self.aloud.ended(ending)]
        return [s.text(self.console.cat) for s in said]

    def hush(self) -> None:
        """Silence at once (the privacy cover, erasing the session)."""
        self.aloud.stop()

    def close(self) -> None:
        """The program ends: silence, and no engine process is left behind."""
        self.aloud.close()

    # --- reading --------------------------------------------------------------------------

    def _read(self) -> None:
        settings = self.context.settings_keeper().load()  # a shared computer's: defaults
        asked = self.aloud.toggle(self._current, settings)
        if asked.stopped:
            self._say(self.console.t("speech.stopped_here"))
            return
        if asked.said is not None:
            self._say(asked.said.text(self.console.cat))
            return
        # An engine that cannot start says so within a moment: then say it now.
        ending = self.aloud.wait(EARLY_SECONDS)
        if ending is not None:
            for line in self.pending():
                self._say(line)

    def _say(self, text: str) -> None:
        self.console.say(text, aside=True)  # about reading, not what is read

    def _ended(self, ending: Ending) -> None:
        """On the reader's thread: kept until the next prompt (never printed in the middle
        of a line being typed)."""
        with self._lock:
            self._endings.append(ending)
