"""The footer at every size: "F1 Hjælp" is the first key on every screen and in every
dialog, so a person at a small terminal learns where help is (at 40x15 a newcomer saw
"F6 Næste Esc Tilbage F2 Idéer F3 Eksempl" and never "F1 Hjælp"), and a key that does not
fit is left out whole, never cut in the middle of its word."""

from __future__ import annotations

import pytest

from peerprep.words import catalogue

from .helpers import filled
from .screen import SIZE_IDS, SIZES, frame


def _footer_row(app) -> str:
    return frame(app)[-1].rstrip()


def _keys(app) -> list[str]:
    """Every key the footer holds, as it is written when shown ("F1 Hjælp")."""
    return [f"{key.key_display} {key.description}" for key in app.screen.query("FooterKey")]


def _check(app, language: str, where: str, *, help_first: bool = True) -> None:
    row = _footer_row(app)
    help_key = f"F1 {catalogue(language).text('tui.keys.help.label')}"
    assert row.startswith(help_key) == help_first, f"{where}: {row!r}"
    keys = _keys(app)
    # what the row shows is the footer's keys from the first, each whole, in their order
    shown = [key for index, key in enumerate(keys) if row == " ".join(keys[: index + 1])]
    assert shown, f"{where}: {row!r} is not the keys {keys!r} each whole"


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_help_is_the_first_key_and_no_key_is_cut(make_app, store, size, language) -> None:
    filled(store, introduction="Jeg hedder Åse.")
    app = make_app(language=language)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        _check(app, language, "home")
        app.begin_new()
        await pilot.pause()
        await pilot.pause()
        _check(app, language, "the meeting")
        await pilot.press("f6")
        await pilot.pause()
        _check(app, language, "part 1")
        await pilot.press("f1")
        await pilot.pause()
        _check(app, language, "help", help_first=False)  # in help already
        await pilot.press("escape", "escape")  # out of help, back to the meeting
        await pilot.pause()
        app.screen.query_one("#date").focus()
        await pilot.press(*"blabla", "ctrl+q")  # a date that cannot be read: asked first
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "UnsavedWordsDialog"
        _check(app, language, "a dialog")


async def test_keys_left_out_come_back_when_the_terminal_grows(make_app) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZES[0]) as pilot:
        await pilot.pause()
        narrow = _footer_row(app)
        await pilot.resize_terminal(*SIZES[1])
        await pilot.pause()
        await pilot.pause()
        wide = _footer_row(app)
        assert wide.startswith(narrow) and len(wide) > len(narrow)
        assert wide == " ".join(_keys(app)), wide  # all of them, at 80 columns
        _check(app, "da", "part 1 at 80 columns")
