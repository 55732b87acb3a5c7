"""Typing in plain mode, line by line: what each word does on the first line of an answer,
the prompt each line is asked with, the hints, and what the console does with the bytes
that arrive (a Danish DOS console, a pasted text, a terminal closed or ended) and with the
text it says (wrapped between words, never cut inside one).

The whole-program tests drive `peerprep --plain` with a script on standard input and read
what was said and what was saved. A line of the script that comes after the word for
stop is never read: if it turns up in a saved file, stop did not stop.
"""

from __future__ import annotations

import io
import json
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from plain_driving import after, drive, saved
from scripted_editor import ScriptedEditor

from peerprep.field_limits import PART_MAX
from peerprep.flow.context import Context
from peerprep.flow.idle import IdleClock
from peerprep.flow.leaving import CLEAR_SCREEN_AND_SCROLLBACK
from peerprep.plain import asking
from peerprep.plain.answers import edit_text, joined, read_lines
from peerprep.plain.console import (
    Console,
    Covered,
    EndOfInput,
    Hangup,
    clean_line,
    has_terminal,
)
from peerprep.plain.session import Session
from peerprep.words import catalogue

DA = catalogue("da")
NEVER_READ = "Denne linje læses aldrig."

pytestmark = pytest.mark.timeout(60)


def _one_saved(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    drive(monkeypatch, ["1", "", "Første tekst.", "slut", "tilbage", "tilbage", "0", "stop"])
    assert saved(data_dir)[0]["statement"]["introduction"] == "Første tekst."


def _everything(data_dir: Path) -> str:
    return json.dumps(saved(data_dir), ensure_ascii=False)


# --- the first line of an answer ----------------------------------------------------------


def test_stop_on_the_first_line_of_a_part_stops_and_keeps_what_was_written(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    script = ["1", "", "Jeg hedder Kim.", "slut", "stop", NEVER_READ, "slut"]
    code, out = drive(monkeypatch, script)
    assert code == 0
    [prep] = saved(data_dir)
    assert prep["statement"]["introduction"] == "Jeg hedder Kim."
    assert prep["statement"]["important"] == ""
    assert NEVER_READ not in _everything(data_dir)
    assert out.rstrip().endswith(DA.text("plain.goodbye"))


def test_the_word_for_end_on_a_first_line_skips_the_part(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    code, out = drive(monkeypatch, ["1", "", "slut", "Til del to.", "slut", "stop"])
    assert code == 0
    [prep] = saved(data_dir)
    assert prep["statement"]["introduction"] == ""  # skipped, not the word "slut"
    assert prep["statement"]["important"] == "Til del to."
    part_two = DA.text("plain.part_heading", n=2, title=DA.part("important").title)
    assert DA.text("plain.skipped") in out[: out.index(part_two)]


def test_every_line_of_an_answer_is_asked_with_its_prompt(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    """A screen reader says the prompt; the same one for the first line and the next."""
    code, out = drive(monkeypatch, ["1", "", "Et.", "To.", "slut", "stop"])
    assert code == 0
    # first line, second line, the word for end; nothing echoed from a pipe
    asked = after(out, DA.text("plain.write_hint"))
    assert asked.startswith("\n> > > " + DA.text("plain.saved"))


def test_the_long_hint_is_said_once_then_the_short_one(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    code, out = drive(monkeypatch, ["1", "", "Et.", "slut", "To.", "slut", "stop"])
    assert code == 0
    long, short = DA.text("plain.write_hint"), DA.text("plain.write_hint_short")
    assert out.count(long) == 1
    part_two = DA.text("plain.part_heading", n=2, title=DA.part("important").title)
    assert out.index(long) < out.index(part_two) < out.index(short)


def test_a_note_after_the_meeting_keeps_its_own_hint_and_help(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    """After a part (the long hint said), a note still gets its own hint, and its help
    says nothing of ideas and examples, which a note does not have."""
    _one_saved(monkeypatch, data_dir)
    # open it, part 1 written again, then after the meeting (11): help, a note, skip the next
    script = ["2", "1", "3", "2", "Ny tekst.", "slut", "11", "hjælp", "Vi aftalte.", "slut", ""]
    code, out = drive(monkeypatch, [*script, "0", "stop"])
    assert code == 0
    notes = after(out, DA.text("plain.after.agreed"))
    assert notes.index(DA.text("plain.write_hint_plain")) < notes.index(DA.text("plain.help.text"))
    assert DA.text("plain.write_hint_short") not in notes
    assert DA.text("plain.help.part") not in notes
    assert saved(data_dir)[0]["after_meeting"]["agreed"] == "Vi aftalte."


def test_keeping_an_answer_goes_on_to_what_comes_next(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    _one_saved(monkeypatch, data_dir)
    # part 1 (3): Enter keeps it; then part 2 (4) from the same menu
    code, _out = drive(monkeypatch, ["2", "1", "3", "", "4", "Del to.", "slut", "0", "stop"])
    assert code == 0
    [prep] = saved(data_dir)
    assert prep["statement"]["introduction"] == "Første tekst."
    assert prep["statement"]["important"] == "Del to."


def test_enter_instead_of_writing_an_answer_again_keeps_the_old_and_says_so(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    _one_saved(monkeypatch, data_dir)
    code, out = drive(monkeypatch, ["2", "1", "3", "2", "", "0", "stop"])  # write again: Enter
    assert code == 0
    assert saved(data_dir)[0]["statement"]["introduction"] == "Første tekst."
    chosen = after(out, DA.text("plain.write_hint"))
    assert DA.text("plain.kept") in chosen
    assert DA.text("plain.skipped") not in chosen  # it was not empty: nothing was skipped


def test_an_answer_longer_than_a_part_keeps_what_fits_and_says_the_rest(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    lines = [f"Linje {n:03} om Åse og Ærø, der fylder godt op i svaret." for n in range(120)]
    assert len("\n".join(lines)) > PART_MAX
    code, out = drive(monkeypatch, ["1", "", *lines, "slut", "stop"])
    assert code == 0
    kept = saved(data_dir)[0]["statement"]["introduction"]
    assert 0 < len(kept) <= PART_MAX and kept.startswith(lines[0])
    assert DA.text("plain.too_long", limit=PART_MAX) in out
    assert lines[-1] in after(out, DA.text("plain.too_long", limit=PART_MAX))  # not lost


def test_lines_become_one_text_without_trailing_spaces_or_blank_ends() -> None:
    assert joined(["", "  Xenia skrev", "med et indryk.  ", "", "X", "", ""]) == (
        "  Xenia skrev\nmed et indryk.\n\nX"
    )


# --- menus and yes-or-no ------------------------------------------------------------------


def _console(data: bytes, **kwargs: object) -> tuple[Console, io.BytesIO]:
    out = io.BytesIO()
    return Console(reader=io.BytesIO(data), writer=out, cat=DA, **kwargs), out  # type: ignore[arg-type]


OPTIONS = [("a", "Et"), ("b", "To"), ("c", "Tre")]


def test_a_menu_takes_a_number_with_a_full_stop_and_asks_again_after_a_wrong_one() -> None:
    console, out = _console(b"7\n1X\n2.\n")
    assert asking.choose(console, "Hvad nu?", OPTIONS, None) == "b"
    said = out.getvalue().decode()
    assert DA.text("plain.not_understood", lowest=1, highest=3) in said  # no option 0 here
    console, out = _console(b"9\n0\n")
    assert asking.choose(console, "Hvad nu?", OPTIONS, "Tilbage") == ""
    assert DA.text("plain.not_understood", lowest=0, highest=3) in out.getvalue().decode()


def test_the_word_for_back_in_a_menu_chooses_option_zero() -> None:
    console, _ = _console(b"tilbage\n")
    assert asking.choose(console, "Hvad nu?", OPTIONS, "Tilbage") == ""


def test_help_in_a_menu_says_the_whole_menu_again() -> None:
    console, out = _console("hjælp\n1\n".encode())
    assert asking.choose(console, "Hvad nu?", OPTIONS, "Tilbage") == "a"
    said = out.getvalue().decode()
    assert said.count("0. Tilbage") == 2 and said.count("3. Tre") == 2
    assert said.count(DA.text("plain.menu_hint")) == 1  # the hint once, not at every menu
    console.reader = io.BytesIO(b"1\n")
    asking.choose(console, "Og nu?", OPTIONS, "Tilbage")
    assert out.getvalue().decode().count(DA.text("plain.menu_hint")) == 1


def test_a_yes_or_no_question_after_help_still_hears_yes() -> None:
    console, out = _console("hjælp\nja\n".encode())
    assert asking.ask_yes(console, "plain.meeting_first") is True
    assert DA.text("plain.help.yes_no") in out.getvalue().decode()
    console, _ = _console(b"JA\n")
    assert asking.ask_yes(console, "plain.meeting_first") is True  # in capitals too
    console, _ = _console(b"stop\nja\n")
    with pytest.raises(asking.Quit):
        asking.ask_yes(console, "plain.meeting_first")
    console, out = _console(b"\n")  # a question with values: said with them
    assert asking.ask_yes(console, "plain.not_understood", lowest=1, highest=3) is False
    assert DA.text("plain.not_understood", lowest=1, highest=3) in out.getvalue().decode()


def test_a_hint_with_values_is_said_with_them_once() -> None:
    console, out = _console(b"")
    console.tell_once("plain.not_understood", lowest=1, highest=3)
    console.tell_once("plain.not_understood", lowest=1, highest=3)
    said = out.getvalue().decode()
    assert said == DA.text("plain.not_understood", lowest=1, highest=3) + "\n"


# --- the bytes that arrive ----------------------------------------------------------------


def test_a_danish_dos_console_and_a_utf8_alias_are_read_right() -> None:
    console, _ = _console("Søren på Ærø\n".encode("cp850"), input_encoding="cp850")
    assert console.read_line() == "Søren på Ærø"
    # "utf8" is UTF-8: a line that is not falls back to the Windows letters, as for "utf-8"
    console, _ = _console("Søren\n".encode("cp1252"), input_encoding="UTF8")
    assert console.read_line() == "Søren"


def test_a_byte_no_encoding_has_is_replaced_not_an_error() -> None:
    console, _ = _console(b"S\x81ren\n")  # neither UTF-8 nor Windows-1252
    assert console.read_line() == "S\ufffdren"


def test_a_line_in_the_windows_letters_is_read_by_itself_too() -> None:
    assert clean_line("Søren på Ærø\r\n".encode("cp1252")) == "Søren på Ærø"


def test_a_line_keeps_its_first_and_last_letters() -> None:
    console, _ = _console(b"Xenia i bygning X\r\n")
    assert console.read_line() == "Xenia i bygning X"


def test_the_end_of_input_stays_the_end_even_if_more_comes() -> None:
    """Ctrl+D at a terminal, and then more typed: the program has already left."""

    class Reader(io.BytesIO):
        lines = iter([b"", b"mere\n"])

        def readline(self, size: int | None = -1) -> bytes:
            return next(self.lines)

    console = Console(reader=Reader(), writer=io.BytesIO(), cat=DA)
    for _ in range(2):
        with pytest.raises(EndOfInput):
            console.read_line()


def test_after_a_stop_or_a_closed_terminal_every_read_is_the_end() -> None:
    console, _ = _console(b"Mine ord\n")
    console.stopping = True
    with pytest.raises(Hangup):
        console.read_line()
    with pytest.raises(EndOfInput) as second:
        console.read_line()
    assert type(second.value) is EndOfInput  # closed: not asked again

    class Closing(io.BytesIO):
        def readline(self, size: int | None = -1) -> bytes:
            raise Hangup("halv")

    out = io.BytesIO()
    console = Console(reader=Closing(b"mere\n"), writer=out, cat=DA)
    with pytest.raises(Hangup):
        console.read_line("> ")
    assert out.getvalue() == b"> \n"  # the line being typed ends
    with pytest.raises(EndOfInput) as again:
        console.read_line()
    assert type(again.value) is EndOfInput


def test_line_editing_gets_the_prompt_and_the_folder_completion() -> None:
    editor = ScriptedEditor("/media/usb", "Mine ord")
    console = Console(reader=io.BytesIO(), writer=io.BytesIO(), cat=DA, editor=editor)
    assert console.read_line("Mappe: ", folders=True) == "/media/usb"
    assert console.read_line("> ") == "Mine ord"
    assert editor.calls == [("Mappe: ", "", True), ("> ", "", False)]


def test_ctrl_d_in_line_editing_is_the_end() -> None:
    console = Console(
        reader=io.BytesIO(), writer=io.BytesIO(), cat=DA, editor=ScriptedEditor(EOFError())
    )
    with pytest.raises(EndOfInput):
        console.read_line()


def test_letters_a_non_utf8_terminal_gave_line_editing_are_read_right() -> None:
    """readline hands on bytes it could not decode as surrogate escapes."""
    typed = "Søren".encode("cp1252").decode("utf-8", "surrogateescape")
    console = Console(
        reader=io.BytesIO(), writer=io.BytesIO(), cat=DA, editor=ScriptedEditor(typed)
    )
    assert console.read_line() == "Søren"


def test_a_pasted_text_is_one_answer_with_its_lines_and_shown_again_under_its_prompt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pasted in one go at a terminal: every line is text, the word for end too, and
    trailing spaces go line by line."""
    monkeypatch.setenv("LINES", "24")
    editor = ScriptedEditor("Først  \nslut\nSidst", "slut")
    out = io.BytesIO()
    console = Console(reader=io.BytesIO(), writer=out, cat=DA, editor=editor, terminal=True)
    assert read_lines(console) == (["Først  ", "slut", "Sidst"], False)
    other = Console(
        reader=io.BytesIO(), writer=io.BytesIO(), cat=DA, editor=ScriptedEditor("Et  \nTo", "slut")
    )
    assert joined(read_lines(other)[0]) == "Et\nTo"
    out.seek(0)
    out.truncate()
    console.show_again()
    assert out.getvalue().decode().splitlines() == ["> Først  ", "slut", "Sidst", "> slut"]


# --- waiting at a prompt: ticks, the cover, reading aloud ---------------------------------


class _Guard:
    """A shared computer's guard (plain.privacy.IdleGuard) that writes down what it is
    told."""

    minutes = (3, 20)

    def __init__(self, lifted_by_a_line: bool = False) -> None:
        self.covering = False
        self.idle = IdleClock(cover_after=180.0, erase_after=1200.0)
        self.armed: list[bool] = []
        self.disarmed = 0
        self.checked: list[str] = []
        self.lifted = lifted_by_a_line

    def arm(self, ticking: bool) -> None:
        self.armed.append(ticking)

    def disarm(self) -> None:
        self.disarmed += 1

    def check(self, partial: str) -> None:
        self.checked.append(partial)

    def after_read(self) -> bool:
        lifted, self.lifted = self.lifted, False
        return lifted


@pytest.fixture
def quiet_alarm() -> Iterator[None]:
    """SIGALRM does nothing here, and no timer outlives the test."""
    before = signal.signal(signal.SIGALRM, lambda *_: None)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


@pytest.mark.usefixtures("quiet_alarm")
def test_ticks_run_only_while_waiting_for_a_line() -> None:
    seen: list[tuple[bool, tuple[float, float]]] = []

    class Reader(io.BytesIO):
        console: Console

        def readline(self, size: int | None = -1) -> bytes:
            seen.append((self.console.waiting, signal.getitimer(signal.ITIMER_REAL)))
            return b"ja\n"

    guard = _Guard()
    reader = Reader()
    console = Console(reader=reader, writer=io.BytesIO(), cat=DA, guard=guard, tick_every=0.5)
    reader.console = console
    assert console.read_line() == "ja"
    [(waiting, (left, interval))] = seen
    assert waiting and 0 < left <= 0.5 and interval == 0.5  # a tick every half second
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # and none after
    assert not console.waiting
    assert guard.armed == [True] and guard.disarmed == 1

    guard = _Guard()
    console = Console(reader=io.BytesIO(b"ja\n"), writer=io.BytesIO(), cat=DA, guard=guard)
    console.read_line()  # no ticks (tick_every 0): the guard is told so
    assert guard.armed == [False]


def test_a_tick_keeps_the_line_being_typed_and_tells_the_guard() -> None:
    editor, guard = ScriptedEditor(), _Guard()
    console = Console(reader=io.BytesIO(), writer=io.BytesIO(), cat=DA, editor=editor, guard=guard)
    editor.typed = "Mine hem"
    console.tick()  # not waiting: nothing
    assert console.snapshot == "" and guard.checked == []
    console.waiting = True
    console.tick()
    editor.typed = ""  # the editor forgot (the line was handed on): the copy stays
    console.tick()
    assert console.snapshot == "Mine hem"
    assert guard.checked == ["Mine hem", "Mine hem"]


def test_under_the_cover_the_guard_knows_and_the_line_is_read_plainly() -> None:
    states: list[bool] = []
    guard = _Guard()

    class Editor(ScriptedEditor):
        def read(self, prompt: str, preset: str = "", folders: bool = False) -> str:
            states.append(guard.covering)
            return super().read(prompt, preset, folders)

    editor = Editor(Covered("Mine "), "", "ord")
    console = Console(reader=io.BytesIO(), writer=io.BytesIO(), cat=DA, terminal=True,
                      editor=editor, guard=guard)  # fmt: skip
    assert console.read_line("Mappe: ", folders=True) == "ord"
    assert states == [False, True, False]  # covering only while the cover is up
    assert editor.calls == [("Mappe: ", "", True), ("", "", False), ("Mappe: ", "Mine ", True)]
    assert not guard.covering


def test_a_line_that_lifts_the_cover_goes_back_on_the_line() -> None:
    """(Windows: the cover is lifted by the line read, not a read under it.)"""
    editor = ScriptedEditor("Mine hemmelige", "Mine hemmelige ord")
    out = io.BytesIO()
    console = Console(reader=io.BytesIO(), writer=out, cat=DA, terminal=True, editor=editor,
                      guard=_Guard(lifted_by_a_line=True))  # fmt: skip
    console.say("Et spørgsmål")
    assert console.read_line("> ") == "Mine hemmelige ord"
    assert editor.presets == ["", "Mine hemmelige"]
    assert out.getvalue().decode().count("Et spørgsmål") == 2  # the screen given back


class _Aloud:
    def __init__(self, pending: list[str]) -> None:
        self.waiting = pending
        self.heard_words: list[str] = []

    def heard(self, text: str) -> bool:
        self.heard_words.append(text)
        return text == "læs"

    def pending(self) -> list[str]:
        waiting, self.waiting = self.waiting, []
        return waiting

    def hush(self) -> None:
        pass


def test_the_word_for_read_is_heard_at_a_prompt_and_is_text_in_an_answer() -> None:
    aloud = _Aloud([])
    console, _ = _console("læs\nja\nlæs\n".encode(), aloud=aloud)
    assert console.read_line() == "ja"  # read aloud, and the question asked again
    assert console.read_line(answer=True) == "læs"
    assert aloud.heard_words == ["læs", "ja"]


def test_a_reading_that_ended_is_said_aside() -> None:
    aloud = _Aloud(["Oplæsningen er slut."])
    console, out = _console(b"", aloud=aloud)
    with pytest.raises(EndOfInput):
        console.read_line()
    assert out.getvalue().decode().startswith("Oplæsningen er slut.\n")
    assert "Oplæsningen er slut." not in console.said_since_answer  # not read again


# --- what is said -------------------------------------------------------------------------


def _said_at(columns: int, text: str, monkeypatch: pytest.MonkeyPatch, **kwargs: bool) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    out = io.BytesIO()
    Console(reader=io.BytesIO(), writer=out, cat=DA, terminal=True).say(text, **kwargs)
    return out.getvalue().decode()


def test_a_long_word_and_a_hyphenated_one_are_never_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    link = "https://www.sundhed.dk/borger/min-side/min-sundhedsjournal/"
    assert _said_at(30, f"Se {link} i dag", monkeypatch) == f"Se\n{link}\ni dag\n"
    said = _said_at(30, "Jeg vil gerne have et møde med social-rådgiveren", monkeypatch)
    assert said == "Jeg vil gerne have et møde\nmed social-rådgiveren\n"


def test_an_indented_line_wraps_under_itself_and_lines_stay_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said = _said_at(30, "Første linje\n\n  Jeg hedder Kim og bor i Vejle med min hund", monkeypatch)
    assert said == "Første linje\n\n  Jeg hedder Kim og bor i\n  Vejle med min hund\n"


def test_escape_codes_and_control_characters_in_a_text_are_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _said_at(80, "Hej\x1b[31m Åse\x07!", monkeypatch) == "Hej Åse!\n"


def test_a_closed_terminal_is_not_written_to_again() -> None:
    class Gone(io.BytesIO):
        writes = 0

        def write(self, data: object) -> int:
            self.writes += 1
            raise OSError(5, "Input/output error")

    writer = Gone()
    console = Console(reader=io.BytesIO(), writer=writer, cat=DA)
    console.say("Et")
    console.say("To")
    assert writer.writes == 1 and console.gone


def test_only_a_terminal_is_a_terminal() -> None:
    class Tty(io.BytesIO):
        def isatty(self) -> bool:
            return True

    class Failing:
        def __init__(self, error: Exception) -> None:
            self.error = error

        def isatty(self) -> bool:
            raise self.error

    closed = io.BytesIO()
    closed.close()  # isatty() raises ValueError
    assert has_terminal(Tty())
    assert not has_terminal(io.BytesIO())
    assert not has_terminal(closed)
    assert not has_terminal(Failing(OSError(9, "Bad file descriptor")))
    assert not has_terminal(object())  # no isatty at all
    assert not has_terminal(type("Odd", (), {"isatty": True})())  # not callable


def test_clearing_a_terminal_clears_its_scrollback(monkeypatch: pytest.MonkeyPatch) -> None:
    """The escape sequence everywhere; on Windows the console's own `cls` first (a
    simulation: sys.platform and os.system stand in for Windows here)."""
    import os

    commands: list[object] = []
    monkeypatch.setattr(os, "system", commands.append)
    out = io.BytesIO()
    console = Console(reader=io.BytesIO(), writer=out, cat=DA, terminal=True)
    console.say("Mine ord")
    console.clear()
    assert out.getvalue().endswith(CLEAR_SCREEN_AND_SCROLLBACK.encode())
    assert commands == [] and not console.shown
    monkeypatch.setattr(sys, "platform", "win32")
    console.clear()
    monkeypatch.undo()
    assert commands == ["cls"]


# --- an answer written at a terminal (line editing), from the session's side --------------


def _session(tmp_path: Path, *reads: str | BaseException) -> Session:
    console = Console(
        reader=io.BytesIO(), writer=io.BytesIO(), cat=DA, editor=ScriptedEditor(*reads)
    )
    context = Context(language="da", data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    return Session(console=console, context=context)


def test_pasted_pieces_lose_their_trailing_spaces_line_by_line(tmp_path: Path) -> None:
    session = _session(tmp_path, "Et  \nTo", "Tre  \nFire ", "slut")
    assert edit_text(session, "", PART_MAX, {}, "plain.write_hint") == ("Et\nTo\nTre\nFire", False)


def test_adding_to_an_answer_starts_on_a_new_line(tmp_path: Path) -> None:
    session = _session(tmp_path, "3", "Ny linje.", "slut")  # 3: add to it
    assert edit_text(session, "Første tekst.  \n", PART_MAX, {}, "plain.write_hint") == (
        "Første tekst.\nNy linje.",
        False,
    )


def test_the_terminal_closed_on_the_first_line_keeps_what_was_typed(tmp_path: Path) -> None:
    session = _session(tmp_path, Hangup("Jeg hedder Åse"))
    assert edit_text(session, "", PART_MAX, {}, "plain.write_hint") == ("Jeg hedder Åse", True)
    session = _session(tmp_path, Hangup(""))  # nothing typed: nothing made up
    with pytest.raises(Hangup):
        edit_text(session, "", PART_MAX, {}, "plain.write_hint")
