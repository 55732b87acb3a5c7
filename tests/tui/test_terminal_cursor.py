"""The terminal's real cursor stays where the person writes (screen magnifiers, braille)."""

from __future__ import annotations

from textual.geometry import Offset
from textual.widgets import Button, Input

from peerprep.tui.screens.meeting import MeetingScreen
from peerprep.tui.screens.step import StepScreen
from peerprep.tui.widgets.fields import Answer

from .helpers import SIZE


async def test_after_typing_the_cursor_is_at_the_insertion_point(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Jeg hedder Åse", "enter", *"og bor i Ærø")
        await pilot.pause()
        answer = app.screen.query_one("#answer", Answer)
        assert app.focused is answer
        assert app.cursor_position == answer.cursor_screen_offset
        # on the second line of the field, past the words typed there
        top = answer.content_region
        assert app.cursor_position.y == top.y + 1
        assert app.cursor_position.x >= top.x + len("og bor i Ærø")


async def test_a_new_screen_puts_the_cursor_in_its_text_area(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"først")
        await pilot.press("f6")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, StepScreen) and app.screen.part_key == "important"
        answer = app.screen.query_one("#answer", Answer)
        assert app.cursor_position == answer.cursor_screen_offset
        assert app.cursor_position != Offset(0, 0)


async def test_resizing_moves_the_cursor_with_the_text_area(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"ord")
        await pilot.pause()
        before = app.cursor_position
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        answer = app.screen.query_one("#answer", Answer)
        assert app.cursor_position == answer.cursor_screen_offset
        assert app.cursor_position != before  # the field moved: so did the cursor
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.pause()
        assert app.cursor_position == before


async def test_on_a_button_the_cursor_is_on_the_button(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#next", Button).focus()
        await pilot.pause()
        await pilot.pause()
        button = app.screen.query_one("#next", Button)
        assert app.focused is button
        assert app.cursor_position == button.content_region.offset


async def test_in_the_meeting_form_the_cursor_follows_each_field(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")  # part 1 -> the meeting
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        date = app.screen.query_one("#date", Input)
        date.focus()
        await pilot.pause()
        await pilot.press(*"3. december")
        await pilot.pause()
        assert app.cursor_position == date.cursor_screen_offset
        await pilot.press("tab")  # to the time field
        await pilot.pause()
        await pilot.pause()
        time = app.screen.query_one("#time", Input)
        assert app.focused is time
        assert app.cursor_position == time.cursor_screen_offset


async def test_in_a_list_the_cursor_sits_on_the_chosen_row(make_app, store) -> None:
    """Magnifiers and braille displays follow the terminal's cursor: on the home list it
    moves with the chosen preparation, not staying on the first row."""
    from .helpers import filled

    for words in ("Jeg hedder Sam.", "Jeg hedder Ida.", "Jeg hedder Bo."):
        filled(store, introduction=words)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        first = app.cursor_position
        await pilot.press("down")
        await pilot.pause()
        await pilot.pause()
        second = app.cursor_position
        assert second.y > first.y
        listed = app.screen.query_one("#list")
        assert listed.content_region.contains(second.x, second.y)
        row, _ = app.screen.get_widget_at(second.x, second.y)
        assert row is listed


async def test_in_a_radio_group_the_cursor_sits_on_the_marked_choice(make_app, store) -> None:
    from .helpers import filled

    prep = filled(store, introduction="Jeg hedder Sam.")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        await pilot.pause()
        pdf = app.screen.query_one("#fmt-pdf")
        assert app.cursor_position.y == pdf.content_region.y
        await pilot.press("down", "down")
        await pilot.pause()
        await pilot.pause()
        txt = app.screen.query_one("#fmt-txt")
        assert app.cursor_position.y == txt.content_region.y
