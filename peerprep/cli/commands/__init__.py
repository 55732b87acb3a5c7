"""The commands, one module per verb: each adds its arguments (`add_parser`) and does its
work (`run(context, args) -> exit code`). None of them loads Textual but `new`/`open`
(through the face they start); each imports what its work needs only when it runs.
"""

from __future__ import annotations

from types import ModuleType

from peerprep.cli.commands import (
    delete,
    export,
    import_file,
    list,
    protect,
    schema,
    show,
    start,
    unprotect,
    where,
    wipe,
)

# The verbs in the order `peerprep --help` lists them; "new" and "open" start a face.
COMMANDS: dict[str, ModuleType] = {
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
}
