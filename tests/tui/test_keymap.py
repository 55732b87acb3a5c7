"""One keymap: a key means one thing wherever it works, the sheet is F5 everywhere, every
F-key has a second key that laptops and terminals leave alone, and help opens without F1."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from peerprep.tui import keymap
from peerprep.tui.screens.help import HelpScreen, keys_shown

from .helpers import SIZE, filled, screen_text


def _classes() -> list[type]:
    from peerprep.tui.app import PeerprepApp
    from peerprep.tui.dialogs.confirm import ConfirmDialog
    from peerprep.tui.dialogs.export import ExportDialog
    from peerprep.tui.dialogs.folder import OpenFileDialog, SaveToFolderDialog
    from peerprep.tui.dialogs.leave import LeaveDialog
    from peerprep.tui.dialogs.locked import LockedDialog
    from peerprep.tui.dialogs.passphrase import PassphraseDialog
    from peerprep.tui.dialogs.save_failed import SaveFailedDialog
    from peerprep.tui.dialogs.welcome import WelcomeDialog
    from peerprep.tui.screens.after_meeting import AfterMeetingScreen
    from peerprep.tui.screens.base import PeerDialog
    from peerprep.tui.screens.home import HomeScreen
    from peerprep.tui.screens.meeting import MeetingScreen
    from peerprep.tui.screens.questions import QuestionsScreen
    from peerprep.tui.screens.review import ReviewScreen
    from peerprep.tui.screens.settings import SettingsScreen
    from peerprep.tui.screens.step import StepScreen
    from peerprep.tui.screens.wizard import WizardScreen

    return [
        PeerprepApp, HomeScreen, WizardScreen, MeetingScreen, StepScreen, QuestionsScreen,
        ReviewScreen, AfterMeetingScreen, SettingsScreen, HelpScreen, PeerDialog, ConfirmDialog,
        ExportDialog, LockedDialog, SaveFailedDialog, WelcomeDialog, PassphraseDialog,
        SaveToFolderDialog, OpenFileDialog, LeaveDialog,
    ]  # fmt: skip


def _bindings() -> list[tuple[type, Binding]]:
    return [
        (cls, binding)
        for cls in _classes()
        for binding in cls.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding)
    ]


def test_every_binding_is_made_from_the_keymap() -> None:
    for cls, binding in _bindings():
        keys = tuple(k.strip() for k in binding.key.split(","))
        assert keys in keymap.KEYS.values(), f"{cls.__name__}: {binding.key} is not in the keymap"


def test_each_key_has_one_meaning() -> None:
    seen: dict[str, str] = {}
    for meaning, keys in keymap.KEYS.items():
        for key in keys:
            assert key not in seen, f"{key} means both {seen[key]} and {meaning}"
            seen[key] = meaning


def test_every_f_key_has_a_second_key_that_is_not_an_f_key() -> None:
    for meaning, keys in keymap.KEYS.items():
        if any(k.startswith("f") and k[1:].isdigit() for k in keys):
            others = [k for k in keys if not (k.startswith("f") and k[1:].isdigit())]
            assert others, f"{meaning} has only F-keys: {keys}"
            # not a key a terminal sends for something else, nor one tmux or the text
            # fields keep (Ctrl+H I J M are Backspace, Tab, Enter; Ctrl+B is tmux's)
            for other in others:
                assert other not in {"ctrl+h", "ctrl+i", "ctrl+j", "ctrl+m", "ctrl+b", "ctrl+c",
                                     "ctrl+z", "ctrl+a", "ctrl+e", "ctrl+k", "ctrl+u",
                                     "ctrl+w", "ctrl+x", "ctrl+v", "ctrl+y", "ctrl+d"}  # fmt: skip
    assert not any(k in ("f10", "f11", "f12") for keys in keymap.KEYS.values() for k in keys)


def test_the_sheet_is_f5_and_read_aloud_is_reserved() -> None:
    sheet = [b for _, b in _bindings() if b.key.split(",")[0] == "f5"]
    assert sheet and {b.key for b in sheet} == {keymap.keys("sheet")}
    assert keymap.KEYS[keymap.READ_ALOUD] == ("ctrl+r",)
    assert keymap.meaning_of("ctrl+r") == keymap.READ_ALOUD
    # reserved: no binding uses Ctrl+R for anything else
    assert not [b for _, b in _bindings() if "ctrl+r" in b.key and b.id != keymap.READ_ALOUD]


def test_the_help_lists_both_keys_of_a_meaning() -> None:
    assert keys_shown("f5") == "F5, Ctrl+P"
    assert keys_shown("f1,ctrl+g") == "F1, Ctrl+G"


@pytest.mark.parametrize("key", ["f1", "ctrl+g"])
async def test_help_opens_with_f1_or_ctrl_g_and_closes_again(make_app, key: str) -> None:
    app = make_app("new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Hjælp" in text and "F5, Ctrl+P" in text
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize(
    ("first", "second"),
    [("f6", "ctrl+n"), ("f5", "ctrl+p"), ("f2", "ctrl+t"), ("f3", "ctrl+l"), ("f9", "ctrl+o")],
)
async def test_the_second_key_does_what_the_f_key_does(
    make_app, store, first: str, second: str
) -> None:
    prep = filled(store, introduction="Jeg hedder Sam.")
    shown = []
    for key in (first, second):
        app = make_app("open", prep.id)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            shown.append((type(app.screen).__name__, screen_text(app)))
            await pilot.press("escape")
    assert shown[0][0] == shown[1][0]
    assert shown[0][1] == shown[1][1]


async def test_f4_is_after_the_meeting_on_home_and_in_a_preparation(make_app, store) -> None:
    from peerprep.tui.screens.after_meeting import AfterMeetingScreen

    prep = filled(store, introduction="Jeg hedder Sam.")
    for command in (None, "open"):
        app = make_app(command, prep.id if command else None)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f4")
            await pilot.pause()
            assert isinstance(app.screen, AfterMeetingScreen)
            assert "Det aftalte vi" in screen_text(app)
