"""A speech engine for tests: records what it is asked to say, and speaks for as long as the
test says (an utterance lasts until `finish()` or `stop()`), so a test can look at a reader
while it is speaking."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from peerprep.export.speech import Audio, SpeechError, Voice

VOICES = (
    Voice("gmq/da", "Danish", ("da",)),
    Voice("gmw/en", "English (Great Britain)", ("en-gb",)),
    Voice("sem/ar", "Arabic", ("ar",)),
)
RATE = 22050


@dataclass
class FakeUtterance:
    text: str
    voice: Voice | None
    speed: int
    ended: threading.Event = field(default_factory=threading.Event)
    stopped: bool = False
    fail: bool = False

    def wait(self) -> None:
        self.ended.wait()
        if self.fail and not self.stopped:
            raise SpeechError("speech.errors.failed")

    def stop(self) -> None:
        self.stopped = True
        self.ended.set()

    def finish(self) -> None:
        self.ended.set()


class FakeEngine:
    name = "fake"

    def __init__(
        self, voices: tuple[Voice, ...] = VOICES, *, instant: bool = False, fail: bool = False
    ) -> None:
        self._voices = voices
        self.instant = instant  # every utterance ends as soon as it starts
        self.fail = fail
        self.spoken: list[FakeUtterance] = []
        self.rendered: list[tuple[str, Voice | None, int]] = []
        self.started = threading.Condition()
        self.speak_gate: threading.Event | None = None  # set: speak() waits for it

    def voices(self) -> tuple[Voice, ...]:
        return self._voices

    def speak(self, text: str, voice: Voice | None, speed: int) -> FakeUtterance:
        if self.speak_gate is not None:
            self.speak_gate.wait(5)
        utterance = FakeUtterance(text, voice, speed, fail=self.fail)
        if self.instant:
            utterance.finish()
        with self.started:
            self.spoken.append(utterance)
            self.started.notify_all()
        return utterance

    def wait_for(self, count: int, timeout: float = 5.0) -> FakeUtterance:
        """The `count`-th utterance (1-based), once it has started."""
        with self.started:
            assert self.started.wait_for(lambda: len(self.spoken) >= count, timeout), (
                f"only {len(self.spoken)} utterances started"
            )
            return self.spoken[count - 1]

    def render(
        self, text: str, voice: Voice | None, speed: int, *, scratch_dir: Path | None = None
    ) -> Audio:
        if self.fail:
            raise SpeechError("speech.errors.failed")
        self.rendered.append((text, voice, speed))
        # One 1000 Hz-ish square wave per word: longer text, longer sound.
        samples = (b"\x00\x20" * 10 + b"\x00\xe0" * 10) * 110 * max(1, len(text.split()))
        return Audio(samples, RATE)
