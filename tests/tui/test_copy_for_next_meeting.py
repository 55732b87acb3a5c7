"""Copy for a new meeting says what it copied and where it starts, and is undone in one step."""

from __future__ import annotations

from pathlib import Path

from peerprep.tui.screens.home import HomeScreen
from peerprep.tui.screens.meeting import MeetingScreen

from .helpers import SIZE, saved_files, screen_text, settle, words_on_screen
from .places import fixture_prep


async def _copied(make_app, store, pilot_keys=("f6",)):
    prep = fixture_prep()
    store.save(prep)
    return prep, make_app()


async def test_the_copy_says_what_came_along_and_that_the_old_one_is_kept(
    make_app, store, data_dir: Path
) -> None:
    prep, app = await _copied(make_app, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")  # home: the next meeting, from the chosen one's words
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingScreen)
        text = words_on_screen(app)
        assert "kopi af »Møde om udskrivning«" in text
        assert "Dine svar på 4 af de 4 dele og dine 2 spørgsmål er med" in text
        assert "Mødet er tomt" in text and "»Møde om udskrivning« er som før" in text
        assert "Fortryd kopien (F8)" in text
        files = saved_files(data_dir)
        assert len(files) == 2
        copy = next(f for f in files if f["id"] != prep.id)
        assert copy["statement"] == prep.statement.model_dump()
        assert copy["meeting"]["date"] is None


async def test_f8_undoes_an_untouched_copy_at_once(make_app, store, data_dir: Path) -> None:
    prep, app = await _copied(make_app, store)
    before = (data_dir / "preparations" / f"{prep.id}.json").read_bytes()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await settle(app, pilot)
        await pilot.press("f8")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert [f["id"] for f in saved_files(data_dir)] == [prep.id]
        assert (data_dir / "preparations" / f"{prep.id}.json").read_bytes() == before
        await pilot.pause(0.2)
        assert "Kopien er slettet" in words_on_screen(app)


async def test_a_copy_with_new_words_is_only_deleted_after_a_question(
    make_app, store, data_dir: Path
) -> None:
    prep, app = await _copied(make_app, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await settle(app, pilot)
        app.screen.query_one("#place").focus()
        await pilot.press(*"Jobcentret")
        await pilot.press("f8")
        await pilot.pause()
        assert "Vil du slette kopien?" in screen_text(app)
        await pilot.press("enter")  # the safe answer has the focus: keep it
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert len(saved_files(data_dir)) == 2
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("tab", "enter")  # yes, delete the copy
        await settle(app, pilot)
        assert [f["id"] for f in saved_files(data_dir)] == [prep.id]


async def test_a_preparation_that_is_not_a_copy_has_no_undo(make_app, store) -> None:
    prep = fixture_prep()
    store.save(prep)
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to("meeting")
        await settle(app, pilot)
        assert "Fortryd kopien" not in screen_text(app)
        await pilot.press("f8")
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingScreen)
