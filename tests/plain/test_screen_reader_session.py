"""A whole preparation made as a screen-reader user makes it, recorded in
docs/screen-reader-session.md, and every prompt of it readable aloud: the recording is
what the program says today (it cannot go stale), no prompt gives a command as a symbol a
voice leaves out, and eSpeak NG (`espeak-ng -v da`) speaks every command word.

PEERPREP_UPDATE_DOCS=1 writes the recording anew (then read the diff before committing).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from peerprep.flow.context import Context, Start
from peerprep.plain import run
from peerprep.plain.commands import words
from peerprep.words import catalogue

DA = catalogue("da")
DOC = Path(__file__).resolve().parents[2] / "docs" / "screen-reader-session.md"
BEGIN, END = "<!-- the session begins -->", "<!-- the session ends -->"
MONDAY = dt.date(2026, 11, 30)  # the day the session is recorded on

# What the person types, in order (see the document for why).
SESSION = [
    "hjælp",  # at home: what can I do here?
    "1",  # begin a new preparation
    "ja",  # the meeting first
    "2",  # a discharge meeting
    "næste tirsdag",
    "10",
    "Afsnit P3, Bispebjerg",
    "overlæge, min kontaktperson",
    "min søster Åse",
    "",  # no name of its own
    "idéer",  # part 1: questions that help to start
    "Jeg hedder Kim. Jeg spiller guitar og går ture med min hund.",
    "Mine venner siger, at jeg er god til at lytte.",
    "slut",
    "eksempler",  # part 2: how others wrote
    "have et sted at bo, hvor der er ro om aftenen.",
    "",
    "Og at se min datter hver anden weekend.",
    "slut",
    "at få styr på søvnen og på breve fra kommunen.",
    "slut",
    "komme tilbage til øverummet og spille med de andre.",
    "slut",
    "ja",  # questions
    "Hvem kan jeg ringe til, hvis det bliver svært?",
    "slut",
    "7",  # my questions
    "2",  # choose from a list of ideas
    "1",
    "tilbage",
    "tilbage",
    "2",  # the meeting again: what is there is said, Enter keeps it
    "",
    "",
    "tilbage",  # from the time one step back: the date
    "tilbage",  # the kind
    "tilbage",  # and from the first step, the kind, back to the menu
    "8",  # read it all
    "1",  # as a PDF
    "",  # in the usual folder
    "tilbage",  # home
    "stop",
]


class Echo(io.BytesIO):
    """Standard input that shows what is typed after the prompt, as a terminal does."""

    def __init__(self, lines: list[str], shown: io.BytesIO) -> None:
        super().__init__("".join(f"{line}\n" for line in lines).encode())
        self.shown = shown

    def readline(self, size: int | None = -1) -> bytes:
        line = super().readline()
        self.shown.write(line)
        return line


def record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The session as a person at the terminal sees (and hears) it."""
    from peerprep.words import dates

    monkeypatch.setattr(dates, "local_today", lambda: MONDAY)
    exports = tmp_path / "Dokumenter" / "peerprep"
    monkeypatch.setenv("PEERPREP_EXPORT_DIR", str(exports))
    shown = io.BytesIO()
    context = Context(language="da", data_dir=tmp_path / "data", config_dir=tmp_path / "config")
    assert run(context, Start(), reader=Echo(SESSION, shown), writer=shown) == 0
    text = shown.getvalue().decode("utf-8")
    return text.replace(str(exports), "/home/kim/Dokumenter/peerprep")


def _recorded() -> str:
    doc = DOC.read_text(encoding="utf-8")
    return (
        doc.split(BEGIN, 1)[1]
        .split(END, 1)[0]
        .strip("\n")
        .removeprefix("```text\n")
        .removesuffix("\n```")
    )


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> str:
    monkeypatch = pytest.MonkeyPatch()
    try:
        tmp = tmp_path_factory.mktemp("session")
        monkeypatch.setenv("PEERPREP_DATA_DIR", str(tmp / "data"))
        monkeypatch.setenv("PEERPREP_CONFIG_DIR", str(tmp / "config"))
        return record(tmp, monkeypatch)
    finally:
        monkeypatch.undo()


def test_the_recorded_session_is_what_the_program_says(session: str) -> None:
    if os.environ.get("PEERPREP_UPDATE_DOCS"):
        doc = DOC.read_text(encoding="utf-8")
        head, rest = doc.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        DOC.write_text(f"{head}{BEGIN}\n```text\n{session.rstrip()}\n```\n{END}{tail}", "utf-8")
    assert _recorded() == session.rstrip(), "docs/screen-reader-session.md is out of date"


def test_the_session_made_the_preparation(session: str, tmp_path: Path) -> None:
    assert "Gemt." in session and "Arket er gemt her: /home/kim/Dokumenter/peerprep/" in session
    assert "Mødet er tirsdag den 8. december klokken 10. Det er om 8 dage." in session
    assert DA.text("plain.walk_done.all") in session
    assert "Hvilke muligheder har jeg?" in session  # a question from the list of ideas


# --- every prompt readable aloud ---------------------------------------------------------------

# A symbol given as something to type: a voice at normal punctuation says nothing for it.
_SYMBOL_COMMAND = re.compile(r"\b(?:[Ss]kriv|[Tt]ryk|[Tt]ype|[Pp]ress)\s+[?\-*#>/\\|~^]+(?:\s|$)")
COMMAND_WORDS = [
    "hjælp",
    "tilbage",
    "læs",
    "stop",
    "slut",
    "idéer",
    "eksempler",
    "støtte",
    "fjern",
    "ja",
]


def _said(session: str) -> list[str]:
    """The program's own lines (not what the person typed after a prompt)."""
    typed = set(SESSION)
    lines = []
    for line in session.splitlines():
        for prompt in ("Dit valg: ", "> "):
            if line.startswith(prompt) and line[len(prompt) :] in typed:
                line = prompt
        if line.strip() and line.strip() not in (">", "Dit valg:"):
            lines.append(line)
    return lines


def test_no_prompt_gives_a_command_as_a_symbol(session: str) -> None:
    offenders = [line for line in _said(session) if _SYMBOL_COMMAND.search(line)]
    assert offenders == []
    assert _SYMBOL_COMMAND.search("Skriv ? for spørgsmål")  # the check can fail
    assert _SYMBOL_COMMAND.search("Skriv - for at fjerne det")


def test_every_command_word_is_in_the_scheme_and_announced() -> None:
    announced = DA.text("plain.commands_about") + DA.text("plain.help.always")
    for name in ("help", "back", "stop"):
        assert words(DA, name)[0] in announced
    for name in ("end", "ideas", "examples", "peer", "remove"):
        assert any(
            words(DA, name)[0] in DA.text(key) for key in sorted(DA.keys()) if key[:6] == "plain."
        )


ESPEAK = shutil.which("espeak-ng")
needs_espeak = pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed")


def _phonemes(text: str) -> str:
    """What eSpeak NG says, as its phoneme names, without stress and pause marks."""
    result = subprocess.run(
        [str(ESPEAK), "-v", "da", "-q", "-x", text], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return re.sub(r"[ '\n,?!_:]+", " ", result.stdout).strip()


def _seconds(text: str) -> float:
    """How long eSpeak NG takes to say `text` (its WAV's length)."""
    wav = subprocess.run([str(ESPEAK), "-v", "da", "--stdout", text], capture_output=True,
                         timeout=60).stdout  # fmt: skip
    return (len(wav) - 44) / (2 * 22050)  # 16-bit mono at 22,050 Hz after the header


@needs_espeak
def test_espeak_speaks_every_command_word_in_the_prompts(session: str) -> None:
    said = _said(session)
    heard = 0
    for word in COMMAND_WORDS:
        alone = _phonemes(word).replace(" ", "")
        prompts = [line for line in said if re.search(rf"\b{word}\b", line)]
        assert prompts, f"no prompt names {word!r}"
        for line in prompts:
            assert alone in _phonemes(line).replace(" ", ""), f"{word!r} not heard in {line!r}"
            heard += 1
    assert heard >= 15


@needs_espeak
def test_a_command_word_takes_time_to_say_and_a_symbol_does_not() -> None:
    """The fault this fixes, measured: "Skriv ?" lasts as long as "Skriv"; each command
    word adds its own sound."""
    bare = _seconds("Skriv")
    assert abs(_seconds("Skriv ?") - bare) < 0.05
    assert abs(_seconds("Skriv -") - bare) < 0.05
    for word in COMMAND_WORDS:
        assert _seconds(f"Skriv {word}") > bare + 0.15, word


@needs_espeak
def test_espeak_reads_dates_as_words(session: str) -> None:
    """A date said back is heard as a day and a month, never as points between numbers."""
    line = next(line for line in _said(session) if line.startswith("Mødet er"))
    heard = _phonemes(line)
    assert "punkt" not in heard.replace("'", "")  # "24 punktum 12" would say it
    assert _phonemes("december").replace(" ", "") in heard.replace(" ", "")
