"""On a step: help prompts and examples on request, the peer panel, the gauge."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button

from peerprep import settings as settings_file
from peerprep.tui.screens.step import StepScreen
from peerprep.tui.widgets.fields import Answer

from .helpers import SIZE


def _words(screen: StepScreen, name: str) -> str:
    """The points of a panel, as read on screen (each point is its own row)."""
    return " ".join(str(point.render()) for point in screen.query(f"#{name} .point"))


def _shown(screen: StepScreen, name: str) -> bool:
    return bool(screen.query_one(f"#{name}").display and screen.query_one("#side").display)


async def test_help_prompts_and_examples_show_and_hide_by_key_and_click(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StepScreen)
        assert not screen.query_one("#side").display
        await pilot.press("f2")
        assert _shown(screen, "prompts")
        assert "Hvad laver du gerne i din fritid?" in _words(screen, "prompts")
        assert "Skjul" in str(screen.query_one("#toggle-prompts", Button).label)
        await pilot.press("f3")
        assert _shown(screen, "examples")
        assert "skateboard" in _words(screen, "examples")
        await pilot.click("#toggle-prompts")
        await pilot.pause()
        assert not screen.query_one("#prompts").display
        assert "Vis" in str(screen.query_one("#toggle-prompts", Button).label)
        await pilot.press("f3")
        assert not screen.query_one("#side").display
        # typing goes on in the answer all along
        assert isinstance(app.focused, Answer)


async def test_peer_panel_follows_the_setting_and_its_button(make_app, config_dir: Path) -> None:
    """Peer mode (a setting) shows the peer's prompts and a button to hide them for now;
    without peer mode there is neither (F4 is the notes from after the meeting)."""
    app = make_app("new", peer_mode=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert _shown(screen, "peer")
        assert "god dag" in _words(screen, "peer")
        await pilot.click("#toggle-peer")
        await pilot.pause()
        assert not screen.query_one("#peer").display
        assert settings_file.load(config_dir).peer_mode is True  # the setting stays
        await pilot.press("f6")  # the choice holds on the next part too
        await pilot.pause()
        assert not app.screen.query_one("#peer").display
        await pilot.click("#toggle-peer")
        await pilot.pause()
        assert _shown(app.screen, "peer")
    plain = make_app("new", peer_mode=False)
    async with plain.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not plain.screen.query_one("#toggle-peer").display
        assert not plain.screen.query_one("#peer").display


async def test_the_text_area_is_at_least_six_lines_with_every_panel_open(make_app) -> None:
    app = make_app("new", peer_mode=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2", "f3")
        await pilot.pause()
        answer = app.screen.query_one(Answer)
        assert answer.content_region.height >= 6
        assert answer.region.right <= SIZE[0]


async def test_the_gauge_grows_with_the_words(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        gauge = app.screen.query_one("#gauge")
        assert " 0 %" in str(gauge.render())
        answer = app.screen.query_one(Answer)
        answer.insert("Jeg er en, der holder af lange gåture og gode samtaler. " * 12)
        await pilot.pause(0.5)
        assert " 0 %" not in str(gauge.render())


@pytest.mark.parametrize("language", ["da", "en"])
async def test_every_button_on_a_step_fits_at_80_columns(make_app, language: str) -> None:
    app = make_app("new", peer_mode=True, language=language)
    async with app.run_test(size=SIZE) as pilot:
        for keys in ((), ("f2",), ("f3",), ("f2", "f3", "f4")):
            await pilot.press(*keys)
            await pilot.pause()
            for button in app.screen.query(Button):
                assert button.region.right <= SIZE[0], (language, keys, str(button.label))
                assert button.region.width >= len(str(button.label)), str(button.label)
