"""The full-screen face of peerprep (Textual). `launch(context)` is its only door.

Importing this package does not load Textual: `peerprep open UNKNOWN` finds out that
there is no such preparation and says so in one line before anything heavy is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peerprep.cli import Context


def launch(context: Context) -> int:
    """Start the program at home, at part 1 of a new preparation, or in an existing one."""
    from peerprep.errors import StoreError

    args = context.args
    command = getattr(args, "command", None)
    prep_id = getattr(args, "id", None) if command == "open" else None
    store = context.store()
    if prep_id is not None:
        if not store.exists(prep_id):
            raise StoreError("errors.unknown_id", id=prep_id)
        store.load(prep_id)  # a broken file is said in one line here (and put aside)
    keeper = context.settings_keeper()
    settings = keeper.load()
    # An explicit --lang wins; then the language chosen in the settings; then the locale.
    language = context.language
    if not getattr(args, "lang", None) and settings.language:
        language = settings.language

    from peerprep.tui.app import PeerprepApp, Start

    app = PeerprepApp(
        store=store,
        language=language,
        data_dir=context.data_dir,
        config_dir=context.config_dir,
        settings_keeper=keeper,
        start=Start(command=command, prep_id=prep_id),
        handle_signals=True,
        theme=getattr(args, "theme", None),  # for this run; the saved setting stays as it is
    )
    from peerprep.tui.shared_mode import install  # shared computer: banner, idle, leaving

    install(app, context.shared)
    from peerprep.cli import settle_memory

    settle_memory()  # loaded: the garbage collector, off while starting, goes on
    try:
        result = app.run()
    finally:
        # Whatever ended the program (even an error in it), the words go to disk.
        app.session.close()
    return int(result or 0)
