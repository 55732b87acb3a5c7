"""`peerprep`, `peerprep new`, `peerprep open ID`: start a face (full screen or --plain)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from peerprep.errors import CommandError

if TYPE_CHECKING:
    from peerprep.flow.context import Context
    from peerprep.words import Catalogue

VERBS = (None, "new", "open")


def add_parser(commands: Any, cat: Catalogue) -> None:
    t = cat.text
    commands.add_parser("new", help=t("cli.new_help"), description=t("cli.new_help"))
    open_ = commands.add_parser("open", help=t("cli.open_help"), description=t("cli.open_help"))
    open_.add_argument("id", metavar=t("cli.metavar_id"), help=t("cli.id_help"))
    open_.add_argument("--force", action="store_true", help=t("takeover.force_help"))


def run(context: Context, args: argparse.Namespace) -> int:
    """Start the full-screen program, or line-by-line mode with --plain, or where the full
    screen cannot work here (flow.terminal_check: no terminal, a TERM that cannot draw,
    an encoding that cannot show it), with one line saying why."""
    from peerprep.flow.context import Start

    start = Start(
        command=args.command,
        prep_id=getattr(args, "id", None),
        force=bool(getattr(args, "force", False)),
    )
    if start.command == "open":
        store = context.store()
        if not store.exists(start.prep_id or ""):
            # Said here, on the plain terminal, before a full screen opens only to say it.
            raise CommandError("errors.unknown_id", id=start.prep_id)
        store.load(start.prep_id or "")  # a broken file: said in one line (and put aside)
    if not args.plain:
        from peerprep.flow.context import EXIT_USAGE
        from peerprep.flow.terminal_check import problem

        why = problem()
        if why is not None:
            print(context.cat.text(why.key, **why.values), file=sys.stderr)
            if why.fatal:
                return EXIT_USAGE  # nobody to type the answers, in either face
            args.plain = True
    if args.plain:
        from peerprep import plain  # the line-by-line face; it never loads Textual

        return plain.run(context, start)
    try:
        from peerprep.tui import launch
    except ImportError as error:
        if error.name not in (None, "peerprep.tui"):
            raise  # a broken installation (Textual missing), not a missing face
        raise CommandError("errors.not_yet") from None
    return launch(context, start)
