"""Asking line by line: a numbered menu and a yes-or-no question, each honouring the one
command scheme (plain.commands): help says the question again, back goes back, stop stops.
"""

from __future__ import annotations

from collections.abc import Sequence

import peerprep.plain.commands as commands
from peerprep.plain.console import Back, Console, Quit


def yes(console: Console, answer: str) -> bool:
    words = {console.t("cli.yes_word").lower(), *console.cat.list("plain.yes_words")}
    return answer.strip().lower() in words


def ask_yes(console: Console, question_key: str, **values: object) -> bool:
    """A yes-or-no question: "ja" says yes, Enter (or anything else) no; help says so,
    back goes back (Back), stop stops (Quit)."""
    console.tell(question_key, **values)
    while True:
        answer = console.read_line()
        said = commands.given(console.cat, answer, *commands.ALWAYS)
        if said == "help":
            console.tell("plain.help.yes_no")
            console.tell("plain.help.always")
            continue
        if said == "stop":
            raise Quit
        if said == "back":
            raise Back
        return yes(console, answer)


def choose(
    console: Console,
    title: str,
    options: Sequence[tuple[str, str]],
    back: str | None,
    *,
    enter: str | None = None,
    zero_is_back: bool = True,
) -> str:
    """A numbered menu. Returns the chosen option's key, or "" for option 0.

    `options` are (key, label), numbered from 1 in order; `back` is the label of
    option 0 ("Tilbage"), or None for no option 0. `enter` is the key Enter alone
    chooses ("" for option 0), said under the menu. The word for back chooses option
    0 when it goes back (`zero_is_back`), else raises Back, as it does where there
    is no option 0; the word for stop raises Quit; the word for help says the menu
    again.
    """
    console.blank()
    console.say(title)
    _list(console, options, back)
    console.tell_once("plain.menu_hint")
    if enter is not None:
        label = dict(options).get(enter, back or "")
        console.tell("plain.menu_enter", label=label)
    while True:
        answer = console.read_line(console.t("plain.choose_prompt")).strip()
        said = commands.given(console.cat, answer, *commands.ALWAYS)
        if said == "stop":
            raise Quit
        if said == "back":
            if back is not None and zero_is_back:
                return ""
            raise Back
        if said == "help":
            console.tell("plain.help.menu")
            console.say(title)
            _list(console, options, back)
            console.tell("plain.help.always")
            continue
        number = answer.rstrip(".")
        if not number and enter is not None:
            return enter
        if back is not None and number == "0":
            return ""
        if number.isdigit() and 1 <= int(number) <= len(options):
            return options[int(number) - 1][0]
        lowest = 0 if back is not None else 1
        console.tell("plain.not_understood", lowest=lowest, highest=len(options))


def _list(console: Console, options: Sequence[tuple[str, str]], back: str | None) -> None:
    for number, (_key, label) in enumerate(options, start=1):
        console.say(f"{number}. {label}")
    if back is not None:
        console.say(f"0. {back}")
