"""The language on Windows: no locale variable is set there, so Windows is asked which
language its menus are in for this person (GetUserDefaultUILanguage), under a simulated
Windows whose kernel32 answers with a language number."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerprep.cli import main
from peerprep.words import catalogue
from peerprep.words.language import resolve_language

from .simulated import SimulatedDLL, simulate_platform, simulate_windll

# Windows language numbers (LANGID), from Microsoft's [MS-LCID] list.
DANISH = 0x0406  # da-DK
ENGLISH_US = 0x0409
ENGLISH_UK = 0x0809
GERMAN = 0x0407
GREENLANDIC = 0x046F  # kl-GL: not a language of ours, so Danish by the documented rule


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """A simulated Windows that sets no locale variable; its menus' language is ui["id"]."""
    ui = {"id": DANISH}
    simulate_platform(monkeypatch, "win32")
    simulate_windll(monkeypatch, kernel32=SimulatedDLL(GetUserDefaultUILanguage=lambda: ui["id"]))
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "PEERPREP_LANG"):
        monkeypatch.delenv(name, raising=False)
    # What Python's locale module says on Windows: the formats, not the menus' language.
    monkeypatch.setattr("locale.getlocale", lambda *a: ("Danish_Denmark", "1252"))
    return ui


@pytest.mark.parametrize(
    ("langid", "language"),
    [(DANISH, "da"), (ENGLISH_US, "en"), (ENGLISH_UK, "en"), (GERMAN, "da"), (GREENLANDIC, "da")],
)
def test_the_language_of_windows_menus_is_the_programs(
    windows: dict[str, int], langid: int, language: str
) -> None:
    windows["id"] = langid
    assert resolve_language(None) == language


def test_a_variable_or_a_choice_still_wins_over_windows(
    windows: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    windows["id"] = ENGLISH_US
    assert resolve_language("da") == "da"
    monkeypatch.setenv("PEERPREP_LANG", "da")
    assert resolve_language(None) == "da"
    monkeypatch.delenv("PEERPREP_LANG")
    monkeypatch.setenv("LANG", "da_DK.UTF-8")  # Git Bash and MSYS set one
    assert resolve_language(None) == "da"


def test_an_english_windows_gets_english_from_the_command_line(
    windows: dict[str, int], capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    """What the person sees: `peerprep where` speaks the language of their Windows."""
    windows["id"] = ENGLISH_UK
    main(["where"])
    english = capsys.readouterr().out
    windows["id"] = DANISH
    main(["where"])
    danish = capsys.readouterr().out
    where = str(data_dir)
    assert english.startswith(catalogue("en").text("where.data", path=where))
    assert danish.startswith(catalogue("da").text("where.data", path=where))
