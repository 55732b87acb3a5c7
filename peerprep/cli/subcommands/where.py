"""`peerprep where`: where the person's data lives (or that nothing is kept)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from peerprep.flow.context import EXIT_OK

if TYPE_CHECKING:
    from peerprep.flow.context import Context
    from peerprep.words import Catalogue


def add_parser(commands: Any, cat: Catalogue) -> None:
    t = cat.text
    commands.add_parser("where", help=t("cli.where_help"), description=t("cli.where_help"))


def run(context: Context, args: argparse.Namespace) -> int:
    from peerprep.flow import summaries

    store = context.store(unlock=False)  # where things are needs no passphrase
    for line in summaries.where_lines(store, context.config_dir, context.shared):
        print(summaries.say(context.cat, line))
    return EXIT_OK
