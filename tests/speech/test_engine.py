"""The engines: finding one, choosing voices, speed, the command lines of the three
platforms, and a child process that is stopped at once and given its text on stdin."""

from __future__ import annotations

import struct
import sys
import textwrap
import time
from pathlib import Path

import pytest

from peerprep.export.speech import (
    DEFAULT_SPEED,
    SpeechError,
    SpeechOptions,
    Voice,
    choose_voice,
    find_engine,
    install_key,
)
from peerprep.export.speech.engine import sapi_rate, words_per_minute
from peerprep.export.speech.platforms import (
    EspeakEngine,
    ProcessUtterance,
    SapiEngine,
    SayEngine,
    parse_espeak_voices,
    parse_sapi_voices,
    parse_say_voices,
    parse_wav,
)
from peerprep.settings import Settings

ESPEAK_VOICES = """\
Pty Language       Age/Gender VoiceName          File                 Other Languages
 5  af              --/M      Afrikaans          gmw/af
 5  ar              --/M      Arabic             sem/ar
 5  da              --/M      Danish             gmq/da
 2  en-gb           --/M      English_(Great_Britain) gmw/en
 5  en-us           --/M      English_(America)  gmw/en-US
"""
SAY_VOICES = """\
Alex                en_US    # Most people recognize me by my voice.
Daniel              en_GB    # Hello, my name is Daniel.
Majed               ar_001   # مرحبًا! اسمي ماجد.
Sara                da_DK    # Hej! Jeg hedder Sara.
Eddy (English (UK)) en_GB    # Hello! My name is Eddy.
"""
SAPI_VOICES = "Microsoft Helle Desktop\tda-DK\r\nMicrosoft Hazel Desktop\ten-GB\r\n"


def test_voices_of_each_engine_are_understood() -> None:
    espeak = parse_espeak_voices(ESPEAK_VOICES)
    assert Voice("gmq/da", "Danish", ("da",)) in espeak
    assert Voice("gmw/en", "English (Great Britain)", ("en-gb",)) in espeak
    say = parse_say_voices(SAY_VOICES)
    assert Voice("Sara", "Sara", ("da-dk",)) in say
    assert Voice("Eddy (English (UK))", "Eddy (English (UK))", ("en-gb",)) in say
    sapi = parse_sapi_voices(SAPI_VOICES)
    assert sapi == (
        Voice("Microsoft Helle Desktop", "Microsoft Helle Desktop", ("da-dk",)),
        Voice("Microsoft Hazel Desktop", "Microsoft Hazel Desktop", ("en-gb",)),
    )


def test_the_voice_of_the_language_is_chosen() -> None:
    espeak = parse_espeak_voices(ESPEAK_VOICES)
    assert choose_voice(espeak, "da").id == "gmq/da"
    assert choose_voice(espeak, "en").id == "gmw/en", "British English in Denmark"
    assert choose_voice(espeak, "ar").id == "sem/ar"
    assert choose_voice(espeak, "he") is None
    say = parse_say_voices(SAY_VOICES)
    assert choose_voice(say, "da").name == "Sara"
    assert choose_voice(say, "ar").name == "Majed"
    assert choose_voice(parse_sapi_voices(SAPI_VOICES), "da").name == "Microsoft Helle Desktop"


def test_the_chosen_voice_wins_for_its_language_only() -> None:
    say = parse_say_voices(SAY_VOICES)
    assert choose_voice(say, "en", "Eddy (English (UK))").name == "Eddy (English (UK))"
    assert choose_voice(say, "da", "Eddy (English (UK))").name == "Sara"
    assert choose_voice(say, "da", "no such voice").name == "Sara"
    only_english = parse_sapi_voices("Microsoft Hazel Desktop\ten-GB\n")
    # No Danish voice at all: the voice the person chose is better than none.
    assert choose_voice(only_english, "da", "Microsoft Hazel Desktop") is not None
    assert choose_voice(only_english, "da") is None


def test_speed_is_slower_than_normal_by_default_and_kept_in_bounds() -> None:
    assert DEFAULT_SPEED < 100
    assert Settings().speech_speed == DEFAULT_SPEED, "settings and speech agree"
    assert words_per_minute(DEFAULT_SPEED) == 140 < 175
    assert SpeechOptions(speed=10).speed == 50 and SpeechOptions(speed=900).speed == 200
    assert sapi_rate(100) == 0
    assert sapi_rate(80) == -2
    assert sapi_rate(300) == 10 and sapi_rate(50) == -6


@pytest.mark.parametrize(
    ("platform", "key"),
    [("linux", "speech.install.linux"), ("darwin", "speech.install.macos"),
     ("win32", "speech.install.windows"), ("freebsd14", "speech.install.other")],
)  # fmt: skip
def test_what_to_install_is_named_per_platform(platform: str, key: str) -> None:
    assert install_key(platform) == key


def test_no_engine_on_a_computer_without_one(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_engine("linux") is None


def test_espeak_is_found_on_the_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    program = tmp_path / "espeak-ng"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    engine = find_engine("linux")
    assert isinstance(engine, EspeakEngine) and engine.program == str(program)


def test_the_command_lines_carry_voice_and_speed_but_never_the_text() -> None:
    danish = Voice("gmq/da", "Danish", ("da",))
    espeak = EspeakEngine("espeak-ng")
    assert espeak._command(danish, 80) == ["espeak-ng", "-s", "140", "-v", "gmq/da", "--stdin"]
    say = SayEngine()
    assert say._command(Voice("Sara", "Sara", ("da-dk",)), 80) == [
        "/usr/bin/say", "-r", "140", "-v", "Sara",
    ]  # fmt: skip
    sapi = SapiEngine("powershell.exe")
    script = sapi._setup(Voice("O'Brien", "O'Brien", ("en-ie",)), 80)
    assert "$s.SelectVoice('O''Brien')" in script and "$s.Rate = -2" in script
    assert "UTF8" in script


def _child(code: str) -> list[str]:
    return [sys.executable, "-c", textwrap.dedent(code)]


def test_a_child_gets_its_text_on_stdin_in_utf8() -> None:
    speaking = ProcessUtterance(
        _child("import sys; sys.exit(0 if sys.stdin.buffer.read().decode() == 'Hej Åse' else 3)"),
        "Hej Åse",
    )
    speaking.wait()  # raises if the child did not get the words


def test_a_child_that_fails_is_a_speech_error() -> None:
    speaking = ProcessUtterance(_child("import sys; sys.stderr.write('no voice'); sys.exit(1)"), "")
    with pytest.raises(SpeechError) as caught:
        speaking.wait()
    assert caught.value.key == "speech.errors.failed"


def test_stopping_a_child_ends_it_at_once() -> None:
    speaking = ProcessUtterance(_child("import sys, time; sys.stdin.read(); time.sleep(60)"), "Hej")
    start = time.monotonic()
    speaking.stop()
    speaking.wait()  # no error: it was stopped on purpose
    assert time.monotonic() - start < 30, "the child was killed, not waited for"
    speaking.stop()


def test_a_sound_card_that_is_not_there_is_said() -> None:
    import re

    speaking = ProcessUtterance(
        _child("import sys; sys.stdin.read(); sys.stderr.write('error: No such file\\n')"),
        "Hej",
        re.compile(rb"(?m)^error: "),
    )
    with pytest.raises(SpeechError) as caught:
        speaking.wait()
    assert caught.value.key == "speech.errors.no_sound"


def _wav(frames: bytes, *, lengths: int = 0x7FFFF000) -> bytes:
    fmt = struct.pack("<HHIIHH", 1, 1, 22050, 44100, 2, 16)
    return (
        b"RIFF" + struct.pack("<I", lengths) + b"WAVE"
        + b"fmt " + struct.pack("<I", len(fmt)) + fmt
        + b"data" + struct.pack("<I", lengths) + frames
    )  # fmt: skip


def test_a_wav_stream_without_true_lengths_is_read_to_its_end() -> None:
    audio = parse_wav(_wav(b"\x01\x00\x02\x00\x03"))
    assert audio.frames == b"\x01\x00\x02\x00" and audio.rate == 22050
    with pytest.raises(SpeechError):
        parse_wav(b"not a wav at all")
