"""The reader with a fake engine: what is sent, that it never blocks the caller, that stop,
a newer request and quitting silence it at once, and what it says when it cannot read."""

from __future__ import annotations

import threading
import time

import pytest

from peerprep.export.speech import (
    Chunk,
    Ending,
    Reader,
    SpeechError,
    SpeechOptions,
    install_key,
    spoken_part,
)
from peerprep.export.speech import reader as reader_module
from peerprep.words import catalogue

from .fake import VOICES, FakeEngine

DA = catalogue("da")
TIMEOUT = 5.0


def _ended(reader: Reader) -> Ending:
    ending = reader.wait(TIMEOUT)
    assert ending is not None, "the reading did not end"
    return ending


def test_read_returns_at_once_while_the_engine_is_still_speaking() -> None:
    engine = FakeEngine()  # each utterance lasts until the test ends it
    reader = Reader(engine)
    returned: list[bool] = []
    # The UI thread, where the person types, asks for reading...
    ui = threading.Thread(target=lambda: returned.append(reader.read([Chunk("Hej.", "da")])))
    ui.start()
    ui.join(TIMEOUT)
    # ...and is free again although the engine has not finished a word.
    assert not ui.is_alive() and returned == [True], "read() waited for the speech"
    utterance = engine.wait_for(1)
    assert not utterance.ended.is_set()
    assert reader.speaking
    utterance.finish()
    assert _ended(reader).status == "done"
    assert not reader.speaking
    reader.close()


def test_the_text_of_a_part_screen_is_what_is_sent() -> None:
    engine = FakeEngine(instant=True)
    reader = Reader(engine, SpeechOptions(speed=70))
    reader.read(spoken_part(DA, "important", {"examples"}))
    assert _ended(reader).status == "done"
    [sent] = engine.spoken
    assert sent.voice == VOICES[0] and sent.speed == 70
    assert sent.text.startswith("Del 2 af 4. Det er vigtigt for mig at. Skriv, hvad der")
    assert "Sådan skrev andre. Det er vigtigt for mig at komme i skole igen" in sent.text
    assert "Idéer" not in sent.text, "the prompts were not shown, so they are not read"
    assert "…" not in sent.text


def test_stop_silences_at_once_and_returns_at_once() -> None:
    engine = FakeEngine()
    ends: list[Ending] = []
    reader = Reader(engine, on_end=ends.append)
    reader.read([Chunk("Første afsnit.", "da"), Chunk("أريد أن أعود إلى عملي.", "ar")])
    first = engine.wait_for(1)
    reader.stop()
    assert first.stopped, "stop() ended the sound before it returned"
    assert _ended(reader).status == "stopped"
    assert len(engine.spoken) == 1, "nothing more is read after stop"
    assert [e.status for e in ends] == ["stopped"]
    reader.stop()  # stopping twice, or when nothing is read, is harmless
    reader.close()


def test_a_new_request_stops_the_old_one_first() -> None:
    engine = FakeEngine()
    ends: list[Ending] = []
    reader = Reader(engine, on_end=ends.append)
    reader.read([Chunk("Det gamle.", "da")])
    old = engine.wait_for(1)
    reader.read([Chunk("Det nye.", "da")])
    assert old.stopped, "the old words were silenced before the new ones were asked for"
    new = engine.wait_for(2)
    assert new.text == "Det nye." and not new.stopped
    assert reader.speaking
    new.finish()
    assert _ended(reader).status == "done"
    deadline = time.monotonic() + TIMEOUT
    while len(ends) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert sorted(e.status for e in ends) == ["done", "stopped"]
    reader.close()


def test_stop_while_the_engine_is_starting_still_silences_it() -> None:
    engine = FakeEngine()
    engine.speak_gate = threading.Event()  # the engine takes a while to start speaking
    reader = Reader(engine)
    reader.read([Chunk("Et.", "da"), Chunk("أريد.", "ar")])
    reader.stop()  # before the engine has said anything
    engine.speak_gate.set()
    assert _ended(reader).status == "stopped"
    assert all(u.stopped for u in engine.spoken), "what started after stop() was silenced"
    assert len(engine.spoken) <= 1


def test_close_stops_and_no_reading_starts_after_it() -> None:
    engine = FakeEngine()
    reader = Reader(engine)
    reader.read([Chunk("Hej.", "da")])
    utterance = engine.wait_for(1)
    reader.close()
    assert utterance.stopped
    assert not reader.speaking
    assert reader.read([Chunk("Igen.", "da")]) is False
    assert len(engine.spoken) == 1
    reader.close()  # twice is fine


def test_quitting_the_program_stops_a_reader_nobody_closed() -> None:
    engine = FakeEngine()
    reader = Reader(engine)
    reader.read([Chunk("Hej.", "da")])
    utterance = engine.wait_for(1)
    reader_module._close_all()  # what atexit runs when the interpreter ends
    assert utterance.stopped
    assert reader.read([Chunk("Igen.", "da")]) is False


def test_each_piece_is_read_by_a_voice_of_its_language() -> None:
    engine = FakeEngine(instant=True)
    reader = Reader(engine)
    reader.read([Chunk("Jeg hedder Ali.", "da"), Chunk("أريد أن أعود.", "ar")])
    assert _ended(reader).status == "done"
    assert [(u.text, u.voice and u.voice.id) for u in engine.spoken] == [
        ("Jeg hedder Ali.", "gmq/da"),
        ("أريد أن أعود.", "sem/ar"),
    ]


def test_without_a_voice_for_the_language_it_says_so_instead_of_spelling_it() -> None:
    engine = FakeEngine(voices=VOICES[:2], instant=True)  # no Arabic voice
    reader = Reader(engine)
    reader.read([Chunk("Jeg hedder Ali.", "da"), Chunk("أريد أن أعود.", "ar")])
    ending = _ended(reader)
    assert ending.status == "done"
    [spoken] = engine.spoken  # one voice, one turn
    assert spoken.voice == VOICES[0]
    assert spoken.text == "Jeg hedder Ali. Her står noget på arabisk. Det kan ikke læses op her."
    assert "أ" not in spoken.text
    assert [(n.key, dict(n.values)) for n in ending.notices] == [
        ("speech.no_voice_other", {"language": "arabisk"})
    ]


def test_the_chosen_voice_reads_its_language_and_the_speed_is_passed() -> None:
    voices = (*VOICES, VOICES[0].__class__("da-2", "Sara", ("da-dk",)))
    engine = FakeEngine(voices=voices, instant=True)
    reader = Reader(engine, SpeechOptions(voice="Sara", speed=65))
    reader.read([Chunk("Hej.", "da"), Chunk("Hello.", "en")])
    assert _ended(reader).status == "done"
    assert [(u.voice and u.voice.name, u.speed) for u in engine.spoken] == [
        ("Sara", 65),
        ("English (Great Britain)", 65),  # Sara speaks no English: the English voice does
    ]


def test_a_failing_engine_ends_in_a_catalogue_key() -> None:
    engine = FakeEngine(fail=True, instant=True)
    reader = Reader(engine)
    reader.read([Chunk("Hej.", "da")])
    ending = _ended(reader)
    assert ending.status == "failed"
    assert isinstance(ending.error, SpeechError)
    assert DA.has(ending.error.key)


def test_no_engine_is_no_error_and_names_what_to_install() -> None:
    reader = Reader(None)
    assert not reader.available
    assert reader.missing_key == install_key()
    assert DA.has(reader.missing_key)
    assert reader.read([Chunk("Hej.", "da")]) is False
    assert not reader.speaking
    reader.stop()
    reader.close()


def test_nothing_to_read_starts_nothing() -> None:
    engine = FakeEngine()
    reader = Reader(engine)
    assert reader.read([Chunk("  ", "da")]) is False
    assert engine.spoken == []
    assert reader.wait(0) is None


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_notice_and_error_key_of_the_reader_exists(language: str) -> None:
    cat = catalogue(language)
    for key in ("speech.no_voice", "speech.no_voice_other", "speech.not_read",
                "speech.errors.failed", "speech.errors.no_sound", "speech.errors.nothing",
                "speech.errors.choose_place"):  # fmt: skip
        assert cat.has(key), key
    for platform in ("linux", "darwin", "win32", "sunos5"):
        assert cat.has(install_key(platform))
