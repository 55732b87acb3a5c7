"""`peerprep unprotect`: back to plain files, after the passphrase (a wrong one changes nothing)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from peerprep.flow.context import EXIT_FAILURE, EXIT_OK

if TYPE_CHECKING:
    from peerprep.flow.context import Context
    from peerprep.words import Catalogue


def add_parser(commands: Any, cat: Catalogue) -> None:
    t = cat.text
    commands.add_parser(
        "unprotect", help=t("crypto.unprotect_help"), description=t("crypto.unprotect_help")
    )


def run(context: Context, args: argparse.Namespace) -> int:
    from peerprep import crypto, protection

    cat = context.cat
    if context.in_memory:
        print(cat.text("crypto.not_in_shared"))
        return EXIT_FAILURE
    if not crypto.is_protected(context.data_dir):
        print(cat.text("crypto.already_off"))
        return EXIT_OK
    store = context.disk_store()
    if store.cipher is None:  # disk_store() asked for and checked the passphrase
        raise RuntimeError("the store was not unlocked")
    count = protection.unprotect(store, store.cipher)
    print(cat.text("crypto.turned_off", n=count))
    return EXIT_OK
