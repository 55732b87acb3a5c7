"""`peerprep import FILE`: open a preparation from a file; a bad file changes nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerprep.flow.context import EXIT_FAILURE, EXIT_OK

if TYPE_CHECKING:
    from peerprep.flow.context import Context
    from peerprep.words import Catalogue


def add_parser(commands: Any, cat: Catalogue) -> None:
    t = cat.text
    import_ = commands.add_parser(
        "import", help=t("shared.import_help"), description=t("shared.import_help")
    )
    import_.add_argument("file", metavar=t("cli.metavar_file"), help=t("shared.import_file_help"))


def run(context: Context, args: argparse.Namespace) -> int:
    from peerprep.errors import StoreError
    from peerprep.flow import preparation_file

    cat = context.cat
    try:
        result = preparation_file.import_file(context.store(), Path(args.file))
    except StoreError as error:
        print(preparation_file.describe(cat, error), file=sys.stderr)
        return EXIT_FAILURE
    said = preparation_file.imported_message(cat, result, in_memory=context.in_memory)
    print(cat.text(said.key, **said.values))
    return EXIT_OK
