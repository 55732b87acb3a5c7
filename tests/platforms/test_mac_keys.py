"""Reordering questions on a Mac: Mission Control takes Ctrl+↑ and Ctrl+↓ before the
terminal sees them, so Shift+↑ and Shift+↓ move a question too, and on a Mac (simulated)
the screen and the help name Shift first: the key a person is told about works."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import OptionList

from peerprep.settings import Settings
from peerprep.settings import save as save_settings
from peerprep.store import Store
from peerprep.tui.app import PeerprepApp, Start
from peerprep.tui.screens.questions import QuestionsScreen
from tests.tui.helpers import screen_text, static_text, words_on_screen

from .simulated import simulate_platform

QUESTIONS = ["Må jeg tage min søster med?", "Hvad sker der bagefter?"]


def _app(data_dir: Path, config_dir: Path) -> PeerprepApp:
    save_settings(config_dir, Settings(cursor_blink=False, welcomed=True))
    return PeerprepApp(store=Store(data_dir), language="da", data_dir=data_dir,
                       config_dir=config_dir, start=Start(command="new"))  # fmt: skip


def _saved_questions(data_dir: Path) -> list[str]:
    [file] = (data_dir / "preparations").glob("*.json")
    return list(json.loads(file.read_text(encoding="utf-8"))["questions"])


@pytest.mark.parametrize(
    ("platform", "hint", "help_keys"),
    [
        ("darwin", "Enter retter · Shift+↑↓ flytter", "Shift+↑, Ctrl+↑"),
        ("linux", "Enter retter · Ctrl+↑↓ flytter", "Ctrl+↑, Shift+↑"),
        ("win32", "Enter retter · Ctrl+↑↓ flytter", "Ctrl+↑, Shift+↑"),
    ],
)
async def test_shift_arrows_move_a_question_and_a_mac_is_told_so(
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    config_dir: Path,
    platform: str,
    hint: str,
    help_keys: str,
) -> None:
    simulate_platform(monkeypatch, platform)
    app = _app(data_dir, config_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.go_to("questions")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionsScreen)
        for question in QUESTIONS:
            await pilot.press(*question, "enter")
        assert hint in screen_text(app)  # on the frame of the list of my questions

        mine = screen.query_one("#mine", OptionList)
        mine.focus()
        await pilot.press("end")  # the second question
        await pilot.press("shift+up")
        assert screen.questions == QUESTIONS[::-1]
        await pilot.press("shift+down")
        assert screen.questions == QUESTIONS
        await pilot.press("shift+up")

        await pilot.press("f1")
        await pilot.pause()
        help_text = " ".join(static_text(s) for s in app.screen.query(".help-keys"))
        assert help_keys in help_text, words_on_screen(app)
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert _saved_questions(data_dir) == QUESTIONS[::-1]
