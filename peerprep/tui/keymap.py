"""The program's one keymap: each key means one thing on every screen and dialog it works on.

Every binding of the full screen is made here with `bind(meaning, action, ...)`, so the
keys of a meaning cannot drift apart between rooms. An F-key action always has a second
key, because laptops send brightness and volume for the F-keys unless Fn is held, and
some terminals keep a key for themselves (GNOME Terminal takes F1, most take F10 and
F11, tmux takes Ctrl+B). The second keys are Ctrl+letters that Textual's text fields
leave alone (they use Ctrl+A C D E K U V W X Y Z), and not Ctrl+H I J M, which a
terminal sends for Backspace, Tab and Enter. Help is also Ctrl+G, as in nano.

Meanings and keys (the words are the catalogue's `tui.keys.<id>.label`):

    help        F1, Ctrl+G   help for what is on the screen, and every key
    quit        Ctrl+Q       save and close the program
    save        Ctrl+S       save now
    back        Esc          one step back; closes a dialog with its calm answer
    ideas       F2, Ctrl+T   ideas to start a part; suggested questions
    examples    F3, Ctrl+L   what others wrote
    after       F4, Ctrl+F   after the meeting (its notes)
    sheet       F5, Ctrl+P   the sheet: save it as a file or print it
    next        F6, Ctrl+N   one step on (after the meeting: on to the next meeting)
    new         F7, +        a new preparation (home)
    delete      F8, Delete   delete the chosen preparation, remove the chosen question
    settings    F9, Ctrl+O   language, colours, peer mode
    read_aloud  Ctrl+R       read aloud (reserved: wired to the screens later)
    open        Enter        open or choose what is marked
    part1..4    1 2 3 4      the review: change that part
    meeting     0            the review: change the meeting
    questions   5            the review: change the questions
    move_up     Ctrl+↑       move the chosen question up
    move_down   Ctrl+↓       move the chosen question down
"""

from __future__ import annotations

from textual.binding import Binding

# meaning -> its keys, the first one shown in the footer
KEYS: dict[str, tuple[str, ...]] = {
    "help": ("f1", "ctrl+g"),
    "quit": ("ctrl+q",),
    "save": ("ctrl+s",),
    "back": ("escape",),
    "ideas": ("f2", "ctrl+t"),
    "examples": ("f3", "ctrl+l"),
    "after": ("f4", "ctrl+f"),
    "sheet": ("f5", "ctrl+p"),
    "next": ("f6", "ctrl+n"),
    "new": ("f7", "plus"),
    "delete": ("f8", "delete"),
    "settings": ("f9", "ctrl+o"),
    "read_aloud": ("ctrl+r",),
    "open": ("enter",),
    "part1": ("1",),
    "part2": ("2",),
    "part3": ("3",),
    "part4": ("4",),
    "meeting": ("0",),
    "questions": ("5",),
    "move_up": ("ctrl+up",),
    "move_down": ("ctrl+down",),
}

# The reserved read-aloud key: its id in the catalogue and in bindings.
READ_ALOUD = "read_aloud"


def keys(meaning: str) -> str:
    """The keys of a meaning as Textual writes them in a Binding ("f5,ctrl+p").

    Raises:
        KeyError: no such meaning in the keymap.
    """
    return ",".join(KEYS[meaning])


def meaning_of(key: str) -> str | None:
    """The one meaning a key has ("ctrl+p" -> "sheet"), or None for a key we do not bind."""
    for meaning, bound in KEYS.items():
        if key in bound:
            return meaning
    return None


def bind(
    meaning: str,
    action: str,
    *,
    id: str | None = None,
    show: bool = True,
    priority: bool = False,
) -> Binding:
    """A binding of `action` to the keys of `meaning`.

    `id` names the words shown for it (`tui.keys.<id>.label` and `.tip`; by default the
    meaning's own): a dialog's Escape says "Cancel" where a room's says "Back", and both
    mean the same key doing the calm thing. The English description and tooltip here are
    only for a developer; the catalogue gives the person's words (tui/bindings.py).

    Raises:
        KeyError: no such meaning in the keymap.
    """
    name = id or meaning
    return Binding(
        keys(meaning),
        action,
        name.replace("_", " "),
        show=show,
        priority=priority,
        tooltip=meaning.replace("_", " "),
        id=name,
    )
