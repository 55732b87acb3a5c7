"""First run, colours off, a blinking cursor, and more text than a part may hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerprep import settings as settings_file
from peerprep.model import PART_MAX
from peerprep.tui.dialogs.welcome import WelcomeDialog
from peerprep.tui.screens.home import HomeScreen
from peerprep.tui.screens.settings import SettingsScreen
from peerprep.tui.widgets.fields import Answer

from .helpers import SIZE, only_file, screen_words, settle


async def test_the_first_run_welcomes_and_says_where_the_words_are_kept(
    make_app, data_dir: Path, config_dir: Path
) -> None:
    app = make_app(welcomed=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeDialog)
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert str(data_dir) in text
        assert "denne computer" in text and "Intet bliver sendt" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert settings_file.load(config_dir).welcomed is True

    again = make_app(welcomed=True)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)


async def test_no_color_is_respected(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert app.no_color
        app.push_screen(SettingsScreen())
        await pilot.pause()
        notes = " ".join(str(s.render()) for s in app.screen.query(".note"))
        assert "NO_COLOR" in notes


async def test_cursor_blink_follows_the_setting_live(make_app, config_dir: Path) -> None:
    app = make_app("new", cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one(Answer).cursor_blink is False
        app.push_screen(SettingsScreen())
        await pilot.pause()
        app.screen.query_one("#cursor_blink").toggle()
        await pilot.pause()
        assert app.screen_stack[-2].query_one(Answer).cursor_blink is True
    assert settings_file.load(config_dir).cursor_blink is True


async def test_more_than_a_part_may_hold_is_said_and_nothing_breaks(
    make_app, data_dir: Path
) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        answer = app.screen.query_one(Answer)
        answer.insert("ord ")
        await settle(app, pilot)
        answer.insert("x" * PART_MAX)  # 4 characters too many
        await settle(app, pilot)
        assert answer.text == "ord " + "x" * (PART_MAX - 4)  # the field stops at the limit
        said = screen_words(app)
        assert f"Fuld: {PART_MAX} tegn" in said and "4 tegn kom ikke med" in said
        await pilot.press("ctrl+q")  # four characters would be lost: it asks
        await pilot.pause()
        assert app.return_code is None
        await pilot.press("escape")  # stay
        await pilot.pause()
    assert only_file(data_dir)["statement"]["introduction"] == "ord " + "x" * (PART_MAX - 4)
