"""`peerprep export ID|--latest|--blank [--lang da|en] [--format pdf|html|txt|md]
[--large-print] [-o PATH] [--open] [--print]`: the sheet from the command line.
Never loads Textual."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerprep.errors import CommandError
from peerprep.flow.context import EXIT_FAILURE, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from peerprep.flow.context import Context
    from peerprep.model import Preparation
    from peerprep.words import Catalogue


def add_parser(commands: Any, cat: Catalogue) -> None:
    from peerprep.export.formats import FORMATS
    from peerprep.folders import default_export_dir

    t = cat.text
    parser: argparse.ArgumentParser = commands.add_parser(
        "export", help=t("export.cli.help"), description=t("export.cli.help")
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("id", nargs="?", metavar=t("cli.metavar_id"), help=t("cli.id_help"))
    which.add_argument("--latest", action="store_true", help=t("export.cli.latest_help"))
    which.add_argument("--blank", action="store_true", help=t("export.cli.blank_help"))
    # Not `lang`: that is the program's own language, given before the command.
    parser.add_argument(
        "--lang", choices=("da", "en"), dest="sheet_lang", help=t("export.cli.lang_help")
    )
    parser.add_argument("--format", choices=FORMATS, help=t("export.cli.format_help"))
    parser.add_argument("--large-print", action="store_true", help=t("export.cli.large_print_help"))
    parser.add_argument(
        "-o",
        "--output",
        metavar=t("cli.metavar_place"),
        help=t("export.cli.output_help", path=str(default_export_dir())),
    )
    parser.add_argument("--open", action="store_true", help=t("export.cli.open_help"))
    parser.add_argument(
        "--print", action="store_true", dest="print_", help=t("export.cli.print_help")
    )


def _choose_format(requested: str | None, output: str | None) -> str:
    """--format wins; else the ending of -o ("-o sheet.html"); else PDF."""
    from peerprep.export.formats import FORMATS

    if requested:
        return requested
    if output:
        ending = Path(output).suffix.lower().lstrip(".")
        if ending in FORMATS:
            return ending
    return "pdf"


def _preparation(context: Context, args: argparse.Namespace) -> Preparation | None:
    store = context.store()
    if args.latest:
        preparations = store.list().preparations
        if not preparations:
            raise CommandError("errors.no_preparations")
        return preparations[0]
    if args.id:
        return store.load(args.id)
    return None


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def run(context: Context, args: argparse.Namespace) -> int:
    from peerprep.export.errors import ExportError
    from peerprep.export.formats import PRINTABLE
    from peerprep.flow import taking_along

    cat = context.cat
    fmt = _choose_format(args.format, args.output)
    if args.print_ and fmt not in PRINTABLE:
        _err(cat.text("export.errors.print_format"))
        return EXIT_USAGE
    request = taking_along.SheetRequest(
        fmt=fmt,
        large_print=args.large_print,
        destination=Path(args.output) if args.output else None,
        print_now=args.print_,
        language=args.sheet_lang,
    )
    if args.blank:
        try:
            taken = taking_along.take_blank(
                context.taken, replace(request, language=args.sheet_lang or context.language)
            )
        except ExportError as error:
            raise CommandError(error.key, **error.values) from error
    else:
        prep = _preparation(context, args)
        if prep is None:
            _err(cat.text("export.errors.which"))
            return EXIT_USAGE
        for warning in taking_along.warnings_before(prep, request):
            _err(warning.text(cat))
            if warning.key == "export.fonts.offer_html":
                _err(cat.text("export.cli.html_hint"))
        try:
            taken = taking_along.take_along(context.taken, prep, request)
        except ExportError as error:
            raise CommandError(error.key, **error.values) from error
    for said in taken.said:
        print(said.text(cat))
    status = EXIT_OK
    for problem in taken.problems:
        _err(cat.text(problem.key, **problem.values))
        status = EXIT_FAILURE
    if args.open and taken.path is not None:
        try:
            taking_along.open_file(taken.path)
        except ExportError as error:
            _err(cat.text(error.key, **error.values))
            status = EXIT_FAILURE
    return status
