"""Reading aloud line by line: the word for read (`læs`) at any prompt reads where the person
is, the word again (or stop) stops it, lines typed while it speaks are taken as always,
and leaving the place, the privacy cover and the end of the program stop it. A fake
engine records what it is given and speaks until it is stopped."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest
from plain_driving import drive, saved

from peerprep.choices import PART_KEYS
from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.words import catalogue

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from speech.fake import FakeEngine

DA = catalogue("da")


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    """The computer's speech engine, as the program finds it: a fake that speaks until
    it is stopped."""
    from peerprep.export import speech

    fake = FakeEngine()
    monkeypatch.setattr(speech, "find_engine", lambda: fake)
    return fake


def _filled(data_dir: Path) -> Preparation:
    prep = Preparation.new("da")
    prep.title = "Mødet med Bente"
    prep.meeting.date = dt.date(2026, 12, 1)
    for key, words in zip(
        PART_KEYS,
        ("Jeg hedder Sam og maler", "komme i skole", "min søvn", "jeg kan læse igen"),
        strict=True,
    ):
        prep.set_part(key, words)
    prep.questions = ["Hvem ringer jeg til?"]
    Store(data_dir).save(prep)
    return prep


def test_the_word_for_read_is_announced_with_the_others(
    monkeypatch: pytest.MonkeyPatch, engine: FakeEngine
) -> None:
    code, out = drive(monkeypatch, ["stop"])
    assert code == 0
    assert "Skriv læs for at få teksten læst op. Skriv læs igen for at stoppe." in out
    assert engine.spoken == []


def test_a_part_is_read_as_the_full_screen_reads_it_and_typing_goes_on(
    monkeypatch: pytest.MonkeyPatch, engine: FakeEngine, data_dir: Path
) -> None:
    """`læs` on the first line of part 1 after asking for ideas reads where one is, the
    starter, what it is for and the ideas; the answer typed after it is saved while the
    words are still being read; leaving the part stops them."""
    from peerprep.plain.session import Session

    reading_when_saved: list[bool] = []
    changed = Session.changed

    def saving(self: Session) -> bool:
        reading_when_saved.append(bool(engine.spoken) and not engine.spoken[0].stopped)
        return changed(self)

    monkeypatch.setattr(Session, "changed", saving)
    script = ["1", "", "idéer", "læs", "Jeg hedder Sam.", "Og jeg maler.", "slut", "tilbage"]
    code, _ = drive(monkeypatch, [*script, "0", "stop"])
    assert code == 0
    part = DA.part("introduction")
    heard = engine.spoken[0].text
    order = [
        heard.index("Del 1 af 4."),
        heard.index(part.starter.rstrip(" …")),
        heard.index(part.about[0]),
        heard.index("Idéer. Spørgsmål, der kan hjælpe dig i gang."),
        heard.index(part.prompts[0]),
        heard.index("Du har ikke skrevet noget her endnu."),
    ]
    assert order == sorted(order), heard
    assert part.examples[0] not in heard  # not asked for, not read
    assert len(engine.spoken) == 1
    assert reading_when_saved[0] is True  # the answer was saved while it was read
    assert engine.spoken[0].stopped  # ... and leaving the part stopped it
    assert saved(data_dir)[0]["statement"]["introduction"] == "Jeg hedder Sam.\nOg jeg maler."


def test_read_again_stops_at_once(monkeypatch: pytest.MonkeyPatch, engine: FakeEngine) -> None:
    code, out = drive(monkeypatch, ["1", "", "læs", "læs", "", "tilbage", "0", "stop"])
    assert code == 0
    assert len(engine.spoken) == 1 and engine.spoken[0].stopped
    assert out.count(DA.text("speech.stopped_here")) == 1


def test_in_a_line_of_an_answer_the_word_is_text(
    monkeypatch: pytest.MonkeyPatch, engine: FakeEngine, data_dir: Path
) -> None:
    code, _ = drive(monkeypatch, ["1", "", "Jeg kan godt lide at", "læs", "slut", "tilbage"])
    assert code == 0
    assert engine.spoken == []
    assert saved(data_dir)[0]["statement"]["introduction"] == "Jeg kan godt lide at\nlæs"


def test_stop_while_reading_stops_the_reading_not_the_program(
    monkeypatch: pytest.MonkeyPatch, engine: FakeEngine
) -> None:
    """At home `læs` reads what was just said (the menu); `stop` then stops the reading,
    and the menu is asked again; `stop` once more stops the program."""
    code, out = drive(monkeypatch, ["læs", "stop", "stop"])
    assert code == 0
    heard = engine.spoken[0].text
    assert "Hvad vil du gøre?" in heard and "Begynd på en ny forberedelse" in heard
    assert engine.spoken[0].stopped
    after = out[out.index(DA.text("speech.stopped_here")) :]
    assert "Dit valg:" in after  # asked again, not ended
    assert out.count(DA.text("plain.goodbye_nothing")) == 1


def test_answering_a_menu_stops_the_reading_of_it(
    monkeypatch: pytest.MonkeyPatch, engine: FakeEngine
) -> None:
    code, out = drive(monkeypatch, ["læs", "5", "stop"])  # 5: what is a personal statement
    assert code == 0
    assert engine.spoken[0].stopped
    assert DA.text("speech.stopped_here") not in out  # stopped by leaving, nothing to say


def test_after_read_it_all_the_word_reads_the_whole_sheet(
    monkeypatch: pytest.MonkeyPatch, engine: FakeEngine, data_dir: Path
) -> None:
    _filled(data_dir)
    # open the only one (2, 1), read it all (8), read it aloud, back, home, stop
    code, _ = drive(monkeypatch, ["2", "1", "8", "læs", "0", "0", "stop"])
    assert code == 0
    heard = engine.spoken[0].text
    said = [
        "Mit personlige statement.",
        "Mødet med Bente.",
        "Dato: tirsdag den 1. december",
        "Sådan vil jeg introducere mig selv. Jeg hedder Sam og maler.",
        "Det er vigtigt for mig at, komme i skole.",
        "så jeg kan, læse igen.",  # "jeg kan læse igen." as written: said once
        "Mine spørgsmål til mødet. Spørgsmål 1: Hvem ringer jeg til?",
        "Forberedt",
    ]
    places = [heard.index(piece) for piece in said]
    assert places == sorted(places), heard
    assert engine.spoken[0].stopped  # leaving the review stopped it


def test_the_faces_send_the_same_words(
    monkeypatch: pytest.MonkeyPatch, engine: FakeEngine, data_dir: Path
) -> None:
    """The review and a part are heard alike from line-by-line mode and the full screen:
    both faces take their words from flow.spoken_screens."""
    from peerprep.flow.spoken_screens import part_screen, sheet

    prep = _filled(data_dir)
    drive(monkeypatch, ["2", "1", "8", "læs", "0", "0", "stop"])
    assert engine.spoken[0].text == " ".join(c.text for c in sheet(prep))
    # part 1 (3), add to it (3), show the examples, read aloud, keep it as it was
    drive(monkeypatch, ["2", "1", "3", "3", "eksempler", "læs", "", "0", "0", "stop"])
    expected = part_screen(DA, Store(data_dir).load(prep.id), "introduction", {"examples"})
    assert engine.spoken[1].text == " ".join(c.text for c in expected)


def test_no_engine_says_what_to_install_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from peerprep.export import speech

    monkeypatch.setattr(speech, "find_engine", lambda: None)
    code, out = drive(monkeypatch, ["læs", "læs", "stop"])
    assert code == 0
    assert out.count(DA.text("speech.install.linux")) == 1
    assert out.count(DA.text("speech.missing_again")) == 1


def test_turned_off_it_says_so(
    monkeypatch: pytest.MonkeyPatch, engine: FakeEngine, config_dir: Path
) -> None:
    from peerprep import settings

    settings.save(config_dir, settings.Settings(read_aloud=False))
    code, out = drive(monkeypatch, ["læs", "stop"])
    assert code == 0
    assert DA.text("speech.off") in out and engine.spoken == []


def test_an_engine_that_cannot_play_is_said_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from peerprep.export import speech

    monkeypatch.setattr(speech, "find_engine", lambda: FakeEngine(fail=True, instant=True))
    code, out = drive(monkeypatch, ["læs", "stop"])
    assert code == 0
    said = out.index(DA.text("speech.errors.failed"))
    assert said < out.rindex("Dit valg:")  # before the menu is asked again


def test_the_end_of_the_program_stops_it(
    monkeypatch: pytest.MonkeyPatch, engine: FakeEngine
) -> None:
    code, _ = drive(monkeypatch, ["1", "", "læs"])  # the input ends while it reads
    assert code == 0
    assert engine.spoken[0].stopped


def test_the_privacy_cover_stops_it(monkeypatch: pytest.MonkeyPatch, engine: FakeEngine) -> None:
    """On a shared computer the cover comes up while the program waits: the words being
    read stop with it."""
    from peerprep.flow.context import Context
    from peerprep.plain import console_for
    from peerprep.plain.speaking import Speaking

    context = Context(language="da", data_dir=Path("unused"), config_dir=Path("unused"))
    console = console_for(context, io.BytesIO(), io.BytesIO())
    speaking = Speaking(context, console)
    console.aloud = speaking
    console.say("Maja tegner æbler")
    assert speaking.heard("læs")
    assert not engine.spoken[0].stopped
    console.cover_screen()
    assert engine.spoken[0].stopped
    speaking.close()


def test_erasing_a_shared_session_stops_it(
    monkeypatch: pytest.MonkeyPatch, engine: FakeEngine, tmp_path: Path
) -> None:
    """The erase minutes of a shared computer pass while words are read: they stop, and
    the session is forgotten."""
    from peerprep.flow.context import Context
    from peerprep.flow.spoken_screens import part_screen
    from peerprep.plain import console_for
    from peerprep.plain.session import Session
    from peerprep.plain.speaking import Speaking

    context = Context(
        language="da", data_dir=tmp_path / "data", config_dir=tmp_path / "config",
        shared_flag=True,
    )  # fmt: skip
    console = console_for(context, io.BytesIO(), io.BytesIO())
    session = Session(console=console, context=context)
    speaking = Speaking(context, console)
    session.speaking = console.aloud = speaking
    session.editing.new("da")
    session.current.set_part("introduction", "Maja tegner æbler")
    with session.about(lambda: part_screen(DA, session.current, "introduction")):
        assert speaking.heard("læs")
        assert "Maja tegner æbler" in engine.spoken[0].text
        assert not engine.spoken[0].stopped
        session.erase()
        assert engine.spoken[0].stopped
    speaking.close()


def test_the_export_menu_saves_the_sheet_as_sound(
    monkeypatch: pytest.MonkeyPatch, engine: FakeEngine, data_dir: Path, tmp_path: Path
) -> None:
    from peerprep.export import printing

    monkeypatch.setattr(printing, "_known", printing.PrinterStatus("ready"))  # print is 5
    _filled(data_dir)
    # open it, save the sheet (9), as sound (6, after print), in the usual folder (1),
    # back, home, stop
    code, out = drive(monkeypatch, ["2", "1", "9", "6", "1", "0", "0", "stop"])
    assert code == 0
    written = list((tmp_path / "exports").glob("*.wav"))
    assert len(written) == 1 and written[0].read_bytes()[:4] == b"RIFF"
    assert DA.text("speech.saved", path=str(written[0])) in out
    assert any("Hvem ringer jeg til?" in text for text, _v, _s in engine.rendered)
