"""The command line's grammar: argparse, in the person's language, refusing abbreviations.

Each command's own arguments are added by its module in cli/subcommands (`add_parser`), so a
verb's grammar and its work sit in one file. Building the parser loads nothing heavy: a
command module imports what its work needs only when it runs.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NoReturn

from peerprep import __version__
from peerprep.choices import LANGUAGES, THEMES

if TYPE_CHECKING:
    from peerprep.words import Catalogue


class UsageError(Exception):
    """The arguments are wrong; the message is argparse's own detail."""


class Parser(argparse.ArgumentParser):
    """argparse that raises UsageError instead of printing and exiting, and never takes
    an abbreviation ("--la en" would slip past the look-ahead for --lang)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


# argparse's own words (headings, its error messages) -> our catalogue keys. argparse
# looks each up through its module-level `_` (gettext) when it needs it, so for the time
# we build and run the parser that `_` answers from the person's catalogue. A message
# not listed here, or a Python whose argparse words differ, stays in argparse's English.
_ARGPARSE_KEYS = {
    "usage: ": "argparse.usage",
    "options": "argparse.options",
    "optional arguments": "argparse.options",
    "positional arguments": "argparse.positional",
    "show this help message and exit": "argparse.help",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "expected one argument": "argparse.one_argument",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "ignored explicit argument %r": "argparse.explicit",
    "not allowed with argument %s": "argparse.not_allowed",
    "one of the arguments %s is required": "argparse.one_required",
}


@contextlib.contextmanager
def argparse_speaks(cat: Catalogue) -> Iterator[None]:
    """argparse's headings and messages in the catalogue's language, for a while."""
    original = getattr(argparse, "_", None)
    if original is None:  # an argparse without gettext: nothing to translate
        yield
        return

    def translate(message: str) -> str:
        key = _ARGPARSE_KEYS.get(message)
        return cat.text(key) if key and cat.has(key) else original(message)

    argparse._ = translate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def peek_language(argv: Sequence[str]) -> str | None:
    """--lang must be known before parsing, because the help texts are in that language."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def build_parser(cat: Catalogue) -> argparse.ArgumentParser:
    """The whole command line, with every command's help in the catalogue's language."""
    from peerprep.cli.subcommands import COMMANDS

    t = cat.text
    parser = Parser(prog="peerprep", description=t("cli.description"))
    parser.add_argument(
        "--version", action="version", version=f"peerprep {__version__}", help=t("cli.version_help")
    )
    parser.add_argument("--data-dir", metavar=t("cli.metavar_dir"), help=t("cli.data_dir_help"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang_help"))
    parser.add_argument("--shared", action="store_true", help=t("shared.cli_help"))
    parser.add_argument("--plain", action="store_true", help=t("plain.cli_help"))
    parser.add_argument(
        "--theme",
        choices=THEMES,
        metavar=t("cli.metavar_theme"),
        help=t("plain.theme_help", names=", ".join(THEMES)),
    )
    commands = parser.add_subparsers(
        dest="command",
        metavar=t("cli.metavar_command"),
        title=t("cli.commands"),
        parser_class=Parser,
    )
    for command in COMMANDS.values():
        command.add_parser(commands, cat)
    return parser
