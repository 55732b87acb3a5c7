"""After the meeting notes; and closing the terminal saves what was just typed."""

from __future__ import annotations

from pathlib import Path

from peerprep.tui.screens.after_meeting import AfterMeetingScreen
from peerprep.tui.screens.home import HomeScreen
from peerprep.tui.screens.meeting import MeetingScreen

from .helpers import SIZE, filled, saved_files


async def test_notes_after_the_meeting_are_saved_and_start_the_next_one(
    make_app, store, data_dir: Path
) -> None:
    prep = filled(store, introduction="mig", help_with="søvn")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, AfterMeetingScreen)
        await pilot.press(*"Ny tid om to uger", "tab", *"Ringe til Bente")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        saved = store.load(prep.id)
        assert saved.after_meeting.agreed == "Ny tid om to uger"
        assert saved.after_meeting.next_steps == "Ringe til Bente"

        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("f6")  # a new preparation from these words
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("ctrl+q")
    files = saved_files(data_dir)
    assert len(files) == 2
    fresh = next(f for f in files if f["id"] != prep.id)
    assert fresh["statement"]["help_with"] == "søvn"
    assert fresh["after_meeting"] == {"agreed": "", "next_steps": ""}


async def test_a_closed_terminal_saves_at_once(make_app, data_dir: Path) -> None:
    app = make_app("new")
    app.save_delay = 60  # the debounce would never come
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"sidste ord")
        app._terminated()  # what SIGHUP and SIGTERM call
        app._terminated()  # a second signal while leaving is harmless
        await pilot.pause()
    assert saved_files(data_dir)[0]["statement"]["introduction"] == "sidste ord"
    assert not list((data_dir / "locks").glob("*.lock"))
