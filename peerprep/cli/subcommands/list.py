"""`peerprep list [--json]`: the preparations, newest first, one line each."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

from peerprep.flow.context import EXIT_OK

if TYPE_CHECKING:
    from peerprep.flow.context import Context
    from peerprep.words import Catalogue


def add_parser(commands: Any, cat: Catalogue) -> None:
    t = cat.text
    list_ = commands.add_parser("list", help=t("cli.list_help"), description=t("cli.list_help"))
    list_.add_argument("--json", action="store_true", help=t("cli.json_help"))


def run(context: Context, args: argparse.Namespace) -> int:
    from peerprep.flow import summaries

    cat = context.cat
    listing = context.store().list()
    for line in summaries.listing_problems(cat, listing):
        print(line, file=sys.stderr)
    preparations = listing.preparations
    if args.json:
        rows = [summaries.row_data(cat, p) for p in preparations]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not preparations:
        print(cat.text("cli.list_empty"))
        return EXIT_OK
    print(cat.text("cli.list_header"))
    today = dt.date.today()  # once, not once a row
    for prep in preparations:
        print(" | ".join(summaries.row(cat, prep, today).cells(cat)))
    return EXIT_OK
