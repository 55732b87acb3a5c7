"""Nothing is lost: read-only when another window has it, and a failing disk keeps the words."""

from __future__ import annotations

import os
import time
from pathlib import Path

from textual.widgets import Input, RadioButton

from peerprep.locks import LockInfo, hostname
from peerprep.model import Preparation
from peerprep.store import Store, StoreError
from peerprep.tui.dialogs.export import ExportDialog
from peerprep.tui.dialogs.locked import LockedDialog
from peerprep.tui.dialogs.save_failed import SaveFailedDialog
from peerprep.tui.screens.review import ReviewScreen
from peerprep.tui.screens.step import StepScreen
from peerprep.tui.widgets.fields import Answer

from .helpers import SIZE, saved_files, settle


def _held_elsewhere(store: Store, prep: Preparation) -> None:
    """A live lock of another program on this computer (our parent process is alive)."""
    store.locks_dir.mkdir(parents=True, exist_ok=True)
    holder = LockInfo(pid=os.getppid(), host=hostname(), created_at=time.time())
    (store.locks_dir / f"{prep.id}.lock").write_bytes(holder.to_bytes())


async def test_a_preparation_open_elsewhere_is_read_only_and_says_so(make_app, store) -> None:
    prep = Preparation.new("da")
    prep.set_part("introduction", "mine ord")
    store.save(prep)
    _held_elsewhere(store, prep)
    before = (store.preparations_dir / f"{prep.id}.json").read_bytes()
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LockedDialog)
        await pilot.click("#read")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Kun læse" in str(app.screen.query_one("#status").render())
        await pilot.press("1")
        await pilot.pause()
        answer = app.screen.query_one(Answer)
        assert answer.read_only
        await pilot.press(*"xyz")
        assert answer.text == "mine ord"
        await settle(app, pilot)
        await pilot.press("ctrl+q")
    assert (store.preparations_dir / f"{prep.id}.json").read_bytes() == before


async def test_a_locked_preparation_can_be_opened_as_a_copy(make_app, store, data_dir) -> None:
    prep = Preparation.new("da")
    prep.set_part("introduction", "mine ord")
    store.save(prep)
    _held_elsewhere(store, prep)
    app = make_app("open", prep.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#copy")
        await pilot.pause()
        assert app.session.prep is not None and app.session.prep.id != prep.id
        assert not app.session.read_only
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("end", *" og mere")
        await pilot.press("ctrl+q")
    texts = sorted(f["statement"]["introduction"] for f in saved_files(data_dir))
    assert texts == ["mine ord", "mine ord og mere"]


class FullDisk(Store):
    """A data folder that has stopped taking writes (a full disk, a pulled USB stick)."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.broken = True

    def save(self, prep: Preparation) -> Path:
        if self.broken:
            raise StoreError("errors.disk_full", path=str(self.preparations_dir))
        return super().save(prep)


async def test_a_full_disk_keeps_the_words_on_screen_and_offers_another_place(
    make_app, data_dir: Path, tmp_path: Path
) -> None:
    disk = FullDisk(data_dir)
    app = make_app("new", store=disk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"vigtige ord")
        await settle(app, pilot)
        # no dialog jumps up to catch the keys: the words go on into the text
        await pilot.press(*" her")
        await settle(app, pilot)
        assert isinstance(app.screen, StepScreen)
        assert app.screen.query_one(Answer).text == "vigtige ord her"
        status = str(app.screen.query_one("#status").render())
        assert "IKKE GEMT" in status and "disken er fuld" in status
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveFailedDialog)
        await pilot.click("#stay")
        await pilot.pause()
        assert app.screen.query_one(Answer).text == "vigtige ord her"
        await pilot.press("ctrl+q")  # quitting now would lose the words: it asks instead
        await pilot.pause()
        assert isinstance(app.screen, SaveFailedDialog)
        assert app.screen.query("#quit")
        await pilot.click("#export")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#fmt-txt", RadioButton).value = True
        usb = tmp_path / "usb"
        usb.mkdir()
        dialog.query_one("#folder", Input).value = str(usb)
        await pilot.click("#save")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = list(usb.iterdir())
        assert len(written) == 1
        assert "vigtige ord her" in written[0].read_text(encoding="utf-8")
        assert str(written[0]) in str(dialog.query_one("#result").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        disk.broken = False  # the stick is back: the next save works, nothing was lost
        await pilot.press("!")
        await settle(app, pilot)
        assert "Gemt" in str(app.screen.query_one("#status").render())
        await pilot.press("ctrl+q")
    assert saved_files(data_dir)[0]["statement"]["introduction"] == "vigtige ord her!"
