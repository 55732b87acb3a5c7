"""Every screen and dialog of the full-screen program, reached the way the app reaches it.

`PLACES` names each one with a function that takes a fresh app (from `make_app`) to it;
the layout, small-terminal and contrast tests walk them all. `visible_rows(widget)` says
how many rows of a widget a person can see: a row counts only when the widget is what is
drawn there (not hidden under a footer or a dialog, not scrolled away, not off screen).
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.errors import NoWidget
from textual.geometry import Region
from textual.widget import Widget

from peerprep.flow.editing import SaveState
from peerprep.locks import LockInfo
from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.tui.app import PeerprepApp

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "case-starter-repeated.json"


def fixture_prep() -> Preparation:
    return Preparation.model_validate(json.loads(FIXTURE.read_text(encoding="utf-8")))


Go = Callable[[PeerprepApp, Any], Awaitable[None]]


@dataclass(frozen=True)
class Place:
    name: str
    go: Go
    settings: dict[str, Any] = field(default_factory=dict)
    command: str | None = "open"  # open the fixture (None: start at home)
    with_prep: bool = True


async def _settle(pilot: Any) -> None:
    for _ in range(3):
        await pilot.pause()


def _room(room: str, *, panels: bool = False) -> Go:
    async def go(app: PeerprepApp, pilot: Any) -> None:
        if panels:
            app.show_prompts = app.show_examples = True
            app.settings.peer_mode = True
        app.go_to(room)
        await _settle(pilot)

    return go


async def _home(app: PeerprepApp, pilot: Any) -> None:
    await _settle(pilot)


async def _after(app: PeerprepApp, pilot: Any) -> None:
    prep = app.session.prep
    assert prep is not None
    app.open_after_meeting(prep.id)
    await _settle(pilot)


async def _copied(app: PeerprepApp, pilot: Any) -> None:
    prep = app.session.prep
    assert prep is not None
    app.start_from(prep.id)
    await _settle(pilot)


def _pushed(make: Callable[[PeerprepApp], Any]) -> Go:
    async def go(app: PeerprepApp, pilot: Any) -> None:
        app.go_to("review")
        await _settle(pilot)
        app.push_screen(make(app))
        await _settle(pilot)

    return go


async def _export(app: PeerprepApp, pilot: Any) -> None:
    app.go_to("review")
    await _settle(pilot)
    app.export_dialog()
    await _settle(pilot)


async def _help(app: PeerprepApp, pilot: Any) -> None:
    app.go_to("important")
    await _settle(pilot)
    app.action_help()
    await _settle(pilot)


async def _settings(app: PeerprepApp, pilot: Any) -> None:
    from peerprep.tui.screens.settings import SettingsScreen

    app.push_screen(SettingsScreen())
    await _settle(pilot)


async def _delete(app: PeerprepApp, pilot: Any) -> None:
    from peerprep.tui.screens.home import HomeScreen

    app.go_home()
    await _settle(pilot)
    screen = app.screen
    assert isinstance(screen, HomeScreen)
    screen.action_delete()
    await _settle(pilot)


def _locked(app: PeerprepApp) -> Any:
    from peerprep.tui.dialogs.locked import LockedDialog

    return LockedDialog(LockInfo(pid=4242, host="afsnit-7-pc", created_at=time.time()))


def _failed(app: PeerprepApp) -> Any:
    from peerprep.tui.dialogs.save_failed import SaveFailedDialog

    state = SaveState("failed", None, "errors.disk_full", {"path": str(app.data_dir)})
    return SaveFailedDialog(state, quitting=True)


def _passphrase(kind: str) -> Callable[[PeerprepApp], Any]:
    def make(app: PeerprepApp) -> Any:
        from peerprep.tui.dialogs.passphrase import PassphraseDialog

        return PassphraseDialog(kind)  # type: ignore[arg-type]

    return make


def _save_to_folder(app: PeerprepApp) -> Any:
    from peerprep.tui.dialogs.folder import SaveToFolderDialog

    return SaveToFolderDialog([fixture_prep()])


def _open_file(app: PeerprepApp) -> Any:
    from peerprep.tui.dialogs.folder import OpenFileDialog

    return OpenFileDialog()


def _leave(app: PeerprepApp) -> Any:
    from peerprep.tui.dialogs.leave import LeaveDialog

    return LeaveDialog([fixture_prep()] * 3, can_print=True)


PLACES: tuple[Place, ...] = (
    Place("home, empty", _home, command=None, with_prep=False),
    Place("home, a list", _home, command=None),
    Place("welcome", _home, settings={"welcomed": False}, command=None),
    Place("meeting", _room("meeting")),
    Place("meeting, a copy", _copied),
    *(Place(f"part {n}", _room(key)) for n, key in enumerate(
        ("introduction", "important", "help_with", "so_that"), start=1)),
    Place("part 2, ideas examples and peer shown", _room("important", panels=True)),
    Place("questions", _room("questions")),
    Place("review", _room("review")),
    Place("after the meeting", _after),
    Place("settings", _settings),
    Place("help", _help),
    Place("export", _export),
    Place("delete?", _delete),
    Place("locked", _pushed(_locked)),
    Place("not saved", _pushed(_failed)),
    Place("passphrase, new", _pushed(_passphrase("new"))),
    Place("passphrase, unlock", _pushed(_passphrase("unlock"))),
    Place("save to a folder", _pushed(_save_to_folder)),
    Place("open from a file", _pushed(_open_file)),
    Place("leave a shared computer", _pushed(_leave)),
)  # fmt: skip


def make_for(place: Place, make_app: Callable[..., PeerprepApp], store: Store) -> PeerprepApp:
    prep_id = None
    if place.with_prep:
        prep = fixture_prep()
        store.save(prep)
        prep_id = prep.id
    command = place.command if prep_id else None
    return make_app(command, prep_id if command else None, **place.settings)


def _owns(widget: Widget, found: Widget | None) -> bool:
    while found is not None:
        if found is widget:
            return True
        found = found.parent  # type: ignore[assignment]
    return False


def visible_rows(widget: Widget, region: Region | None = None) -> int:
    """How many rows of `region` (the widget's own by default) show the widget, checked in
    the column where the region starts and in its middle: the widget must be the one drawn
    there, so one hidden by the footer, by a dialog or scrolled out of view does not count."""
    screen = widget.screen
    region = region or widget.region
    width, height = screen.size
    rows = 0
    for y in range(region.y, region.bottom):
        if not 0 <= y < height:
            continue
        spots = {region.x, region.x + region.width // 2}
        seen = True
        for x in spots:
            if not 0 <= x < width:
                seen = False
                break
            try:
                found, _ = screen.get_widget_at(x, y)
            except NoWidget:  # nothing drawn there
                seen = False
                break
            if not _owns(widget, found):
                seen = False
                break
        rows += seen
    return rows
