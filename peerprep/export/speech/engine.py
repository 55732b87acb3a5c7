"""The speech engine contract: voices, speaking, rendering to sound, and finding one.

An engine is the computer's own speech: eSpeak NG on Linux, the built-in voices of macOS
and Windows (see platforms.py). Tests drive a fake engine with the same shape. A computer
without one is no error: `find_engine()` gives None and `install_key()` names the
catalogue text that says what to install there.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from peerprep.export.errors import ExportError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "DEFAULT_SPEED",
    "MAX_SPEED",
    "MIN_SPEED",
    "Audio",
    "Engine",
    "SpeechError",
    "SpeechOptions",
    "Utterance",
    "Voice",
    "choose_voice",
    "install_key",
    "sapi_rate",
    "words_per_minute",
]

# Speed is a percentage of the engine's own normal speed. People who struggle to read
# need it slower than normal (issue 16), so the default is slower: 80 % is 140 words a
# minute in eSpeak NG, whose normal is 175 (espeak-ng --help).
DEFAULT_SPEED = 80
MIN_SPEED = 50
MAX_SPEED = 200
NORMAL_WORDS_PER_MINUTE = 175  # eSpeak NG's and macOS say's normal rate

# Language codes that differ between engines: eSpeak NG says "cmn" for Mandarin Chinese.
_ALIASES = {"zh": ("zh", "cmn", "yue"), "en": ("en-gb", "en", "en-us")}


class SpeechError(ExportError):
    """Reading aloud or making the sound file failed; `key` names the catalogue text
    (speech.errors.*), `values` fill it in."""


@dataclass(frozen=True)
class Voice:
    """One voice of an engine.

    `id` is what the engine is given to choose it (eSpeak NG "gmq/da", macOS "Sara",
    Windows "Microsoft Helle Desktop"); `name` is for a person to choose from;
    `languages` are lower-case language tags ("da", "en-gb", "da-dk").
    """

    id: str
    name: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class SpeechOptions:
    """How to read: `voice` is a Voice.id the person chose for the program's languages
    (None: the voice of the language), `speed` a percentage of the engine's normal speed
    (MIN_SPEED..MAX_SPEED)."""

    voice: str | None = None
    speed: int = DEFAULT_SPEED

    def __post_init__(self) -> None:
        object.__setattr__(self, "speed", min(MAX_SPEED, max(MIN_SPEED, int(self.speed))))


@dataclass(frozen=True)
class Audio:
    """Sound as 16-bit signed little-endian mono samples (`frames`) at `rate` Hz."""

    frames: bytes
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.frames) / 2 / self.rate if self.rate else 0.0


class Utterance(Protocol):
    """Words being spoken. `wait()` blocks until they are spoken or stopped (it is called
    on the reader's own thread) and raises SpeechError when the engine failed; `stop()`
    ends the sound at once and may be called from any thread, any number of times."""

    def wait(self) -> None: ...

    def stop(self) -> None: ...


class Engine(Protocol):
    """A speech engine. `name` is shown to a person ("eSpeak NG")."""

    name: str

    def voices(self) -> tuple[Voice, ...]:
        """The installed voices. May take a second (Windows); call it off the UI thread.
        Raises SpeechError when the engine cannot be asked."""
        ...

    def speak(self, text: str, voice: Voice | None, speed: int) -> Utterance:
        """Start speaking `text` through the loudspeaker and return at once. `voice` None:
        the engine's default; `speed` in percent. Raises SpeechError if it cannot start."""
        ...

    def render(
        self, text: str, voice: Voice | None, speed: int, *, scratch_dir: Path | None = None
    ) -> Audio:
        """`text` spoken into sound (blocking). An engine that can only write a file
        (macOS) writes it in `scratch_dir` (where the person chose to keep the sound) and
        removes it. Raises SpeechError."""
        ...


def words_per_minute(speed: int) -> int:
    """Speed in percent -> the words a minute that eSpeak NG (-s) and macOS say (-r) take."""
    return round(NORMAL_WORDS_PER_MINUTE * speed / 100)


def sapi_rate(speed: int) -> int:
    """Speed in percent -> Windows' SpeechSynthesizer.Rate (-10..10, 0 normal). Each step
    of 10 is three times faster or slower (Microsoft's SAPI documentation of ISpVoice
    SetRate), so the rate is 10 * log3(speed / 100)."""
    return max(-10, min(10, round(10 * math.log(speed / 100, 3))))


def _matches(voice: Voice, language: str) -> int:
    """How well a voice fits a language: 0 not at all; higher is better."""
    wanted = _ALIASES.get(language, (language,))
    best = 0
    for tag in voice.languages:
        for rank, code in enumerate(wanted):
            score = len(wanted) - rank
            if tag == code:
                best = max(best, 2 * score + 1)
            elif tag.split("-")[0] == code.split("-")[0] and tag.startswith(code):
                best = max(best, 2 * score)
    return best


def choose_voice(
    voices: Sequence[Voice], language: str, preferred: str | None = None
) -> Voice | None:
    """The voice to read `language`: the `preferred` one (a Voice.id or name) when it is
    installed and speaks the language; else the installed voice whose language fits best
    (exact before regional: "da" before "da-dk"; the first such in the engine's order);
    else the preferred one all the same; else None (the engine's default voice)."""
    chosen = next((v for v in voices if preferred and preferred in (v.id, v.name)), None)
    if chosen is not None and _matches(chosen, language):
        return chosen
    scored = [(_matches(voice, language), index) for index, voice in enumerate(voices)]
    best = max(scored, default=(0, 0), key=lambda item: (item[0], -item[1]))
    return voices[best[1]] if best[0] else chosen


def install_key(platform: str | None = None) -> str:
    """The catalogue key that says what to install for reading aloud on this platform
    (`sys.platform` by default): speech.install.linux / .macos / .windows / .other."""
    platform = platform or sys.platform
    if platform.startswith("linux"):
        return "speech.install.linux"
    if platform == "darwin":
        return "speech.install.macos"
    if platform in ("win32", "cygwin"):
        return "speech.install.windows"
    return "speech.install.other"
