"""Reading aloud, offline, through the computer's own speech engine; and the sheet as sound.

The contract for the faces and the command line. Nothing here imports Textual, and
importing this package starts no engine and no process.

    from peerprep.export import speech

    engine = speech.find_engine()          # Engine | None (None: nothing to read with)
    speech.install_key()                   # "speech.install.linux" | ".macos" | ".windows"
                                           # | ".other": what to install, one sentence
    options = speech.SpeechOptions(voice=None, speed=80)
        # voice: a Voice.id the person chose (None: the voice of the language);
        # speed: percent of the engine's normal, 50..200; DEFAULT_SPEED 80 (slower).

    # What to read: lists of Chunk(text, language), text made for the ear.
    speech.spoken_part(cat, part_key, shown_help={"prompts", "examples", "peer"})
        # a part's screen: "Part 2 of 4", starter, what it is for, the help shown
    speech.spoken_answer(cat, prep, part_key)   # the person's words in that part
    speech.spoken_sheet(prep, cat=None, part=None, today=None)  # the sheet, in its order
    speech.spoken_meeting(prep, cat=None, today=None)    # the meeting alone, as the sheet has it
    speech.program_words(cat, *texts)           # any other screen's texts, for the ear

    # Reading aloud in the background (a UI thread never waits):
    reader = speech.Reader(engine, options, on_end=callback)   # callback(Ending), on the
    reader.read(chunks) -> bool      # reader's thread; starts, returns at once; stops
    reader.stop()                    # the old; stop(): silence at once
    reader.speaking -> bool          # reader.available, reader.missing_key
    reader.wait(timeout=None) -> Ending | None   # for a command line
    reader.close()                   # on quitting

    # The sheet as a WAV file (blocking; seconds for a sheet):
    speech.save_sound(engine, prep, chunks, destination, options, default_place=True)
        -> SavedSound(path, seconds, notices)
        # never overwrites ("name (2).wav"); default_place=False on a shared computer:
        # then destination None raises SpeechError("speech.errors.choose_place").

Errors are SpeechError (an ExportError): `cat.text(error.key, **error.values)`.
Notices (Notice.key, Notice.values) are said once, not as errors: speech.no_voice,
speech.no_voice_other. Catalogue texts: assets/lang/*/speech.json.
"""

from __future__ import annotations

from peerprep.export.speech.ear import Chunk, for_the_ear, own_words, program_words
from peerprep.export.speech.engine import (
    DEFAULT_SPEED,
    MAX_SPEED,
    MIN_SPEED,
    Audio,
    Engine,
    SpeechError,
    SpeechOptions,
    Voice,
    choose_voice,
    install_key,
)
from peerprep.export.speech.platforms import find_engine
from peerprep.export.speech.reader import Ending, Reader
from peerprep.export.speech.sound import SavedSound, render, save_sound, wav_bytes
from peerprep.export.speech.spoken import spoken_answer, spoken_meeting, spoken_part, spoken_sheet
from peerprep.export.speech.voicing import Notice

__all__ = [
    "DEFAULT_SPEED",
    "MAX_SPEED",
    "MIN_SPEED",
    "Audio",
    "Chunk",
    "Ending",
    "Engine",
    "Notice",
    "Reader",
    "SavedSound",
    "SpeechError",
    "SpeechOptions",
    "Voice",
    "choose_voice",
    "find_engine",
    "for_the_ear",
    "install_key",
    "own_words",
    "program_words",
    "render",
    "save_sound",
    "spoken_answer",
    "spoken_meeting",
    "spoken_part",
    "spoken_sheet",
    "wav_bytes",
]
