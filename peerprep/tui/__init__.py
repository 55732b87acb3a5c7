"""The full-screen face of peerprep (Textual). `launch(context, start)` is its only door.

Importing this package does not load Textual: `peerprep open UNKNOWN` finds out that
there is no such preparation and says so in one line before anything heavy is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peerprep.flow.context import Context, Start


def launch(context: Context, start: Start) -> int:
    """Start the program at home, at part 1 of a new preparation, or in an existing one.

    Raises:
        StoreError: `start` opens a preparation that is not there or cannot be read
            (said in one line before the full screen opens).
    """
    from peerprep.errors import StoreError

    store = context.store()
    if start.prep_id is not None:
        if not store.exists(start.prep_id):
            raise StoreError("errors.unknown_id", id=start.prep_id)
        store.load(start.prep_id)  # a broken file is said in one line here (and put aside)
    keeper = context.settings_keeper()
    settings = keeper.load()

    from peerprep.tui.app import PeerprepApp

    app = PeerprepApp(
        store=store,
        language=context.screen_language(settings.language),
        data_dir=context.data_dir,
        config_dir=context.config_dir,
        settings_keeper=keeper,
        start=start,
        handle_signals=True,
        theme=context.theme,  # for this run; the saved setting stays as it is
        taken=context.taken,
    )
    from peerprep.tui.shared_side import install  # shared computer: banner, idle, leaving

    install(app, context.shared)
    from peerprep.startup import settle_memory

    settle_memory()  # loaded: the garbage collector, off while starting, goes on
    try:
        result = app.run()
    finally:
        # Whatever ended the program (even an error in it), the words go to disk.
        app.session.close()
        if context.shared.on:  # nothing left on the terminal for the next person
            from peerprep.flow.leaving import clear_terminal

            clear_terminal()
    return int(result or 0)
