"""My questions: add, pick from the well-known ones, edit, move, remove; nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from peerprep.tui.screens.questions import QuestionsScreen
from peerprep.tui.screens.review import ReviewScreen

from .helpers import SIZE, only_file, words_on_screen


async def _to_questions(app, pilot) -> QuestionsScreen:
    await pilot.pause()
    app.go_to("questions")
    await pilot.pause()
    assert isinstance(app.screen, QuestionsScreen)
    return app.screen


async def test_add_pick_edit_move_and_remove(make_app, data_dir: Path) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _to_questions(app, pilot)
        await pilot.press(*"Må jeg tage min mor med?", "enter")
        await pilot.press("f2")  # the well-known questions: Enter adds the chosen one
        await pilot.press("enter")
        assert screen.questions == ["Må jeg tage min mor med?", "Hvilke muligheder har jeg?"]
        await pilot.press("enter")  # the same one again is not added twice
        assert len(screen.questions) == 2

        mine = screen.query_one("#mine", OptionList)
        mine.focus()
        mine.highlighted = 1
        await pilot.press("ctrl+up")
        assert screen.questions[0] == "Hvilke muligheder har jeg?"

        mine.highlighted = 1
        await pilot.press("enter")  # Enter on one's own question: the text goes into the field
        await pilot.press("end", *" Og min søster?", "enter")
        assert screen.questions[1] == "Må jeg tage min mor med? Og min søster?"

        mine.focus()
        mine.highlighted = 0
        await pilot.press("f8")
        assert screen.questions == ["Må jeg tage min mor med? Og min søster?"]
        await pilot.press("ctrl+q")
    assert only_file(data_dir)["questions"] == ["Må jeg tage min mor med? Og min søster?"]


async def test_a_question_typed_but_not_added_is_kept(make_app, data_dir: Path) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await _to_questions(app, pilot)
        await pilot.press(*"Hvornår ses vi igen?")
        await pilot.press("f6")  # on to the review without pressing Enter
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Hvornår ses vi igen?" in words_on_screen(app)
        await pilot.press("ctrl+q")
    assert only_file(data_dir)["questions"] == ["Hvornår ses vi igen?"]


async def test_a_suggestion_already_taken_says_so_in_words(make_app) -> None:
    """Not by colour: the row of a suggestion on one's own list carries ✓ and 'tilføjet'."""
    from .helpers import row_text

    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _to_questions(app, pilot)
        suggestions = screen.query_one("#suggestions", OptionList)

        def rows() -> list[str]:
            return [row_text(o.prompt) for o in suggestions.options]

        assert not any("tilføjet" in row or "✓" in row for row in rows())
        await pilot.press("f2", "down", "enter")  # the second suggestion
        await pilot.pause()
        taken = rows()
        assert "✓" in taken[1] and "tilføjet" in taken[1], taken
        assert screen.questions[0] in taken[1]
        assert not any("tilføjet" in row for i, row in enumerate(taken) if i != 1)
        assert suggestions.highlighted == 1  # the person stays where they were

        screen.query_one("#mine", OptionList).focus()
        await pilot.press("f8")  # removed from one's list: free to take again
        await pilot.pause()
        assert not any("tilføjet" in row for row in rows())
