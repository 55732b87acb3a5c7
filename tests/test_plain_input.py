"""Plain mode's input: the end of input is an end, never an empty line, and nothing typed
before it is lost.

A screen-reader user may end the input with Ctrl+D, a script of answers may run out, a
pipe may close. Whatever was typed until then is the person's and is saved, questions as
much as answers; and the program leaves calmly (exit 0) instead of reading the end as an
empty answer again and again (a menu would then say "not understood" for ever). Each
whole-program run here has a timeout, so a hang fails the test instead of the whole run.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from scripted_editor import ScriptedEditor

from peerprep import cli
from peerprep.flow.idle import IdleClock
from peerprep.flow.leaving import CLEAR_SCREEN_AND_SCROLLBACK
from peerprep.plain import asking
from peerprep.plain.answers import read_lines
from peerprep.plain.console import Console, Covered, EndOfInput, Hangup
from peerprep.words import catalogue

CAT = catalogue("da")
NOT_UNDERSTOOD = CAT.text("plain.not_understood", lowest=0, highest=0).split(".")[0]
QUESTIONS = ["Hvornår kan jeg komme hjem?", "Må min søster Åse komme med?"]


def _console(data: bytes) -> tuple[Console, io.BytesIO]:
    out = io.BytesIO()
    return Console(reader=io.BytesIO(data), writer=out, cat=CAT), out


# Reading the end of input as an empty line makes a menu ask for ever: these fail fast.
pytestmark = pytest.mark.timeout(60)


def test_the_end_of_input_is_not_an_empty_line() -> None:
    console, _ = _console(b"\n")
    assert console.read_line() == ""  # an empty line is an empty line ...
    with pytest.raises(EndOfInput):
        console.read_line()  # ... and the end is the end,
    with pytest.raises(EndOfInput):
        console.read_line()  # for ever after


def test_a_menu_leaves_at_the_end_of_input() -> None:
    console, out = _console(b"7\n")
    with pytest.raises(EndOfInput):
        asking.choose(console, "Hvad nu?", [("a", "Et"), ("b", "To")], "Tilbage")
    # one "not understood" for the 7, and then no more questions
    said = CAT.text("plain.not_understood", lowest=0, highest=2)
    assert out.getvalue().decode("utf-8").count(said) == 1


def test_a_yes_or_no_question_leaves_at_the_end_of_input() -> None:
    console, _ = _console(b"")
    with pytest.raises(EndOfInput):
        asking.ask_yes(console, "plain.meeting_first")


def test_text_typed_before_the_end_of_input_is_handed_back() -> None:
    console, _ = _console("Første linje\n\nAnden linje æøå".encode())
    assert read_lines(console) == (["Første linje", "", "Anden linje æøå"], True)
    console, _ = _console(b"En linje\n\nmere\nslut\nbagefter")
    assert read_lines(console) == (["En linje", "", "mere"], False)  # only 'slut' ends it


def test_a_terminal_that_cannot_show_a_letter_gets_it_spelled_out() -> None:
    out = io.BytesIO()
    console = Console(reader=io.BytesIO(), writer=out, cat=CAT, encoding="ascii")
    console.say("Blåbærgrød på Ærø – “godt” … ß 😀! Bøøh æøå ßß")
    assert out.getvalue() == b'Blaabaergroed paa Aeroe - "godt" ... ? ?! Boeoeh aeoeaa ??\n'
    out = io.BytesIO()
    Console(reader=io.BytesIO(), writer=out, cat=CAT, encoding="latin-1").say("Åse – ø")
    assert out.getvalue() == "Åse - ø\n".encode("latin-1")  # only what Latin-1 lacks


def test_a_line_is_read_after_its_prompt() -> None:
    console, out = _console("  Åse Hansen  \n".encode())
    assert console.read_line("Hvad hedder du? ") == "  Åse Hansen  "
    assert out.getvalue().decode("utf-8") == "Hvad hedder du? "


def test_input_is_read_as_the_person_typed_it() -> None:
    """UTF-8 when it is UTF-8, else the terminal's own encoding; arrows and other keys
    that arrive as escape codes, tabs and control codes are not words."""
    console, _ = _console("Åse\x1b[D\x1b[C på\tÆrø\x07\r\n".encode() + "Søren\n".encode("cp1252"))
    assert console.read_line() == "Åse på Ærø"
    assert console.read_line() == "Søren"
    latin = Console(reader=io.BytesIO("Blåbær\n".encode("latin-1")), writer=io.BytesIO(),
                    cat=CAT, input_encoding="iso-8859-1")  # fmt: skip
    assert latin.read_line() == "Blåbær"
    bom, _ = _console("\ufeffJa\n".encode())
    assert bom.read_line() == "Ja"


def _drive(monkeypatch: pytest.MonkeyPatch, script: str, *argv: str) -> tuple[int, str]:
    stdin = io.TextIOWrapper(io.BytesIO(script.encode("utf-8")), encoding="utf-8")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    code = cli.main(["--plain", *argv])
    stdout.flush()
    return code, stdout.buffer.getvalue().decode("utf-8")


def _saved(data_dir: Path) -> list[dict]:
    folder = data_dir / "preparations"
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


# new -> no meeting now -> part 1 (ended by 'slut') -> parts 2-4 skipped -> yes to
# questions -> two questions, and the input ends without the 'slut' that closes the list
WALK_TO_QUESTIONS = "\nJeg hedder Åse.\nslut\n\n\n\nja\n"


@pytest.mark.parametrize("last_newline", [True, False], ids=["after-enter", "mid-line"])
def test_questions_typed_before_the_end_of_input_are_saved(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, last_newline: bool
) -> None:
    script = WALK_TO_QUESTIONS + "\n".join(QUESTIONS) + ("\n" if last_newline else "")
    code, out = _drive(monkeypatch, script, "new")
    assert code == 0
    [prep] = _saved(data_dir)
    assert prep["statement"]["introduction"] == "Jeg hedder Åse."
    assert prep["questions"] == QUESTIONS
    assert CAT.text("plain.goodbye") in out


def test_questions_added_from_the_menu_before_the_end_of_input_are_saved(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    _drive(monkeypatch, "\nJeg hedder Åse.\nslut\n\n\n\n\n", "new")  # no questions
    [first] = _saved(data_dir)
    assert first["questions"] == []
    # home -> open -> the first -> its menu: find "questions" by its words
    code, out = _drive(monkeypatch, "2\n1\n", "--lang", "da")
    menu = out[out.rindex(CAT.text("plain.menu.walk")) :]
    number = next(
        line.split(".")[0]
        for line in menu.splitlines()
        if CAT.text("plain.menu.questions", n=0) in line and line.split(".")[0].isdigit()
    )
    add = "1"  # the questions menu's first option: add
    code, out = _drive(
        monkeypatch, f"2\n1\n{number}\n{add}\n" + "\n".join(QUESTIONS), "--lang", "da"
    )
    assert code == 0
    [prep] = _saved(data_dir)
    assert prep["questions"] == QUESTIONS


# --- the whole program, with a timeout: the end of input at every prompt -------------------

FULL_SCRIPT = [
    "1",  # home: new
    "ja",  # the meeting first
    "1",  # kind
    "24.3.2030",
    "9.30",
    "Afsnit Ø2",
    "min læge",
    "Åse",
    "Mit møde",
    "Jeg hedder Søren.",
    "slut",
    "Min hund.",
    "slut",
    "",
    "",
    "ja",
    QUESTIONS[0],
    "slut",
    "0",
    "stop",
]


def _run_plain(tmp_path: Path, lines: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        PEERPREP_DATA_DIR=str(tmp_path / "data"),
        PEERPREP_CONFIG_DIR=str(tmp_path / "config"),
        PEERPREP_LANG="da",
    )
    data = "".join(line + "\n" for line in lines)
    try:
        return subprocess.run(
            [sys.executable, "-m", "peerprep", "--plain"],
            input=data,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=tmp_path,
            timeout=30,
        )
    except subprocess.TimeoutExpired as hang:
        tail = (hang.stdout or b"")[-600:]
        raise AssertionError(f"still asking after the input ended: {tail!r}") from None


@pytest.mark.slow
@pytest.mark.parametrize("cut", [1, 5, 10, 12, 17])
def test_the_program_leaves_when_the_input_ends(tmp_path: Path, cut: int) -> None:
    done = _run_plain(tmp_path, FULL_SCRIPT[:cut])
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    # a save is claimed only once something was written (the meeting's kind, at cut 3)
    last = done.stdout.rstrip().splitlines()[-1]
    assert last == CAT.text("plain.goodbye" if cut > 2 else "plain.goodbye_nothing")
    assert bool(_saved(tmp_path / "data")) == (cut > 2)
    # every answer in the script is a good one: the end was never read as an answer
    assert NOT_UNDERSTOOD not in done.stdout


@pytest.mark.slow
def test_the_program_leaves_when_the_input_ends_at_any_prompt(tmp_path: Path) -> None:
    for cut in range(len(FULL_SCRIPT) + 1):
        folder = tmp_path / str(cut)
        folder.mkdir()
        done = _run_plain(folder, FULL_SCRIPT[:cut])
        assert done.returncode == 0, (cut, done.stderr)
        assert "Traceback" not in done.stderr, cut
        assert NOT_UNDERSTOOD not in done.stdout, cut
        saved = _saved(folder / "data")
        if cut > FULL_SCRIPT.index("Jeg hedder Søren."):
            assert saved and saved[0]["statement"]["introduction"] == "Jeg hedder Søren.", cut
        if cut > FULL_SCRIPT.index(QUESTIONS[0]):
            assert saved[0]["questions"] == [QUESTIONS[0]], cut


# --- the privacy cover of a shared computer, while a line is being read --------------------


class _Guard:
    """A shared computer's guard whose cover comes during the first read (plain.privacy
    raises Covered from its tick; here the terminal's read does, at the same place)."""

    minutes = (3, 20)
    covering = False
    idle = IdleClock(cover_after=180.0, erase_after=1200.0)

    def arm(self, ticking: bool) -> None:
        pass

    def disarm(self) -> None:
        pass

    def check(self, partial: str) -> None:
        pass

    def after_read(self) -> bool:
        return False


class _CoveredRead(io.BytesIO):
    """The privacy minutes pass while the person is at the prompt with `partial` typed."""

    def __init__(self, lines: bytes, partial: str) -> None:
        super().__init__(lines)
        self.partial: str | None = partial

    def readline(self, size: int | None = -1) -> bytes:
        if self.partial is not None:
            partial, self.partial = self.partial, None
            raise Covered(partial)
        return super().readline(size)


CLEAR = CLEAR_SCREEN_AND_SCROLLBACK


def test_the_cover_hides_every_word_and_enter_brings_the_last_screenful_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On a shared computer the privacy minutes pass at a prompt: the screen and its
    scrollback are cleared and only the program's own words show; what the person types
    then (Enter, or words) lifts it, the last screenful comes back — as many lines as the
    terminal has, less two — and words typed under the cover are said back, not lost."""
    monkeypatch.setenv("LINES", "24")
    monkeypatch.setenv("COLUMNS", "80")
    out = io.BytesIO()
    reader = _CoveredRead(b"hej  igen\nMit svar\n", partial="Mine hem")
    console = Console(reader=reader, writer=out, cat=CAT, terminal=True, guard=_Guard())
    for number in range(1, 31):
        console.say(f"Linje {number} om Åse")

    assert console.read_line("> ") == "Mit svar"

    shown = out.getvalue().decode("utf-8")
    covered, back = shown.split(CLEAR)[1:3]  # the cover, then the screen given back
    assert covered.split("\n\n")[:4] == [
        CAT.text("shared.privacy.title"),
        CAT.text("shared.privacy.hidden"),
        CAT.text("shared.privacy.erase", n=17),
        CAT.text("plain.privacy_back"),
    ]
    assert "Linje" not in covered and "Åse" not in covered and "Mine hem" not in covered
    # 22 lines (24 less two): lines 10-30, then what was typed under the cover
    assert back.startswith("Linje 10 om Åse\n") and "Linje 9 om" not in back
    assert "Linje 30 om Åse\nhej  igen\n" in back
    assert CAT.text("plain.typed_before", text="hej  igen") in back  # as typed
    assert back.endswith("\n> ")  # and the question asked again


def test_the_cover_keeps_the_line_being_typed_where_the_line_is_edited() -> None:
    """With line editing the words typed before the cover and under it go back on the
    line, as one line, for the person to go on from."""

    editor = ScriptedEditor(Covered("Mine hem"), "videre\nher", "Mine hemmelige ord")
    console = Console(reader=io.BytesIO(), writer=io.BytesIO(), cat=CAT, terminal=True,
                      editor=editor, guard=_Guard())  # fmt: skip
    assert console.read_line("> ") == "Mine hemmelige ord"
    assert editor.presets == ["", "", "Mine hemvidere her"]


@pytest.mark.parametrize(
    ("columns", "width"), [(None, 79), ("80", 79), ("60", 59), ("10", 20), ("21", 20)]
)
def test_a_sentence_wraps_between_words_one_column_short_of_the_terminal(
    monkeypatch: pytest.MonkeyPatch, columns: str | None, width: int
) -> None:
    """At a terminal the text wraps between words one column before the edge (a line as
    wide as the terminal makes some terminals wrap on their own, an empty line after it);
    never narrower than 20 columns; 80 where the terminal says no size."""
    monkeypatch.delenv("LINES", raising=False)
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    # a line exactly `width` long, then one a column longer: one column more or less
    # than the right width wraps them elsewhere
    words = f"{'æ' * (width - 6)} {'ø' * 5} {'å' * (width - 5)} {'Å' * 5}"
    out = io.BytesIO()
    Console(reader=io.BytesIO(), writer=out, cat=CAT, terminal=True).say(words)
    lines = out.getvalue().decode("utf-8").splitlines()

    def wrapped(at: int) -> list[str]:
        return textwrap.wrap(words, at, break_long_words=False, break_on_hyphens=False)

    assert wrapped(width - 1) != wrapped(width) != wrapped(width + 1)  # the text can tell
    assert lines == wrapped(width)


def test_the_line_being_typed_is_known_with_line_editing_or_from_the_last_tick() -> None:
    """What the privacy cover keeps of a line not ended with Enter."""

    editor = ScriptedEditor()
    console = Console(reader=io.BytesIO(), writer=io.BytesIO(), cat=CAT, editor=editor)
    console.snapshot = "Mine hem"  # as of the last tick
    editor.typed = "Mine hemmelige"
    assert console.typed_so_far() == "Mine hemmelige"
    editor.typed = ""
    assert console.typed_so_far() == "Mine hem"
    plain = Console(reader=io.BytesIO(), writer=io.BytesIO(), cat=CAT)
    assert plain.typed_so_far() == ""
    plain.snapshot = "halv"
    assert plain.typed_so_far() == "halv"


def test_nothing_shown_yet_gives_nothing_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LINES", raising=False)
    out = io.BytesIO()
    console = Console(reader=io.BytesIO(), writer=out, cat=CAT, terminal=True)
    console.show_again()
    assert out.getvalue() == b""
    for number in range(1, 31):
        console.say(f"Linje {number}")
    out.seek(0)
    out.truncate()
    console.show_again()  # no size known: a terminal of 24 lines, 22 of them given back
    assert out.getvalue().decode().splitlines() == [f"Linje {n}" for n in range(9, 31)]


def test_the_line_being_typed_when_the_terminal_closes_is_kept() -> None:
    """The terminal is closed (SIGHUP) in the middle of a line of an answer: the line so
    far is handed back with the rest, to be saved."""

    class Closing(io.BytesIO):
        def readline(self, size: int | None = -1) -> bytes:
            line = super().readline(size)
            if line:
                return line
            raise Hangup("og så vil jeg gerne")

    console = Console(reader=Closing(b"Jeg hedder \xc3\x85se.\n"), writer=io.BytesIO(), cat=CAT)
    assert read_lines(console) == (["Jeg hedder Åse.", "og så vil jeg gerne"], True)


def test_a_stop_that_comes_between_two_reads_adds_nothing_to_the_answer() -> None:
    """SIGTERM (or a closed terminal) while the program was not reading: the next read
    ends the answer with nothing typed on its line, and nothing is made up for it."""
    console = Console(reader=io.BytesIO(b"Jeg maler.\n"), writer=io.BytesIO(), cat=CAT)
    console.stopping = True
    assert read_lines(console) == ([], True)


def test_the_cover_counts_the_minutes_left_and_a_tiny_terminal_gets_five_lines_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    guard = _Guard()
    guard.minutes = (19, 20)  # covered after 19 minutes, erased after 20: one left
    out = io.BytesIO()
    console = Console(reader=io.BytesIO(), writer=out, cat=CAT, terminal=True, guard=guard)
    console.cover_screen()
    assert CAT.text("shared.privacy.erase", n=1) in out.getvalue().decode("utf-8")
    monkeypatch.setenv("LINES", "6")
    for number in range(1, 11):
        console.say(f"Linje {number}")
    out.seek(0)
    out.truncate()
    console.show_again()  # 6 lines less two would be 4: never fewer than 5
    assert out.getvalue().decode().splitlines() == [f"Linje {n}" for n in range(6, 11)]


def test_a_terminal_closed_right_after_the_cover_is_lifted_keeps_nothing_made_up() -> None:
    """Covered, lifted with Enter, and the terminal closed before a key is typed: the
    signal handler hands on the line being typed (plain/signals.py), which is empty."""

    class Reader(io.BytesIO):
        console: Console
        reads = 0

        def readline(self, size: int | None = -1) -> bytes:
            self.reads += 1
            if self.reads == 1:
                raise Covered("")
            if self.reads == 2:
                return b"\n"  # Enter: the cover goes
            raise Hangup(self.console.typed_so_far())  # as plain.signals does on SIGHUP

    reader = Reader()
    console = Console(reader=reader, writer=io.BytesIO(), cat=CAT, terminal=True, guard=_Guard())
    reader.console = console
    assert read_lines(console) == ([], True)
