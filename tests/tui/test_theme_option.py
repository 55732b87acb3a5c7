"""`--theme` colours this run only; the saved setting stays until the person picks one."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerprep import settings as settings_file
from peerprep.cli import main
from peerprep.flow import terminal_check
from peerprep.settings import Settings
from peerprep.store import Store
from peerprep.tui.app import PeerprepApp
from peerprep.tui.screens.settings import SettingsScreen
from peerprep.tui.themes import HIGH_CONTRAST
from peerprep.tui.widgets.choices import Choice

from .helpers import SIZE


def test_launch_applies_the_theme_option_without_saving_it(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, config_dir: Path
) -> None:
    settings_file.save(config_dir, Settings(theme="textual-light", welcomed=True))
    seen: list[str] = []

    def run(self: PeerprepApp, *args: object, **kwargs: object) -> int:
        seen.append(self.theme)  # what the program would have opened with
        return 0

    monkeypatch.setattr(PeerprepApp, "run", run)
    monkeypatch.setattr(terminal_check, "problem", lambda: None)  # as at a terminal
    assert main(["--data-dir", str(data_dir), "--theme", HIGH_CONTRAST]) == 0
    assert main(["--data-dir", str(data_dir)]) == 0
    assert seen == [HIGH_CONTRAST, "textual-light"]
    assert settings_file.load(config_dir).theme == "textual-light"


async def test_the_theme_option_shows_in_settings_and_is_not_saved_by_other_changes(
    data_dir: Path, config_dir: Path
) -> None:
    settings_file.save(config_dir, Settings(theme="textual-light", welcomed=True))
    app = PeerprepApp(
        store=Store(data_dir),
        language="da",
        data_dir=data_dir,
        config_dir=config_dir,
        theme=HIGH_CONTRAST,
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST
        await pilot.press("f9")  # settings
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one(f"#theme-{HIGH_CONTRAST}", Choice).value
        await pilot.click("#peer_mode")  # a change that saves the settings file
        await pilot.pause()
        saved = settings_file.load(config_dir)
        assert saved.peer_mode is True
        assert saved.theme == "textual-light"  # the run's theme was not written down
        assert app.theme == HIGH_CONTRAST
        # chosen by the person in settings: applied and kept from now on
        await pilot.click("#theme-ansi-dark")
        await pilot.pause()
        assert app.theme == "ansi-dark"
        assert settings_file.load(config_dir).theme == "ansi-dark"
