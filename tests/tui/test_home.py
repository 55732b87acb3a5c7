"""Home: the list, copy for a new meeting, delete with a confirmation that names what goes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import OptionList

from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.tui.dialogs.confirm import ConfirmDialog
from peerprep.tui.screens.home import HomeScreen
from peerprep.tui.screens.meeting import MeetingScreen

from .helpers import SIZE, saved_files, settle


def _rich(store: Store) -> Preparation:
    prep = Preparation.new("da")
    prep.title = "Mødet med Lis"
    prep.meeting.kind = "jobcenter"
    prep.meeting.date = dt.date(2026, 3, 4)
    prep.meeting.place = "Jobcenteret"
    for key in ("introduction", "important", "help_with", "so_that"):
        prep.set_part(key, f"mine ord om {key}")
    prep.questions = ["Hvilke muligheder har jeg?", "Hvem ringer jeg til?"]
    prep.after_meeting.agreed = "Vi ses igen om en måned."
    store.save(prep)
    return prep


async def test_empty_home_says_what_this_is_and_how_to_begin(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.query_one("#empty").display
        assert "personligt statement" in str(home.query_one("#empty-text").render())
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_list_shows_newest_first_with_title_kind_date_and_progress(make_app, store) -> None:
    older = Preparation.new("da")
    older.set_part("introduction", "gammel")
    older.touched(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    store.save(older)
    newer = _rich(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#list", OptionList)
        assert options.option_count == 2
        first = str(options.get_option_at_index(0).prompt)
        second = str(options.get_option_at_index(1).prompt)
        assert options.get_option_at_index(0).id == newer.id
        assert "Mødet med Lis" in first
        assert "Samtale på jobcentret" in first and "04.03.2026" in first
        assert "4 af 4" in first
        assert "Forberedelse begyndt" in second and "1 af 4" in second
        assert "»gammel«" in second  # the first words tell untitled ones apart


async def test_copy_for_a_new_meeting_takes_words_and_questions_only(
    make_app, store, data_dir: Path
) -> None:
    source = _rich(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")  # the next meeting, from these words
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await settle(app, pilot)
        await pilot.press("ctrl+q")
    files = {f["id"]: f for f in saved_files(data_dir)}
    assert len(files) == 2
    copy = next(f for i, f in files.items() if i != source.id)
    assert copy["statement"] == source.statement.model_dump()
    assert copy["questions"] == source.questions
    assert copy["meeting"]["kind"] == "other" and copy["meeting"]["date"] is None
    assert copy["meeting"]["place"] == ""
    assert copy["after_meeting"] == {"agreed": "", "next_steps": ""}
    assert copy["title"] == ""
    assert files[source.id]["statement"] == source.statement.model_dump()  # untouched


async def test_delete_asks_first_names_what_goes_and_cancel_keeps_it(make_app, store) -> None:
    prep = _rich(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "Mødet med Lis" in dialog.question
        named = " ".join(dialog.items)
        assert "4 skrevet" in named and "2 spørgsmål" in named
        assert "mødet" in named and "noter" in named
        await pilot.press("enter")  # the safe answer has the focus
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert store.exists(prep.id)

        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert store.exists(prep.id)

        await pilot.press("f8")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert not store.exists(prep.id)
        assert app.screen.query_one("#empty").display


async def test_open_from_the_list_resumes_at_the_first_empty_part(make_app, store) -> None:
    prep = Preparation.new("da")
    prep.set_part("introduction", "skrevet")
    store.save(prep)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert getattr(app.screen, "part_key", None) == "important"
        await pilot.press("escape", "escape", "escape")  # home: saved and unlocked
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert store.lock_holder(prep.id) is None


@pytest.mark.parametrize("language", ["da", "en"])
async def test_the_list_says_its_keys_whole_at_40_columns(make_app, store, language) -> None:
    """The keys said on the list's frame: as many as fit, each whole (at 40x15 the frame
    showed "… · F8 slet…")."""
    from peerprep.words import catalogue

    from .helpers import filled
    from .screen import SMALL, frame

    filled(store, introduction="Jeg hedder Åse.")
    app = make_app(language=language)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.pause()
        [line] = [row for row in frame(app) if "↑↓" in row]
        said = line[line.index("↑↓") :].split(" ═")[0]
        pieces = catalogue(language).text("tui.home.list_hint").split(" · ")
        assert "…" not in said
        assert said in [" · ".join(pieces[:n]) for n in range(2, len(pieces))], line
