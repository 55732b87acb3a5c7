"""Reading aloud, decided once for both faces: whether it is offered, the voice and the
speed from the settings, the one reader of a run, and what to tell the person.

- Reading aloud is offered unless the person turned it off (settings.read_aloud). The
  speech engine is looked for the first time the person asks (a quick look for a
  program: export.speech.find_engine), never before the first frame.
- A computer without an engine is no error: the first time the person asks, they are
  told what to install there (speech.install.<platform>); after that, in one short
  sentence that it still cannot (speech.missing_again). Everything else works.
- One request at a time: a new one stops the old one at once; asking again while words
  are being read stops them (`toggle`: the same key, or the same word, stops).
- The voice is the one the person chose where it speaks the language, else the voice of
  the language; the speed is theirs (slower than the engine's normal unless changed).
- How a reading ended is said in words: a failure once per reading (no loudspeaker, the
  engine failed), a notice (no voice for a language) once per run.
- Reading aloud writes no file anywhere, on a shared computer too: the engines get their
  text on standard input and play it (export.speech.platforms). A sound file of the sheet
  is taking the sheet along, with the sheet's rule for its place (flow.sound_file).

Nothing here loads the speech package, the model or an engine until reading is asked for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from peerprep.flow.said import Said

if TYPE_CHECKING:
    from peerprep.export.speech import Chunk, Ending, Engine, Reader, SpeechOptions
    from peerprep.settings import Settings

__all__ = ["Asked", "ReadingAloud", "speech_options"]

_UNLOOKED = object()  # the engine has not been looked for yet


def speech_options(settings: Settings) -> SpeechOptions:
    """The person's voice and speed (settings.speech_voice, settings.speech_speed)."""
    from peerprep.export.speech import SpeechOptions

    return SpeechOptions(voice=settings.speech_voice, speed=settings.speech_speed)


@dataclass(frozen=True)
class Asked:
    """What asking to read came to.

    started  words are being read now (until the reading ends or is stopped)
    stopped  the request stopped words that were being read (the same key again)
    said     what to tell the person now, or None (nothing to say: the sound is the answer)
    """

    started: bool
    stopped: bool = False
    said: Said | None = None


class ReadingAloud:
    """The one reader of a run, for either face.

    Args:
        find_engine: how the engine is found (export.speech.find_engine; a test passes a
            fake). Called once, the first time reading is asked for.
        on_end: called with the `Ending` of every reading (done, stopped, failed), on the
            reader's own thread: a face hands it to its own thread, then asks `ended`
            what to say.
    """

    def __init__(
        self,
        *,
        find_engine: Callable[[], Engine | None] | None = None,
        on_end: Callable[[Ending], None] | None = None,
    ) -> None:
        self._find = find_engine
        self.on_end = on_end
        self._engine: object = _UNLOOKED
        self._reader: Reader | None = None
        self._told_missing = False
        self._notices_told: set[tuple[str, tuple[tuple[str, object], ...]]] = set()
        self._closed = False
        self._active = False  # read, and neither stopped nor closed since
        self._guard = threading.Lock()

    # --- the engine -----------------------------------------------------------------------

    @property
    def engine(self) -> Engine | None:
        """The computer's speech engine, looked for once; None when it has none."""
        with self._guard:
            if self._engine is _UNLOOKED:
                if self._find is None:
                    from peerprep.export.speech import find_engine

                    self._engine = find_engine()
                else:
                    self._engine = self._find()
            return self._engine  # type: ignore[return-value]

    def missing(self) -> Said | None:
        """None when there is an engine; else what to tell the person: what to install,
        the first time in this run; after that, shortly, that it still cannot."""
        if self.engine is not None:
            return None
        if self._told_missing:
            return Said("speech.missing_again")
        from peerprep.export.speech import install_key

        self._told_missing = True
        return Said(install_key())

    # --- reading --------------------------------------------------------------------------

    @property
    def speaking(self) -> bool:
        """True from a request until its words are read, stopped or failed; False at once
        after `stop` (the engine's process may take a moment longer to be gone)."""
        reader = self._reader
        return self._active and reader is not None and reader.speaking

    def read(self, chunks: Sequence[Chunk], settings: Settings) -> Asked:
        """Read `chunks` (flow.spoken_screens) aloud and return at once; whatever was being
        read stops first. Nothing is read when reading is turned off, there is no engine,
        or there is nothing to read: `said` says why."""
        if self._closed:
            return Asked(started=False)
        if not settings.read_aloud:
            self.stop()
            return Asked(started=False, said=Said("speech.off"))
        missing = self.missing()
        if missing is not None:
            return Asked(started=False, said=missing)
        reader = self._reader_for(settings)
        self._active = reader.read(chunks)
        if not self._active:
            return Asked(started=False, said=Said("speech.nothing_here"))
        return Asked(started=True)

    def toggle(self, chunks: Callable[[], Sequence[Chunk]], settings: Settings) -> Asked:
        """The read key (or word): stop the words being read, or else read `chunks()`
        (asked for only when they are to be read)."""
        if self.speaking:
            self.stop()
            return Asked(started=False, stopped=True)
        return self.read(chunks(), settings)

    def stop(self) -> None:
        """Silence at once; returns at once. Nothing happens when nothing is read."""
        self._active = False
        reader = self._reader
        if reader is not None:
            reader.stop()

    def wait(self, timeout: float) -> Ending | None:
        """Wait at most `timeout` seconds for the reading to end (line-by-line mode waits
        a moment for an engine that cannot start, so that it can say so at once)."""
        reader = self._reader
        return reader.wait(timeout) if reader is not None else None

    def close(self) -> None:
        """On quitting, leaving a shared session: silence, and no reading after this (no
        engine process is left behind). Safe to call more than once."""
        self._closed = True
        self._active = False
        reader = self._reader
        if reader is not None:
            reader.close()

    def ended(self, ending: Ending) -> list[Said]:
        """What to tell the person about a reading that ended: why it failed, and each
        notice (no voice for a language) the first time in this run."""
        said: list[Said] = []
        if ending.status == "failed" and ending.error is not None:
            said.append(Said(ending.error.key, dict(ending.error.values)))
        for notice in ending.notices:
            seen = (notice.key, tuple(sorted(notice.values.items())))
            if seen not in self._notices_told:
                self._notices_told.add(seen)
                said.append(Said(notice.key, dict(notice.values)))
        return said

    def _reader_for(self, settings: Settings) -> Reader:
        from peerprep.export.speech import Reader

        options = speech_options(settings)
        if self._reader is None:
            self._reader = Reader(self.engine, options, on_end=self._ended)
        else:
            self._reader.options = options  # the settings may have changed since
        return self._reader

    def _ended(self, ending: Ending) -> None:
        if self.on_end is not None and not self._closed:
            self.on_end(ending)
