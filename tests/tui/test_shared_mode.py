"""Shared computer in the full-screen program: the line, the privacy screen, erasing, leaving."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from peerprep import shared
from peerprep.cli import Context
from peerprep.keys import PART_KEYS
from peerprep.tui.app import PeerprepApp, Start
from peerprep.tui.dialogs.leave import LeaveDialog
from peerprep.tui.screens.home import HomeScreen
from peerprep.tui.screens.privacy import PrivacyScreen
from peerprep.tui.screens.step import StepScreen
from peerprep.tui.shared_mode import SharedSide, install

from .helpers import SAVE_DELAY, SIZE, settle

WORDS = {
    "introduction": "Maja tegner",
    "important": "min søster",
    "help_with": "sove om natten",
    "so_that": "komme hjem",
}

# Words of hers that appear nowhere in the program's own texts.
MARKERS = ("Maja", "tegner", "søster", "natten", "hjem")


class FakeClock:
    """Time that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "site"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv(shared.SITE_CONFIG_ENV, str(folder))
    return folder


def shared_context(command: str | None = "new", *, flag: bool = True) -> Context:
    import os

    args = argparse.Namespace(shared=flag, data_dir=None, command=command, lang=None)
    return Context(args=args, language="da", data_dir=Path(os.environ["PEERPREP_DATA_DIR"]),
                   config_dir=Path(os.environ["PEERPREP_CONFIG_DIR"]))  # fmt: skip


def shared_app(
    context: Context, clock: FakeClock, command: str | None = "new"
) -> tuple[PeerprepApp, SharedSide]:
    """The app as `peerprep --shared` builds it, with time in the test's hands."""
    keeper = context.settings_keeper()
    settings = keeper.load()
    settings.welcomed = True
    settings.cursor_blink = False
    keeper.save(settings)
    app = PeerprepApp(
        store=context.store(),
        language=context.language,
        data_dir=context.data_dir,
        config_dir=context.config_dir,
        settings_keeper=keeper,
        start=Start(command=command),
        save_delay=SAVE_DELAY,
    )
    side = install(app, context.shared, clock=clock, tick=3600)  # checks come from the test
    assert side is not None
    return app, side


def screen_text(app: PeerprepApp) -> str:
    """Everything drawn on the terminal right now, as plain text."""
    strips = app.screen._compositor.render_strips()  # the frame the terminal gets
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def type_all_four(pilot, app: PeerprepApp) -> None:
    for key in PART_KEYS:
        assert isinstance(app.screen, StepScreen) and app.screen.part_key == key
        await pilot.press(*WORDS[key])
        await pilot.press("f6")
        await pilot.pause()


async def test_banner_is_on_every_screen(site: Path) -> None:
    app, _ = shared_app(shared_context(), FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Delt computer" in screen_text(app)
        await pilot.press("escape")  # back towards home
        await pilot.pause()
        app.go_home()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Intet bliver gemt her" in screen_text(app)


async def test_privacy_screen_hides_every_answer_and_returns_on_a_key(site: Path) -> None:
    clock = FakeClock()
    app, side = shared_app(shared_context(), clock)
    async with app.run_test(size=SIZE) as pilot:
        await type_all_four(pilot, app)
        app.go_to("review")
        await pilot.pause()
        before = screen_text(app)
        assert WORDS["help_with"] in before  # the review shows the words ...
        clock.advance(2.9)
        side.watch.check()
        await pilot.pause()
        assert not isinstance(app.screen, PrivacyScreen)
        clock.advance(0.2)
        side.watch.check()
        await pilot.pause()
        assert isinstance(app.screen, PrivacyScreen)
        covered = screen_text(app)
        for piece in MARKERS:  # ... and the cover shows none of them
            assert piece not in covered, piece
        assert "Tryk på en tast" in covered
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(app.screen, PrivacyScreen)
        assert WORDS["help_with"] in screen_text(app)
        assert "x" not in app.session.prep.statement.so_that  # the waking key did nothing


async def test_long_idle_erases_the_session(site: Path) -> None:
    clock = FakeClock()
    context = shared_context()
    app, side = shared_app(context, clock)
    async with app.run_test(size=SIZE) as pilot:
        await type_all_four(pilot, app)
        await settle(app, pilot)
        store = context.store()
        assert len(store.list().preparations) == 1
        app.theme = "textual-light"
        app.settings.theme = "textual-light"
        app.save_settings()
        clock.advance(3)
        side.watch.check()
        await pilot.pause()
        assert isinstance(app.screen, PrivacyScreen)
        clock.advance(17)
        side.watch.check()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert store.list().preparations == []
        assert app.session.prep is None
        assert app.theme == "textual-dark"
        text = screen_text(app)
        assert all(words not in text for words in WORDS.values())
        assert side.erasures == 1


async def test_quitting_with_words_asks_once(site: Path) -> None:
    clock = FakeClock()
    app, _ = shared_app(shared_context(), clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"noget af mit")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, LeaveDialog)
        await pilot.press("escape")  # back to the words
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, LeaveDialog)
        await pilot.click("#erase")
        await pilot.pause()
    assert app.return_value == 0


async def test_quitting_with_nothing_written_asks_nothing(site: Path) -> None:
    app, _ = shared_app(shared_context(), FakeClock(), command=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 0
