"""No state is shown by colour alone: saving, the current step, the chosen row all have
words or symbols too; and what the person asks to see comes into view."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from peerprep.choices import LANGUAGES
from peerprep.flow.editing import SaveState
from peerprep.model import Preparation
from peerprep.store import Store, StoreError
from peerprep.tui.screens.questions import QuestionsScreen
from peerprep.tui.widgets.marked_list import MARK, MarkedList
from peerprep.tui.widgets.save_status import status_text
from peerprep.tui.widgets.step_bar import StepBar
from peerprep.words import catalogue

from .helpers import SIZE, only_file, row_text, settle


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_save_state_has_its_own_words(language: str) -> None:
    cat = catalogue(language)
    at = dt.datetime(2026, 12, 3, 14, 32)
    words = {
        kind: status_text(cat, state)
        for kind, state in {
            "idle": SaveState(),
            "pending": SaveState("pending", at),
            "saving": SaveState("saving", at),
            "saved": SaveState("saved", at),
            "failed": SaveState("failed", at, "errors.disk_full"),
            "read_only": SaveState("read_only"),
        }.items()
    }
    assert len(set(words.values())) == len(words), words
    assert "14" in words["saved"] and "32" in words["saved"]


class SlowDisk(Store):
    """A disk that writes only when the test says so, and can be made to fail."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.go_on = threading.Event()
        self.broken = False

    def save(self, prep: Preparation) -> Path:
        self.go_on.wait(timeout=10)
        if self.broken:
            raise StoreError("errors.disk_full", path=str(self.preparations_dir))
        return super().save(prep)


def _status(app) -> str:
    return str(app.screen.query_one("#status").render())


async def test_the_status_says_saving_then_saved_then_not_saved(make_app, data_dir: Path) -> None:
    disk = SlowDisk(data_dir)
    app = make_app("new", store=disk)
    app.save_delay = 60  # the test says when the save begins
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"æble")
        assert "Ikke gemt endnu" in _status(app)  # the words are only in memory: said so
        app.save_in_background()  # what the autosave does: the write begins, and waits
        await pilot.pause()
        assert "Gemmer" in _status(app)
        await pilot.press("s")  # typed while the write is under way: not in this save
        disk.go_on.set()
        await settle(app, pilot)
        assert only_file(data_dir)["statement"]["introduction"] == "æble"
        assert "Ikke gemt endnu" in _status(app)  # never "saved" while "s" is only in memory
        app.save_in_background()
        await settle(app, pilot)
        assert "Gemt kl." in _status(app)
        assert only_file(data_dir)["statement"]["introduction"] == "æbles"
        disk.broken = True
        await pilot.press("!")
        app.save_in_background()
        await settle(app, pilot)
        assert "IKKE GEMT" in _status(app)
        assert app.screen.query_one("#status").has_class("-failed")


async def test_the_step_bar_marks_the_current_step_with_a_symbol_and_words(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"mig")
        await pilot.press("f6")
        await pilot.pause()
        bar = str(app.screen.query_one(StepBar).render())
        assert "Del 2 af 4" in bar
        assert "✓ 1" in bar and "▶ 2" in bar and "○ 3" in bar and "○ 4" in bar
        assert bar.count("▶") == 1


@pytest.mark.parametrize("language", ["da", "en"])
async def test_at_40_columns_every_mark_and_the_save_status_show_whole(
    make_app, language: str
) -> None:
    """At 40x15 the top line showed "Del 1 af 4    ▶ 1   ○" and the status: parts 2-4
    were cut off. The marks draw closer (and the words go) until all four fit."""
    from .screen import SMALL, frame

    app = make_app("new", language=language)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press(*"Åse", "f6")  # part 1 written, on to part 2
        await pilot.pause()
        await pilot.pause()
        top = frame(app)[0]
        assert "✓1 ▶2 ○3 ○4" in top, top
        status = str(app.screen.query_one("#status").render())
        assert top.rstrip().endswith(status), top
        await pilot.click(StepBar, offset=(top.index("○4") - 1, 0))  # the mark of part 4
        await pilot.pause()
        assert "▶4" in frame(app)[0]


async def test_the_chosen_question_carries_a_mark(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(4):  # the four parts, skipped
            await pilot.press("f6")
            await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        await pilot.press(*"Hvem er med?", "enter", *"Hvor længe?", "enter")
        await pilot.pause()
        mine = app.screen.query_one("#mine", MarkedList)
        rows = [row_text(mine.get_option_at_index(i).prompt) for i in range(mine.option_count)]
        assert rows[1].startswith(MARK) and not rows[0].startswith(MARK)  # the last added
        await pilot.press("f2")  # the suggestions: the first is marked, then the next
        await pilot.pause()
        picks = app.screen.query_one("#suggestions", MarkedList)
        assert row_text(picks.get_option_at_index(0).prompt).startswith(MARK)
        await pilot.press("down")
        await pilot.pause()
        assert row_text(picks.get_option_at_index(1).prompt).startswith(MARK)
        assert not row_text(picks.get_option_at_index(0).prompt).startswith(MARK)


async def test_examples_asked_for_come_into_view_in_the_panel(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")  # ideas first: they fill the panel
        await pilot.pause()
        await pilot.press("f3")  # the examples below them are scrolled up into view
        await pilot.pause()
        await pilot.pause()
        side = app.screen.query_one("#side")
        title = app.screen.query_one("#examples-title")
        assert side.region.contains_region(title.region)


async def test_the_gauge_moves_with_the_first_short_answer(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        gauge = app.screen.query_one("#gauge")
        assert " 0 %" in str(gauge.render())
        await pilot.press(*"Jeg hedder Søren og bor i Århus med min hund.")
        await pilot.pause(0.5)
        assert " 0 %" not in str(gauge.render())


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_gauge_words_are_never_cut_at_80_columns(
    make_app, store: Store, language: str
) -> None:
    long = "Jeg vil gerne fortælle om mig selv og om det, der betyder noget. " * 14
    prep = Preparation.new(language)  # type: ignore[arg-type]
    for key in ("introduction", "important", "help_with", "so_that"):
        prep.set_part(key, long)
    store.save(prep)
    app = make_app("open", prep.id, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for room in ("review", "so_that"):
            app.go_to(room)
            await pilot.pause()
            gauge = app.screen.query_one("#gauge")
            words = str(gauge.render())
            assert "%" in words
            box = gauge.content_region
            # every word of the line has a cell: the text fits the lines the gauge has
            assert sum(len(w) + 1 for w in words.split()) <= box.width * box.height + 1, (
                room,
                words,
            )
