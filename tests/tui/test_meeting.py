"""The meeting form: skippable, kinds with descriptions, dates typed freely and checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select

from peerprep.tui.screens.meeting import MeetingScreen
from peerprep.tui.screens.step import StepScreen

from .helpers import SIZE, only_file


async def _to_meeting(app, pilot) -> MeetingScreen:
    await pilot.pause()
    await pilot.press("f7")  # home: new preparation opens at the meeting
    await pilot.pause()
    assert isinstance(app.screen, MeetingScreen)
    return app.screen


async def test_the_meeting_can_be_skipped_with_one_key(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _to_meeting(app, pilot)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)


async def test_a_wrong_date_is_said_plainly_and_kept_to_be_fixed(make_app, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _to_meeting(app, pilot)
        screen.query_one("#date", Input).focus()
        await pilot.press(*"31.02.2026", "tab")
        await pilot.pause()
        problem = str(screen.query_one("#problem").render())
        assert "Den dato findes ikke" in problem and "31.02.2026" in problem

        # Going on is never blocked (the next words would land in the date field);
        # a note says the date was not kept, and it waits, as typed, to be fixed.
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        notes = " ".join(n.message for n in app._notifications)
        assert "ikke gemt" in notes and "31.02.2026" in notes
        assert app.session.prep.meeting.date is None
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.query_one("#date", Input).value == "31.02.2026"
        assert "Den dato findes ikke" in str(screen.query_one("#problem").render())

        screen.query_one("#date", Input).value = "hmm"
        screen.query_one("#date", Input).focus()
        await pilot.press("tab")  # leaving the field checks it
        await pilot.pause()
        assert "kan ikke læses" in str(screen.query_one("#problem").render())

        screen.query_one("#date", Input).value = ""
        screen.query_one("#date", Input).focus()
        await pilot.press(*"24.12.2026", "tab", *"kl 9.30", "tab")
        await pilot.pause()
        said = " ".join(str(screen.query_one("#problem").render()).split())
        # in words a voice reads well, with how far away it is
        assert "torsdag den 24. december" in said and "klokken 9:30. Det er om " in said
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        await pilot.press("ctrl+q")
    saved = only_file(data_dir)
    assert saved["meeting"]["date"] == "2026-12-24"
    assert saved["meeting"]["time"] == "09:30:00"


async def test_kind_place_people_companion_and_title_are_saved(make_app, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _to_meeting(app, pilot)
        screen.query_one("#kind", Select).value = "discharge"
        await pilot.pause()
        assert "hjem fra afdelingen" in str(screen.query_one("#kind-about").render())
        for name, text in (
            ("place", "Afsnit 3"),
            ("attendees", "lægen, min mor"),
            ("companion", "Bente"),
            ("title", "Før jeg skal hjem"),
        ):
            screen.query_one(f"#{name}", Input).focus()
            await pilot.press(*text)
        notes = " ".join(str(note.render()) for note in screen.query(".note"))
        assert "tage en bisidder med" in notes
        await pilot.press("ctrl+q")
    saved = only_file(data_dir)
    assert saved["meeting"]["kind"] == "discharge"
    assert saved["meeting"]["place"] == "Afsnit 3"
    assert saved["meeting"]["attendees"] == ["lægen", "min mor"]
    assert saved["meeting"]["companion"] == "Bente"
    assert saved["title"] == "Før jeg skal hjem"


async def test_page_keys_in_the_kinds_list_before_it_is_drawn(make_app) -> None:
    """PageUp the moment the list opens (before it is drawn) once closed the program with a
    KeyError inside Textual (8.2.8); now the key waits for the list and then moves."""
    from textual import events

    from peerprep.choices import MEETING_KINDS

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _to_meeting(app, pilot)
        kind = screen.query_one("#kind", Select)
        kind.value = MEETING_KINDS[-1]
        await pilot.pause()
        app.post_message(events.Key("enter", None))  # opens the list ...
        await pilot.press("pageup")  # ... and this comes before it is drawn
        await pilot.pause()
        assert app.is_running
        await pilot.press("enter")
        await pilot.pause()
        assert kind.value == MEETING_KINDS[0]  # the page key was not lost
        assert app.session.prep.meeting.kind == MEETING_KINDS[0]


@pytest.mark.parametrize("language", ["da", "en"])
async def test_at_40_columns_each_field_shows_its_whole_hint(make_app, language: str) -> None:
    """At 40x15 the fields stood two a row and their hints were cut ("fx 24.12" of "fx
    24.12 eller i morgen": that a word such as "tomorrow" is understood was lost). One
    field a row: Tab to each, and its hint is on the screen whole."""
    from peerprep.tui.screens.meeting import TEXT_FIELDS
    from peerprep.words import catalogue

    from .screen import SMALL, frame, readable

    cat = catalogue(language)
    app = make_app(language=language)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.begin_new()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        for name in TEXT_FIELDS:
            app.screen.query_one(f"#{name}").focus()
            await pilot.pause()
            await pilot.pause()
            hint = cat.text(f"tui.meeting.{name}_hint")
            assert hint in readable(frame(app)), f"{name}: {frame(app)}"
