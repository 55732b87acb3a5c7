"""The light commands: list, show, delete, wipe, where, schema, and starting the program.

Each takes the cli.Context and returns an exit code. None of them loads Textual.
"""

from __future__ import annotations

import json
import sys

from peerprep.cli import EXIT_FAILURE, EXIT_OK, CommandError, Context
from peerprep.content import display_title, format_date


def _report_quarantine(context: Context, quarantined: list) -> None:
    cat = context.cat
    for item in quarantined:
        reason = cat.text(item.reason, **item.values)
        print(
            cat.text("cli.quarantined_note", name=item.original.name, reason=reason,
                     path=str(item.moved_to)),
            file=sys.stderr,
        )


def list_preparations(context: Context) -> int:
    cat = context.cat
    listing = context.store().list()
    _report_quarantine(context, listing.quarantined)
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
        meeting_date = format_date(cat, p.meeting.date) if p.meeting.date else cat.text("cli.no_date")
        print(" | ".join((
            p.id,
            display_title(cat, p),
            cat.kind(p.meeting.kind).name,
            meeting_date,
            cat.text("cli.parts_filled", n=p.parts_filled()),
            format_date(cat, p.updated_at.astimezone()),
        )))
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
    store = context.store()
    prep = store.load(context.args.id)
    title = display_title(context.cat, prep)
    if not context.args.yes and not _confirm(
        context, context.cat.text("cli.delete_confirm", title=title, id=prep.id)
    ):
        context.say("errors.cancelled")
        return EXIT_FAILURE
    store.delete(prep.id)
    context.say("cli.deleted", title=title)
    return EXIT_OK


def wipe(context: Context) -> int:
    from peerprep import settings

    store = context.store()
    if not context.args.yes and not _confirm(
        context, context.cat.text("cli.wipe_confirm", path=str(context.data_dir))
    ):
        context.say("errors.cancelled")
        return EXIT_FAILURE
    gone = store.wipe() + settings.remove(context.config_dir)
    context.say("cli.wiped" if gone else "cli.wipe_nothing")
    return EXIT_OK


def where(context: Context) -> int:
    context.say("cli.where_data", path=str(context.data_dir))
    context.say("cli.where_config", path=str(context.config_dir))
    return EXIT_OK


def schema(context: Context) -> int:
    from peerprep.model import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def start_program(context: Context) -> int:
    """Start the full-screen program (new / open / home)."""
    try:
        from peerprep.tui import launch
    except ImportError:
        raise CommandError("errors.not_yet") from None
    return launch(context)
