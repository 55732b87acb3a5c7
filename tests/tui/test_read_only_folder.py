"""A data folder that cannot be written to (a write-protected USB stick, a read-only mount):
a preparation opens read-only with the same calm line as one open elsewhere, it can be read
and taken along as a file to another folder, and nothing claims a save that did not happen,
or a loss when nothing was typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from read_only import read_only
from textual.widgets import Input, RadioButton

from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.tui.dialogs.export import ExportDialog
from peerprep.tui.dialogs.save_failed import SaveFailedDialog
from peerprep.tui.screens.review import ReviewScreen
from peerprep.tui.widgets.fields import Answer

from .helpers import SIZE, screen_words, settle

NEVER = ("Gemt kl.", "Din tekst er ikke gemt", "IKKE GEMT", "Ikke gemt endnu")


def _prepared(data_dir: Path) -> tuple[Preparation, bytes]:
    prep = Preparation.new("da")
    prep.title = "Mødet på Åsgården"
    prep.set_part("introduction", "Jeg hedder Åse og går gerne ture.")
    path = Store(data_dir).save(prep)
    return prep, path.read_bytes()


async def test_open_read_and_take_along_from_a_read_only_folder(
    make_app, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prep, before = _prepared(data_dir)
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    with read_only(data_dir, monkeypatch) as folder:
        print("a real read-only mount" if folder.real else "simulated at the system calls")
        app = make_app("open", prep.id)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ReviewScreen)  # opened, to read
            said = screen_words(app)
            assert "Jeg hedder Åse" in said
            assert "Kun læse – gemmes ikke" in said  # the same calm line as a lock elsewhere
            assert "Her kan intet gemmes: mappen kan ikke skrives i" in said
            assert not any(claim in said for claim in NEVER), said
            await pilot.press("1")  # the part itself: read only
            await pilot.pause()
            answer = app.screen.query_one(Answer)
            await pilot.press(*"xyz")
            assert answer.text == "Jeg hedder Åse og går gerne ture." and answer.read_only
            await pilot.press("escape")
            await pilot.pause()

            await pilot.press("f5")  # the sheet as a file, in another folder
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ExportDialog)
            dialog.query_one("#fmt-txt", RadioButton).value = True
            dialog.query_one("#folder", Input).value = str(elsewhere)
            await pilot.click("#save")
            await app.workers.wait_for_complete()
            await pilot.pause()
            written = list(elsewhere.iterdir())
            assert len(written) == 1 and "Jeg hedder Åse" in written[0].read_text("utf-8")
            await pilot.press("escape")
            await settle(app, pilot)
            said = screen_words(app)
            assert not any(claim in said for claim in NEVER), said
            await pilot.press("ctrl+q")  # nothing was typed: no question, no loss
            await pilot.pause()
            assert not isinstance(app.screen, SaveFailedDialog)
        assert app.return_code == 0
    assert (data_dir / "preparations" / f"{prep.id}.json").read_bytes() == before


async def test_nothing_typed_in_a_read_only_folder_claims_no_loss(
    make_app, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _prepared(data_dir)
    with read_only(data_dir, monkeypatch):
        app = make_app("new")  # a new one, where nothing can be saved
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            said = screen_words(app)
            assert not any(claim in said for claim in NEVER), said
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert not isinstance(app.screen, SaveFailedDialog)
        assert app.return_code == 0


async def test_words_typed_in_a_read_only_folder_are_said_not_saved(
    make_app, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _prepared(data_dir)
    with read_only(data_dir, monkeypatch):
        app = make_app("new")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*"mine ord")
            await settle(app, pilot)
            said = screen_words(app)
            assert "IKKE GEMT: mappen kan ikke skrives i" in said
            assert "Gemt kl." not in said
            await pilot.press("ctrl+q")  # these words would be lost: it offers a way out
            await pilot.pause()
            assert isinstance(app.screen, SaveFailedDialog)
            await pilot.click("#quit")
            await pilot.pause()
        assert app.return_code == 0
