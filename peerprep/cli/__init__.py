"""The command line: reads the arguments, builds the run's Context, runs one command.

Light commands (--version, --help, list, show, where, schema, delete, wipe, export) must
start fast and never load Textual, so everything heavy is imported inside the command
that needs it. `new` and `open` (and no command) start a face: the full screen, or line
by line with --plain.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence

from peerprep import __version__
from peerprep.errors import PeerprepError
from peerprep.flow.context import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, Context

__all__ = ["main", "run"]

DEBUG_ENV = "PEERPREP_DEBUG"  # set it to see a developer's traceback instead of one line

Handler = Callable[[Context, argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """The program: `peerprep ARGS...` -> exit code (0, 1 or 2; see flow.context)."""
    from peerprep.startup import loading, without_pydantic_plugins

    without_pydantic_plugins()
    return loading(lambda: _main(list(sys.argv[1:] if argv is None else argv)))


def _handler(command: str | None) -> Handler:
    from peerprep.cli.subcommands import COMMANDS, start

    if command in start.VERBS:
        return start.run
    module = COMMANDS[command or "start"]
    return module.run


def _main(argv: list[str]) -> int:
    # A terminal that cannot show a character (an ASCII or Latin-1 console, a folder name
    # that is not UTF-8) gets a "?" for it rather than an error instead of the answer.
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    if argv == ["--version"]:  # the fastest path: nothing else to load
        print(f"peerprep {__version__}")
        return EXIT_OK

    from peerprep.choices import LANGUAGES
    from peerprep.cli.parser import UsageError, argparse_speaks, build_parser, peek_language
    from peerprep.words import catalogue, resolve_language

    peeked = peek_language(argv)
    cat = catalogue(resolve_language(peeked if peeked in LANGUAGES else None))
    with argparse_speaks(cat):
        parser = build_parser(cat)
        try:
            args = parser.parse_args(argv)
        except UsageError as error:
            print(cat.text("errors.usage", detail=str(error)), file=sys.stderr)
            return EXIT_USAGE
        except SystemExit as leaving:  # --help and --version end here on purpose
            return int(leaving.code or 0)

    from peerprep.folders import resolve_config_dir, resolve_data_dir

    context = Context(
        language=resolve_language(args.lang),
        data_dir=resolve_data_dir(args.data_dir),
        config_dir=resolve_config_dir(),
        language_chosen=bool(args.lang),
        data_dir_chosen=bool(args.data_dir),
        shared_flag=bool(args.shared),
        theme=args.theme,
    )
    return run(context, args, _handler(args.command))


def run(context: Context, args: argparse.Namespace, handler: Handler) -> int:
    """Run a command; turn the errors a person can meet into one line in their language.

    Never a traceback: a bug, too, becomes one line (PEERPREP_DEBUG=1 shows the trace).
    """
    cat = context.cat
    try:
        code = handler(context, args)
        sys.stdout.flush()  # here, where a closed pipe can still be handled
        return code
    except PeerprepError as error:
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
