"""The sheet as a sound file: chunks spoken into one WAV, written where the person chose.

Like every export, a new file is made and none is overwritten ("name (2).wav"), and it is
written whole or not at all. The sound is made in memory and written last, so stopping
half-way (Ctrl+C) leaves nothing behind. In shared mode no place is assumed: the caller
passes `default_place=False` and a sound file is only made where the person says.
"""

from __future__ import annotations

import array
import io
import sys
import wave
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from peerprep.export.errors import ExportError
from peerprep.export.speech.ear import Chunk
from peerprep.export.speech.engine import Audio, Engine, SpeechError, SpeechOptions
from peerprep.export.speech.voicing import Notice, plan
from peerprep.model import Preparation
from peerprep.words import Catalogue, catalogue

__all__ = ["PAUSE_SECONDS", "SavedSound", "render", "save_sound", "wav_bytes"]

PAUSE_SECONDS = 0.4  # silence between two voices' turns, as between two paragraphs
EXTENSION = "wav"


@dataclass(frozen=True)
class SavedSound:
    """A sound file that was written: its `path`, how long it plays (`seconds`), and
    `notices` to tell the person (no voice for a language)."""

    path: Path
    seconds: float
    notices: tuple[Notice, ...]


def _resampled(audio: Audio, rate: int) -> bytes:
    """16-bit mono samples at another rate (nearest sample: enough for speech, which every
    engine here gives at 22050 Hz anyway)."""
    if audio.rate == rate:
        return audio.frames
    samples = array.array("h")
    samples.frombytes(audio.frames)
    if sys.byteorder == "big":
        samples.byteswap()
    count = int(len(samples) * rate / audio.rate)
    out = array.array("h", (samples[int(i * audio.rate / rate)] for i in range(count)))
    if sys.byteorder == "big":
        out.byteswap()
    return out.tobytes()


def render(
    engine: Engine,
    chunks: Iterable[Chunk],
    options: SpeechOptions | None = None,
    *,
    scratch_dir: Path | None = None,
) -> tuple[Audio, tuple[Notice, ...]]:
    """All chunks spoken into one Audio (16-bit mono), each voice's turn after a short
    pause; blocking (seconds for a sheet). Returns the audio and the notices.

    Raises:
        SpeechError: "speech.errors.nothing" when there is nothing to read, or the
            engine failed (speech.errors.failed)."""
    options = options or SpeechOptions()
    planned = plan(engine, [c for c in chunks if c.text.strip()], options)
    if not planned.lines:
        raise SpeechError("speech.errors.nothing")
    pieces = [
        engine.render(line.text, line.voice, options.speed, scratch_dir=scratch_dir)
        for line in planned.lines
    ]
    rate = pieces[0].rate
    pause = b"\0\0" * int(rate * PAUSE_SECONDS)
    frames = pause.join(_resampled(piece, rate) for piece in pieces)
    return Audio(frames, rate), planned.notices


def wav_bytes(audio: Audio) -> bytes:
    """Audio as the bytes of a WAV file (RIFF, PCM 16-bit mono)."""
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(audio.rate)
        sound.writeframes(audio.frames)
    return out.getvalue()


def save_sound(
    engine: Engine,
    prep: Preparation,
    chunks: Iterable[Chunk],
    destination: Path | None,
    options: SpeechOptions | None = None,
    *,
    cat: Catalogue | None = None,
    default_place: bool = True,
    is_folder: bool = False,
) -> SavedSound:
    """Speak `chunks` (spoken_sheet(prep) or a part of it) into a new WAV file.

    destination: a file path (".wav" is added when it has another ending; its folder must
    exist), an existing folder (or any path with `is_folder`: created) where a name is
    made from the title and meeting date (naming.file_name), or None: the export folder
    (export.default_export_dir) — only when `default_place` is True. On a shared computer
    the caller passes default_place=False, so that no sound file is made unless the person
    chose its place. `cat`: the language of the file name (default the preparation's).

    Returns the SavedSound. Nothing is written until the sound is made.

    Raises:
        SpeechError: speech.errors.choose_place (no destination and no default place),
            speech.errors.failed / .nothing (the engine).
        ExportError: export.errors.* when the file cannot be written.
    """
    from peerprep.export.service import target_path, write_new

    if destination is None and not default_place:
        raise SpeechError("speech.errors.choose_place")
    cat = cat or catalogue(prep.language)
    path, ours = target_path(prep, cat, EXTENSION, destination, is_folder=is_folder)
    folder = path.parent
    if ours:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ExportError("export.errors.write_failed", path=str(folder)) from error
    if not folder.is_dir():  # said before the minutes it may take to make the sound
        key = "export.errors.not_a_folder" if folder.exists() else "export.errors.folder_missing"
        raise ExportError(key, path=str(folder))
    # An engine that can only write a file (macOS) writes it for a moment where the
    # person chose to keep the sound, never in a folder of its own choosing.
    audio, notices = render(engine, chunks, options, scratch_dir=folder)
    written = write_new(path, wav_bytes(audio), create_folder=ours)
    return SavedSound(written, audio.seconds, notices)
