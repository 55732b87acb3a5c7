"""`peerprep schema`: the JSON Schema of a preparation file."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from peerprep.flow.context import EXIT_OK

if TYPE_CHECKING:
    from peerprep.flow.context import Context
    from peerprep.words import Catalogue


def add_parser(commands: Any, cat: Catalogue) -> None:
    t = cat.text
    commands.add_parser("schema", help=t("cli.schema_help"), description=t("cli.schema_help"))


def run(context: Context, args: argparse.Namespace) -> int:
    from peerprep.model import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK
