"""`peerprep protect [--yes]`: lock the preparations with a passphrase (no recovery)."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any

from peerprep.cli.asking import confirm
from peerprep.flow.context import EXIT_FAILURE, EXIT_OK

if TYPE_CHECKING:
    from peerprep.flow.context import Context
    from peerprep.store import Store
    from peerprep.words import Catalogue


def add_parser(commands: Any, cat: Catalogue) -> None:
    t = cat.text
    protect = commands.add_parser(
        "protect", help=t("crypto.protect_help"), description=t("crypto.protect_help")
    )
    protect.add_argument("--yes", action="store_true", help=t("cli.yes_help"))


def run(context: Context, args: argparse.Namespace) -> int:
    """Say first that there is no recovery; then ask for the passphrase twice. In a folder
    that is protected already, finish a protect that was interrupted."""
    from peerprep import crypto, protection

    cat = context.cat
    if context.in_memory:
        print(cat.text("crypto.not_in_shared"))
        return EXIT_FAILURE
    store = context.disk_store(unlock=False)
    if store.protected:
        return _finish(context, store)
    print(cat.text("crypto.warning"))
    if not args.yes and not confirm(cat, cat.text("crypto.confirm")):
        print(cat.text("crypto.cancelled"))
        return EXIT_FAILURE
    first = crypto.read_passphrase(cat.text("crypto.new_prompt"))
    if os.environ.get(crypto.PASSPHRASE_ENV):
        repeated = first  # nobody to type it twice; the variable was set on purpose
    else:
        repeated = crypto.read_passphrase(cat.text("crypto.repeat_prompt"))
    crypto.check_new_passphrase(first, repeated)
    protection.protect(store, first)
    context.unlock(first)
    print(cat.text("crypto.turned_on", n=len(context.store().list().preparations)))
    return EXIT_OK


def _finish(context: Context, store: Store) -> int:
    """Protected already: say so, or lock what an interrupted protect left plain (the
    folder's own passphrase, asked once)."""
    from peerprep import crypto, protection

    cat = context.cat
    left = protection.plain_left(store.root)
    if not left:
        print(cat.text("crypto.already_on"))
        return EXIT_OK
    print(cat.text("crypto.unfinished", n=left))
    passphrase = crypto.read_passphrase(cat.text("crypto.prompt"))
    protection.protect(store, passphrase)
    context.unlock(passphrase)
    print(cat.text("crypto.finished", n=len(context.store().list().preparations)))
    return EXIT_OK
