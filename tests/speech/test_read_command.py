"""`peerprep read ID|--latest [--part PART] [-o FILE.wav]` with a fake engine: what is read,
the settings it uses, the sound file, Ctrl+C, and one plain sentence when it cannot."""

from __future__ import annotations

import datetime as dt
import wave
from pathlib import Path

import pytest

from peerprep import settings
from peerprep.cli import main
from peerprep.cli.subcommands import read as read_command
from peerprep.export import speech
from peerprep.flow.context import EXIT_FAILURE, EXIT_OK, EXIT_USAGE
from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.words import catalogue

from .fake import FakeEngine

DA = catalogue("da")


@pytest.fixture
def saved(data_dir: Path) -> Preparation:
    prep = Preparation.new("da")
    prep.title = "Møde om udskrivning"
    prep.meeting.date = dt.date(2025, 3, 12)
    prep.set_part("introduction", "Jeg hedder Åse.")
    prep.set_part("important", "at se mine børn.")
    Store(data_dir).save(prep)
    return prep


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    fake = FakeEngine(instant=True)
    monkeypatch.setattr(speech, "find_engine", lambda platform=None: fake)
    return fake


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_read_speaks_the_whole_sheet_and_waits_until_done(saved, engine, capsys) -> None:
    code, out, err = _run(capsys, "read", saved.id)
    assert (code, err) == (EXIT_OK, "")
    assert out == DA.text("speech.reading") + "\n"
    heard = " ".join(u.text for u in engine.spoken)
    assert heard == " ".join(c.text for c in speech.spoken_sheet(saved))
    assert "onsdag den 12. marts 2025" in heard
    assert all(u.ended.is_set() for u in engine.spoken)


def test_read_one_part_of_the_latest(saved, engine, capsys) -> None:
    code, _, _ = _run(capsys, "read", "--latest", "--part", "important")
    assert code == EXIT_OK
    assert [u.text for u in engine.spoken] == ["Det er vigtigt for mig at, se mine børn."]


def test_read_uses_the_persons_voice_and_speed(saved, engine, capsys, config_dir) -> None:
    settings.save(config_dir, settings.Settings(speech_speed=60, speech_voice="gmw/en"))
    assert _run(capsys, "read", saved.id)[0] == EXIT_OK
    assert {(u.speed, u.voice.id) for u in engine.spoken} == {(60, "gmq/da")}, (
        "an English voice chosen for English does not read a Danish sheet"
    )


def test_read_to_a_file_writes_a_wav_and_says_where(saved, engine, capsys, tmp_path) -> None:
    target = tmp_path / "ark.wav"
    code, out, err = _run(capsys, "read", saved.id, "-o", str(target))
    assert (code, err) == (EXIT_OK, "")
    with wave.open(str(target), "rb") as sound:
        seconds = round(sound.getnframes() / sound.getframerate())
    assert out.splitlines() == [
        DA.text("speech.saved", path=str(target)),
        DA.text("speech.length", min=seconds // 60, sec=seconds % 60),
    ]
    assert engine.spoken == [], "nothing was said aloud"
    code, out, _ = _run(capsys, "read", saved.id, "-o", str(target))
    assert (tmp_path / "ark (2).wav").is_file()
    assert DA.text("export.renamed") in out


def test_read_to_a_folder_names_the_file(saved, engine, capsys, tmp_path) -> None:
    code, _, _ = _run(capsys, "read", saved.id, "-o", str(tmp_path))
    assert code == EXIT_OK
    assert (tmp_path / "Møde om udskrivning 2025-03-12.wav").is_file()


def test_without_an_engine_one_sentence_says_what_to_install(saved, capsys, monkeypatch) -> None:
    monkeypatch.setattr(speech, "find_engine", lambda platform=None: None)
    code, out, err = _run(capsys, "read", saved.id)
    assert code == EXIT_FAILURE and out == ""
    assert err == DA.text(speech.install_key()) + "\n"


def test_a_failing_engine_is_one_sentence(saved, capsys, monkeypatch) -> None:
    fake = FakeEngine(instant=True, fail=True)
    monkeypatch.setattr(speech, "find_engine", lambda platform=None: fake)
    monkeypatch.delenv("PEERPREP_DEBUG")
    code, _, err = _run(capsys, "read", saved.id)
    assert (code, err) == (EXIT_FAILURE, DA.text("speech.errors.failed") + "\n")
    code, _, err = _run(capsys, "read", saved.id, "-o", "ark.wav")
    assert (code, err) == (EXIT_FAILURE, DA.text("speech.errors.failed") + "\n")
    assert not Path("ark.wav").exists()


def test_ctrl_c_stops_at_once(saved, capsys, monkeypatch) -> None:
    fake = FakeEngine()  # speaks until stopped
    monkeypatch.setattr(speech, "find_engine", lambda platform=None: fake)

    def interrupted(reader):  # the person presses Ctrl+C while it reads
        fake.wait_for(1)
        raise KeyboardInterrupt

    monkeypatch.setattr(read_command, "_wait", interrupted)
    code, out, _ = _run(capsys, "read", saved.id)
    assert code == EXIT_OK
    assert fake.spoken[0].stopped
    assert out.splitlines()[-1] == DA.text("speech.stopped")


def test_which_preparation_must_be_said(engine, capsys, monkeypatch) -> None:
    monkeypatch.delenv("PEERPREP_DEBUG")
    code, _, err = _run(capsys, "read")
    assert (code, err) == (EXIT_USAGE, DA.text("export.errors.which") + "\n")
    code, _, err = _run(capsys, "read", "no-such-id")
    assert code == EXIT_FAILURE and len(err.strip().splitlines()) == 1
    code, _, err = _run(capsys, "read", "x", "--part", "nope")
    assert code == EXIT_USAGE


def test_read_is_listed_in_the_help(capsys) -> None:
    code, out, _ = _run(capsys, "--help")
    assert code == EXIT_OK and "read" in out
    code, out, _ = _run(capsys, "--lang", "en", "read", "--help")
    assert code == EXIT_OK
    assert "--part PART" in out and "FILE.wav" in out
