"""How often the full screen looks at the time, with the shipped values.

- It renews its editing lock every 5 minutes while nothing is saved (the person reads, or
  is away): far inside the 12 hours after which another computer may take the lock over
  (tests/test_time_windows.py), so a session left open on a shared stick is never taken.
- On a shared computer it asks the idle clock every second, so the privacy screen comes
  when its minute comes, not up to an interval later.

Waiting five real minutes has no place in a test: the renewal is read off the timer the
program sets (its interval and what it calls), and that call is made and its effect on
the lock file checked. The idle check is seen working in real time with an injected
clock: the screen is covered about a second after the idle minutes pass.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from textual.timer import Timer

from peerprep.flow.context import Context
from peerprep.locks import FOREIGN_LOCK_SECONDS
from peerprep.store import Store
from peerprep.tui.app import PeerprepApp, Start
from peerprep.tui.screens.privacy import PrivacyScreen
from peerprep.tui.shared_side import install

from .helpers import SAVE_DELAY, filled
from .screen import STANDARD, frame, wait_shown

RENEW_EVERY = 5 * 60  # seconds (tui/app.py LOCK_REFRESH_SECONDS)
IDLE_CHECK_EVERY = 1.0  # seconds


def _timers(app: PeerprepApp) -> list[Timer]:
    """Every timer running in the app and its screens."""
    owners = [app, *app.screen_stack]
    return [timer for owner in owners for timer in list(owner._timers)]


async def test_the_lock_is_renewed_every_five_minutes(make_app, store: Store) -> None:
    prep = filled(store, introduction="Jeg hedder Åse.")
    app = make_app("open", prep.id)
    async with app.run_test(size=STANDARD) as pilot:
        await pilot.pause()
        renewals = [t for t in _timers(app) if t._callback == app.refresh_lock]
        assert len(renewals) == 1
        [renewal] = renewals
        assert renewal._interval == RENEW_EVERY
        assert renewal._repeat is None  # for as long as the program runs
        assert RENEW_EVERY * 10 < FOREIGN_LOCK_SECONDS

        lock = store.locks_dir / f"{prep.id}.lock"
        long_ago = time.time() - (FOREIGN_LOCK_SECONDS - 60)
        os.utime(lock, (long_ago, long_ago))
        renewal._callback()  # what the timer does when its five minutes are up
        await app.workers.wait_for_complete()
        assert time.time() - lock.stat().st_mtime < 60
        assert app.save_state.kind != "saved"  # renewed without a save
        await pilot.press("ctrl+q")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _shared_app(tmp_path: Path, clock: FakeClock) -> PeerprepApp:
    """The app as `peerprep --shared` builds it (tui.launch), but for the idle clock."""
    context = Context(
        language="da",
        data_dir=tmp_path / "data",
        config_dir=tmp_path / "config",
        shared_flag=True,
    )
    keeper = context.settings_keeper()
    settings = keeper.load()
    settings.welcomed = True
    settings.cursor_blink = False
    keeper.save(settings)  # in memory: a shared session writes no settings file
    app = PeerprepApp(
        store=context.store(),
        language="da",
        data_dir=context.data_dir,
        config_dir=context.config_dir,
        settings_keeper=keeper,
        start=Start("new"),
        save_delay=SAVE_DELAY,
        taken=context.taken,
    )
    install(app, context.shared, clock=clock)  # the shipped interval: no tick given
    return app


async def test_the_idle_clock_is_asked_every_second(tmp_path: Path) -> None:
    clock = FakeClock()
    app = _shared_app(tmp_path, clock)
    async with app.run_test(size=STANDARD) as pilot:
        await pilot.press(*"Hej")
        await pilot.pause()
        [watch] = [t for t in _timers(app) if t.name == "idle-watch"]
        assert watch._interval == IDLE_CHECK_EVERY

        clock.now += 3 * 60 + 1  # three idle minutes (the default) have passed
        began = time.monotonic()
        while not isinstance(app.screen, PrivacyScreen):
            assert time.monotonic() - began < 10, "no privacy screen 10 s after its minute"
            await pilot.pause(0.05)
        # it hides the words: they are not on the screen any more
        assert "Hej" not in "\n".join(frame(app))
        await pilot.press("space")
        await wait_shown(pilot, "Hej")
