"""A screen or dialog closed in the moment it was opened: the program goes on.

Found by the key fuzzing (tests/stress/test_tui_keys.py, under a loaded CI machine): F6,
F6, Escape faster than a screen is built crashed the program with NoMatches '#answer'.
Textual mounts nothing into a screen it is already removing, so the closed screen got its
Mount with no widgets in it (peerprep/tui/screens/base.py, `closed_before_built`). Here the
same is done without relying on the machine's speed: each room is opened and, before it
can be built, the person goes home; a dialog is opened and closed at once.
"""

from __future__ import annotations

import pytest

from peerprep.store import Store
from peerprep.tui.dialogs.confirm import ConfirmDialog
from peerprep.tui.rooms import WIZARD
from peerprep.tui.screens.home import HomeScreen

from .helpers import SIZE, filled
from .screen import wait_shown


@pytest.mark.parametrize("room", [room for room in WIZARD if room != "important"])
async def test_a_room_left_before_it_was_built(make_app, store: Store, room: str) -> None:
    prep = filled(store, introduction="Jeg hedder Åse og bor i Ærø.")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await wait_shown(pilot, "Del 2 af 4")  # it opens where the writing stopped
        app.go_to(room)  # F6 or a click: the room is put on top ...
        app.go_home()  # ... and left again before Textual has built it
        await wait_shown(pilot, "Dine forberedelser")
        assert app.is_running
        assert isinstance(app.screen, HomeScreen)
        await wait_shown(pilot, "Jeg hedder Åse")  # the list, with the preparation


async def test_a_dialog_closed_before_it_was_built(make_app, store: Store) -> None:
    filled(store, introduction="Jeg hedder Åse.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_shown(pilot, "Jeg hedder Åse.")
        dialog = ConfirmDialog(question="Slette?", items=[], warning="", yes="Ja", no="Nej")
        app.push_screen(dialog)
        app.pop_screen()
        await pilot.pause(0.5)
        assert app.is_running
        assert isinstance(app.screen, HomeScreen)
        await wait_shown(pilot, "Jeg hedder Åse.")
