"""`peerprep export ID|--latest|--blank [--lang da|en] [--format pdf|html|txt|md]
[--large-print] [-o PATH] [--open] [--print]`: the sheet from the command line.
Never loads Textual."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerprep.export.errors import ExportError

if TYPE_CHECKING:
    from peerprep.cli import Context
    from peerprep.content import Catalogue
    from peerprep.model import Preparation


def add_export_parser(commands: Any, cat: Catalogue) -> argparse.ArgumentParser:
    """Add the `export` subcommand to the CLI's subparsers."""
    from peerprep.export.places import FORMATS, default_export_dir

    t = cat.text
    metavar_id = t("cli.metavar_id") if cat.has("cli.metavar_id") else "ID"
    parser: argparse.ArgumentParser = commands.add_parser(
        "export", help=t("export.cli.help"), description=t("export.cli.help")
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("id", nargs="?", metavar=metavar_id, help=t("cli.id_help"))
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
        metavar="PATH",
        help=t("export.cli.output_help", path=str(default_export_dir())),
    )
    parser.add_argument("--open", action="store_true", help=t("export.cli.open_help"))
    parser.add_argument(
        "--print", action="store_true", dest="print_", help=t("export.cli.print_help")
    )
    return parser


def _choose_format(requested: str | None, output: str | None) -> str:
    """--format wins; else the ending of -o ("-o sheet.html"); else PDF."""
    from peerprep.export.places import FORMATS

    if requested:
        return requested
    if output:
        ending = Path(output).suffix.lower().lstrip(".")
        if ending in FORMATS:
            return ending
    return "pdf"


def _preparation(context: Context) -> Preparation | None:
    from peerprep.cli import CommandError

    store = context.store()
    if context.args.latest:
        preparations = store.list().preparations
        if not preparations:
            raise CommandError("errors.no_preparations")
        return preparations[0]
    if context.args.id:
        return store.load(context.args.id)
    return None


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _warn_before(context: Context, prep: Preparation, sheet_cat: Catalogue, fmt: str) -> None:
    """What the person should know before the PDF is made: characters no font here can
    draw (and that HTML can), and that the answers run onto a second page."""
    from peerprep.export import service

    if fmt != "pdf":
        return
    cat, large = context.cat, context.args.large_print
    missing = service.unprintable(prep, sheet_cat, large_print=large)
    if missing:
        _err(cat.text("export.fonts.missing", chars=" ".join(missing)))
        _err(cat.text("export.fonts.offer_html") + " " + cat.text("export.cli.html_hint"))
    if not large and service.needs_second_page(prep, sheet_cat):
        _err(cat.text("export.fit.second_page"))


def run(context: Context) -> int:
    from peerprep.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CommandError
    from peerprep.content import catalogue
    from peerprep.export import places, printing, service

    args = context.args
    cat = context.cat
    fmt = _choose_format(args.format, args.output)
    if args.print_ and fmt not in places.PRINTABLE:
        _err(cat.text("export.errors.print_format"))
        return EXIT_USAGE
    wanted = Path(args.output) if args.output else None
    large = args.large_print
    prep = None if args.blank else _preparation(context)
    if prep is None and not args.blank:
        _err(cat.text("export.errors.which"))
        return EXIT_USAGE
    try:
        if prep is None:
            language = args.sheet_lang or context.language
            intended, _ = service.blank_target(language, fmt, large, wanted)
            path = service.export_blank(language, fmt, large, wanted)
        else:
            chosen = catalogue(args.sheet_lang) if args.sheet_lang else None
            sheet_cat = service.sheet_catalogue(prep, chosen)
            _warn_before(context, prep, sheet_cat, fmt)
            intended, _ = service.target_path(prep, sheet_cat, fmt, wanted)
            path = service.export_preparation(prep, sheet_cat, fmt, large, wanted)
    except ExportError as error:
        raise CommandError(error.key, **error.values) from error
    context.say("export.done", path=str(path))
    if path != intended:
        context.say("export.renamed")
    pages = service.page_count(path)
    if pages is not None and pages > 1:
        context.say("export.pages", pages=pages)

    status = EXIT_OK
    if args.open:
        try:
            printing.open_file(path)
        except ExportError as error:
            _err(cat.text(error.key, **error.values))
            status = EXIT_FAILURE
    if args.print_:
        try:
            printing.print_file(path)
        except ExportError as error:
            _err(cat.text(error.key, **error.values))
            status = EXIT_FAILURE
        else:
            context.say("export.printed")
    return status
