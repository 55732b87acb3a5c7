"""F5 saves or prints the sheet from every room of an open preparation, not only the review."""

from __future__ import annotations

import pytest
from textual.widgets import Footer, Static

from peerprep.store import Store
from peerprep.tui.dialogs.export import ExportDialog
from peerprep.tui.screens.after_meeting import AfterMeetingScreen
from peerprep.tui.screens.help import HelpScreen
from peerprep.tui.screens.meeting import MeetingScreen
from peerprep.tui.screens.questions import QuestionsScreen
from peerprep.tui.screens.review import ReviewScreen
from peerprep.tui.screens.step import StepScreen
from peerprep.words import catalogue

from .helpers import SIZE, filled, static_text

# (command, keys to get there, the room)
ROOMS = [
    ("new", ("escape",), MeetingScreen),
    ("new", (), StepScreen),
    ("new", ("f6", "f6", "f6"), StepScreen),
    ("new", ("f6",) * 4, QuestionsScreen),
    ("open", (), ReviewScreen),
    (None, ("f4",), AfterMeetingScreen),
]


def _footer(app) -> dict[str, str]:
    """The footer's keys as shown ('F5') with their words."""
    keys = app.screen.query_one(Footer).query("FooterKey")
    return {k.key_display: k.description for k in keys}


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize(("command", "keys", "room"), ROOMS)
async def test_f5_opens_the_save_dialog_in_every_room(
    make_app, store: Store, language: str, command, keys, room
) -> None:
    prep = filled(store, introduction="Sam", important="ro", help_with="søvn", so_that="hvile")
    app = make_app(command, prep.id if command == "open" else None, language=language)
    words = catalogue(language).text("tui.keys.sheet.label")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert isinstance(app.screen, room)
        shown = _footer(app)
        assert shown.get("F5") == words, shown
        assert max(k.region.right for k in app.screen.query("FooterKey")) <= SIZE[0]
        await pilot.press("f1")  # F1 lists it among the keys here
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        listed = " ".join(static_text(s) for s in app.screen.query(Static))
        assert "F5" in listed and words in listed
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")  # and back where one was
        await pilot.pause()
        assert isinstance(app.screen, room)


async def test_the_words_just_typed_are_on_the_sheet_saved_from_a_part(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Jeg er træt")
        await pilot.press("f5")  # before the autosave: the dialog still has the words
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.prep.statement.introduction == "Jeg er træt"


@pytest.mark.parametrize("language", ["da", "en"])
async def test_the_questions_footer_fits_with_questions_in_it(make_app, language: str) -> None:
    """Remove joins the footer with the first question; F5 must still fit."""
    app = make_app("new", language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*("f6",) * 4)
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        await pilot.press(*"Hvornår?", "enter")
        await pilot.pause()
        shown = _footer(app)
        assert {"F5", "F8"} <= set(shown), shown
        assert max(k.region.right for k in app.screen.query("FooterKey")) <= SIZE[0], shown
