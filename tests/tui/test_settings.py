"""Settings: the language switches live, themes apply, everything is saved; F1 lists all keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Footer, RadioButton

from peerprep import settings as settings_file
from peerprep.tui.screens.help import HelpScreen
from peerprep.tui.screens.settings import SettingsScreen
from peerprep.tui.screens.step import StepScreen
from peerprep.tui.widgets.fields import Answer

from .helpers import SIZE, static_text


def footer_words(app) -> str:
    return " ".join(
        f"{b.binding.description}" for b in app.screen.active_bindings.values() if b.binding.show
    )


async def test_switching_language_changes_every_visible_text_at_once(
    make_app, config_dir: Path
) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"hej")
        step = app.screen
        assert "Sådan vil jeg introducere mig selv" in str(step.query_one(".starter").render())
        assert "Næste" in footer_words(app)
        await pilot.press("f9")  # settings, from any room
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.click("#lang-en")
        await pilot.pause()
        assert app.language == "en"
        assert "Settings" in str(app.screen.query_one("#room-title").render())
        assert "Back" in footer_words(app)
        assert settings_file.load(config_dir).language == "en"
        await pilot.press("escape")  # back to the part, now in English
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StepScreen)
        assert "introduce myself" in str(screen.query_one(".starter").render())
        assert "Next" in footer_words(app)
        assert screen.query_one(Answer).text == "hej"
        assert "Next" in str(screen.query_one("#next").label)
        await pilot.press("f6")
        await pilot.pause()
        assert "important to me" in str(app.screen.query_one(".starter").render())
        assert "Skip" in str(app.screen.query_one("#next").label)


async def test_language_switch_keeps_what_is_being_written(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"ord")
        app.push_screen(SettingsScreen())
        await pilot.pause()
        await pilot.click("#lang-en")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        assert app.screen.query_one(Answer).text == "ord"
        assert "Part 1 of 4" in str(app.screen.query_one("StepBar").render())


async def test_theme_peer_mode_and_blink_are_saved(make_app, config_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        button = app.screen.query_one("#theme-peerprep-high-contrast", RadioButton)
        button.scroll_visible()
        await pilot.pause()
        await pilot.click("#theme-peerprep-high-contrast")
        await pilot.pause()
        assert app.theme == "peerprep-high-contrast"
        app.screen.query_one("#peer_mode").toggle()
        await pilot.pause()
    saved = settings_file.load(config_dir)
    assert saved.theme == "peerprep-high-contrast"
    assert saved.peer_mode is True


async def test_f1_lists_every_key_in_the_persons_language(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(static_text(s) for s in app.screen.query(".help-keys"))
        for words in ("F6, Ctrl+N", "Næste", "F2, Ctrl+T", "Eksempler", "Ctrl+Q", "F8, Delete",
                      "Slet", "Ctrl+↑", "F1, Ctrl+G"):  # fmt: skip
            assert words in text
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)


@pytest.mark.parametrize("language", ["da", "en"])
async def test_nothing_in_the_footer_is_cut_off_at_80_columns(make_app, language: str) -> None:
    app = make_app("new", peer_mode=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(6):  # the four parts, questions, review
            await pilot.pause()
            footer = app.screen.query_one(Footer)
            keys = list(footer.query("FooterKey"))
            assert keys, type(app.screen).__name__
            assert max(k.region.right for k in keys) <= SIZE[0], type(app.screen).__name__
            await pilot.press("f6")


@pytest.mark.parametrize("language", ["da", "en"])
async def test_home_and_help_footers_fit_too(make_app, store, language: str) -> None:
    from .helpers import filled

    filled(store, introduction="noget")
    app = make_app(language=language)
    async with app.run_test(size=SIZE) as pilot:
        for key in (None, "f1"):
            if key:
                await pilot.press(key)
            await pilot.pause()
            keys = list(app.screen.query_one(Footer).query("FooterKey"))
            assert max(k.region.right for k in keys) <= SIZE[0], type(app.screen).__name__
