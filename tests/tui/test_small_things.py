"""The small things that stop a tired reader, each checked on the screen as it is drawn."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from peerprep.choices import PART_KEYS
from peerprep.model import Preparation
from peerprep.tui.screens.home import wrap_items
from peerprep.tui.widgets.fields import Field

from .helpers import SIZE, filled, screen_text, words_on_screen
from .places import fixture_prep, visible_rows


@pytest.mark.parametrize("part", PART_KEYS)
async def test_f3_shows_every_example_whole_at_80x24(make_app, store, part: str) -> None:
    prep = filled(store, introduction="Jeg hedder Sam.")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to(part)
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        await pilot.pause()
        points = list(app.screen.query("#examples .point"))
        assert len(points) >= 2
        for point in points:
            assert visible_rows(point) == point.region.height, str(point.content)


def test_a_row_breaks_only_between_its_items() -> None:
    items = ["Udskrivningsmøde", "03.12.2026", "4 af 4 dele", "ændret i dag kl. 18.21"]
    lines = wrap_items(items, 60)
    assert lines == ["Udskrivningsmøde · 03.12.2026 · 4 af 4 dele", "ændret i dag kl. 18.21"]
    assert wrap_items(items, 200) == [" · ".join(items)]


async def test_the_home_row_keeps_kl_and_the_time_together(make_app, store) -> None:
    prep = fixture_prep()
    prep.updated_at = dt.datetime.now(dt.timezone.utc)
    store.save(prep)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert re.search(r"ændret i dag kl\. \d\d\.\d\d", text), text
        assert not re.search(r"kl\.\s*[║│]?\s*$", text, re.MULTILINE), text


async def test_a_long_field_shows_its_beginning_when_it_is_left(make_app, store) -> None:
    prep = fixture_prep()
    store.save(prep)
    app = make_app("open", prep.id)
    long = "Afsnit 7 på Bispebjerg, mødelokalet på anden sal ved siden af elevatoren og køkkenet"
    async with app.run_test(size=SIZE) as pilot:
        app.go_to("meeting")
        await pilot.pause()
        place = app.screen.query_one("#place", Field)
        place.focus()
        await pilot.pause()
        await pilot.press("ctrl+u", *long)  # typed from the start: the view follows to the end
        await pilot.pause()
        assert place.scroll_offset.x > 0
        await pilot.press("tab")
        await pilot.pause()
        assert place.scroll_offset.x == 0
        assert "Afsnit 7 på Bispebjerg" in words_on_screen(app)
        # back in the field, the next key adds to the words (nothing is selected)
        place.focus()
        await pilot.pause()
        await pilot.press("!")
        assert place.value == long + "!"


async def test_a_long_question_hangs_under_its_own_first_word(make_app, store) -> None:
    prep = Preparation.new("da")
    prep.questions = [
        "Hvem kan jeg ringe til, hvis det bliver svært efter udskrivningen, og hvad gør jeg, "
        "hvis de ikke tager telefonen om aftenen?"
    ]
    store.save(prep)
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        for room in ("questions", "review"):
            app.go_to(room)
            await pilot.pause()
            await pilot.pause()
            lines = screen_text(app).splitlines()
            first = next(i for i, line in enumerate(lines) if "Hvem kan jeg ringe til" in line)
            start = lines[first].index("Hvem")
            below = lines[first + 1]
            # the wrapped words start in the column of "Hvem", not under the number or bullet
            assert below[start - 1] == " " and below[start] != " ", (room, lines[first], below)


async def test_the_gauge_and_the_review_say_what_they_mean(make_app, store) -> None:
    prep = filled(store, introduction="Jeg hedder Sam og bor i Odense.")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        app.go_to("review")
        await pilot.pause()
        text = words_on_screen(app)  # the bar's blocks are left out: "Arket 5 % fyldt"
        assert re.search(r"Arket \d+ % fyldt", text), text
        assert "Print arket (F5)" in text and "Forsiden (F6)" in text
        assert "Gem fil" not in text and "Færdig" not in text


@pytest.mark.parametrize(
    ("room", "panel"), [("important", "#side"), ("review", "#sheet"), ("help", "#help")]
)
async def test_a_panel_that_has_the_focus_shows_it_by_a_shape(
    make_app, store, room: str, panel: str
) -> None:
    """The ideas and examples, the review's sheet and the help scroll with the arrow keys
    once they have the focus (Tab): a heavy bar down their left side says so, in any
    colours, where before nothing showed it."""
    prep = filled(store, introduction="Jeg hedder Sam.")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        if room == "help":
            app.action_help()
        else:
            app.show_examples = True
            app.go_to(room)
        await pilot.pause()
        widget = app.screen.query_one(panel)

        def left_edge() -> set[str]:
            lines = screen_text(app).splitlines()
            x = widget.region.x
            return {lines[y][x] for y in range(widget.region.y, widget.region.bottom)}

        app.screen.set_focus(None)
        await pilot.pause()
        assert "┃" not in left_edge()
        widget.focus()
        await pilot.pause()
        assert left_edge() == {"┃"}
