"""The editing lock stays fresh while the program is open; home names what is open elsewhere."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from textual.widgets import OptionList

from peerprep import locks
from peerprep.locks import LockInfo
from peerprep.store import Store
from peerprep.tui import app as app_module
from peerprep.tui.screens.home import HomeScreen

from .helpers import SIZE, filled, settle

HOURS_11 = 11 * 60 * 60


def _lock_file(store: Store, prep_id: str) -> Path:
    return store.locks_dir / f"{prep_id}.lock"


def _age(path: Path) -> float:
    return time.time() - path.stat().st_mtime


def _make_old(path: Path) -> None:
    """As if the lock had been taken 11 hours ago and never renewed."""
    then = time.time() - HOURS_11
    os.utime(path, (then, then))


async def test_each_save_renews_the_editing_lock(make_app, store: Store) -> None:
    prep = filled(store, introduction="første ord")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lock = _lock_file(store, prep.id)
        _make_old(lock)
        assert _age(lock) > HOURS_11 - 60
        await pilot.press(*" og flere")
        await settle(app, pilot)
        assert app.save_state.kind == "saved"
        assert _age(lock) < 60 * 60  # renewed by the save


async def test_the_lock_is_renewed_while_nothing_is_typed(
    make_app, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "LOCK_REFRESH_SECONDS", 0.05)
    prep = filled(store, introduction="første ord")
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lock = _lock_file(store, prep.id)
        _make_old(lock)
        await pilot.pause(0.2)  # a few rounds of the renewal, with no key pressed
        await app.workers.wait_for_complete()
        assert _age(lock) < 60 * 60
        assert app.save_state.kind != "saved"  # renewed without a save


async def test_home_says_in_words_which_one_is_open_in_another_window(
    make_app, store: Store
) -> None:
    mine = filled(store, introduction="kun her")
    other = filled(store, introduction="åben andetsteds")
    # a fresh lock of a program on another computer (a shared USB stick)
    store.locks_dir.mkdir(parents=True, exist_ok=True)
    holder = LockInfo(pid=4242, host="afdelingens-pc", created_at=time.time())
    _lock_file(store, other.id).write_bytes(holder.to_bytes())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        options = home.query_one("#list", OptionList)
        shown = {
            option.id: str(option.prompt)
            for option in (options.get_option_at_index(i) for i in range(options.option_count))
            if option.id
        }
        assert "åben i et andet vindue" in shown[other.id]
        assert "andet vindue" not in shown[mine.id]
        # moving the highlight keeps the words
        await pilot.press("down")
        await pilot.pause()
        shown_again = [
            str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
        ]
        assert sum("åben i et andet vindue" in text for text in shown_again) == 1
        # a lock left more than 12 hours ago no longer counts
        then = time.time() - 13 * 60 * 60
        os.utime(_lock_file(store, other.id), (then, then))
        home.reload()
        await pilot.pause()
        assert not any(
            "andet vindue" in str(options.get_option_at_index(i).prompt)
            for i in range(options.option_count)
        )


async def test_another_computers_lock_can_be_taken_over_after_a_question(
    make_app, store: Store
) -> None:
    """Open on another computer (perhaps left behind, perhaps a clock that is ahead): the
    dialog names the computer and the time, and "take it over" makes it editable here."""
    from textual.widgets import Static

    from peerprep.flow.taking_over import since
    from peerprep.tui.dialogs.locked import LockedDialog

    prep = filled(store, introduction="første ord")
    store.locks_dir.mkdir(parents=True, exist_ok=True)
    holder = LockInfo(pid=4242, host="afdelingens-pc", created_at=time.time() + 3600)
    _lock_file(store, prep.id).write_bytes(holder.to_bytes())
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LockedDialog)
        words = "\n".join(str(w.render()) for w in dialog.query(Static))
        assert "afdelingens-pc" in words and since(app.cat, holder) in words
        await pilot.click("#take")
        await pilot.pause()
        assert not app.session.read_only
        await pilot.press(*"Mine ord", "ctrl+s")  # on part 2, the first without words
        await settle(app, pilot)
    assert store.load(prep.id).statement.important == "Mine ord"
    taken = locks.read(_lock_file(store, prep.id))
    assert taken is not None and taken.pid == os.getpid()  # the lock is this program's now


async def test_a_program_running_here_is_not_offered_to_be_taken_over(
    make_app, store: Store
) -> None:
    from peerprep.locks import hostname
    from peerprep.processes import start_mark
    from peerprep.tui.dialogs.locked import LockedDialog

    prep = filled(store, introduction="første ord")
    store.locks_dir.mkdir(parents=True, exist_ok=True)
    parent = os.getppid()  # a program that is surely running on this computer
    holder = LockInfo(parent, hostname(), time.time(), start_mark(parent))
    _lock_file(store, prep.id).write_bytes(holder.to_bytes())
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockedDialog)
        assert not app.screen.query("#take")
