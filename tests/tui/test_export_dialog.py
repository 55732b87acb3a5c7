"""The export dialog: the arrow keys choose the kind of file at once, the hint says how many
pages the sheet will be, and "open" says so when nothing opened the file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from peerprep.tui.dialogs.export import ExportDialog

from .helpers import SIZE, filled, settle, words_on_screen


@pytest.fixture
def no_viewer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An xdg-open that answers as it does where nothing shows this kind of file."""
    folder = tmp_path / "bin"
    folder.mkdir()
    opener = folder / "xdg-open"
    opener.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    opener.chmod(opener.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}")
    return folder


async def test_the_arrow_keys_choose_the_format_and_f5_saves_that_one(
    make_app, store, tmp_path: Path
) -> None:
    prep = filled(store, introduction="Jeg hedder Åse.")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "Arket bliver på én side" in words_on_screen(app)
        await pilot.press("down")  # at once: HTML is the chosen kind, no Enter needed
        await pilot.pause()
        assert "Åbnes i en browser" in words_on_screen(app)
        await pilot.press("f5")
        await settle(app, pilot)
        written = list((tmp_path / "exports").glob("*"))
        assert [p.suffix for p in written] == [".html"], written
        await pilot.press("f5")  # saved already: a second F5 makes no second file
        await settle(app, pilot)
        assert len(list((tmp_path / "exports").glob("*"))) == 1


async def test_the_hint_counts_the_pages_of_large_print(make_app, store) -> None:
    from peerprep.flow.taking_along import sheet_pages

    prep = filled(store, introduction="Jeg hedder Åse.", important="at have ro.")
    pages = sheet_pages(prep, large_print=True)
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        app.screen.query_one("#large").focus()
        await pilot.press("space")
        await pilot.pause()
        said = "én side" if pages == 1 else f"{pages} sider"
        assert f"Arket bliver på {said}" in words_on_screen(app)


async def test_open_says_when_nothing_opened_the_file(make_app, store, no_viewer) -> None:
    prep = filled(store, introduction="Jeg hedder Åse.")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5", "f5")
        await settle(app, pilot)
        assert app.focused is not None and app.focused.id == "open"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.pause(0.3)
        text = words_on_screen(app)
        assert "Filen kunne ikke åbnes her" in text
        assert str(Path(app.screen.written).name) in text.replace(" ", "") or "ligger her" in text


# --- what will not print, said before the PDF is made (flow.taking_along.warnings_before) ---

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MISSING = "Disse tegn kan ikke vises i PDF-filen: 你 好."
OFFER = "Gem arket som HTML i stedet."


@pytest.fixture
def scripts(store, monkeypatch: pytest.MonkeyPatch):
    """The case of many scripts: everything prints but 你 and 好 (no font on this computer
    draws them)."""
    from peerprep.export import fonts
    from peerprep.fileformat import decode

    monkeypatch.setattr(fonts, "system_fonts", lambda: [])
    prep = decode((FIXTURES / "case-scripts.json").read_bytes())
    store.save(prep)
    return prep


def _exports(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "exports").glob("*"))


async def test_the_dialog_says_which_characters_will_not_print_and_offers_html(
    make_app, scripts, tmp_path: Path
) -> None:
    app = make_app("open", scripts.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await settle(app, pilot)
        text = words_on_screen(app)
        assert MISSING in text and OFFER in text
        assert "Gem som HTML" in text
        assert _exports(tmp_path) == []  # said before anything is made
        await pilot.press("down")  # HTML: the browser draws them, nothing to say
        await settle(app, pilot)
        assert MISSING not in words_on_screen(app)
        await pilot.press("up")
        await settle(app, pilot)
        assert MISSING in words_on_screen(app)
        await pilot.click("#as-html")
        await settle(app, pilot)
        written = _exports(tmp_path)
        assert [path.suffix for path in written] == [".html"]
        assert "你好" in written[0].read_text(encoding="utf-8")
        assert "Arket er gemt her" in words_on_screen(app)


async def test_a_pdf_is_made_only_after_the_missing_characters_were_said(
    make_app, scripts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saved before the check had answered: Save says it first, a second Save makes it."""
    monkeypatch.setattr(ExportDialog, "_check", lambda self, fmt, large: None)
    app = make_app("open", scripts.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert MISSING not in words_on_screen(app)
        await pilot.press("f5")
        await settle(app, pilot)
        assert MISSING in words_on_screen(app)
        assert _exports(tmp_path) == []
        await pilot.press("f5")  # all the same
        await settle(app, pilot)
        assert [path.suffix for path in _exports(tmp_path)] == [".pdf"]
        assert "Arket er gemt her" in words_on_screen(app)


async def test_on_a_small_screen_the_first_save_brings_the_characters_into_view(
    make_app, scripts, tmp_path: Path
) -> None:
    """At 40x15 the dialog scrolls: the first Save shows what will not print, the second
    makes the PDF."""
    app = make_app("open", scripts.id)
    async with app.run_test(size=(40, 15)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await settle(app, pilot)
        assert MISSING not in words_on_screen(app)  # checked, but scrolled out of view
        await pilot.press("f5")
        await settle(app, pilot)
        assert MISSING in words_on_screen(app)
        assert _exports(tmp_path) == []
        await pilot.press("f5")
        await settle(app, pilot)
        assert [path.suffix for path in _exports(tmp_path)] == [".pdf"]


async def test_the_dialog_stays_alive_while_the_fonts_are_read(
    make_app, scripts, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from peerprep.flow import taking_along

    gate = threading.Event()
    real = taking_along.warnings_before
    waited_out: list[bool] = []

    def slow(prep, request):
        # the character maps of many fonts, on a slow disk: until the test lets it go
        waited_out.append(not gate.wait(10))
        return real(prep, request)

    monkeypatch.setattr(taking_along, "warnings_before", slow)
    app = make_app("open", scripts.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("down")  # answered at once, while the check waits
        await pilot.pause()
        assert "Åbnes i en browser" in words_on_screen(app)
        await pilot.press("up")
        await pilot.pause()
        gate.set()
        await settle(app, pilot)
        assert MISSING in words_on_screen(app)
    assert waited_out and not any(waited_out)  # the screen never waited for the check


async def test_a_long_statement_is_said_to_take_more_pages_before_and_after(
    make_app, store, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    sentence = "Jeg vil gerne fortælle om min hverdag, mit arbejde og min familie. "
    prep = filled(store, **{key: sentence * 70 for key in ("introduction", "important")})
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await settle(app, pilot)
        text = words_on_screen(app)
        assert "Dine svar fylder mere end én side." in text
        assert "Gem som HTML" not in text  # every character prints
        await pilot.press("f5")
        await settle(app, pilot)
        written = _exports(tmp_path)
        assert [path.suffix for path in written] == [".pdf"]
        pages = len(PdfReader(written[0]).pages)
        assert pages > 1
        assert f"Arket bliver på {pages} sider." in text  # the hint before, as made
        assert f"Arket fylder {pages} sider." in words_on_screen(app)


# --- a blank sheet, from home (flow.taking_along.take_blank) ---

BLANK_BUTTON = "Tomt ark til at skrive i hånden"


def _has_every_starter(text: str, language: str) -> bool:
    from peerprep.choices import PART_KEYS
    from peerprep.words import catalogue

    cat = catalogue(language)
    return all(cat.part(key).starter in " ".join(text.split()) for key in PART_KEYS)


async def test_f5_on_an_empty_home_makes_a_blank_sheet(make_app, tmp_path: Path) -> None:
    from pypdf import PdfReader

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = words_on_screen(app)
        assert BLANK_BUTTON in text and "F5 Arket" in text.replace("\n", " ")
        await pilot.press("f5")
        await pilot.pause()
        text = words_on_screen(app)
        assert "Et tomt ark til at skrive på i hånden" in text
        assert "Arket bliver på én side." in text
        app.screen.query_one("#large").focus()
        await pilot.press("space")
        await pilot.pause()
        assert "Arket bliver på 2 sider." in words_on_screen(app)  # large print
        await pilot.press("f5")
        await settle(app, pilot)
        [pdf] = _exports(tmp_path)
        assert pdf.name == "Tomt ark til mit statement med stor skrift.pdf"
        pages = PdfReader(pdf).pages
        assert len(pages) == 2 and _has_every_starter(pages[0].extract_text(), "da")
        text = words_on_screen(app)
        assert "Arket er gemt her" in text and "Arket fylder 2 sider." in text


async def test_the_blank_sheet_is_a_tab_away_from_the_list_in_the_screens_language(
    make_app, store, tmp_path: Path
) -> None:
    filled(store, introduction="My name is Åse.")
    app = make_app(language="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Blank sheet to fill in by hand" in words_on_screen(app)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "A blank sheet to fill in by hand" in words_on_screen(app)
        await pilot.press("down")  # HTML
        await pilot.press("f5")
        await settle(app, pilot)
        [html] = _exports(tmp_path)
        page = html.read_text(encoding="utf-8")
        assert html.suffix == ".html" and "My name is" not in page
        assert _has_every_starter(page, "en")
        assert "The sheet is saved here" in words_on_screen(app)
