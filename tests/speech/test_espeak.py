"""With eSpeak NG installed (CI installs the Debian package espeak-ng): a Danish sheet made
into a WAV is real speech, grows with the text, and reading aloud on a shared computer
leaves no file anywhere."""

from __future__ import annotations

import array
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

import pytest

from peerprep.export.speech import (
    Chunk,
    Reader,
    choose_voice,
    find_engine,
    render,
    save_sound,
    spoken_sheet,
)
from peerprep.export.speech.platforms import EspeakEngine
from peerprep.model import Preparation
from peerprep.store import MemoryStore, Store
from peerprep.words import catalogue

pytestmark = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="eSpeak NG is not installed (apt-get install espeak-ng)",
)

# A word found nowhere else: if any file holds it after reading aloud, the person's words
# were left behind.
MARKER = "Kvækkeriksen"
PEAK = 3000  # of 32767: speech at eSpeak NG's normal loudness peaks far above this
LOUD_SHARE = 0.2  # at least this share of 50 ms stretches is not silence


def _prep(repeat: int = 1) -> Preparation:
    prep = Preparation.new("da")
    prep.title = "Møde på Åbenrå Sygehus"
    prep.meeting.kind = "discharge"
    prep.meeting.date = dt.date(2025, 12, 2)
    prep.meeting.time = dt.time(10, 0)
    words = {
        "introduction": f"Jeg hedder Åse {MARKER}. Jeg elsker at gå ture med min hund. ",
        "important": "at se mine børn hver uge og have ro om aftenen. ",
        "help_with": "at sove bedre og at åbne min post. ",
        "so_that": "jeg kan passe mit arbejde i butikken. ",
    }
    for key, text in words.items():
        prep.set_part(key, (text * repeat).strip())
    prep.questions = ["Hvornår kan jeg komme hjem?"]
    return prep


def _samples(path: Path) -> tuple[array.array, int]:
    with wave.open(str(path), "rb") as sound:
        assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
        rate = sound.getframerate()
        samples = array.array("h")
        samples.frombytes(sound.readframes(sound.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples, rate


def _is_speech(path: Path) -> float:
    """Asserts the file is speech, not silence; returns its length in seconds."""
    samples, rate = _samples(path)
    assert samples, "an empty sound file"
    assert max(abs(s) for s in samples) > PEAK, "silent"
    block = rate // 20
    blocks = [samples[i : i + block] for i in range(0, len(samples), block)]
    loud = sum(1 for b in blocks if max(abs(s) for s in b) > PEAK // 3)
    assert loud / len(blocks) > LOUD_SHARE, f"mostly silence ({loud} of {len(blocks)})"
    return len(samples) / rate


def test_the_computer_has_danish_and_arabic_voices() -> None:
    engine = find_engine("linux")
    assert isinstance(engine, EspeakEngine)
    voices = engine.voices()
    assert choose_voice(voices, "da").id == "gmq/da"
    assert choose_voice(voices, "ar") is not None


def test_a_danish_sheet_as_a_wav_is_speech_and_grows_with_the_text(tmp_path: Path) -> None:
    engine = find_engine("linux")
    assert engine is not None
    short, long = _prep(1), _prep(4)
    one = save_sound(engine, short, spoken_sheet(short), tmp_path / "kort.wav")
    four = save_sound(engine, long, spoken_sheet(long), tmp_path / "lang.wav")
    short_seconds, long_seconds = _is_speech(one.path), _is_speech(four.path)
    assert short_seconds == pytest.approx(one.seconds, abs=0.01)
    assert long_seconds > short_seconds * 1.8, (short_seconds, long_seconds)
    # The same words read slower take longer: the speed setting reaches the engine.
    from peerprep.export.speech import SpeechOptions

    slow = save_sound(engine, short, spoken_sheet(short), tmp_path / "langsom.wav",
                      SpeechOptions(speed=50))  # fmt: skip
    assert _is_speech(slow.path) > short_seconds * 1.3


def test_an_arabic_paragraph_is_spoken_not_skipped() -> None:
    engine = find_engine("linux")
    assert engine is not None
    audio, notices = render(engine, [Chunk("أريد أن أعود إلى عملي وأن أرى أطفالي.", "ar")])
    assert notices == ()
    samples = array.array("h")
    samples.frombytes(audio.frames)
    assert audio.seconds > 1.0 and max(abs(s) for s in samples) > PEAK


def test_the_read_command_writes_the_wav(tmp_path: Path, data_dir: Path) -> None:
    prep = _prep()
    Store(data_dir).save(prep)
    out = tmp_path / "ark.wav"
    done = subprocess.run(
        [sys.executable, "-m", "peerprep", "read", prep.id, "-o", str(out)],
        capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert catalogue("da").text("speech.saved", path=str(out)) in done.stdout
    assert _is_speech(out) > 5


def _snapshot(*roots: Path) -> dict[Path, bytes]:
    """Every regular file under the roots, with its first bytes."""
    found = {}
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                with path.open("rb") as handle:
                    found[path] = handle.read(1 << 20)
    return found


def test_reading_aloud_on_a_shared_computer_leaves_no_file(tmp_path: Path) -> None:
    """The installed program reading a sheet from a USB stick (--data-dir) in shared mode:
    afterwards no new file is in the home, temporary, working, data, config or export
    folder, and no file anywhere there holds a sound or the person's words."""
    home, temp, cwd, stick = (tmp_path / name for name in ("home", "tmp", "cwd", "stick"))
    for folder in (home, temp, cwd, stick):
        folder.mkdir()
    prep = _prep()
    Store(stick).save(prep)
    roots = (home, temp, cwd, stick, tmp_path / "config", tmp_path / "exports")
    before = _snapshot(*roots)
    env = {
        **os.environ,
        "HOME": str(home),
        "USERPROFILE": str(home),
        "TMPDIR": str(temp),
        "TEMP": str(temp),
        "TMP": str(temp),
        "LANG": "da_DK.UTF-8",
    }
    env.pop("PEERPREP_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "peerprep", "--shared", "--data-dir", str(stick), "read", prep.id],
        capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
        cwd=cwd, env=env,
    )  # fmt: skip
    da = catalogue("da")
    # A test machine may have no loudspeaker: then the program says so, in one sentence.
    assert (done.returncode, done.stderr.strip()) in (
        (0, ""),
        (1, da.text("speech.errors.no_sound")),
    ), done.stderr
    after = _snapshot(*roots)
    assert sorted(set(after) - set(before)) == []
    for path, head in after.items():
        assert MARKER.encode() not in head or path.parent.name == "preparations", path
        assert not head.startswith(b"RIFF"), path


def test_reading_aloud_from_memory_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The face's way: a preparation held in memory (shared mode), read by a Reader."""
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # asked again, it answers `temp`
    store = MemoryStore()
    prep = _prep()
    store.save(prep)
    before = _snapshot(home, temp, Path.cwd())
    reader = Reader(find_engine("linux"))
    assert reader.read(spoken_sheet(store.load(prep.id), part="introduction"))
    ending = reader.wait(120)
    reader.close()
    assert ending is not None and ending.status in ("done", "failed")
    after = _snapshot(home, temp, Path.cwd())
    assert sorted(set(after) - set(before)) == []


def test_listing_voices_and_making_a_wav_touch_no_sound_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The settings list the voices, and the sheet dialog makes a WAV, on a computer where
    no sound server runs: nothing at all appears in the home, config or temporary folder
    (eSpeak NG opens the sound system for these too; PulseAudio's client would leave its
    folders there)."""
    home, config, temp = (tmp_path / name for name in ("home", "config", "tmp"))
    for folder in (home, config, temp):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)  # no sound session
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    engine = EspeakEngine(shutil.which("espeak-ng") or "espeak-ng")
    assert any(voice.id == "gmq/da" for voice in engine.voices())
    audio, _ = render(engine, spoken_sheet(_prep(), part="introduction"))
    assert audio.seconds > 1
    left = sorted(str(p.relative_to(tmp_path)) for r in (home, config, temp) for p in r.rglob("*"))
    assert left == []
