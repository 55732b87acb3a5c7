"""The one command scheme of line-by-line mode: words a voice says aloud.

A screen reader with a speech synthesizer at its usual punctuation level does not say
"?" or "-" (eSpeak NG reads "Skriv ? for hjælp" as "Skriv for hjælp"), so every command
is a word the person types alone on a line, in the language on screen:

    help      at every prompt: what can be typed here, and the words that always work
    back      at every prompt: one step back (in a numbered list, 0 does the same)
    stop      at every prompt: stop the program (a shared computer asks first)
    end       ends an answer of several lines; until then every line is text
    ideas, examples, peer   on the first line of a part's answer: help to get started
    remove    in a meeting field: take away what is there

The words are the catalogue's `plain.commands.<name>_word` lists (the first is the one
said; the others are spellings also understood, such as "hjaelp" without "æ"). A line is
a command only when it is the whole line (any case, a full stop after it allowed); a
text pasted in one go (several lines at once) is never a command.

The scheme is announced once, when the program starts (`plain.commands_about`), and
`help` says it again at any prompt.
"""

from __future__ import annotations

from typing import Literal

from peerprep.words import Catalogue

Command = Literal["help", "back", "stop", "end", "ideas", "examples", "peer", "remove"]

# The words that work at every prompt, outside an answer being written.
ALWAYS: tuple[Command, ...] = ("help", "back", "stop")


def words(cat: Catalogue, name: Command) -> list[str]:
    """Every spelling of a command the person may type, in lower case."""
    return [w.lower() for w in cat.list(f"plain.commands.{name}_word")]


def word(cat: Catalogue, name: Command) -> str:
    """The command's word as the program says it ("hjælp", "slut")."""
    return cat.list(f"plain.commands.{name}_word")[0]


def given(cat: Catalogue, text: str, *names: Command) -> Command | None:
    """The command among `names` that `text` gives, or None when it is text.

    Only a whole line typed alone counts: "hjælp", "Hjælp.", " HJÆLP " do; "hjælp mig",
    or a pasted text of several lines that happens to hold the word, do not.
    """
    if "\n" in text:
        return None
    typed = text.strip().lower().rstrip(".!").strip()
    if not typed:
        return None
    for name in names:
        if typed in words(cat, name):
            return name
    return None
