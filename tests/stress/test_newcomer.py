"""The whole path a newcomer takes, in a real terminal: Danish, 80x24, on a pseudo-terminal.

Welcome, home, the meeting, the four parts, questions, review, the sheet saved as a file,
after the meeting, and a copy for the next meeting, each step asserted on what the
screen shows (read through a VT100 emulator, pyte), not on widget ids. Then what was
kept: the saved files and the sheet. The keys are the ones the footer shows.
"""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

import pytest
from terminal import env, ptyrun

pyte = pytest.importorskip("pyte")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX"),
]

KEYS = {
    "f1": "\x1bOP", "f2": "\x1bOQ", "f3": "\x1bOR", "f4": "\x1bOS", "f5": "\x1b[15~",
    "f6": "\x1b[17~", "f7": "\x1b[18~", "f8": "\x1b[19~", "f9": "\x1b[20~",
    "enter": "\r", "tab": "\t", "escape": "\x1b", "down": "\x1b[B", "ctrl+q": "\x11",
}  # fmt: skip
WAIT = 20.0  # seconds for a screen to show what it should (a slow, shared machine)


class Terminal:
    """The program on a pty, and what its screen shows."""

    def __init__(self, proc: ptyrun.PtyProcess) -> None:
        self.proc = proc
        self.screen = pyte.Screen(ptyrun.COLUMNS, ptyrun.LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.seen = 0

    def _feed(self) -> None:
        self.proc.drain(0.02)
        data = bytes(self.proc.output[self.seen :])
        self.seen = len(self.proc.output)
        if data:
            self.stream.feed(data)

    def text(self) -> str:
        self._feed()
        return "\n".join(line.rstrip() for line in self.screen.display)

    def words(self) -> str:
        """The screen as one line of words, frames left out: a wrapped sentence is whole."""
        text = self.text()
        frames = {chr(c) for c in range(0x2500, 0x25A0)}
        return " ".join("".join(" " if ch in frames else ch for ch in text).split())

    def wait_for(self, *wanted: str, timeout: float = WAIT) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            words = self.words()
            if all(w in words for w in wanted):
                return words
            if self.proc.poll() is not None:
                break
        missing = [w for w in wanted if w not in self.words()]
        raise AssertionError(f"not on the screen: {missing}\n---\n{self.text()}")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.proc.send(KEYS[key])
            self.proc.drain(0.25 if key == "escape" else 0.08)  # Esc alone: let it settle

    def type(self, text: str) -> None:
        for char in text:
            self.proc.send(char)
            self.proc.drain(0.01)
        self.proc.drain(0.2)


def test_a_newcomer_prepares_a_meeting_from_welcome_to_the_next_meeting(tmp_path: Path) -> None:
    terminal_env = env(tmp_path)  # Danish, the program's folders in tmp_path, not welcomed
    exports = tmp_path / "exports"
    terminal_env["PEERPREP_EXPORT_DIR"] = str(exports)
    proc = ptyrun.spawn([sys.executable, "-m", "peerprep"], env=terminal_env, cwd=str(tmp_path))
    term = Terminal(proc)
    try:
        # welcome: what this is, where the words are kept, how to get help
        term.wait_for("Velkommen", "Du skriver fire korte svar", "F1 eller Ctrl+G", "Kom i gang")
        term.press("enter")
        # home, nothing yet: what a personal statement is, and one way to begin
        term.wait_for("Et personligt statement er et ark", "Begynd (F7)")
        term.press("f7")
        # the meeting
        term.wait_for("Mødet", "Hvilket møde", "Dato", "Tidspunkt", "Bisidder", "F6 Næste")
        term.press("tab")
        term.type("24.12.2026")
        term.press("tab")
        term.type("10.30")
        term.press("tab")
        term.wait_for("Mødet er torsdag")
        term.press("f6")
        # part 1: the starter, the examples on request
        term.wait_for("Del 1 af 4", "Sådan vil jeg introducere mig selv", "Vis eksempler (F3)")
        term.type("Jeg hedder Åse og bor på Ærø.")
        term.press("f3")
        term.wait_for("Sådan har andre skrevet", "Skjul eksempler (F3)")
        term.press("f3", "f6")
        # part 2: the answer goes on from the starter, and the screen says so
        term.wait_for("Del 2 af 4", "Skriv videre: Det er vigtigt for mig at …")
        term.type("Det er vigtigt for mig at have ro om natten.")
        term.press("f6")
        term.wait_for("Del 3 af 4", "Jeg vil gerne have hjælp til …")
        term.type("at sove bedre.")
        term.press("f6")
        term.wait_for("Del 4 af 4", "… så jeg kan …")
        term.type("arbejde igen.")
        term.press("f6")
        # questions
        term.wait_for("Mine spørgsmål til mødet", "Forslag (F2)")
        term.type("Hvem kan jeg ringe til?")
        term.press("enter")
        term.wait_for("1. Hvem kan jeg ringe til?")
        term.press("f6")
        # review: the sheet as it prints, each starter once
        words = term.wait_for("Se det hele", "have ro om natten.", "Print arket (F5)")
        assert "Det er vigtigt for mig at have ro" not in words
        assert "Færdig" not in words and "Gem fil" not in words
        # the sheet: one page, saved as a PDF with F5 and F5
        term.press("f5")
        term.wait_for("Print arket, eller gem det som fil", "Arket bliver på én side")
        term.press("f5")
        term.wait_for("Arket er gemt her")
        term.press("escape")
        term.wait_for("Se det hele")
        # after the meeting
        term.press("f4")
        term.wait_for("Efter mødet", "Det aftalte vi", "Næste skridt")
        term.type("Vi aftalte en ny plan for søvnen.")
        # on to the next meeting: a copy that says what came along
        term.press("f6")
        term.wait_for("Det her er en kopi af", "4 af de 4 dele", "Mødet er tomt", "Fortryd kopien")
        term.press("ctrl+q")
        assert proc.wait(WAIT) == 0
    finally:
        proc.close()

    files = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in (tmp_path / "data" / "preparations").glob("*.json")
    ]
    assert len(files) == 2
    first = next(f for f in files if f["meeting"]["date"])
    copy = next(f for f in files if not f["meeting"]["date"])
    assert first["meeting"]["date"] == "2026-12-24" and first["meeting"]["time"] == "10:30:00"
    # the saved text keeps the person's words as written, starter and all
    assert first["statement"]["important"] == "Det er vigtigt for mig at have ro om natten."
    assert first["questions"] == ["Hvem kan jeg ringe til?"]
    assert first["after_meeting"]["agreed"] == "Vi aftalte en ny plan for søvnen."
    assert copy["statement"] == first["statement"] and copy["questions"] == first["questions"]
    from pypdf import PdfReader

    (sheet,) = exports.glob("*.pdf")
    reader = PdfReader(io.BytesIO(sheet.read_bytes()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert len(reader.pages) == 1
    assert text.count("Det er vigtigt for mig at") == 1 and "have ro om natten" in text
