"""What a real terminal receives from the program, checked byte for byte on a pseudo-terminal.

- A preparation whose title and part 1 hold terminal control sequences (the case of the
  escape title, tests/fixtures/case-escape-title.json): none of them reaches the terminal
  from `import`, `list`, the `delete` question, plain mode or the full screen (home,
  review, part 1).
- An error nobody foresaw ends the full screen with one line in the person's language
  and exit code 1: no traceback, none of the person's words.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from terminal import env, ptyrun, screen_text, welcomed

from peerprep.words import catalogue

FIXTURE = Path(__file__).parents[1] / "fixtures" / "case-escape-title.json"
PREP_ID = "case-escape-title"
# The sequences the fixture holds, and what a terminal would do with them.
FORBIDDEN = {
    b"\x1b]0;HACKED": "the window's title changes",
    b"HACKED\x07": "the window's title changes",
    b"\x1b[2J": "the screen is wiped",
}
RUN_SECONDS = 60.0


def _run(tmp_path: Path, *args: str, keys: list[str] | None = None, wait_for: str = "") -> str:
    """Run `peerprep ARGS` on a pty, send `keys` one by one (each after the screen shows
    something new), and return everything it wrote (checked for the sequences)."""
    proc = ptyrun.spawn([sys.executable, "-m", "peerprep", *args], env=env(tmp_path))
    try:
        if wait_for:
            assert proc.drain_until(lambda: wait_for in screen_text(proc), RUN_SECONDS), (
                screen_text(proc)[-600:]
            )
        for key in keys or []:
            proc.drain(0.8)
            proc.send(key)
        code = proc.wait(RUN_SECONDS)
    finally:
        proc.close()
    raw = bytes(proc.output)
    for sequence, effect in FORBIDDEN.items():
        assert sequence not in raw, f"peerprep {' '.join(args)}: {effect} ({sequence!r})"
    assert b"Traceback" not in raw
    assert code in (0, 1), (code, screen_text(proc)[-600:])
    return screen_text(proc)


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    welcomed(tmp_path)
    copy = tmp_path / "fra-usb.json"
    shutil.copy(FIXTURE, copy)
    text = _run(tmp_path, "import", str(copy))
    assert "Mit mødeRØD" in text
    return tmp_path


def test_import_and_list_show_the_title_without_its_sequences(imported: Path) -> None:
    text = _run(imported, "list")
    assert "Mit mødeRØD" in text and "Udskrivningsmøde" in text


def test_the_delete_question_names_it_without_its_sequences(imported: Path) -> None:
    text = _run(imported, "delete", PREP_ID, keys=["n\r"], wait_for="?")
    assert "Mit mødeRØD" in text
    assert (imported / "data" / "preparations" / f"{PREP_ID}.json").exists()


def test_plain_mode_lists_and_reads_it_back_without_its_sequences(imported: Path) -> None:
    # home: 2 = open, 1 = the first preparation; then 8 = read it back ("review"), 0 home,
    # stop (a word since issue 13: "q" is text)
    prompt = catalogue("da").text("plain.choose_prompt").strip()
    text = _run(imported, "--plain", keys=["2\r", "1\r", "8\r", "0\r", "0\r", "stop\r"],
                wait_for=prompt)  # fmt: skip
    assert "Mit mødeRØD" in text
    assert "Jeg hedder Kim.Skærmen er ryddet" in text


def test_the_full_screen_shows_it_without_its_sequences(imported: Path) -> None:
    """Home (the list), then the review it opens on, then back to part 1, then Ctrl+Q."""
    starter = catalogue("da").part("introduction").starter
    keys = ["\r", *["\x1b"] * 5, "\x11"]
    text = _run(imported, keys=keys, wait_for="Mit mødeRØD")
    assert starter.split()[0] in text


def test_an_unforeseen_error_in_the_full_screen_is_one_line(tmp_path: Path) -> None:
    """A bug (put in by the test) whose message holds the person's words: the terminal gets
    one sentence and exit code 1; the words stay out of it and out of the log."""
    welcomed(tmp_path)
    (tmp_path / "data").mkdir()
    code = (
        "import sys\n"
        "from peerprep.tui.screens import home\n"
        "def broken(self):\n"
        "    raise RuntimeError('Jeg hedder Kim og har det svært')\n"
        "home.HomeScreen.on_mount = broken\n"
        "from peerprep.cli import main\n"
        "sys.exit(main([]))\n"
    )
    environment = env(tmp_path)
    environment.pop("PEERPREP_DEBUG", None)
    proc = ptyrun.spawn([sys.executable, "-c", code], env=environment)
    try:
        exit_code = proc.wait(RUN_SECONDS)
    finally:
        proc.close()
    text = screen_text(proc)
    log = tmp_path / "data" / "peerprep-errors.log"
    assert exit_code == 1, text[-600:]
    assert "Traceback" not in text and "Kim" not in text
    assert catalogue("da").text("errors.unexpected_logged", path=str(log)) in text
    assert "RuntimeError" in log.read_text("utf-8") and "Kim" not in log.read_text("utf-8")
