"""The screen helper (tests/tui/screen.py) reads what a person sees: the frame Textual draws
at each size, and the real program's screen on a pseudo-terminal, where a paste arrives
as a terminal sends it (bracketed) and is kept word for word."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from peerprep import settings
from peerprep.words import catalogue

from .screen import SIZE_IDS, SIZES, Terminal, frame, readable, screen_text, terminal_env

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

STARTER = catalogue("da").part("introduction").starter
ABOUT = catalogue("da").part("introduction").about[0]


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_the_frame_is_the_terminal_size_and_holds_the_words(make_app, size):
    app = make_app("new")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = frame(app)
        assert len(lines) == size[1]
        assert {len(line) for line in lines} == {size[0]}
        # the footer is the last row at every size
        assert lines[-1].startswith("F1 Hjælp F6 ")
        # the starter of part 1 is on screen at every size; the words about it are left
        # out at 40x15 to keep room for the text box (what is not in view is not in the
        # frame)
        assert STARTER in readable(frame(app))
        about_shown = " ".join(ABOUT.split()[:3]) in screen_text(app)
        assert about_shown == (size != SIZES[0])


def test_readable_joins_wrapped_words_and_drops_frames():
    lines = ["║ Jeg hedder   ║", "║ Åse og har  ║", "╚════════════╝", " Arket: ██░░ 20 %"]
    assert readable(lines) == "Jeg hedder Åse og har Arket: 20 %"


def _saved_introduction(data_dir: Path) -> list[str]:
    folder = data_dir / "preparations"
    return [
        json.loads(path.read_text(encoding="utf-8"))["statement"]["introduction"]
        for path in sorted(folder.glob("*.json"))
    ]


@pytest.mark.slow
def test_a_bracketed_paste_in_the_real_terminal_is_kept_word_for_word(tmp_path):
    """Text pasted from a letter into part 1, through the real terminal driver: on the
    screen at once, saved by the autosave, and the same after quitting."""
    settings.save(tmp_path / "config", settings.Settings(welcomed=True))
    pasted = "Jeg hedder Åse og bor i Ærøskøbing.\nJeg kan lide at gå ture med min hund."
    with Terminal.peerprep("new", env=terminal_env(tmp_path)) as term:
        term.wait_for(STARTER)
        term.paste(pasted)
        term.wait_for("Ærøskøbing")
        term.wait_for("gå ture med min hund")
        # the autosave writes it without any other key
        term.wait_until(
            lambda: _saved_introduction(tmp_path / "data") == [pasted],
            timeout=30,
            what="the pasted text saved",
        )
        term.keys("ctrl+q")
        assert term.wait_exit(30) == 0, term.text()
    assert _saved_introduction(tmp_path / "data") == [pasted]
