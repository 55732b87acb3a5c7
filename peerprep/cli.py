"""The command line: parses arguments and decides which face to start.

Light commands (--version, --help, list, show, where, schema, delete, wipe, export)
must start fast and never load Textual, so everything heavy is imported inside the
function that needs it.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from peerprep import __version__
from peerprep.errors import PeerprepError

if TYPE_CHECKING:
    from peerprep.content import Catalogue
    from peerprep.crypto import Cipher
    from peerprep.shared import DiskSettings, MemorySettings, MemoryStore, SharedMode
    from peerprep.store import Store

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

DEBUG_ENV = "PEERPREP_DEBUG"  # set it to see a developer's traceback instead of one line


class UsageError(Exception):
    """The arguments are wrong; the message is argparse's own detail."""


class CommandError(PeerprepError):
    """A failure the person should read about: a catalogue key and its values."""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: object, **kwargs: object) -> None:
        # No abbreviations: "--la en" would slip past the look-ahead for --lang.
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
    "expected one argument": "argparse.expected_one",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "ignored explicit argument %r": "argparse.explicit",
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


@dataclass
class Context:
    """What every command needs: the language, the data folder, the config folder."""

    args: argparse.Namespace
    language: str
    data_dir: Path
    config_dir: Path

    @property
    def cat(self) -> Catalogue:
        from peerprep.content import catalogue

        return catalogue(self.language)

    # shared computer and passphrase (peerprep.shared, peerprep.crypto)
    ask_passphrase: bool = True  # False where a dialog, not the terminal, asks for it
    _memory: MemoryStore | None = field(default=None, init=False, repr=False)
    _cipher: Cipher | None = field(default=None, init=False, repr=False)
    _shared: SharedMode | None = field(default=None, init=False, repr=False)

    @property
    def shared(self) -> SharedMode:
        if self._shared is None:
            from peerprep.shared import resolve

            self._shared = resolve(flag=bool(getattr(self.args, "shared", False)))
        return self._shared

    @property
    def in_memory(self) -> bool:
        """Shared mode keeps preparations in memory, unless the person named --data-dir."""
        return self.shared.on and not getattr(self.args, "data_dir", None)

    def store(self, unlock: bool = True) -> Store | MemoryStore:
        """The preparations: in memory on a shared computer; else the data folder, opened
        with the passphrase when it is protected (unless `unlock` is False, as for wipe)."""
        if self.in_memory:
            if self._memory is None:
                from peerprep.shared import MemoryStore

                self._memory = MemoryStore()
            return self._memory
        from peerprep.store import Store

        store = Store(self.data_dir, cipher=self._cipher)
        if unlock and self._cipher is None and store.protected:
            from peerprep.crypto import unlock_interactively

            self._cipher = unlock_interactively(
                self.data_dir,
                self.cat.text("crypto.prompt"),
                self.cat.text("crypto.wrong_passphrase"),
                self.ask_passphrase,
            )
            store.cipher = self._cipher
        return store

    def unlock(self, passphrase: str) -> Cipher:
        """Check the passphrase of a protected data folder; WrongPassphrase if it is not it."""
        from peerprep.crypto import unlock

        self._cipher = unlock(self.data_dir, passphrase)
        return self._cipher

    def settings_keeper(self) -> MemorySettings | DiskSettings:
        """Where settings are kept: in memory on a shared computer, else the config folder."""
        from peerprep.shared import settings_keeper

        return settings_keeper(self.shared, self.config_dir)

    def say(self, key: str, **values: object) -> None:
        print(self.cat.text(key, **values))


def _peek_language(argv: Sequence[str]) -> str | None:
    """--lang must be known before parsing, because the help texts are in that language."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


Handler = Callable[[Context], int]


def build_parser(cat: Catalogue) -> argparse.ArgumentParser:
    t = cat.text
    parser = _Parser(prog="peerprep", description=t("cli.description"))
    parser.add_argument(
        "--version", action="version", version=f"peerprep {__version__}", help=t("cli.version_help")
    )
    parser.add_argument("--data-dir", metavar=t("cli.metavar_dir"), help=t("cli.data_dir_help"))
    parser.add_argument("--lang", choices=("da", "en"), help=t("cli.lang_help"))
    parser.add_argument("--shared", action="store_true", help=t("shared.cli_help"))
    from peerprep.keys import THEMES

    parser.add_argument("--plain", action="store_true", help=t("plain.cli_help"))
    parser.add_argument(
        "--theme",
        choices=THEMES,
        metavar="THEME",
        help=t("plain.theme_help", names=", ".join(THEMES)),
    )
    commands = parser.add_subparsers(
        dest="command",
        metavar=t("cli.metavar_command"),
        title=t("cli.commands"),
        parser_class=_Parser,
    )

    commands.add_parser("new", help=t("cli.new_help"), description=t("cli.new_help"))
    open_ = commands.add_parser("open", help=t("cli.open_help"), description=t("cli.open_help"))
    open_.add_argument("id", metavar=t("cli.metavar_id"), help=t("cli.id_help"))
    list_ = commands.add_parser("list", help=t("cli.list_help"), description=t("cli.list_help"))
    list_.add_argument("--json", action="store_true", help=t("cli.json_help"))
    show = commands.add_parser("show", help=t("cli.show_help"), description=t("cli.show_help"))
    show.add_argument("id", metavar=t("cli.metavar_id"), help=t("cli.id_help"))
    delete = commands.add_parser(
        "delete", help=t("cli.delete_help"), description=t("cli.delete_help")
    )
    delete.add_argument("id", metavar=t("cli.metavar_id"), help=t("cli.id_help"))
    delete.add_argument("--yes", action="store_true", help=t("cli.yes_help"))
    wipe = commands.add_parser("wipe", help=t("cli.wipe_help"), description=t("cli.wipe_help"))
    wipe.add_argument("--yes", action="store_true", help=t("cli.yes_help"))
    commands.add_parser("where", help=t("cli.where_help"), description=t("cli.where_help"))
    commands.add_parser("schema", help=t("cli.schema_help"), description=t("cli.schema_help"))
    import_ = commands.add_parser(
        "import", help=t("shared.import_help"), description=t("shared.import_help")
    )
    import_.add_argument("file", metavar="FILE", help=t("shared.import_file_help"))
    protect = commands.add_parser(
        "protect", help=t("crypto.protect_help"), description=t("crypto.protect_help")
    )
    protect.add_argument("--yes", action="store_true", help=t("cli.yes_help"))
    commands.add_parser(
        "unprotect", help=t("crypto.unprotect_help"), description=t("crypto.unprotect_help")
    )
    from peerprep.export.command import add_export_parser

    add_export_parser(commands, cat)
    from peerprep.read_command import add_read_parser

    add_read_parser(commands, cat)
    return parser


def _handlers() -> dict[str | None, Handler]:
    from peerprep import commands, read_command
    from peerprep.export import command as export_command

    return {
        None: commands.start_program,
        "new": commands.start_program,
        "open": commands.start_program,
        "list": commands.list_preparations,
        "show": commands.show,
        "delete": commands.delete,
        "wipe": commands.wipe,
        "where": commands.where,
        "schema": commands.schema,
        "import": commands.import_file,
        "protect": commands.protect,
        "unprotect": commands.unprotect,
        "export": export_command.run,
        "read": read_command.run,
    }


def main(argv: Sequence[str] | None = None) -> int:
    # Python's cyclic garbage collector is off while the program starts: loading pydantic,
    # Textual and the catalogues makes tens of thousands of objects and no garbage, and
    # collecting among them took 10-45 ms of every start. A face that then waits for a
    # person turns it on again (settle_memory); a light command ends before it matters.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    finally:
        if collecting:
            gc.enable()


def settle_memory() -> None:
    """The program is loaded and about to wait for a person (full screen, plain mode):
    what is loaded now stays for good, so it is kept out of every later collection (which
    then has less to look through, also while typing), and collecting goes on as usual."""
    gc.freeze()
    gc.enable()


def _main(argv: list[str]) -> int:
    # A terminal that cannot show a character (an ASCII or Latin-1 console, a folder name
    # that is not UTF-8) gets a "?" for it rather than an error instead of the answer.
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    if argv == ["--version"]:  # the fastest path: nothing else to load
        print(f"peerprep {__version__}")
        return EXIT_OK

    from peerprep.content import catalogue, resolve_language

    peeked = _peek_language(argv)
    cat = catalogue(resolve_language(peeked if peeked in ("da", "en") else None))
    with argparse_speaks(cat):
        parser = build_parser(cat)
        try:
            args = parser.parse_args(argv)
        except UsageError as error:
            print(cat.text("errors.usage", detail=str(error)), file=sys.stderr)
            return EXIT_USAGE
        except SystemExit as leaving:  # --help and --version end here on purpose
            return int(leaving.code or 0)

    from peerprep.folders import resolve_config_dir  # not settings: that loads pydantic
    from peerprep.store import resolve_data_dir

    context = Context(
        args=args,
        language=resolve_language(args.lang),
        data_dir=resolve_data_dir(args.data_dir),
        config_dir=resolve_config_dir(),
    )
    handler = _handlers()[args.command]
    if getattr(args, "plain", False) and args.command in (None, "new", "open"):
        from peerprep import plain  # the line-by-line face; it never loads Textual

        def plain_face(context: Context) -> int:
            settle_memory()  # it waits for the person from here on
            return plain.run(context)

        handler = plain_face
    return run(context, handler)


def run(context: Context, handler: Handler) -> int:
    """Run a command; turn the errors a person can meet into one line in their language.

    Never a traceback: a bug, too, becomes one line (PEERPREP_DEBUG=1 shows the trace).
    """
    # From errors, not from settings and store: catching them must load nothing heavy.
    from peerprep.errors import SettingsError, StoreError

    cat = context.cat
    try:
        code = handler(context)
        sys.stdout.flush()  # here, where a closed pipe can still be handled
        return code
    except (PeerprepError, StoreError, SettingsError) as error:
        print(cat.text(error.key, **error.values), file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(file=sys.stderr)
        print(cat.text("errors.interrupted"), file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        # Whoever read our output stopped early (peerprep list | head): nothing to say.
        # Point stdout at nothing so the final flush at exit cannot fail again.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE
    except Exception as error:
        if os.environ.get(DEBUG_ENV):
            raise
        detail = f"{type(error).__name__}: {error}".strip().splitlines()[0]
        print(cat.text("errors.unexpected", detail=detail), file=sys.stderr)
        return EXIT_FAILURE
