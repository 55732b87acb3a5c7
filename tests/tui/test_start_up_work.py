"""Start-up does only what the first frame shows: under `peerprep new` or `open` the home
list is read when the person comes home, not before; home behind a dialog is read at once."""

from __future__ import annotations

from textual.widgets import OptionList

from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.tui.dialogs.welcome import WelcomeDialog
from peerprep.tui.screens.home import HomeScreen
from peerprep.tui.screens.step import StepScreen

from .helpers import SIZE, settle


def _two(store: Store) -> list[str]:
    ids = []
    for words in ("første", "anden"):
        prep = Preparation.new("da")
        prep.set_part("introduction", words)
        store.save(prep)
        ids.append(prep.id)
    return ids


async def test_new_reads_the_home_list_only_when_the_person_comes_home(
    make_app, store, monkeypatch
) -> None:
    ids = _two(store)
    app = make_app("new")
    reads: list[str] = []
    for name in ("list", "newest"):  # every way the store reads the list
        original = getattr(app.session.store, name)

        def counted(*args, _name=name, _original=original):  # type: ignore[no-untyped-def]
            reads.append(_name)
            return _original(*args)

        monkeypatch.setattr(app.session.store, name, counted)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, StepScreen)
        assert reads == []  # home is under part 1, unseen: nothing read for it yet
        app.go_home()
        await settle(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert reads, "home read its list when it came into sight"
        options = home.query_one("#list", OptionList)
        # the two from before, and the new one (saved when leaving it) if it has words
        shown = {options.get_option_at_index(i).id for i in range(options.option_count)}
        assert set(ids) <= shown


async def test_home_behind_the_first_run_welcome_reads_its_list(make_app, store) -> None:
    ids = _two(store)
    app = make_app(welcomed=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, WelcomeDialog)
        home = app.screen_stack[0]
        assert isinstance(home, HomeScreen)
        options = home.query_one("#list", OptionList)
        assert {options.get_option_at_index(i).id for i in range(options.option_count)} == set(ids)


async def test_a_long_home_list_shows_every_preparation_newest_first(
    make_app, store: Store
) -> None:
    """More than the first look (FIRST_ROWS): the rest is read in a thread, and the whole
    list, in the preparations' own order, replaces the first rows."""
    import datetime as dt
    import os

    from peerprep.tui.screens.home import FIRST_ROWS

    count = FIRST_ROWS + 15
    ids = []
    for number in range(count):
        prep = Preparation.new("da")
        prep.title = f"Møde {number}"
        store.save(prep.touched(prep.updated_at + dt.timedelta(minutes=number)))
        # file times the other way round: the first look picks the "wrong" ones first
        os.utime(store.path_of(prep.id), (1_000_000 - number, 1_000_000 - number))
        ids.append(prep.id)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        options = home.query_one("#list", OptionList)
        shown = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert shown == list(reversed(ids)), "all of them, newest change first"


async def test_part_1_of_new_shows_before_the_preparation_is_made_and_keeps_every_key(
    make_app, data_dir
) -> None:
    from .helpers import only_file

    app = make_app("new")
    states: list[bool] = []
    original = app._make_new

    def noted() -> None:
        states.append(app.session.pending)
        original()

    app._make_new = noted  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        await pilot.press(*"hej æøå")
        await settle(app, pilot)
        assert not app.session.pending
        await pilot.press("ctrl+q")
    assert states, "the preparation was made after the first frame"
    assert only_file(data_dir)["statement"]["introduction"] == "hej æøå"
