"""Every key explains itself, in both languages; every text the screens use exists."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from textual.binding import Binding

from peerprep.choices import LANGUAGES
from peerprep.tui.bindings import key_display, label_key, tip_key
from peerprep.words import catalogue

TUI = Path(__file__).resolve().parents[2] / "peerprep" / "tui"
MINE = [
    path
    for path in TUI.rglob("*.py")
    if path.name not in {"themes.py", "shared_mode.py", "idle.py"}
    and path.parent.name != "__pycache__"
]


def _classes_with_bindings() -> list[type]:
    from peerprep.tui.app import PeerprepApp
    from peerprep.tui.dialogs.confirm import ConfirmDialog
    from peerprep.tui.dialogs.export import ExportDialog
    from peerprep.tui.dialogs.locked import LockedDialog
    from peerprep.tui.dialogs.save_failed import SaveFailedDialog
    from peerprep.tui.dialogs.welcome import WelcomeDialog
    from peerprep.tui.screens.help import HelpScreen, sections

    assert sections()  # the help screen lists the rooms' keys
    from peerprep.tui.screens.after_meeting import AfterMeetingScreen
    from peerprep.tui.screens.home import HomeScreen
    from peerprep.tui.screens.meeting import MeetingScreen
    from peerprep.tui.screens.questions import QuestionsScreen
    from peerprep.tui.screens.review import ReviewScreen
    from peerprep.tui.screens.settings import SettingsScreen
    from peerprep.tui.screens.step import StepScreen
    from peerprep.tui.screens.wizard import WizardScreen

    return [
        PeerprepApp, HomeScreen, WizardScreen, MeetingScreen, StepScreen, QuestionsScreen,
        ReviewScreen, AfterMeetingScreen, SettingsScreen, HelpScreen, ConfirmDialog,
        ExportDialog, LockedDialog, SaveFailedDialog, WelcomeDialog,
    ]  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_binding_has_an_id_a_description_a_tooltip_and_both_texts(language: str) -> None:
    cat = catalogue(language)
    for cls in _classes_with_bindings():
        for binding in cls.__dict__.get("BINDINGS", []):
            assert isinstance(binding, Binding), (cls, binding)
            where = f"{cls.__name__} {binding.key}"
            assert binding.id, where
            assert binding.description and binding.tooltip, where
            assert cat.text(label_key(binding.id)).strip(), where
            assert cat.text(tip_key(binding.id)).strip(), where


def test_no_ctrl_enter_and_ctrl_q_quits() -> None:
    keys = [
        key
        for cls in _classes_with_bindings()
        for binding in cls.__dict__.get("BINDINGS", [])
        for key in binding.key.split(",")
    ]
    assert not [k for k in keys if "ctrl+enter" in k]
    from peerprep.tui.app import PeerprepApp

    assert any(b.key == "ctrl+q" and b.action == "quit" for b in PeerprepApp.BINDINGS)


def test_keys_are_shown_in_words_a_newcomer_reads() -> None:
    assert key_display("f6") == "F6"
    assert key_display("ctrl+q") == "Ctrl+Q"
    assert key_display("escape,f1") == "Esc"
    assert key_display("ctrl+up") == "Ctrl+↑"
    assert key_display("enter") == "Enter"


_LITERAL = re.compile(r"""["'](tui\.[a-z_]+(?:\.[a-z_0-9]+)+)["']""")


def test_every_literal_text_key_in_the_screens_exists_in_both_languages() -> None:
    used = {m.group(1) for path in MINE for m in _LITERAL.finditer(path.read_text("utf-8"))}
    assert len(used) > 100
    for language in LANGUAGES:
        cat = catalogue(language)
        missing = sorted(key for key in used if not cat.has(key))
        assert not missing, (language, missing)


def test_both_languages_have_the_same_tui_keys() -> None:
    da, en = (
        {key for key in sorted(catalogue(language).keys()) if key.startswith("tui.")}
        for language in ("da", "en")
    )
    assert da == en


def _open_in_a_new_process(data_dir: Path, prep_id: str) -> subprocess.CompletedProcess[str]:
    """`peerprep open ID` in a fresh Python; it prints whether Textual was loaded, and rc."""
    code = (
        "import sys\n"
        "from peerprep.cli import main\n"
        "rc = main(['--data-dir', sys.argv[1], 'open', sys.argv[2]])\n"
        "print('textual' in sys.modules, rc)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, str(data_dir), prep_id],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_open_of_an_unknown_id_says_so_without_loading_textual(tmp_path: Path) -> None:
    done = _open_in_a_new_process(tmp_path / "d", "no-such-id")
    assert done.stdout.split() == ["False", "1"], done
    assert "no-such-id" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_open_of_a_broken_file_says_so_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "d" / "preparations"
    folder.mkdir(parents=True)
    (folder / "20260101-120000-abcdef.json").write_text("{ not json", encoding="utf-8")
    done = _open_in_a_new_process(tmp_path / "d", "20260101-120000-abcdef")
    assert done.stdout.split() == ["False", "1"], done
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
