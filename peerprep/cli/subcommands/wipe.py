"""`peerprep wipe [--yes]`: delete all of the person's data from this computer."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from peerprep.cli.asking import confirm
from peerprep.flow.context import EXIT_FAILURE, EXIT_OK

if TYPE_CHECKING:
    from peerprep.flow.context import Context
    from peerprep.words import Catalogue


def add_parser(commands: Any, cat: Catalogue) -> None:
    t = cat.text
    wipe = commands.add_parser("wipe", help=t("cli.wipe_help"), description=t("cli.wipe_help"))
    wipe.add_argument("--yes", action="store_true", help=t("cli.yes_help"))
    wipe.add_argument("--force", action="store_true", help=t("takeover.force_help"))


def run(context: Context, args: argparse.Namespace) -> int:
    from peerprep.flow import taking_over, wiping

    cat = context.cat
    if context.in_memory:  # shared computer: nothing of the person's is on this disk
        context.store().wipe()
        print(cat.text("shared.wiped_memory"))
        return EXIT_OK
    store = context.disk_store(unlock=False)  # a forgotten passphrase must not stop a wipe
    # Refused before the question when a preparation is open elsewhere (as delete).
    holder = store.open_elsewhere()
    if holder is not None and not (args.force and taking_over.takeable(holder)):
        print(cat.text("errors.locked_delete", pid=holder.pid, host=holder.host), file=sys.stderr)
        if taking_over.takeable(holder):
            for line in taking_over.about(cat, holder):
                print(line, file=sys.stderr)
            print(cat.text("takeover.force_hint"), file=sys.stderr)
        return EXIT_FAILURE
    if holder is not None:
        for line in taking_over.about(cat, holder):
            print(line)
    if not args.yes and not confirm(cat, cat.text("cli.wipe_confirm", path=str(context.data_dir))):
        print(cat.text("errors.cancelled"))
        return EXIT_FAILURE
    gone = wiping.wipe_everything(store, context.settings_keeper(), force=args.force)
    print(cat.text("cli.wiped" if gone else "cli.wipe_nothing"))
    return EXIT_OK
