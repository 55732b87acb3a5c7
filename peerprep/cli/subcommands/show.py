"""`peerprep show ID`: the sheet as plain text on the terminal."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from peerprep.flow.context import EXIT_OK

if TYPE_CHECKING:
    from peerprep.flow.context import Context
    from peerprep.words import Catalogue


def add_parser(commands: Any, cat: Catalogue) -> None:
    t = cat.text
    show = commands.add_parser("show", help=t("cli.show_help"), description=t("cli.show_help"))
    show.add_argument("id", metavar=t("cli.metavar_id"), help=t("cli.id_help"))


def run(context: Context, args: argparse.Namespace) -> int:
    from peerprep.flow.taking_along import sheet_as_text

    prep = context.store().load(args.id)
    sys.stdout.write(sheet_as_text(prep))
    return EXIT_OK
