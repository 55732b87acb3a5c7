"""Line-by-line mode on a shared ward computer: no word claims a save, the same words as
the full screen, the privacy cover and the erase after the minutes in force (on a real
pseudo-terminal, with time moved by hand), leaving clears the screen and its scrollback,
and sheets go to a USB stick or a folder the person names (said to stay there)."""

from __future__ import annotations

import os
import re
import select
import sys
import threading
import time
from pathlib import Path

import pytest
from plain_driving import drive

from peerprep import drives
from peerprep.flow.context import Context
from peerprep.flow.leaving import CLEAR_SCREEN_AND_SCROLLBACK
from peerprep.plain import run
from peerprep.words import catalogue

DA = catalogue("da")
CLEAR = "\x1b[H\x1b[2J\x1b[3J"  # screen, then scrollback (xterm E3)
assert CLEAR == CLEAR_SCREEN_AND_SCROLLBACK


@pytest.fixture
def no_stick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drives, "removable_places", lambda limit=6: [])


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "media" / "KIM-USB"
    folder.mkdir(parents=True)
    monkeypatch.setattr(drives, "removable_places", lambda limit=6: [folder])
    return folder


# --- words ----------------------------------------------------------------------------------

SESSION = ["1", "ja", "2", "i morgen", "10", "Afsnit 3", "", "", "", "Kim.", "slut"]
SESSION += ["", "", "", "ja", "Hvad nu?", "slut", "tilbage", "stop", "0", "stop"]


def test_no_word_claims_a_save_on_a_shared_computer(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, no_stick: None
) -> None:
    code, out = drive(monkeypatch, SESSION, "--shared")
    assert code == 0
    for claim in ("plain.saved", "plain.welcome_saved", "plain.goodbye"):
        assert DA.text(claim) not in out
    assert re.search(r"\bGemt\b", out) is None
    assert out.count(DA.text("plain.kept_in_memory")) >= 5  # "Noteret." after each answer
    assert DA.text("shared.welcome") in out and DA.text("plain.goodbye_memory") in out
    assert "fælles" not in out.lower() and "delt computer" in out
    assert not data_dir.exists()


def test_the_same_words_as_the_full_screen_for_leaving(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, no_stick: None
) -> None:
    code, out = drive(monkeypatch, SESSION, "--shared")
    assert code == 0
    for key in ("shared.leave.title", "shared.leave.why", "shared.leave.how"):
        assert DA.text(key) in out
    for key in ("shared.leave.export", "shared.leave.folder", "shared.leave.erase"):
        assert DA.text(key) in out
    assert DA.text("shared.leave.back") in out  # "0" went back to the text; then stop again


# --- where the sheet goes --------------------------------------------------------------------


def test_no_folder_of_a_shared_computer_is_suggested(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, no_stick: None, tmp_path: Path
) -> None:
    desktop = tmp_path / "Skrivebord"
    desktop.mkdir()
    # one part, back; the sheet (9) as text (4): Enter alone asks again; a folder of the
    # computer; back home, stop: leaving still asks (the file stayed here); erase (3)
    back = ["tilbage"] * 2  # part 2 -> part 1 -> the preparation's menu
    script = ["1", "", "Mine ord.", "slut", *back, "9", "4", "", str(desktop), "0", "stop", "3"]
    code, out = drive(monkeypatch, script, "--shared")
    assert code == 0
    assert DA.text("export.place.shared_choose") in out
    assert DA.text("plain.place.need") in out
    assert not (tmp_path / "exports").exists()
    [txt] = list(desktop.glob("*.txt"))
    assert DA.text("export.stays_here", path=str(txt)) in out
    assert DA.text("shared.leave.title") in out  # not taken along: leaving asks


def test_a_stick_is_offered_first(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, stick: Path
) -> None:
    script = ["1", "", "Mine ord.", "slut", "tilbage", "tilbage", "9", "1", "", "0", "stop"]
    code, out = drive(monkeypatch, script, "--shared")
    assert code == 0
    assert f"1. {DA.text('plain.place.stick', path=str(stick))}" in out
    assert len(list(stick.glob("*.pdf"))) == 1
    assert DA.text("shared.leave.title") not in out  # taken along


def test_the_preparation_itself_on_a_usb_stick(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, stick: Path
) -> None:
    # one part, back; save the preparation (10) on the stick (Enter); home, stop
    script = ["1", "", "Mine ord.", "slut", "tilbage", "tilbage", "10", "", "0", "stop"]
    code, out = drive(monkeypatch, script, "--shared")
    assert code == 0
    [copy] = list(stick.glob("*.json"))
    assert DA.text("shared.saved_to", path=str(copy)) in out
    assert DA.text("shared.leave.title") not in out  # taken along
    # and it opens again, from home: open from a file (2)
    code, out = drive(monkeypatch, ["2", str(copy), "3", "", "0", "stop"])
    assert code == 0
    assert "Mine ord." in out


def test_leaving_by_saving_to_the_stick(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, stick: Path
) -> None:
    script = ["1", "", "Mine ord.", "slut", "tilbage", "tilbage", "0", "stop", "2", "", "stop"]
    code, out = drive(monkeypatch, script, "--shared")
    assert code == 0
    assert len(list(stick.glob("*.json"))) == 1
    assert out.count(DA.text("shared.leave.title")) == 1  # asked once, then left


def test_a_cloud_folder_is_named_and_another_offered(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, no_stick: None, tmp_path: Path
) -> None:
    synced = tmp_path / "OneDrive" / "Dokumenter" / "peerprep"
    monkeypatch.setenv("PEERPREP_EXPORT_DIR", str(synced))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for variable in ("OneDrive", "OneDriveConsumer", "OneDriveCommercial"):
        monkeypatch.delenv(variable, raising=False)
    # the sheet as text, in the other folder offered (2)
    script = ["1", "", "Mine ord.", "slut", "tilbage", "tilbage", "9", "4", "2", "0", "stop"]
    code, out = drive(monkeypatch, script)
    assert code == 0
    other = tmp_path / "home" / "peerprep"
    assert "OneDrive på internettet" in out and f"2. I mappen {other}" in out
    assert len(list(other.glob("*.txt"))) == 1 and not synced.exists()


# --- the privacy cover, the erase, and leaving, on a real terminal ---------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Terminal:
    """The other end of a pseudo-terminal: what a person types, and what they see."""

    def __init__(self, master: int) -> None:
        self.master = master
        self.seen = b""

    def read(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    self.seen += os.read(self.master, 65536)
                except OSError:
                    return

    def shown(self) -> str:
        """Everything seen, with line ends and wrapping as single spaces."""
        return re.sub(r"[ \r\n]+", " ", self.seen.decode("utf-8", "replace"))

    def wait_for(self, text: str, seconds: float = 15.0) -> str:
        """Wait until `text` is seen after everything waited for so far."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            shown = self.shown()
            if text in shown[self.mark :]:
                self.mark = shown.index(text, self.mark) + len(text)
                return shown
            self.read(0.05)
        raise AssertionError(f"never saw {text!r}; the end: {self.seen[-600:]!r}")

    mark = 0

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_cover_and_erase_on_a_real_terminal(tmp_path: Path) -> None:
    """The privacy minutes pass: screen and scrollback cleared, a neutral note, nothing of
    the person's. Enter: the words come back. The erase minutes pass: everything is
    forgotten, and the next person starts at home. Leaving clears screen and scrollback."""
    master, slave = os.openpty()
    reader = os.fdopen(slave, "rb", buffering=0)
    writer = os.fdopen(os.dup(slave), "wb", buffering=0)
    clock = FakeClock()
    context = Context(language="da", data_dir=tmp_path / "data", config_dir=tmp_path / "config",
                      shared_flag=True)  # fmt: skip
    person = Terminal(master)
    failure: list[BaseException] = []

    def the_person() -> None:
        try:
            person.wait_for("Dit valg: ")
            person.type("1\n")
            person.wait_for("Vil du først skrive lidt om mødet?")
            person.type("\n")
            person.wait_for("Del 1 af 4")
            person.wait_for("> ")
            person.type("Mine hemmelige ord\n")
            person.wait_for("> ")
            clock.now += 3 * 60  # the privacy minutes in force (3 by default)
            shown = person.wait_for(DA.text("plain.privacy_back"))
            covered = shown[shown.rindex(CLEAR) :]
            assert "hemmelige" not in covered and DA.text("shared.privacy.hidden") in covered
            person.type("\n")  # Enter: the words come back
            shown = person.wait_for("> Mine hemmelige ord")
            person.wait_for("> ")
            person.type("slut\n")
            person.wait_for(DA.text("plain.kept_in_memory"))
            person.wait_for("> ")  # part 2
            clock.now += 20 * 60  # the erase minutes in force (20)
            shown = person.wait_for(DA.text("plain.erased"))
            person.wait_for("Dit valg: ")
            home = shown[shown.rindex(CLEAR) :]
            assert "hemmelige" not in home and DA.text("plain.home.open_one") not in home
            person.type("stop\n")
            person.wait_for(DA.text("plain.goodbye_memory"))
        except BaseException as error:  # handed to the test's own thread
            failure.append(error)
        finally:
            person.read(0.3)
            os.close(master)  # the terminal closes: the program ends in any case

    thread = threading.Thread(target=the_person, daemon=True)
    thread.start()
    try:
        assert run(context, reader=reader, writer=writer, clock=clock) == 0
    finally:
        thread.join(30)
        reader.close()
        writer.close()
    if failure:
        raise failure[0]
    assert context.store().list().preparations == []  # erased
    shown = person.shown()
    last = shown[shown.rindex(CLEAR) :]
    assert DA.text("plain.goodbye_memory") in last and "hemmelige" not in last
    assert not (tmp_path / "data").exists()


# --- nothing read from a file acts on the terminal ---------------------------------------------

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_control_sequences_in_a_preparation_never_reach_the_terminal(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    case = FIXTURES / "case-escape-title.json"
    # open it from the file (2), read it all (8), no file (0), home, stop
    code, out = drive(monkeypatch, ["2", str(case), "8", "0", "0", "stop"])
    assert code == 0
    assert "Skærmen er ryddet" in out and "Mit møde" in out  # the words are there ...
    assert "\x1b" not in out and "\x07" not in out  # ... the sequences are not
