"""The subcommands, one module per verb: each adds its arguments (`add_parser`) and does its
work (`run(context, args) -> exit code`). None of them loads Textual but `new`/`open`
(through the face they start); each imports what its work needs only when it runs.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, Protocol

from peerprep.cli.subcommands import (
    delete,
    export,
    import_file,
    list,
    protect,
    read,
    schema,
    show,
    start,
    unprotect,
    where,
    wipe,
)

if TYPE_CHECKING:
    from peerprep.flow.context import Context
    from peerprep.words import Catalogue


class Command(Protocol):
    """What a command module has: its arguments, and its work (returning an exit code)."""

    def add_parser(self, commands: Any, cat: Catalogue) -> None: ...
    def run(self, context: Context, args: argparse.Namespace) -> int: ...


# The verbs in the order `peerprep --help` lists them; "new" and "open" start a face.
COMMANDS: dict[str, Command] = {
    "start": start,
    "list": list,
    "show": show,
    "delete": delete,
    "wipe": wipe,
    "where": where,
    "schema": schema,
    "import": import_file,
    "protect": protect,
    "unprotect": unprotect,
    "export": export,
    "read": read,
}
