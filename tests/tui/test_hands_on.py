"""What a first try by hand found: keys offered only where they do something, nothing
said twice, help points that read as points."""

from __future__ import annotations

from peerprep.store import Store
from peerprep.tui.screens.home import HomeScreen
from peerprep.tui.screens.questions import QuestionsScreen
from peerprep.tui.widgets.bullets import Bullets

from .helpers import SIZE, filled, row_text


def _footer(app) -> list[str]:
    return [a.binding.description for a in app.screen.active_bindings.values() if a.binding.show]


async def test_an_empty_home_offers_only_what_can_be_done(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        # new, and the sheet: a blank one to fill in by hand (issue 15)
        assert "Ny" in _footer(app) and "Arket" in _footer(app)
        for word in ("Næste møde", "Efter mødet"):
            assert word not in _footer(app)
        # the friendly sentence is said once: the line under the heading waits for a list
        assert not home.query_one("#what").display
        filled(store, introduction="noget")
        home.reload()
        await pilot.pause()
        assert "Næste møde" in _footer(app) and "Arket" in _footer(app)
        assert "F8 slet" in row_text(home.query_one("#list").border_subtitle)
        assert home.query_one("#what").display


async def test_a_row_without_an_own_title_does_not_repeat_the_meeting(
    make_app, store: Store
) -> None:
    prep = filled(store, introduction="noget")
    prep.meeting.kind = "jobcenter"
    store.save(prep)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#list")
        text = str(options.get_option_at_index(0).prompt)
        assert text.count("jobcent") == 1, text  # "Samtale på jobcentret", once
        assert "1 af 4 dele" in text


async def test_question_keys_appear_with_the_first_question(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(4):
            await pilot.press("f6")
            await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        assert "Fjern" not in _footer(app)
        await pilot.press(*"Hvornår ses vi igen?", "enter")
        await pilot.pause()
        assert "Fjern" in _footer(app)


async def test_questions_from_the_review_have_one_way_on(make_app, store: Store) -> None:
    prep = filled(store, introduction="a", important="b", help_with="c", so_that="d")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("5")  # the review: change the questions
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        assert not app.screen.query("#back")  # back and next would both go to the review
        assert app.screen.query("#next")


async def test_help_points_are_rows_that_keep_their_indent(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        prompts = app.screen.query_one("#prompts", Bullets)
        points = list(prompts.query(".point"))
        assert len(points) == len(prompts.points) >= 3
        # each point starts right of its bullet, also on its wrapped lines
        dots = list(prompts.query(".dot"))
        assert all(p.region.x > d.region.x for p, d in zip(points, dots, strict=True))
        assert any(p.region.height > 1 for p in points)  # at 80 columns some wrap
