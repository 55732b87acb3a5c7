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
    reads: list[int] = []
    original = app.session.listing

    def counted():  # type: ignore[no-untyped-def]
        reads.append(1)
        return original()

    monkeypatch.setattr(app.session, "listing", counted)
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
