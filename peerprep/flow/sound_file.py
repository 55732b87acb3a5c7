"""The sheet taken along as sound: a WAV file of the sheet read aloud, to listen to on
the way to the meeting. One rule for the full screen's sheet dialog and plain mode's
export menu (and the same as `peerprep read -o`):

- The sheet is heard in the preparation's own language, in its printed order, with the
  person's voice and speed (flow.reading.speech_options).
- Like every sheet, a new file is made and none is overwritten ("name (2).wav"), and it
  is written whole or not at all.
- On a shared computer no sound file is made unless the person chose its place (with no
  place: speech.errors.choose_place), and a file saved on the computer itself is said to
  stay there for others to find; only one on a USB stick counts as taken along
  (flow.taking_along.went_along, stays_here).
- A computer without a speech engine gets the sentence that says what to install.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from peerprep.flow.said import Said
from peerprep.flow.taking_along import Taken, TakenAlong, stays_here, went_along

if TYPE_CHECKING:
    from peerprep.export.speech import Engine
    from peerprep.model import Preparation
    from peerprep.settings import Settings

__all__ = ["SOUND", "take_along_as_sound"]

SOUND = "wav"  # the sound file's kind, beside the sheet's (export.formats.FORMATS)


def take_along_as_sound(
    record: TakenAlong,
    prep: Preparation,
    destination: Path | None,
    settings: Settings,
    *,
    folder_given: bool = False,
    find_engine: Callable[[], Engine | None] | None = None,
) -> Taken:
    """Make the sound file of the sheet, by this module's rules, and record it.

    destination: a folder (or a file name whose folder exists); None: the usual export
    folder, on a personal computer only. `folder_given`: the person typed it as a folder,
    made when it is not there. Blocking: a second or two for a sheet with eSpeak NG.

    Raises:
        SpeechError: no engine (its key says what to install), no place chosen on a
            shared computer (speech.errors.choose_place), the engine failed.
        ExportError: the file could not be written (export.errors.*).
    """
    from peerprep.export import speech
    from peerprep.export.service import target_path
    from peerprep.flow.reading import speech_options
    from peerprep.words import catalogue

    if record.shared and destination is None:
        raise speech.SpeechError("speech.errors.choose_place")  # before looking for an engine
    engine = (find_engine or speech.find_engine)()
    if engine is None:
        raise speech.SpeechError(speech.install_key())
    cat = catalogue(prep.language)  # the sheet is heard in its own language
    intended, _ = target_path(prep, cat, SOUND, destination, is_folder=folder_given)
    saved = speech.save_sound(
        engine,
        prep,
        speech.spoken_sheet(prep, cat),
        destination,
        speech_options(settings),
        cat=cat,
        default_place=not record.shared,
        is_folder=folder_given,
    )
    whole = round(saved.seconds)
    said = [
        Said("speech.saved", {"path": str(saved.path)}),
        Said("speech.length", {"min": whole // 60, "sec": whole % 60}),
    ]
    if saved.path != intended:
        said.append(Said("export.renamed"))
    said += [Said(notice.key, dict(notice.values)) for notice in saved.notices]
    if went_along(record, saved.path):
        record.mark(prep)
    stays = stays_here(record, saved.path)
    if stays is not None:
        said.append(stays)
    return Taken(path=saved.path, printed=False, said=said)
