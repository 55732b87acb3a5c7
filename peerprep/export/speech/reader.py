"""Reading aloud in the background: one `Reader` per program, safe to drive from a UI thread.

    reader = Reader(find_engine(), SpeechOptions(voice=None, speed=80), on_end=...)
    reader.read(spoken_part(cat, "important", {"prompts"}))  # returns at once
    reader.speaking            # True while words are being read
    reader.read(other_chunks)  # stops the first at once, then reads these
    reader.stop()              # silence at once; returns at once
    reader.close()             # on quitting: stops and lets no new reading start

Each request is read on a thread of its own. `read`, `stop`, `speaking` and `close` never
wait for the engine (a process is killed, not waited for); `wait` is for a command line.
"""

from __future__ import annotations

import atexit
import threading
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from peerprep.export.speech.ear import Chunk
from peerprep.export.speech.engine import (
    Engine,
    SpeechError,
    SpeechOptions,
    Utterance,
    install_key,
)
from peerprep.export.speech.voicing import Notice, plan

__all__ = ["Ending", "Reader"]

_JOIN_SECONDS = 2.0  # close() waits this long at most for a reading's thread to end


@dataclass(frozen=True)
class Ending:
    """How one request ended. status: "done" (all read), "stopped" (stop, close or a newer
    request), "failed" (`error` says why in a catalogue key). `notices` are things to tell
    the person once (no voice for a language)."""

    status: Literal["done", "stopped", "failed"]
    error: SpeechError | None = None
    notices: tuple[Notice, ...] = ()


class _Request:
    def __init__(self, chunks: tuple[Chunk, ...]) -> None:
        self.chunks = chunks
        self.lock = threading.Lock()
        self.cancelled = False
        self.current: Utterance | None = None
        self.finished = threading.Event()
        self.ending: Ending | None = None
        self.thread: threading.Thread | None = None

    def cancel(self) -> None:
        with self.lock:
            self.cancelled = True
            current = self.current
        if current is not None:
            current.stop()

    def begin(self, utterance: Utterance) -> bool:
        """Register the words now being spoken; False (and silence) if cancelled."""
        with self.lock:
            if not self.cancelled:
                self.current = utterance
                return True
        utterance.stop()
        return False


_open_readers: weakref.WeakSet[Reader] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    """A program that ends without closing its reader must not go on talking."""
    for reader in list(_open_readers):
        reader.close()


class Reader:
    """Reads chunks aloud with an engine, one request at a time, never blocking the caller.

    Args:
        engine: the speech engine; None when the computer has none: then `available` is
            False, `missing_key` names the catalogue text that says what to install, and
            `read` does nothing.
        options: voice and speed (SpeechOptions); `options` may be replaced at any time
            and holds from the next request.
        on_end: called once for every request when it ends (done, stopped, failed), on the
            reader's thread, not the caller's: a UI posts it to its own thread.
    """

    def __init__(
        self,
        engine: Engine | None,
        options: SpeechOptions | None = None,
        *,
        on_end: Callable[[Ending], None] | None = None,
    ) -> None:
        self.engine = engine
        self.options = options or SpeechOptions()
        self.on_end = on_end
        self._request: _Request | None = None
        self._guard = threading.Lock()
        self._closed = False
        _open_readers.add(self)

    @property
    def available(self) -> bool:
        return self.engine is not None

    @property
    def missing_key(self) -> str | None:
        """speech.install.<platform> when there is no engine, else None."""
        return None if self.engine is not None else install_key()

    @property
    def speaking(self) -> bool:
        """True from `read` until the request is read, stopped or failed."""
        request = self._request
        return request is not None and not request.finished.is_set()

    def read(self, chunks: Iterable[Chunk]) -> bool:
        """Start reading `chunks` (from spoken_part, spoken_answer, spoken_sheet) and return
        at once; whatever was being read stops first. False when nothing will be read (no
        engine, no text, or the reader is closed)."""
        chunks = tuple(c for c in chunks if c.text.strip())
        with self._guard:
            if self._request is not None:
                self._request.cancel()
            if self._closed or self.engine is None or not chunks:
                self._request = None
                return False
            request = _Request(chunks)
            request.thread = threading.Thread(
                target=self._read, args=(request, self.engine, self.options),
                name="peerprep-reader", daemon=True,
            )  # fmt: skip
            self._request = request
        request.thread.start()
        return True

    def stop(self) -> None:
        """Silence at once. Returns at once; does nothing when nothing is being read."""
        with self._guard:
            request = self._request
        if request is not None:
            request.cancel()

    def wait(self, timeout: float | None = None) -> Ending | None:
        """Block until the current request ends (for a command line); its Ending, or None
        when nothing was being read or `timeout` seconds passed first."""
        request = self._request
        if request is None or not request.finished.wait(timeout):
            return None
        return request.ending

    def close(self) -> None:
        """Stop and let no new reading start (on quitting). Waits a moment at most for the
        reading's thread to end; safe to call more than once."""
        with self._guard:
            self._closed = True
            request = self._request
        if request is not None:
            request.cancel()
            if request.thread is not None and request.thread is not threading.current_thread():
                request.thread.join(_JOIN_SECONDS)
        _open_readers.discard(self)

    def _read(self, request: _Request, engine: Engine, options: SpeechOptions) -> None:
        notices: tuple[Notice, ...] = ()
        error: SpeechError | None = None
        try:
            planned = plan(engine, request.chunks, options)
            notices = planned.notices
            for line in planned.lines:
                if request.cancelled:
                    break
                utterance = engine.speak(line.text, line.voice, options.speed)
                if not request.begin(utterance):
                    break
                utterance.wait()
        except SpeechError as failure:
            error = failure
        except Exception as failure:  # a bug in an engine: said as a failure, with its name
            error = SpeechError("speech.errors.failed", detail=type(failure).__name__)
            error.__cause__ = failure
        with request.lock:
            request.current = None
            cancelled = request.cancelled
        if cancelled:
            ending = Ending("stopped", None, notices)
        elif error is not None:
            ending = Ending("failed", error, notices)
        else:
            ending = Ending("done", None, notices)
        request.ending = ending
        request.finished.set()
        if self.on_end is not None:
            self.on_end(ending)
