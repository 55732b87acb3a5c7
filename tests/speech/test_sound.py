"""The sheet as a WAV file, with a fake engine: where it goes, never over another file,
nothing without a chosen place on a shared computer, nothing left when it fails."""

from __future__ import annotations

import datetime as dt
import wave
from pathlib import Path

import pytest

from peerprep.export.errors import ExportError
from peerprep.export.speech import (
    Audio,
    Chunk,
    SpeechError,
    render,
    save_sound,
    spoken_sheet,
    wav_bytes,
)
from peerprep.export.speech.sound import PAUSE_SECONDS, _resampled
from peerprep.model import Preparation
from peerprep.words import catalogue

from .fake import RATE, FakeEngine


def _prep() -> Preparation:
    prep = Preparation.new("da")
    prep.title = "Møde om udskrivning"
    prep.meeting.date = dt.date(2025, 3, 12)
    prep.set_part("introduction", "Jeg hedder Åse.\n\nأريد أن أعود إلى عملي")
    return prep


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*"))


def test_the_sheet_becomes_a_wav_named_after_its_title(tmp_path: Path) -> None:
    engine = FakeEngine()
    prep = _prep()
    saved = save_sound(engine, prep, spoken_sheet(prep), tmp_path)
    assert saved.path == tmp_path / "Møde om udskrivning 2025-03-12.wav"
    with wave.open(str(saved.path), "rb") as sound:
        assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (1, 2, RATE)
        assert sound.getnframes() / RATE == pytest.approx(saved.seconds)
    # Danish, Arabic, Danish: three turns, each voice its own.
    assert [voice.id for _, voice, _ in engine.rendered] == ["gmq/da", "sem/ar", "gmq/da"]
    assert _files(tmp_path) == [saved.path.name], "nothing else is left in the folder"


def test_a_second_sound_file_never_overwrites_the_first(tmp_path: Path) -> None:
    engine, prep = FakeEngine(), _prep()
    target = tmp_path / "ark.wav"
    target.write_bytes(b"the person's own file")
    saved = save_sound(engine, prep, spoken_sheet(prep), target)
    assert saved.path == tmp_path / "ark (2).wav"
    assert target.read_bytes() == b"the person's own file"
    other = save_sound(engine, prep, spoken_sheet(prep), tmp_path / "lyd")
    assert other.path == tmp_path / "lyd.wav", "the ending is added"


def test_on_a_shared_computer_no_place_means_no_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PEERPREP_EXPORT_DIR", str(tmp_path / "exports"))
    engine, prep = FakeEngine(), _prep()
    with pytest.raises(SpeechError) as caught:
        save_sound(engine, prep, spoken_sheet(prep), None, default_place=False)
    assert caught.value.key == "speech.errors.choose_place"
    assert engine.rendered == [], "no sound was even made"
    assert not (tmp_path / "exports").exists()
    # On a personal computer the export folder is the default place.
    saved = save_sound(engine, prep, spoken_sheet(prep), None)
    assert saved.path.parent == tmp_path / "exports"


def test_a_folder_that_is_not_there_is_said_before_any_sound_is_made(tmp_path: Path) -> None:
    engine, prep = FakeEngine(), _prep()
    with pytest.raises(ExportError) as caught:
        save_sound(engine, prep, spoken_sheet(prep), tmp_path / "nowhere" / "ark.wav")
    assert caught.value.key == "export.errors.folder_missing"
    assert engine.rendered == []


def test_an_engine_that_fails_leaves_no_file(tmp_path: Path) -> None:
    engine, prep = FakeEngine(fail=True), _prep()
    with pytest.raises(SpeechError):
        save_sound(engine, prep, spoken_sheet(prep), tmp_path / "ark.wav")
    assert _files(tmp_path) == []


def test_nothing_to_read_is_said(tmp_path: Path) -> None:
    with pytest.raises(SpeechError) as caught:
        save_sound(FakeEngine(), _prep(), [Chunk(" ", "da")], tmp_path)
    assert caught.value.key == "speech.errors.nothing"
    assert catalogue("da").has(caught.value.key)


def test_turns_are_joined_with_a_pause_and_rates_made_one() -> None:
    engine = FakeEngine()
    audio, _ = render(engine, [Chunk("Et to.", "da"), Chunk("أريد.", "ar")])
    first, second = (engine.render(t, v, s) for t, v, s in engine.rendered[:2])
    pause = int(RATE * PAUSE_SECONDS) * 2
    assert len(audio.frames) == len(first.frames) + pause + len(second.frames)
    halved = _resampled(Audio(b"\x01\x00\x02\x00\x03\x00\x04\x00", 44100), 22050)
    assert halved == b"\x01\x00\x03\x00"


def test_wav_bytes_are_a_wav_file(tmp_path: Path) -> None:
    path = tmp_path / "x.wav"
    path.write_bytes(wav_bytes(Audio(b"\x10\x00" * RATE, RATE)))
    with wave.open(str(path), "rb") as sound:
        assert sound.getnframes() == RATE
