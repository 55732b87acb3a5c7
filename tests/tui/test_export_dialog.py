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
