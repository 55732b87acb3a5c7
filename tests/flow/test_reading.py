"""Reading aloud, decided once for both faces (flow.reading, flow.spoken_screens,
flow.sound_file): offered or not, what to install said once, a new request stopping the
old, what is read on each screen, and the sound file's place on a shared computer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from speech.fake import FakeEngine

from peerprep.choices import PART_KEYS
from peerprep.export.speech import Chunk, Ending, SpeechError
from peerprep.export.speech.voicing import Notice
from peerprep.flow import spoken_screens
from peerprep.flow.reading import ReadingAloud, speech_options
from peerprep.flow.said import Said
from peerprep.flow.sound_file import take_along_as_sound
from peerprep.flow.taking_along import TakenAlong
from peerprep.model import Preparation
from peerprep.settings import Settings
from peerprep.words import catalogue

DA = catalogue("da")
EN = catalogue("en")
SAY = [Chunk("Hej med dig.", "da")]


def _prep() -> Preparation:
    prep = Preparation.new("da")
    prep.title = "Mødet med Bente"
    prep.meeting.date = dt.date(2026, 12, 1)
    prep.meeting.place = "Afsnit P3"
    for key, words in zip(PART_KEYS, ("Jeg maler", "ro", "søvn", "sove"), strict=True):
        prep.set_part(key, words)
    prep.questions = ["Hvem ringer jeg til?", "  ", "Hvornår ses vi?"]
    prep.after_meeting.agreed = "Vi ses om en uge."
    return prep


# --- the reader of a run ---------------------------------------------------------------------


def test_the_voice_and_speed_are_the_persons() -> None:
    options = speech_options(Settings(speech_voice="gmq/da", speech_speed=60))
    assert (options.voice, options.speed) == ("gmq/da", 60)
    assert speech_options(Settings()).speed == 80  # slower than normal unless changed


def test_the_engine_is_looked_for_once_and_only_when_asked() -> None:
    looked: list[int] = []
    engine = FakeEngine()

    def find() -> FakeEngine:
        looked.append(1)
        return engine

    aloud = ReadingAloud(find_engine=find)
    assert looked == []  # made, not looked for
    aloud.read(SAY, Settings())
    aloud.read(SAY, Settings())
    assert looked == [1]
    aloud.close()


def test_without_an_engine_what_to_install_is_said_once_then_shortly() -> None:
    aloud = ReadingAloud(find_engine=lambda: None)
    first = aloud.read(SAY, Settings())
    second = aloud.read(SAY, Settings())
    assert not first.started and first.said is not None
    assert first.said.key.startswith("speech.install.")
    assert second.said == Said("speech.missing_again")


def test_turned_off_nothing_is_read_and_it_is_said() -> None:
    engine = FakeEngine()
    aloud = ReadingAloud(find_engine=lambda: engine)
    asked = aloud.read(SAY, Settings(read_aloud=False))
    assert asked == type(asked)(started=False, said=Said("speech.off"))
    assert engine.spoken == []


def test_nothing_to_read_is_said() -> None:
    aloud = ReadingAloud(find_engine=FakeEngine)
    assert aloud.read([], Settings()).said == Said("speech.nothing_here")


def test_the_key_again_stops_and_a_new_request_stops_the_old() -> None:
    engine = FakeEngine()
    aloud = ReadingAloud(find_engine=lambda: engine)
    assert aloud.read(SAY, Settings()).started
    first = engine.wait_for(1)
    assert aloud.speaking
    asked = aloud.toggle(lambda: pytest.fail("not asked: it stops"), Settings())
    assert asked.stopped and not asked.started
    assert first.stopped and not aloud.speaking  # at once, not when the thread is done
    aloud.toggle(lambda: SAY, Settings())
    second = engine.wait_for(2)
    aloud.read([Chunk("Noget andet.", "da")], Settings())
    assert second.stopped and engine.wait_for(3).text == "Noget andet."
    aloud.close()


def test_the_settings_hold_from_the_next_reading() -> None:
    engine = FakeEngine()
    aloud = ReadingAloud(find_engine=lambda: engine)
    aloud.read(SAY, Settings(speech_speed=60))
    assert engine.wait_for(1).speed == 60
    aloud.read(SAY, Settings(speech_speed=150))
    assert engine.wait_for(2).speed == 150
    aloud.close()


def test_closed_no_reading_starts_and_no_ending_is_passed_on() -> None:
    engine = FakeEngine()
    endings: list[Ending] = []
    aloud = ReadingAloud(find_engine=lambda: engine, on_end=endings.append)
    aloud.read(SAY, Settings())
    spoken = engine.wait_for(1)
    aloud.close()
    assert spoken.stopped
    assert not aloud.read(SAY, Settings()).started
    assert endings == [] and len(engine.spoken) == 1


def test_what_an_ending_says_a_failure_each_time_a_notice_once() -> None:
    aloud = ReadingAloud(find_engine=FakeEngine)
    notice = Notice("speech.no_voice_other", {"language": "arabisk"})
    failed = Ending("failed", SpeechError("speech.errors.no_sound"), (notice,))
    assert aloud.ended(failed) == [
        Said("speech.errors.no_sound"),
        Said("speech.no_voice_other", {"language": "arabisk"}),
    ]
    assert aloud.ended(failed) == [Said("speech.errors.no_sound")]
    assert aloud.ended(Ending("stopped")) == []


# --- what is read where ----------------------------------------------------------------------


def _text(chunks: list[Chunk]) -> str:
    return " ".join(chunk.text for chunk in chunks)


def test_a_part_reads_the_help_shown_then_the_persons_words() -> None:
    prep = _prep()
    part = DA.part("important")
    heard = _text(spoken_screens.part_screen(DA, prep, "important", {"examples", "prompts"}))
    assert heard.startswith("Del 2 af 4. Det er vigtigt for mig at.")
    order = [heard.index(t) for t in (part.about[0], part.prompts[0], part.examples[0],
                                      "Det har du skrevet: ro.")]  # fmt: skip
    assert order == sorted(order)
    assert part.peer[0] not in heard


def test_marked_words_are_read_alone_in_the_persons_language() -> None:
    prep = _prep()
    chunks = spoken_screens.part_screen(EN, prep, "introduction", selection="Jeg maler")
    assert chunks == [Chunk("Jeg maler.", "da")]


def test_a_new_preparation_not_made_yet_reads_as_empty() -> None:
    heard = _text(spoken_screens.part_screen(DA, None, "so_that"))
    assert heard.startswith("Del 4 af 4.") and heard.endswith(DA.text("speech.answer_empty"))


def test_the_meeting_questions_and_notes() -> None:
    prep = _prep()
    meeting = _text(spoken_screens.meeting_screen(DA, prep, today=dt.date(2026, 11, 30)))
    assert meeting == "Om mødet. Møde: Andet møde. Dato: tirsdag den 1. december. Sted: Afsnit P3."
    empty = _text(spoken_screens.meeting_screen(DA, Preparation.new("da")))
    assert empty == "Om mødet. Du har ikke skrevet noget om mødet endnu."
    questions = _text(spoken_screens.questions_screen(DA, prep))
    assert questions == (
        "Mine spørgsmål til mødet. Spørgsmål 1: Hvem ringer jeg til? Spørgsmål 2: Hvornår ses vi?"
    )
    after = _text(spoken_screens.after_screen(DA, prep))
    assert after == (
        "Noter fra mødet. Det aftalte vi: Vi ses om en uge. "
        "Næste skridt: Du har ikke skrevet noget her endnu."
    )


def test_the_chosen_row_on_home() -> None:
    prep = _prep()
    heard = _text(spoken_screens.chosen_row(DA, prep, today=dt.date(2026, 11, 30)))
    assert heard.startswith("Mødet med Bente. Andet møde, tirsdag den 1. december.")
    assert "Du har skrevet 4 af 4 dele." in heard and heard.endswith("Jeg maler.")


def test_the_review_is_the_sheet_in_its_own_language() -> None:
    prep = _prep()
    heard = _text(spoken_screens.sheet(prep, today=dt.date(2026, 11, 30)))
    assert heard.startswith("Mit personlige statement. Mødet med Bente.")
    assert "Det aftalte vi: Vi ses om en uge." in heard


# --- the sheet as sound ----------------------------------------------------------------------


def test_a_sound_file_where_the_person_chose(tmp_path: Path) -> None:
    engine = FakeEngine()
    record = TakenAlong()
    prep = _prep()
    taken = take_along_as_sound(record, prep, tmp_path, Settings(), find_engine=lambda: engine)
    assert taken.path is not None and taken.path.parent == tmp_path
    assert taken.path.read_bytes()[:4] == b"RIFF"
    assert [s.key for s in taken.said] == ["speech.saved", "speech.length"]
    assert record.untaken([prep]) == []  # the person's own computer: it went along
    again = take_along_as_sound(record, prep, tmp_path, Settings(), find_engine=lambda: engine)
    assert again.path != taken.path and "export.renamed" in [s.key for s in again.said]
    assert taken.path.read_bytes()[:4] == b"RIFF"  # the first is still there, whole


def test_on_a_personal_computer_the_usual_folder(tmp_path: Path) -> None:
    taken = take_along_as_sound(TakenAlong(), _prep(), None, Settings(), find_engine=FakeEngine)
    assert taken.path is not None and taken.path.parent == tmp_path / "exports"


def test_on_a_shared_computer_no_file_without_a_chosen_place(tmp_path: Path) -> None:
    looked: list[int] = []

    def find() -> FakeEngine:
        looked.append(1)
        return FakeEngine()

    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(SpeechError) as raised:
        take_along_as_sound(TakenAlong(shared=True), _prep(), None, Settings(), find_engine=find)
    assert raised.value.key == "speech.errors.choose_place"
    assert looked == [] and sorted(tmp_path.rglob("*")) == before


def test_on_a_shared_computer_a_file_left_on_it_is_said_to_stay(tmp_path: Path) -> None:
    record = TakenAlong(shared=True)
    prep = _prep()
    taken = take_along_as_sound(record, prep, tmp_path, Settings(), find_engine=FakeEngine)
    assert taken.said[-1].key == "export.stays_here"
    assert record.untaken([prep]) == [prep]  # it stays on this computer: not taken along


def test_on_a_usb_stick_it_counts_as_taken_along(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerprep import drives

    monkeypatch.setattr(drives, "on_removable_drive", lambda path: True)
    record = TakenAlong(shared=True)
    prep = _prep()
    take_along_as_sound(record, prep, tmp_path, Settings(), find_engine=FakeEngine)
    assert record.untaken([prep]) == []


def test_no_engine_says_what_to_install(tmp_path: Path) -> None:
    with pytest.raises(SpeechError) as raised:
        take_along_as_sound(TakenAlong(), _prep(), tmp_path, Settings(), find_engine=lambda: None)
    assert raised.value.key.startswith("speech.install.")
    assert list(tmp_path.iterdir()) == []
