"""Reading aloud in the full screen, with a fake speech engine that records what it is given
and speaks until the test lets it finish: Ctrl+R reads what is on the screen in front,
Ctrl+R again or Escape stops at once, typing goes on while it speaks, and leaving the
screen, the privacy cover and quitting stop it."""

from __future__ import annotations

import datetime as dt

import pytest
from speech.fake import FakeEngine, FakeUtterance
from textual.widgets import Button, Footer, Select, TextArea

from peerprep.choices import PART_KEYS
from peerprep.export.speech import Chunk
from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.tui.app import PeerprepApp
from peerprep.tui.screens.after_meeting import AfterMeetingScreen
from peerprep.tui.screens.help import HelpScreen
from peerprep.tui.screens.home import HomeScreen
from peerprep.tui.screens.meeting import MeetingScreen
from peerprep.tui.screens.questions import QuestionsScreen
from peerprep.tui.screens.review import ReviewScreen
from peerprep.tui.screens.settings import SettingsScreen
from peerprep.tui.screens.step import StepScreen
from peerprep.words import catalogue

from .helpers import SIZE, screen_text, settle, static_text

DA = catalogue("da")
EN = catalogue("en")


def _with_engine(app: PeerprepApp, engine: FakeEngine | None) -> PeerprepApp:
    app.find_speech_engine = lambda: engine
    return app


async def _heard(pilot, engine: FakeEngine, count: int = 1) -> FakeUtterance:
    """The `count`-th thing the engine was asked to say, once it has started."""
    for _ in range(200):
        if len(engine.spoken) >= count:
            return engine.spoken[count - 1]
        await pilot.pause(0.01)
    raise AssertionError(f"the engine was asked {len(engine.spoken)} times, not {count}")


async def _until(pilot, condition) -> None:
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("it did not happen")


def _footer(app: PeerprepApp) -> dict[str, str]:
    keys = app.screen.query_one(Footer).query("FooterKey")
    return {k.key_display: k.description for k in keys}


def _words() -> list[Chunk]:
    """Something to read, after the program has ended."""
    from peerprep.flow.spoken_screens import program_text

    return program_text(DA, ["Er der nogen?"])


def _notes(app: PeerprepApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _filled(store: Store) -> Preparation:
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
    store.save(prep)
    return prep


# --- what is read ------------------------------------------------------------------------


async def test_ctrl_r_reads_the_part_as_shown_then_the_persons_words(make_app) -> None:
    engine = FakeEngine()
    app = _with_engine(make_app("new"), engine)
    part = DA.part("introduction")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Jeg hedder Sam")
        await pilot.press("f3")  # the examples are shown; the ideas are not
        await pilot.pause()
        await pilot.press("ctrl+r")
        heard = (await _heard(pilot, engine)).text
    order = [
        heard.index("Del 1 af 4."),
        heard.index(part.starter.rstrip(" …")),
        heard.index(part.about[0]),
        heard.index("Sådan skrev andre."),
        heard.index(part.examples[0]),
        heard.index(part.examples[-1]),
        heard.index("Det har du skrevet: Jeg hedder Sam."),
    ]
    assert order == sorted(order), heard
    assert part.prompts[0] not in heard  # not shown, not read
    assert "…" not in heard and "F3" not in heard


async def test_a_part_with_no_help_open_is_read_word_for_word(make_app) -> None:
    engine = FakeEngine()
    app = _with_engine(make_app("new"), engine)
    part = DA.part("introduction")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Jeg hedder Sam")
        await pilot.press("ctrl+r")
        spoken = await _heard(pilot, engine)
    assert spoken.text == (
        f"Del 1 af 4. {part.starter}. {' '.join(part.about)} Det har du skrevet: Jeg hedder Sam."
    )
    assert spoken.voice is not None and spoken.voice.languages == ("da",)
    assert spoken.speed == 80  # slower than the voice's normal, as the settings start


async def test_only_the_marked_words_are_read_when_some_are_marked(make_app) -> None:
    engine = FakeEngine()
    app = _with_engine(make_app("new"), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Jeg maler. Jeg synger")
        await pilot.press(*["shift+left"] * len("Jeg synger"))
        await pilot.press("ctrl+r")
        assert (await _heard(pilot, engine)).text == "Jeg synger."


async def test_the_review_reads_the_whole_sheet_in_its_order(make_app, store: Store) -> None:
    engine = FakeEngine()
    prep = _filled(store)
    app = _with_engine(make_app("open", prep.id), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert _footer(app).get("Ctrl+R") == "Læs op"
        await pilot.press("ctrl+r")
        heard = (await _heard(pilot, engine)).text
    said = [
        "Mit personlige statement.",
        "Mødet med Bente.",
        "tirsdag den 1. december",
        "Sådan vil jeg introducere mig selv. Jeg hedder Sam og maler.",
        "Det er vigtigt for mig at, komme i skole.",
        "Jeg vil gerne have hjælp til, min søvn.",
        "så jeg kan, læse igen.",  # "jeg kan læse igen." as written: said once
        "Mine spørgsmål til mødet. Spørgsmål 1: Hvem ringer jeg til?",
        "Forberedt",
    ]
    places = [heard.index(piece) for piece in said]
    assert places == sorted(places), heard


@pytest.mark.parametrize(
    ("keys", "room", "said"),
    [
        (("escape",), MeetingScreen, ["Om mødet.", "Dato: tirsdag den 1. december."]),
        (("f6",) * 4, QuestionsScreen, ["Mine spørgsmål til mødet.", "Hvem ringer jeg til?"]),
        (("f4",), AfterMeetingScreen, ["Noter fra mødet.", "Det aftalte vi:"]),
        (("f1",), HelpScreen, [DA.text("tui.help.topic.step")[:40]]),
        (("f9",), SettingsScreen, [DA.text("speech.sample")]),
    ],
    ids=["meeting", "questions", "after", "help", "settings"],
)
async def test_each_room_reads_what_it_shows(
    make_app, store: Store, keys: tuple[str, ...], room: type, said: list[str]
) -> None:
    engine = FakeEngine()
    prep = _filled(store)
    prep.statement.help_with = ""  # opens on part 3
    store.save(prep)
    app = _with_engine(make_app("open", prep.id), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.go_to("introduction")  # from part 1: back is the meeting, on is part 2
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert isinstance(app.screen, room)
        await pilot.press("ctrl+r")
        heard = (await _heard(pilot, engine)).text
    for piece in said:
        assert piece in heard, (piece, heard)


async def test_a_dialog_reads_what_it_says_and_again_stops(make_app) -> None:
    engine = FakeEngine()
    app = _with_engine(make_app(welcomed=False), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")  # the welcome, the first thing a newcomer meets
        welcome = await _heard(pilot, engine)
        assert welcome.text.startswith(f"{DA.text('tui.welcome.title')}. ")
        assert DA.text("tui.welcome.what") in welcome.text
        await pilot.pause()
        await pilot.press("ctrl+r")  # again: stop
        await pilot.pause()
        assert welcome.stopped and len(engine.spoken) == 1
        await pilot.press("ctrl+r")
        again = await _heard(pilot, engine, 2)
        await pilot.press("escape")  # Escape stops; the dialog stays
        await pilot.pause()
        assert again.stopped and app.screen.__class__.__name__ == "WelcomeDialog"
        await _until(pilot, lambda: not app.speaking)
        await pilot.press("escape")  # and now closes it, as always
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_home_reads_the_chosen_preparation(make_app, store: Store) -> None:
    engine = FakeEngine()
    _filled(store)
    app = _with_engine(make_app(), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+r")
        heard = (await _heard(pilot, engine)).text
    assert heard.startswith("Mødet med Bente.")
    assert "Du har skrevet 4 af 4 dele." in heard and "Jeg hedder Sam og maler" in heard


async def test_the_screen_is_read_in_its_language(make_app) -> None:
    engine = FakeEngine()
    app = _with_engine(make_app("new", language="en"), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        spoken = await _heard(pilot, engine)
    assert spoken.text.startswith("Part 1 of 4.")
    assert spoken.voice is not None and spoken.voice.languages == ("en-gb",)


# --- stopping, and never in the way ------------------------------------------------------


async def test_ctrl_r_again_stops_at_once_and_the_button_says_so(make_app) -> None:
    engine = FakeEngine()
    app = _with_engine(make_app("new"), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        button = app.screen.query_one("#read-aloud", Button)
        assert str(button.label) == "Læs op (Ctrl+R)"
        await pilot.press("ctrl+r")
        spoken = await _heard(pilot, engine)
        await pilot.pause()
        assert str(button.label) == "Stop (Ctrl+R)"
        assert _footer(app).get("Esc") == "Stop lyden"
        bottom = screen_text(app).rstrip("\n").split("\n")[-1]
        assert bottom.startswith("F1 Hjælp") and "Esc Stop lyden" in bottom, bottom
        await pilot.press("ctrl+r")
        assert spoken.stopped
        await _until(pilot, lambda: not app.speaking)
        assert str(button.label) == "Læs op (Ctrl+R)"
        assert _footer(app).get("Esc") == "Tilbage"
        assert isinstance(app.screen, StepScreen)


async def test_the_read_button_reads_and_again_stops(make_app) -> None:
    engine = FakeEngine()
    app = _with_engine(make_app("new"), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Sam")
        await pilot.click("#read-aloud")
        spoken = await _heard(pilot, engine)
        assert "Det har du skrevet: Sam." in spoken.text
        await pilot.pause()
        await pilot.click("#read-aloud")
        await pilot.pause()
        assert spoken.stopped and len(engine.spoken) == 1
        await pilot.press(*" og Kim")  # back in the answer, where the person writes
        assert app.session.prep.statement.introduction == "Sam og Kim"


async def test_escape_stops_reading_and_only_then_goes_back(make_app) -> None:
    engine = FakeEngine()
    app = _with_engine(make_app("new"), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        spoken = await _heard(pilot, engine)
        await pilot.press("escape")
        await pilot.pause()
        assert spoken.stopped
        assert isinstance(app.screen, StepScreen)  # Escape only stopped the reading
        await _until(pilot, lambda: not app.speaking)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)  # now it goes back, as always


async def test_typing_goes_on_while_it_speaks(make_app, data_dir) -> None:
    """The engine speaks (it does not finish until told): every key lands in part 1 and
    is saved, and the reading goes on."""
    engine = FakeEngine()
    app = _with_engine(make_app("new"), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        spoken = await _heard(pilot, engine)
        await pilot.press(*"Jeg hedder Åse og æder østers")
        await pilot.press("enter", *"Ny linje")
        await settle(app, pilot)
        assert app.screen.query_one("#answer", TextArea).text == (
            "Jeg hedder Åse og æder østers\nNy linje"
        )
        assert app.speaking and not spoken.stopped and not spoken.ended.is_set()
        spoken.finish()
        await _until(pilot, lambda: not app.speaking)
    from .helpers import only_file

    assert only_file(data_dir)["statement"]["introduction"] == (
        "Jeg hedder Åse og æder østers\nNy linje"
    )


@pytest.mark.parametrize("key", ["f6", "f1", "f5"], ids=["next-part", "help", "sheet-dialog"])
async def test_leaving_the_screen_stops_it(make_app, key: str) -> None:
    engine = FakeEngine()
    app = _with_engine(make_app("new"), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Sam")
        await pilot.press("ctrl+r")
        spoken = await _heard(pilot, engine)
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, StepScreen) or app.screen.part_key != "introduction"
        await _until(pilot, lambda: spoken.stopped)


async def test_a_new_request_stops_the_old_one(make_app) -> None:
    engine = FakeEngine()
    app = _with_engine(make_app("new"), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        first = await _heard(pilot, engine)
        await pilot.press("f1")  # help: leaving part 1 stops it ...
        await pilot.pause()
        await pilot.press("ctrl+r")  # ... and the help is read
        second = await _heard(pilot, engine, 2)
    assert first.stopped and "Her skriver du" in second.text


async def test_quitting_stops_it_and_no_reading_starts_after(make_app) -> None:
    engine = FakeEngine()
    app = _with_engine(make_app("new"), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        spoken = await _heard(pilot, engine)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert spoken.stopped
    assert app.reading.read(_words(), app.settings).started is False
    assert len(engine.spoken) == 1  # the reader is closed: nothing more is spoken


# --- when it cannot read -----------------------------------------------------------------


async def test_no_engine_says_what_to_install_once(make_app) -> None:
    app = _with_engine(make_app("new"), None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert _notes(app) == [DA.text("speech.install.linux")]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert _notes(app)[-1] == DA.text("speech.missing_again")
        await pilot.press(*"Sam")  # everything else works
        assert app.session.prep.statement.introduction == "Sam"


async def test_a_failing_engine_is_said_in_words(make_app) -> None:
    app = _with_engine(make_app("new"), FakeEngine(fail=True, instant=True))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await _until(pilot, lambda: DA.text("speech.errors.failed") in _notes(app))
        assert not app.speaking


async def test_turned_off_in_the_settings_it_is_not_offered(make_app) -> None:
    engine = FakeEngine()
    app = _with_engine(make_app("new", read_aloud=False), engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#read-aloud", Button).display
        await pilot.press("ctrl+r")
        await pilot.pause(0.1)
    assert engine.spoken == []


# --- the settings --------------------------------------------------------------------------


async def test_settings_turn_it_off_and_choose_voice_and_speed(make_app, config_dir) -> None:
    from peerprep import settings as settings_file

    engine = FakeEngine()
    app = _with_engine(make_app(), engine)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        voice = screen.query_one("#voice", Select)
        await _until(pilot, lambda: len(voice._options) > 1)
        listed = [str(label) for label, _ in voice._options]
        assert listed[0] == "Sprogets egen stemme"
        assert "Danish (da)" in listed and not any("Arabic" in v for v in listed)
        voice.value = "gmq/da"
        screen.query_one("#speed", Select).value = "60"
        await pilot.pause()
        kept = settings_file.load(config_dir)
        assert (kept.speech_voice, kept.speech_speed) == ("gmq/da", 60)
        await pilot.press("ctrl+r")  # hear the voice at that speed
        sample = await _heard(pilot, engine)
        assert sample.text == DA.text("speech.sample") and sample.speed == 60
        await pilot.press("ctrl+r")
        screen.query_one("#read_aloud").value = False
        await pilot.pause()
        assert settings_file.load(config_dir).read_aloud is False
        assert screen.query_one("#voice", Select).disabled


async def test_f1_lists_the_read_aloud_keys(make_app) -> None:
    app = _with_engine(make_app("new"), FakeEngine())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        listed = " ".join(static_text(s) for s in app.screen.query("Static"))
    assert "Ctrl+R" in listed and "Læs op" in listed and "Stop lyden" in listed


# --- a shared computer ---------------------------------------------------------------------


@pytest.fixture
def site(tmp_path, monkeypatch: pytest.MonkeyPatch):
    from peerprep.folders import SITE_CONFIG_ENV

    folder = tmp_path / "site"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv(SITE_CONFIG_ENV, str(folder))
    return folder


async def test_the_privacy_cover_stops_it_and_nothing_is_read_behind_it(site) -> None:
    from peerprep.tui.screens.privacy import PrivacyScreen

    from .test_shared_mode import FakeClock, shared_app, shared_context

    engine = FakeEngine()
    clock = FakeClock()
    app, side = shared_app(shared_context(), clock)
    _with_engine(app, engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Maja tegner")
        await pilot.press("ctrl+r")
        spoken = await _heard(pilot, engine)
        clock.advance(3.1)
        side.watch.check()
        await pilot.pause()
        assert isinstance(app.screen, PrivacyScreen)
        assert spoken.stopped and not app.speaking
        await pilot.press("ctrl+r")  # a key behind the cover only lifts it
        await pilot.pause(0.1)
        assert len(engine.spoken) == 1


async def test_leaving_a_shared_session_closes_the_reader(site) -> None:
    from .test_shared_mode import FakeClock, shared_app, shared_context

    engine = FakeEngine()
    app, _ = shared_app(shared_context(), FakeClock())
    _with_engine(app, engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Maja tegner")
        await pilot.press("ctrl+r")
        spoken = await _heard(pilot, engine)
        await pilot.press("ctrl+q")  # words not taken along: the leave question
        await pilot.pause()
        assert spoken.stopped  # the question is a dialog in front: it stopped already
        await pilot.press("ctrl+r")  # the question is read aloud
        question = await _heard(pilot, engine, 2)
        assert question.text.startswith(DA.text("shared.leave.title"))
        assert DA.text("shared.leave.erase") not in question.text  # a button: not read
        app.shared_side._leave_answer("erase")
        await pilot.pause()
        assert question.stopped
    assert app.reading.read(_words(), app.settings).started is False
    assert len(engine.spoken) == 2  # the reader is closed: nothing more is spoken


# --- the sheet as sound --------------------------------------------------------------------


async def _save_sound(pilot, app: PeerprepApp, folder: str) -> None:
    from peerprep.tui.dialogs.export import ExportDialog
    from peerprep.tui.widgets.fields import Field

    await pilot.press("f5")
    await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    await pilot.press("down", "down", "down", "down")  # PDF, HTML, text, Markdown, sound
    await pilot.pause()
    app.screen.query_one("#folder", Field).value = folder
    await pilot.press("f5")
    await settle(app, pilot)
    await pilot.pause(0.2)


async def test_the_sheet_dialog_saves_the_sheet_as_sound(make_app, store, tmp_path) -> None:
    from .helpers import words_on_screen

    engine = FakeEngine()
    prep = _filled(store)
    app = _with_engine(make_app("open", prep.id), engine)
    stick = tmp_path / "stick"
    stick.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()
        assert DA.text("tui.export.about.wav") in words_on_screen(app)
        await pilot.press("escape")
        await pilot.pause()
        await _save_sound(pilot, app, str(stick))
        shown = static_text(app.screen.query_one("#result"))
    written = list(stick.iterdir())
    assert len(written) == 1 and written[0].suffix == ".wav", written
    assert written[0].read_bytes()[:4] == b"RIFF"
    assert f"Lyden er gemt i en fil her: {written[0]}" in shown
    heard = " ".join(text for text, _voice, _speed in engine.rendered)
    assert "Mit personlige statement." in heard and "Hvem ringer jeg til?" in heard
    assert engine.rendered[0][2] == 80  # the person's speed: slower than normal


async def test_on_a_shared_computer_no_sound_file_without_a_chosen_place(site, tmp_path) -> None:
    from .helpers import words_on_screen
    from .test_shared_mode import FakeClock, shared_app, shared_context

    engine = FakeEngine()
    app, _ = shared_app(shared_context(), FakeClock())
    _with_engine(app, engine)
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Maja tegner")
        await _save_sound(pilot, app, "")
        said = static_text(app.screen.query_one("#result"))
        assert said == DA.text("speech.errors.choose_place")
        await pilot.pause()
        assert said in words_on_screen(app)  # in view at 80x24, below the folder's hint
    assert engine.rendered == []
    assert {p for p in tmp_path.rglob("*") if p.is_file()} == before
