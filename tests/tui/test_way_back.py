"""Escape goes back exactly one level, on every screen and in every dialog; dialogs show
their own keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Footer, OptionList

from peerprep.store import Store
from peerprep.tui.dialogs.confirm import ConfirmDialog
from peerprep.tui.dialogs.export import ExportDialog
from peerprep.tui.dialogs.welcome import WelcomeDialog
from peerprep.tui.screens.after_meeting import AfterMeetingScreen
from peerprep.tui.screens.help import HelpScreen
from peerprep.tui.screens.home import HomeScreen
from peerprep.tui.screens.meeting import MeetingScreen
from peerprep.tui.screens.questions import QuestionsScreen
from peerprep.tui.screens.review import ReviewScreen
from peerprep.tui.screens.settings import SettingsScreen
from peerprep.tui.screens.step import StepScreen

from .helpers import SIZE, filled, row_text


def _shown_keys(app) -> list[str]:
    """What the footer in front offers: the screen on top's own shown bindings."""
    return [
        active.binding.description
        for active in app.screen.active_bindings.values()
        if active.binding.show
    ]


async def _escape(pilot) -> None:
    await pilot.press("escape")
    await pilot.pause()


async def test_escape_walks_back_one_level_from_every_room_and_dialog(
    make_app, store: Store, data_dir: Path
) -> None:
    prep = filled(
        store, introduction="Jeg er Ida", important="ro", help_with="søvn", so_that="arbejde"
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await _escape(pilot)  # the top: Escape leaves nothing and closes nothing
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 1

        for key, room in (("f9", SettingsScreen), ("f1", HelpScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, room)
            await _escape(pilot)
            assert isinstance(app.screen, HomeScreen), key

        await pilot.press("f8")  # delete asks first; Escape is "no"
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await _escape(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert store.exists(prep.id)

        await pilot.press("f4")  # after the meeting
        await pilot.pause()
        assert isinstance(app.screen, AfterMeetingScreen)
        await _escape(pilot)
        assert isinstance(app.screen, HomeScreen)

        await pilot.press("enter")  # all four written: it opens at the review
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        # a part, the meeting and the questions opened from the review go back to it
        for key, room in (("3", StepScreen), ("0", MeetingScreen), ("5", QuestionsScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, room), key
            await _escape(pilot)
            assert isinstance(app.screen, ReviewScreen), key

        await pilot.press("f5")  # the save dialog, then its help, one level each
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await _escape(pilot)
        assert isinstance(app.screen, ExportDialog)
        await _escape(pilot)
        assert isinstance(app.screen, ReviewScreen)

        # walking the wizard backwards: one room at a time, then home
        for room in (QuestionsScreen, StepScreen, StepScreen, StepScreen, StepScreen):
            await _escape(pilot)
            assert isinstance(app.screen, room)
        assert app.screen.part_key == "introduction"
        await _escape(pilot)
        assert isinstance(app.screen, MeetingScreen)
        await _escape(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.session.prep is None


@pytest.mark.parametrize("key", ["2", "0", "5"])
async def test_f6_from_a_room_opened_from_the_review_goes_back_to_it(
    make_app, store: Store, key: str
) -> None:
    """One came from the sheet to fix one thing: F6 does not walk on to the next part.
    The footer says "F6 Se det hele", and one button says the same (not two that both
    lead back)."""
    prep = filled(store, introduction="a", important="b", help_with="c", so_that="d")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        room = app.screen
        assert not isinstance(room, ReviewScreen)
        footer = {k.key_display: k.description for k in room.query("FooterKey")}
        assert footer["F6"] == "Se det hele", footer
        assert not room.query("#back")
        assert "Se det hele" in str(room.query_one("#next").label)
        if key == "2":
            await pilot.press(*" mere")
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.session.prep.statement.important == ("b mere" if key == "2" else "b")
        await pilot.click("#part-2")  # by mouse: the one button leads back too
        await pilot.pause()
        await pilot.click("#next")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_the_usual_way_on_is_unchanged(make_app, store: Store) -> None:
    prep = filled(store, introduction="a", important="b", help_with="c", so_that="d")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("escape")  # back to the review, then the wizard's own way
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.part_key == "so_that"
        footer = {k.key_display: k.description for k in app.screen.query("FooterKey")}
        assert footer["F6"] == "Næste"
        assert "Tilbage" in str(app.screen.query_one("#back").label)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)


async def test_the_welcome_closes_with_escape(make_app) -> None:
    app = make_app(welcomed=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeDialog)
        await _escape(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.settings.welcomed


async def test_a_dialog_shows_its_own_keys_not_those_behind_it(make_app, store: Store) -> None:
    filled(store, introduction="noget")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Ny" in _shown_keys(app)
        await pilot.press("f8")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        # its own footer covers the one behind it (one: not two on top of each other)
        assert len(dialog.query(Footer)) == 1
        shown = _shown_keys(app)
        assert "Nej" in shown and "Hjælp" in shown
        assert "Ny" not in shown and "Slet" not in shown


async def test_the_open_list_of_meetings_closes_with_escape_in_danish(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")  # part 1 -> the meeting, the kind list has the focus
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("enter")  # open the list
        await pilot.pause()
        shown = _shown_keys(app)
        assert "Luk listen" in shown
        assert not any("Dismiss" in words for words in shown)
        # the row one is on carries a mark, not only a colour
        overlay = app.screen.query_one("#kind SelectOverlay", OptionList)
        await pilot.press("down")
        await pilot.pause()
        at = overlay.highlighted
        assert at is not None
        rows = [
            row_text(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)
        ]
        assert rows[at].startswith("▶") and sum(r.startswith("▶") for r in rows) == 1
        await _escape(pilot)  # closes the list only
        assert isinstance(app.screen, MeetingScreen)
        assert not app.screen.query_one("#kind").expanded
