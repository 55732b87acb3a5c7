"""A meeting date that cannot be read, told honestly and calmly (flow.meeting_when).

A newcomer typed "blabla" in the date: the status line still said "Gemt kl. …" (only the
last good date was on disk, not what was typed), and leaving warned that "teksten går
tabt", true of the date as typed only. Now the status says "…, ikke datoen", and
leaving names the date as typed and the date the file still holds, in calm words."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.words import catalogue

from .helpers import only_file
from .screen import SIZE_IDS, SIZES, frame, readable, wait_shown

DA, EN = catalogue("da"), catalogue("en")
SMALL_AND_STANDARD = SIZES[:2]


def _saved_with_a_date(store: Store, language: str = "da") -> Preparation:
    prep = Preparation.new(language)
    prep.set_part("introduction", "Jeg hedder Åse.")
    prep.meeting.date = dt.date(2026, 12, 24)
    prep.meeting.time = dt.time(10, 30)
    store.save(prep)
    return prep


async def _type_date(app, pilot, text: str) -> None:
    app.go_to("meeting")
    await pilot.pause()
    field = app.screen.query_one("#date")
    field.focus()
    field.value = ""
    await pilot.press(*text, "tab")  # leaving the field reads it
    await pilot.pause()


@pytest.mark.parametrize("size", SMALL_AND_STANDARD, ids=SIZE_IDS[:2])
async def test_the_status_never_says_saved_for_a_date_that_is_not(
    make_app, store, data_dir: Path, size
) -> None:
    prep = _saved_with_a_date(store)
    app = make_app("open", prep.id)
    async with app.run_test(size=size) as pilot:
        await _type_date(app, pilot, "i morgen")  # readable: saved, and said plainly
        await wait_shown(pilot, "Gemt kl.")
        top = frame(app)[0]
        assert re.search(r"Gemt kl\. \d\d\.\d\d\s*$", top), top
        await _type_date(app, pilot, "blabla")
        await wait_shown(pilot, ", ikke datoen")
        top = frame(app)[0].rstrip()
        assert re.search(r"Gemt kl\. \d\d\.\d\d, ikke datoen$", top), top
        await pilot.press("f6")  # on to part 1: the status there says it too
        await pilot.pause()
        top = frame(app)[0].rstrip()
        assert top.endswith(", ikke datoen"), top
    saved = only_file(data_dir)  # the last date that could be read
    assert saved["meeting"]["date"] == str(dt.date.today() + dt.timedelta(days=1))


@pytest.mark.parametrize("size", SMALL_AND_STANDARD, ids=SIZE_IDS[:2])
async def test_leaving_names_the_date_as_typed_and_the_date_kept(
    make_app, store, data_dir: Path, size
) -> None:
    prep = _saved_with_a_date(store)
    app = make_app("open", prep.id)
    async with app.run_test(size=size) as pilot:
        await _type_date(app, pilot, "blabla")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.pause()
        said = readable(frame(app))
        for sentence in (
            DA.text("tui.unsaved.title_when"),
            "»Dato«: »blabla« kan ikke læses, så det bliver ikke gemt.",
            "Den gemte dato er stadig 24.12.2026.",
            DA.text("tui.unsaved.leave_when"),
        ):
            assert sentence in said, said
        assert "går tabt" not in said and "tekst" not in said.lower()  # no text is lost
        assert "Tidspunkt" not in said  # the time could be read: it is kept, not named
        await pilot.press("tab", "enter")  # close anyway
        await pilot.pause()
    saved = only_file(data_dir)
    assert saved["meeting"]["date"] == "2026-12-24" and saved["meeting"]["time"] == "10:30:00"
    assert saved["statement"]["introduction"] == "Jeg hedder Åse."


async def test_a_time_that_can_be_read_is_kept_beside_a_date_that_cannot(
    make_app, store, data_dir: Path
) -> None:
    prep = _saved_with_a_date(store)
    app = make_app("open", prep.id, language="en")
    async with app.run_test(size=SIZES[1]) as pilot:
        await _type_date(app, pilot, "blabla")
        app.screen.query_one("#time").value = ""
        app.screen.query_one("#time").focus()
        await pilot.press(*"14.15", "tab")
        await wait_shown(pilot, ", not the date")
        await pilot.press("ctrl+q")
        await pilot.pause()
        said = readable(frame(app))
        assert "“Date”: “blabla” cannot be read, so it is not saved." in said, said
        assert "The saved date is still 24/12/2026." in said, said
        await pilot.press("tab", "enter")
        await pilot.pause()
    saved = only_file(data_dir)
    assert saved["meeting"]["date"] == "2026-12-24" and saved["meeting"]["time"] == "14:15:00"


async def test_a_date_and_a_time_that_cannot_be_read_are_named_whole_at_40x15(
    make_app, store
) -> None:
    prep = _saved_with_a_date(store)
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZES[0]) as pilot:
        await _type_date(app, pilot, "blabla")
        app.screen.query_one("#time").value = ""
        app.screen.query_one("#time").focus()
        await pilot.press(*"kl 99", "tab")
        await pilot.pause()
        await pilot.pause()
        top = frame(app)[0].rstrip()
        assert top.endswith("Alt er gemt, men ikke dato og tid"), top  # whole, in 40 columns
        app.go_to("introduction")  # part 1, with its progress beside the status
        await pilot.pause()
        await pilot.press(*" Og mere.")
        await wait_shown(pilot, "Gemt kl.")
        top = frame(app)[0].rstrip()
        assert re.search(r"Gemt kl\. \d\d\.\d\d, ikke dato og tid$", top), top


async def test_going_on_says_exactly_what_is_not_kept(make_app, store) -> None:
    prep = _saved_with_a_date(store)
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZES[1], notifications=True) as pilot:
        await _type_date(app, pilot, "blabla")
        await pilot.press("f6")  # on to part 1: never held back, told in a note
        await wait_shown(pilot, "»blabla« er ikke gemt, for det kan ikke læses.", exact=True)
        app.go_to("meeting")
        await pilot.pause()
        app.screen.query_one("#time").value = ""
        app.screen.query_one("#time").focus()
        await pilot.press(*"kl 99", "f6")
        await wait_shown(pilot, "»blabla« og »kl 99« er ikke gemt, for de kan ikke læses.")


@pytest.mark.parametrize("size", SMALL_AND_STANDARD, ids=SIZE_IDS[:2])
async def test_stay_and_fix_it_takes_the_person_to_the_time(make_app, store, size) -> None:
    """A newcomer typed "25" as the time, went on to the review and quit: "Bliv og ret
    det" closed the dialog and left them on the review, to find the field themselves.
    Now staying opens the meeting with the cursor in the time, as it was typed."""
    prep = _saved_with_a_date(store)
    app = make_app("open", prep.id)
    async with app.run_test(size=size) as pilot:
        app.go_to("meeting")
        await wait_shown(pilot, DA.text("tui.meeting.time"))
        app.screen.query_one("#time").value = ""
        app.screen.query_one("#time").focus()
        await pilot.press(*"25", "tab")
        app.go_to("review")
        await wait_shown(pilot, "ikke tiden")  # "Alt er gemt, men ikke tiden"
        await pilot.press("ctrl+q")
        await wait_shown(pilot, DA.text("tui.unsaved.stay"))
        await pilot.press("escape")  # stay
        await wait_shown(pilot, DA.text("tui.meeting.heading"))
        await pilot.pause(0.2)
        focused = app.screen.focused
        assert focused is not None and getattr(focused, "field", None) == "meeting.time"
        assert focused.value == "25"
        await pilot.press("end", "backspace", "backspace", *"10.45", "tab")  # fixed there
        await wait_shown(pilot, "den 24. december klokken 10:45", exact=True)
        top = await wait_shown(pilot, "Gemt kl.")
        assert "ikke tiden" not in top.splitlines()[0]
