"""Reading and writing lines: the whole of the line-by-line face's contact with the terminal.

No colours, no cursor movement, no clearing: every text is printed once, in order, so a
screen reader or a braille display reads it as it comes. Input is read as bytes and
decoded here, so Danish letters survive a terminal, a pipe or a Windows console whose
encoding is not UTF-8; output that the terminal cannot show is spelled the Danish way
(æ -> ae, ø -> oe, å -> aa) rather than lost or turned into an error.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from peerprep.words import Catalogue
from peerprep.words.controls import without_controls


class EndOfInput(Exception):
    """Nobody is there to answer any more: the input ended (a pipe, Ctrl+D) or Ctrl+C."""


class Quit(Exception):
    """The person asked to stop (typed q in a menu)."""


_SPELLED: dict[str, str] = {
    "æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa",
    "é": "e", "è": "e", "ü": "u", "ö": "o", "ä": "a", "Ü": "U", "Ö": "O", "Ä": "A",
    "…": "...", "–": "-", "—": "-", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "‘": "'", "’": "'", "•": "*", "\u00a0": " ",
}  # fmt: skip


def _spell_out(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_SPELLED.get(ch, "?") for ch in bad), error.end


codecs.register_error("peerprep-spell-out", _spell_out)

# Keys such as the arrows arrive as escape sequences when the terminal is in line mode;
# they are never part of what a person meant to write.
_ESCAPES = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_line(raw: bytes, fallback: str = "cp1252") -> str:
    """One line of input as text: UTF-8 when it is UTF-8, else the terminal's own encoding."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode(fallback, errors="replace")
    text = text.lstrip("\ufeff").rstrip("\r\n")
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text.replace("\t", " "))


@dataclass
class Console:
    """Lines in (bytes), lines out (bytes in the terminal's encoding)."""

    reader: BinaryIO
    writer: BinaryIO
    cat: Catalogue
    encoding: str = "utf-8"
    input_encoding: str = "utf-8"
    closed: bool = False

    # writing

    def write(self, text: str = "") -> None:
        # Nothing from a file (or typed) may act on the terminal: words.controls.
        data = without_controls(text).encode(self.encoding, errors="peerprep-spell-out")
        self.writer.write(data)
        self.writer.flush()

    def say(self, text: str = "") -> None:
        self.write(text + "\n")

    def t(self, key: str, **values: object) -> str:
        return self.cat.text(key, **values)

    def tell(self, key: str, **values: object) -> None:
        self.say(self.t(key, **values))

    def blank(self) -> None:
        self.say()

    # reading

    def read_line(self, prompt: str = "> ") -> str:
        """One line of input. Raises EndOfInput when the input has ended (and ever after)."""
        if self.closed:
            raise EndOfInput
        self.write(prompt)
        try:
            raw = self.reader.readline()
        except KeyboardInterrupt:
            raw = b""
        if not raw:
            self.closed = True
            self.say()  # the prompt line still needs its end
            raise EndOfInput
        fallback = (
            self.input_encoding
            if self.input_encoding.lower() not in ("utf-8", "utf8")
            else "cp1252"
        )
        return clean_line(raw, fallback)

    def ask(self, question: str) -> str:
        """A one-line answer to a question, without surrounding white space."""
        self.say(question)
        return self.read_line().strip()

    def ask_text(self) -> tuple[list[str], bool]:
        """Lines until an empty line. Returns the lines and whether the input ended meanwhile.

        The input ending (or Ctrl+C) in the middle is not an error: what came so far is
        the person's text and is handed back to be saved.
        """
        lines: list[str] = []
        while True:
            try:
                line = self.read_line("> ")
            except EndOfInput:
                return lines, True
            if not line.strip():
                return lines, False
            lines.append(line.rstrip())

    def yes(self, answer: str) -> bool:
        words = {self.t("cli.yes_word").lower(), *self.cat.list("plain.yes_words")}
        return answer.strip().lower() in words

    def choose(self, title: str, options: Sequence[tuple[str, str]], back: str | None) -> str:
        """A numbered menu. Returns the chosen option's key, or "" for back (0).

        `options` are (key, label); they are numbered from 1 in order. Typing q raises Quit.
        """
        self.blank()
        self.say(title)
        for number, (_key, label) in enumerate(options, start=1):
            self.say(f"{number}. {label}")
        if back is not None:
            self.say(f"0. {back}")
        self.tell("plain.menu_hint" if back is not None else "plain.menu_hint_no_back")
        while True:
            answer = self.read_line(self.t("plain.choose_prompt")).strip().lower().rstrip(".")
            if answer == "q":
                raise Quit
            if back is not None and answer == "0":
                return ""
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                return options[int(answer) - 1][0]
            self.tell("plain.not_understood", highest=len(options))
