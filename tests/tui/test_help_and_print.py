"""F1 explains the screen one is on; large print is one tick in the sheet dialog; the save
dialog says what each kind of file is for and remembers what was chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, RadioButton, Static

from peerprep import settings as settings_file
from peerprep.store import Store
from peerprep.tui.dialogs.confirm import ConfirmDialog
from peerprep.tui.dialogs.export import ExportDialog
from peerprep.tui.screens.help import HelpScreen
from peerprep.tui.screens.home import HomeScreen
from peerprep.tui.screens.review import ReviewScreen
from peerprep.tui.screens.step import StepScreen
from peerprep.words import catalogue

from .helpers import SIZE, filled
from .screen import frame, readable, wait_shown

DA = catalogue("da")


def _help_text(app) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


@pytest.mark.parametrize(
    ("command", "keys", "where", "topic"),
    [
        (None, (), HomeScreen, "home"),
        ("new", (), StepScreen, "step"),
        ("open", (), ReviewScreen, "review"),
        ("open", ("f5",), ExportDialog, "export"),
        (None, ("f8",), ConfirmDialog, "confirm"),
    ],
)
async def test_f1_explains_the_screen_in_front_and_its_keys(
    make_app, store: Store, command, keys, where, topic
) -> None:
    prep = filled(store, introduction="a", important="b", help_with="c", so_that="d")
    app = make_app(command, prep.id if command == "open" else None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert isinstance(app.screen, where)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = _help_text(app)
        # the words for this screen, first; then its keys; then all keys
        here = DA.text(f"tui.help.topic.{topic}")
        assert here.split(".")[0] in text.replace("\n", " ")
        assert text.index(DA.text("tui.help.keys_here")) < text.index(DA.text("tui.help.heading"))
        await pilot.press("f1")  # F1 again closes it, like Escape
        await pilot.pause()
        assert isinstance(app.screen, where)


async def test_large_print_is_one_tick_away_in_the_sheet_dialog(
    make_app, store: Store, config_dir: Path
) -> None:
    prep = filled(store, introduction="a", important="b", help_with="c", so_that="d")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("f5")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#fmt-pdf", RadioButton).value
        await pilot.press("tab", "space")  # from the kinds of file to the large print tick
        await pilot.pause()
        assert dialog.query_one("#large", Checkbox).value


async def test_html_for_reading_aloud_is_explained_saved_and_remembered(
    make_app, store: Store, config_dir: Path, tmp_path: Path
) -> None:
    prep = filled(store, introduction="Jeg læser med øjnene lukket", important="b")
    out = tmp_path / "ud"
    out.mkdir()
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.export_dialog()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        about = dialog.query_one("#about")
        assert str(about.render()).startswith(DA.text("tui.export.about.pdf"))
        await pilot.click("#fmt-html")
        await pilot.pause()
        assert "læse det højt" in str(about.render())
        await pilot.click("#fmt-txt")  # large print is not a thing for plain text
        await pilot.pause()
        assert dialog.query_one("#large", Checkbox).disabled
        await pilot.click("#fmt-html")
        await pilot.pause()
        large = dialog.query_one("#large", Checkbox)
        assert not large.disabled
        large.value = True
        dialog.query_one("#folder").value = str(out)
        await pilot.click("#save")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = list(out.iterdir())
        assert [p.suffix for p in written] == [".html"]
        assert "Jeg læser med øjnene lukket" in written[0].read_text(encoding="utf-8")
        await pilot.press("escape")
        await pilot.pause()
        # next time the dialog offers the same: HTML for this run, large print for good
        assert settings_file.load(config_dir).large_print is True
        app.export_dialog()
        await pilot.pause()
        again = app.screen
        assert isinstance(again, ExportDialog)
        assert again.query_one("#fmt-html", RadioButton).value
        assert again.query_one("#large", Checkbox).value


async def test_the_sheet_is_saved_with_the_keyboard_alone(
    make_app, store: Store, tmp_path: Path
) -> None:
    """F5 opens the save dialog and F5 again saves: no hunting for a button. Tab walks
    the choices themselves, not the box around them."""
    prep = filled(store, introduction="Jeg hedder Åse", important="b", help_with="c", so_that="d")
    out = tmp_path / "ud"
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert "Gem" in [
            a.binding.description for a in dialog.active_bindings.values() if a.binding.show
        ]
        dialog.query_one("#folder").value = str(out)
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id != "choices"
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = list(out.iterdir())
        assert [p.suffix for p in written] == [".pdf"]


async def test_the_printer_is_asked_in_a_thread_and_why_not_is_said(
    make_app, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save dialog opens at once while the print service is asked (it may take up to
    its time limit); then it says why there is no printer, in one of three sentences."""
    import threading

    from peerprep.export import printing

    answer = threading.Event()

    def slow() -> printing.PrinterStatus:
        answer.wait(30)
        return printing.PrinterStatus("no_default")

    monkeypatch.setattr(printing, "find_printer", slow)
    prep = filled(store, introduction="Jeg hedder Åse.")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)  # shown while the question is out
        assert DA.text("export.printer.looking") in _help_text(app)
        assert (
            not dialog.query_one("#print", Checkbox).display
            or dialog.query_one("#print", Checkbox).disabled
        )
        answer.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert DA.text("export.printer.no_default") in _help_text(app)
        assert not dialog.query_one("#print", Checkbox).display
        # Saved as a file: what was done is said, and no printing problem above it
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = "\n".join(str(w.render()) for w in app.screen.query(Static) if w.display)
        assert "Arket er gemt her" in said
        assert DA.text("export.printer.no_default") not in said


async def test_with_a_printer_the_dialog_offers_to_print(
    make_app, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerprep.export import printing

    monkeypatch.setattr(printing, "find_printer", lambda: printing.PrinterStatus("ready", "K"))
    prep = filled(store, introduction="Jeg hedder Åse.")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f5")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        tick = app.screen.query_one("#print", Checkbox)
        assert tick.display and not tick.disabled
        assert not app.screen.query_one("#printer", Static).display


@pytest.mark.parametrize("size", [(80, 24), (80, 15), (40, 15)])
async def test_f1_shows_its_words_on_a_short_terminal_too(make_app, store: Store, size) -> None:
    """A short terminal hides the paragraph that explains a screen ("F1 has it"); in F1's
    help those paragraphs are the point, and are there at every size, page by page."""
    filled(store, introduction="Jeg hedder Åse.")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await wait_shown(pilot, "Åse")
        await pilot.press("f1")
        first = await wait_shown(pilot, DA.text("tui.help.here"))
        here = DA.text("tui.help.topic.home")
        assert readable(first.splitlines()).find(here.split(".")[0]) >= 0, first
        seen = readable(first.splitlines())
        shown = first
        for _ in range(200):  # down through all of it, as a person reads it, to its end
            await pilot.press("down", "down", "down", "down")
            before, shown = shown, "\n".join(frame(app))
            if shown == before:
                break
            seen += " " + readable(shown.splitlines())
        for words in (here, DA.text("tui.help.intro")):
            for sentence in words.split(". "):
                assert sentence.split(",")[0].rstrip(".") in seen, sentence
