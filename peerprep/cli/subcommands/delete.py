"""`peerprep delete ID [--yes]`: delete one preparation, after a question that names it."""

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
    delete = commands.add_parser(
        "delete", help=t("cli.delete_help"), description=t("cli.delete_help")
    )
    delete.add_argument("id", metavar=t("cli.metavar_id"), help=t("cli.id_help"))
    delete.add_argument("--yes", action="store_true", help=t("cli.yes_help"))
    delete.add_argument("--force", action="store_true", help=t("takeover.force_help"))


def run(context: Context, args: argparse.Namespace) -> int:
    from peerprep.flow import deleting, taking_over

    cat = context.cat
    store = context.store()
    # Refused before the question when it is open elsewhere: a "yes" that cannot be
    # carried out is a broken promise.
    try:
        plan = deleting.plan_delete(store, args.id, force=args.force)
    except deleting.OpenElsewhere as refused:
        print(cat.text(refused.key, **refused.values), file=sys.stderr)
        if refused.takeable:
            for line in taking_over.about(cat, refused.holder):
                print(line, file=sys.stderr)
            print(cat.text("takeover.force_hint"), file=sys.stderr)
        return EXIT_FAILURE
    if plan.taken_from is not None:
        for line in taking_over.about(cat, plan.taken_from):
            print(line)
    if not args.yes and not confirm(
        cat, cat.text("cli.delete_confirm", title=plan.title(cat), id=plan.prep.id)
    ):
        print(cat.text("errors.cancelled"))
        return EXIT_FAILURE
    deleting.delete(store, plan)
    print(cat.text("cli.deleted", title=plan.title(cat)))
    return EXIT_OK
