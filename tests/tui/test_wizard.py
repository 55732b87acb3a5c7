"""The four parts step by step: typing, moving, skipping, quitting and coming back."""

from __future__ import annotations

from pathlib import Path

from peerprep.choices import PART_KEYS
from peerprep.store import Store
from peerprep.tui.screens.meeting import MeetingScreen
from peerprep.tui.screens.questions import QuestionsScreen
from peerprep.tui.screens.review import ReviewScreen
from peerprep.tui.screens.step import StepScreen
from peerprep.tui.widgets.fields import Answer

from .helpers import SIZE, only_file, settle

WORDS = {
    "introduction": "Jeg er Søren.",
    "important": "se mine børn",
    "help_with": "at sove",
    "so_that": "få overskud",
}


async def test_new_starts_at_part_one_with_the_cursor_in_the_text(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        assert app.screen.part_key == "introduction"
        assert isinstance(app.focused, Answer)


async def test_all_four_parts_typed_survive_quit_and_restart(make_app, data_dir: Path) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        for key in PART_KEYS:
            assert isinstance(app.screen, StepScreen) and app.screen.part_key == key
            await pilot.press(*WORDS[key])
            await pilot.press("f6")
            await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        await pilot.press("ctrl+q")
    assert app.return_value == 0

    saved = only_file(data_dir)
    assert saved["statement"] == WORDS

    again = make_app("open", saved["id"])
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # all four are written, so the program opens at the review of the whole sheet
        assert isinstance(again.screen, ReviewScreen)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(again.screen, StepScreen)
        assert again.screen.query_one(Answer).text == WORDS["important"]


async def test_autosave_happens_without_quitting(make_app, data_dir: Path) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"æøå ÆØÅ")
        await settle(app, pilot)
        assert only_file(data_dir)["statement"]["introduction"] == "æøå ÆØÅ"
        assert app.save_state.kind == "saved"
        status = app.screen.query_one("#status")
        assert "Gemt" in str(status.render())
        await pilot.press("!")
        await settle(app, pilot)
        assert only_file(data_dir)["statement"]["introduction"] == "æøå ÆØÅ!"


async def test_quit_saves_at_once_without_waiting(make_app, data_dir: Path) -> None:
    app = make_app("new")
    app.save_delay = 60  # the debounce would never fire during this test
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"nu")
        await pilot.press("ctrl+q")
    assert only_file(data_dir)["statement"]["introduction"] == "nu"


async def test_back_and_next_keep_the_text_and_the_cursor(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"første", "enter", *"anden")
        await pilot.press("left", "left", "up")
        answer = app.screen.query_one(Answer)
        where = answer.cursor_location
        assert where == (0, 3)
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.part_key == "important"
        await pilot.press(*"vigtigt")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.part_key == "introduction"
        answer = app.screen.query_one(Answer)
        assert answer.text == "første\nanden"
        assert answer.cursor_location == where
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.query_one(Answer).text == "vigtigt"


async def test_skip_goes_on_and_leaves_the_part_empty(make_app, data_dir: Path) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        next_button = app.screen.query_one("#next")
        assert "Spring over" in str(next_button.label)
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.part_key == "important"
        await pilot.press(*"noget")
        assert "Næste" in str(app.screen.query_one("#next").label)
        await pilot.click("#next")
        await pilot.pause()
        assert app.screen.part_key == "help_with"
        await pilot.press("ctrl+q")
    saved = only_file(data_dir)
    assert saved["statement"]["introduction"] == ""
    assert saved["statement"]["important"] == "noget"


async def test_escape_from_part_one_goes_to_the_meeting_and_then_home(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert app.session.prep is None


async def test_an_untouched_new_preparation_leaves_no_file(make_app, data_dir: Path) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6", "f6")
        await pilot.press("ctrl+q")
    assert Store(data_dir).list().preparations == []
