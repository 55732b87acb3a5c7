"""The light commands: list, show, delete, wipe, where, schema, and starting the program.

Each takes the cli.Context and returns an exit code. None of them loads Textual.
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING

from peerprep.cli import EXIT_FAILURE, EXIT_OK, CommandError, Context
from peerprep.content import display_title, format_date

if TYPE_CHECKING:
    from pathlib import Path

    from peerprep.store import Listing


def one_line(text: str) -> str:
    """A person's title may hold line breaks; a listing row must stay one line."""
    return " ".join(text.split())


def report_listing_problems(context: Context, listing: Listing) -> None:
    """One line on stderr for each file that was put aside or could not be opened."""
    cat = context.cat
    for item in listing.quarantined:
        reason = cat.text(item.reason, **item.values)
        note = cat.text(
            "cli.quarantined_note",
            name=item.original.name,
            reason=one_line(reason),
            path=str(item.moved_to),
        )
        print(note, file=sys.stderr)
    for skipped in getattr(listing, "skipped", []):
        print(cat.text("cli.skipped_note", path=str(skipped.path)), file=sys.stderr)


def list_preparations(context: Context) -> int:
    cat = context.cat
    listing = context.store().list()
    report_listing_problems(context, listing)
    preparations = listing.preparations
    if context.args.json:
        rows = [
            {
                "id": p.id,
                "title": p.title,
                "display_title": display_title(cat, p),
                "meeting_kind": p.meeting.kind,
                "meeting_date": p.meeting.date.isoformat() if p.meeting.date else None,
                "parts_filled": p.parts_filled(),
                "updated_at": p.updated_at.isoformat(),
            }
            for p in preparations
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not preparations:
        context.say("cli.list_empty")
        return EXIT_OK
    print(cat.text("cli.list_header"))
    for p in preparations:
        no_date = cat.text("cli.no_date")
        meeting_date = format_date(cat, p.meeting.date) if p.meeting.date else no_date
        row = (
            p.id,
            one_line(display_title(cat, p)),
            cat.kind(p.meeting.kind).name,
            meeting_date,
            cat.text("cli.parts_filled", n=p.parts_filled()),
            format_date(cat, p.updated_at.astimezone()),
        )
        print(" | ".join(row))
    return EXIT_OK


def show(context: Context) -> int:
    from peerprep.export.text import to_text

    prep = context.store().load(context.args.id)
    sys.stdout.write(to_text(prep, context.cat))
    return EXIT_OK


def _confirm(context: Context, question: str) -> bool:
    """Ask on the terminal; with nobody there to answer, refuse rather than guess."""
    try:
        answer = input(question)
    except EOFError:
        print(file=sys.stderr)
        raise CommandError("errors.needs_yes") from None
    return answer.strip().lower() in {context.cat.text("cli.yes_word"), "y", "j", "yes", "ja"}


def delete(context: Context) -> int:
    from peerprep.locks import is_mine
    from peerprep.store import LockedError

    store = context.store()
    prep = store.load(context.args.id)
    title = display_title(context.cat, prep)
    holder = store.lock_holder(prep.id)
    if holder is not None and not is_mine(holder):
        # Say so before asking: a "yes" that cannot be carried out is a broken promise.
        raise CommandError("errors.locked_delete", pid=holder.pid, host=holder.host)
    if not context.args.yes and not _confirm(
        context, context.cat.text("cli.delete_confirm", title=title, id=prep.id)
    ):
        context.say("errors.cancelled")
        return EXIT_FAILURE
    try:
        store.delete(prep.id)
    except LockedError as error:  # it was opened elsewhere while we asked
        raise CommandError("errors.locked_delete", **error.values) from error
    context.say("cli.deleted", title=title)
    return EXIT_OK


def wipe(context: Context) -> int:
    from peerprep import settings

    if context.in_memory:  # shared computer: nothing of the person's is on this disk
        context.store().wipe()
        context.say("shared.wiped_memory")
        return EXIT_OK
    store = context.store(unlock=False)  # a forgotten passphrase must not stop a wipe
    if not context.args.yes and not _confirm(
        context, context.cat.text("cli.wipe_confirm", path=str(context.data_dir))
    ):
        context.say("errors.cancelled")
        return EXIT_FAILURE
    gone = store.wipe() + settings.remove(context.config_dir)
    context.say("cli.wiped" if gone else "cli.wipe_nothing")
    return EXIT_OK


def where(context: Context) -> int:
    from peerprep.crypto import is_protected

    shared = context.shared
    if context.in_memory:
        context.say("shared.where_memory")
    else:
        context.say("cli.where_data", path=str(context.data_dir))
        if is_protected(context.data_dir):
            context.say("shared.where_protected")
        from peerprep.store import Store

        store = Store(context.data_dir)
        put_aside = store.quarantined_files()
        if put_aside:
            context.say(
                "cli.where_quarantine", count=len(put_aside), path=str(store.quarantine_dir)
            )
    if not shared.on:
        context.say("cli.where_config", path=str(context.config_dir))
    context.say("shared.where_export", path=str(_export_dir()))
    if shared.locked:
        context.say("shared.where_machine_on", path=str(shared.machine.path))
    else:
        context.say("shared.where_machine_none", path=str(shared.machine.path))
    return EXIT_OK


def _export_dir() -> Path:
    """Where sheets are exported unless the person chooses another folder."""
    from peerprep.export.places import default_export_dir

    return default_export_dir()


def import_file(context: Context) -> int:
    """Open a preparation from a file into the store; a bad file changes nothing."""
    from pathlib import Path

    from peerprep.store import StoreError
    from peerprep.transfer import describe
    from peerprep.transfer import import_file as bring_in

    store = context.store()
    try:
        result = bring_in(store, Path(context.args.file))
    except StoreError as error:
        print(describe(context.cat, error), file=sys.stderr)
        return EXIT_FAILURE
    title = display_title(context.cat, result.prep)
    if result.already_there:
        context.say("shared.import_already", title=title)
    elif result.renamed:
        context.say("shared.imported_copy", title=title)
    else:
        context.say("shared.imported", title=title)
    return EXIT_OK


def protect(context: Context) -> int:
    """Lock the preparations with a passphrase; say first that there is no recovery."""
    from peerprep import crypto

    if context.in_memory:
        context.say("crypto.not_in_shared")
        return EXIT_FAILURE
    store = context.store(unlock=False)
    if store.protected:
        context.say("crypto.already_on")
        return EXIT_OK
    context.say("crypto.warning")
    if not context.args.yes and not _confirm(context, context.cat.text("crypto.confirm")):
        context.say("crypto.cancelled")
        return EXIT_FAILURE
    cat = context.cat
    first = crypto.read_passphrase(cat.text("crypto.new_prompt"))
    if os.environ.get(crypto.PASSPHRASE_ENV):
        repeated = first  # nobody to type it twice; the variable was set on purpose
    else:
        repeated = crypto.read_passphrase(cat.text("crypto.repeat_prompt"))
    crypto.check_new_passphrase(first, repeated)
    crypto.protect(store, first)
    context.unlock(first)
    context.say("crypto.turned_on", n=len(context.store().list().preparations))
    return EXIT_OK


def unprotect(context: Context) -> int:
    """Back to plain files; asks for the passphrase first, so a wrong one changes nothing."""
    from peerprep import crypto

    if context.in_memory:
        context.say("crypto.not_in_shared")
        return EXIT_FAILURE
    if not crypto.is_protected(context.data_dir):
        context.say("crypto.already_off")
        return EXIT_OK
    store = context.store()
    assert store.cipher is not None  # store() asked for and checked the passphrase
    count = crypto.unprotect(store, store.cipher)
    context.say("crypto.turned_off", n=count)
    return EXIT_OK


def schema(context: Context) -> int:
    from peerprep.model import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def start_program(context: Context) -> int:
    """Start the full-screen program (new / open / home)."""
    if context.args.command == "open" and not context.store().exists(context.args.id):
        # Said here, on the plain terminal, before a full screen opens only to say it.
        raise CommandError("errors.unknown_id", id=context.args.id)
    try:
        from peerprep.tui import launch
    except ImportError as error:
        if error.name not in (None, "peerprep.tui"):
            raise  # a broken installation (Textual missing), not a missing face
        raise CommandError("errors.not_yet") from None
    return launch(context)
