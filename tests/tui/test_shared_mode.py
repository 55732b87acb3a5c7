"""Shared computer in the full-screen program: the line, the privacy screen, erasing, leaving."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerprep.choices import PART_KEYS
from peerprep.flow.context import Context
from peerprep.folders import SITE_CONFIG_ENV
from peerprep.machine import MACHINE_FILE
from peerprep.tui.app import PeerprepApp, Start
from peerprep.tui.dialogs.leave import LeaveDialog
from peerprep.tui.screens.home import HomeScreen
from peerprep.tui.screens.privacy import PrivacyScreen
from peerprep.tui.screens.step import StepScreen
from peerprep.tui.shared_side import SharedSide, install

from .helpers import SAVE_DELAY, SIZE, settle

WORDS = {
    "introduction": "Maja tegner",
    "important": "min søster",
    "help_with": "sove om natten",
    "so_that": "komme hjem",
}

# Words of hers that appear nowhere in the program's own texts.
MARKERS = ("Maja", "tegner", "søster", "natten", "hjem")


class FakeClock:
    """Time that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "site"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv(SITE_CONFIG_ENV, str(folder))
    return folder


def _stick_in(monkeypatch: pytest.MonkeyPatch, *sticks: Path) -> None:
    """USB sticks in the computer, as drives.removable_places finds them."""
    from peerprep import drives
    from peerprep.tui.dialogs import folder

    monkeypatch.setattr(drives, "removable_places", lambda limit=6: list(sticks))
    monkeypatch.setattr(folder, "removable_places", lambda limit=6: list(sticks))


def shared_context(command: str | None = "new", *, flag: bool = True) -> Context:
    import os

    return Context(language="da", data_dir=Path(os.environ["PEERPREP_DATA_DIR"]),
                   config_dir=Path(os.environ["PEERPREP_CONFIG_DIR"]),
                   shared_flag=flag)  # fmt: skip


def shared_app(
    context: Context, clock: FakeClock, command: str | None = "new"
) -> tuple[PeerprepApp, SharedSide]:
    """The app as `peerprep --shared` builds it, with time in the test's hands."""
    keeper = context.settings_keeper()
    settings = keeper.load()
    settings.welcomed = True
    settings.cursor_blink = False
    keeper.save(settings)
    app = PeerprepApp(
        store=context.store(),
        language=context.language,
        data_dir=context.data_dir,
        config_dir=context.config_dir,
        settings_keeper=keeper,
        start=Start(command=command),
        save_delay=SAVE_DELAY,
        taken=context.taken,
    )
    side = install(app, context.shared, clock=clock, tick=3600)  # checks come from the test
    assert side is not None
    return app, side


def screen_text(app: PeerprepApp) -> str:
    """Everything drawn on the terminal right now, as plain text."""
    strips = app.screen._compositor.render_strips()  # the frame the terminal gets
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def dialog_text(app: PeerprepApp) -> str:
    """The words of the dialog on top (a dialog is drawn over the screen behind it)."""
    from textual.widgets import Static

    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


async def type_all_four(pilot, app: PeerprepApp) -> None:
    for key in PART_KEYS:
        assert isinstance(app.screen, StepScreen) and app.screen.part_key == key
        await pilot.press(*WORDS[key])
        await pilot.press("f6")
        await pilot.pause()


async def test_banner_is_on_every_screen(site: Path) -> None:
    app, _ = shared_app(shared_context(), FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Delt computer" in screen_text(app)
        await pilot.press("escape")  # back towards home
        await pilot.pause()
        app.go_home()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Intet bliver gemt her" in screen_text(app)


async def test_privacy_screen_hides_every_answer_and_returns_on_a_key(site: Path) -> None:
    clock = FakeClock()
    app, side = shared_app(shared_context(), clock)
    async with app.run_test(size=SIZE) as pilot:
        await type_all_four(pilot, app)
        app.go_to("review")
        await pilot.pause()
        before = screen_text(app)
        assert WORDS["help_with"] in before  # the review shows the words ...
        clock.advance(2.9)
        side.watch.check()
        await pilot.pause()
        assert not isinstance(app.screen, PrivacyScreen)
        clock.advance(0.2)
        side.watch.check()
        await pilot.pause()
        assert isinstance(app.screen, PrivacyScreen)
        covered = screen_text(app)
        for piece in MARKERS:  # ... and the cover shows none of them
            assert piece not in covered, piece
        assert "Tryk på en tast" in covered
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(app.screen, PrivacyScreen)
        assert WORDS["help_with"] in screen_text(app)
        assert "x" not in app.session.prep.statement.so_that  # the waking key did nothing


async def test_long_idle_erases_the_session(site: Path) -> None:
    clock = FakeClock()
    context = shared_context()
    app, side = shared_app(context, clock)
    async with app.run_test(size=SIZE) as pilot:
        await type_all_four(pilot, app)
        await settle(app, pilot)
        store = context.store()
        assert len(store.list().preparations) == 1
        app.theme = "textual-light"
        app.settings.theme = "textual-light"
        app.save_settings()
        clock.advance(3)
        side.watch.check()
        await pilot.pause()
        assert isinstance(app.screen, PrivacyScreen)
        clock.advance(17)
        side.watch.check()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert store.list().preparations == []
        assert app.session.prep is None
        assert app.theme == "textual-dark"
        text = screen_text(app)
        assert all(words not in text for words in WORDS.values())
        assert side.erasures == 1


async def test_quitting_with_words_asks_once(site: Path) -> None:
    clock = FakeClock()
    app, _ = shared_app(shared_context(), clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"noget af mit")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, LeaveDialog)
        await pilot.press("escape")  # back to the words
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, LeaveDialog)
        await pilot.click("#erase")
        await pilot.pause()
    assert app.return_value == 0


async def test_quitting_with_nothing_written_asks_nothing(site: Path) -> None:
    app, _ = shared_app(shared_context(), FakeClock(), command=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 0


def _snapshot(roots: list[Path]) -> set[str]:
    return {str(p) for root in roots if root.exists() for p in root.rglob("*")}


async def test_a_whole_shared_session_leaves_no_file_but_the_export(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start, write all four parts, change settings, export a PDF to a chosen folder, quit:
    nothing new anywhere (data, config, cache, HOME, temp) except the exported file."""
    import os
    import tempfile

    from textual.widgets import Input

    from peerprep.tui.dialogs.export import ExportDialog
    from peerprep.tui.screens.settings import SettingsScreen

    home, tmp = tmp_path / "home", tmp_path / "tmp"
    xdg = {name: tmp_path / name.lower() for name in
           ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")}  # fmt: skip
    for folder in (home, tmp, *xdg.values()):
        folder.mkdir()
    for name, folder in xdg.items():
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR afresh
    chosen = tmp_path / "usb-stick"
    chosen.mkdir()
    _stick_in(monkeypatch, chosen)  # a file on the computer itself would not be taken along
    data_dir = Path(os.environ["PEERPREP_DATA_DIR"])
    config_dir = Path(os.environ["PEERPREP_CONFIG_DIR"])
    roots = [home, tmp, *xdg.values(), data_dir, config_dir, chosen, site]
    before = _snapshot(roots)

    clock = FakeClock()
    context = shared_context()
    app, _ = shared_app(context, clock)
    async with app.run_test(size=SIZE) as pilot:
        await type_all_four(pilot, app)
        await settle(app, pilot)
        app.go_home()
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.click("#theme-textual-light")
        await pilot.click("#peer_mode")
        await pilot.pause()
        assert app.settings.peer_mode and app.theme == "textual-light"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        prep_id = context.store().list().preparations[0].id
        app.open_preparation(prep_id, room="review")
        await pilot.pause()
        app.export_dialog()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#fmt-pdf").value = True
        dialog.query_one("#folder", Input).value = str(chosen)
        await pilot.click("#save")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert dialog.written is not None
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")  # taken along: no question
        await pilot.pause()
    assert app.return_value == 0
    new = _snapshot(roots) - before
    exported = [Path(p) for p in new]
    assert len(exported) == 1, sorted(new)
    assert exported[0].parent == chosen and exported[0].suffix == ".pdf"
    assert exported[0].read_bytes().startswith(b"%PDF")


async def test_machine_wide_mode_cannot_be_switched_off_in_the_program(site: Path) -> None:
    from peerprep.tui.screens.settings import SettingsScreen

    (site / MACHINE_FILE).write_text("shared = yes\nprivacy_minutes = 2\n", "utf-8")
    context = shared_context(command=None, flag=False)
    assert context.shared.locked and context.in_memory
    clock = FakeClock()
    app, side = shared_app(context, clock, command=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        text = str(app.screen.query_one("#data-locked").render())
        assert "kan ikke slås fra" in text
        # nothing on the settings screen speaks of turning it off; every switch is another's
        switches = {s.id for s in app.screen.query("Checkbox, Switch")}
        assert switches == {"peer_mode", "cursor_blink", "read_aloud"}
        await pilot.click("#lang-en")
        await pilot.pause()
        assert "Shared computer" in screen_text(app)  # still there, now in English
        assert side.mode.turn_off().on
        clock.advance(2)  # IT's minutes, not the default three
        side.watch.check()
        await pilot.pause()
        assert isinstance(app.screen, PrivacyScreen)


async def _settings(app: PeerprepApp, pilot) -> None:
    from peerprep.tui.screens.settings import SettingsScreen

    app.go_home()
    await pilot.pause()
    await pilot.press("f9")
    await pilot.pause()
    assert isinstance(app.screen, SettingsScreen)


async def _press(app: PeerprepApp, pilot, selector: str) -> None:
    """Press a button that may be below the fold of a scrolling screen."""
    from textual.widgets import Button

    app.screen.query_one(selector, Button).press()
    await pilot.pause()


async def test_save_to_a_folder_and_open_from_a_file(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Input

    from peerprep.tui.dialogs.folder import OpenFileDialog, SaveToFolderDialog

    stick = tmp_path / "stick"
    stick.mkdir()
    _stick_in(monkeypatch, stick)
    context = shared_context()
    app, side = shared_app(context, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Maja tegner")
        await settle(app, pilot)
        await _settings(app, pilot)
        await _press(app, pilot, "#data-save")
        assert isinstance(app.screen, SaveToFolderDialog)
        app.screen.query_one("#path", Input).value = str(stick)
        await _press(app, pilot, "#save")
        files = list(stick.glob("*.json"))
        assert len(files) == 1 and "Maja tegner" in files[0].read_text("utf-8")
        assert str(files[0]) in dialog_text(app)  # the person sees where it went
        await _press(app, pilot, "#close")
        assert side.untaken() == []  # taken along: quitting will not ask

        # a broken file: a plain message, and the dialog stays for another try
        (stick / "broken.json").write_text("{ not json", "utf-8")
        await _press(app, pilot, "#data-open")
        assert isinstance(app.screen, OpenFileDialog)
        app.screen.query_one("#path", Input).value = str(stick / "broken.json")
        await _press(app, pilot, "#open")
        assert isinstance(app.screen, OpenFileDialog)
        assert "kan ikke åbnes" in str(app.screen.query_one("#result").render())

        # the good file, after everything here was forgotten
        context.store().wipe()
        app.screen.query_one("#path", Input).value = str(files[0])
        await _press(app, pilot, "#open")
        await pilot.pause()
        assert app.session.prep is not None
        assert app.session.prep.statement.introduction == "Maja tegner"


async def test_leaving_by_saving_to_a_folder(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saved on the computer itself, the words stay for others to find: said, and leaving
    still asks. Saved on the USB stick: taken along, and leaving asks nothing more."""
    from textual.widgets import Input, Static

    from peerprep.tui.dialogs.folder import SaveToFolderDialog

    stick = tmp_path / "stick"
    stick.mkdir()
    desktop = tmp_path / "Skrivebord"
    desktop.mkdir()
    _stick_in(monkeypatch, stick)
    app, _ = shared_app(shared_context(), FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"komme hjem")
        for folder, stays in ((desktop, True), (stick, False)):
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert isinstance(app.screen, LeaveDialog)
            await pilot.click("#folder")
            await pilot.pause()
            assert isinstance(app.screen, SaveToFolderDialog)
            app.screen.query_one("#path", Input).value = str(folder)
            await _press(app, pilot, "#save")
            said = str(app.screen.query_one("#result", Static).render())
            assert ("andre kan finde den" in " ".join(said.split())) is stays
            await _press(app, pilot, "#close")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 0
    assert len(list(stick.glob("*.json"))) == 1
    assert len(list(desktop.glob("*.json"))) == 1


async def test_delete_all_my_data_says_what_goes_and_does_it(
    make_app, data_dir: Path, config_dir: Path, site: Path
) -> None:
    from peerprep import settings as settings_file
    from peerprep.store import Store
    from peerprep.tui.dialogs.confirm import ConfirmDialog

    from .helpers import filled

    store = Store(data_dir)
    filled(store, important="min søster")
    filled(store, help_with="sove om natten")
    (data_dir / "preparations" / "broken.json").write_text("{", "utf-8")
    store.list()  # the broken one goes to quarantine
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        await _settings(app, pilot)
        await _press(app, pilot, "#data-wipe")
        assert isinstance(app.screen, ConfirmDialog)
        items = "\n".join(app.screen.items)
        assert f"Dine 2 forberedelser, som ligger i {data_dir}" in items  # plural forms
        assert "Én fil, der ikke kunne læses, og som er lagt til side." in items
        assert str(settings_file.settings_path(config_dir)) in items
        assert "ikke slettet" in app.screen.warning  # exports elsewhere stay
        await pilot.click("#no")  # the safe answer first
        await pilot.pause()
        assert len(Store(data_dir).list().preparations) == 2
        await _press(app, pilot, "#data-wipe")
        await pilot.click("#yes")
        await pilot.pause()
        assert not (data_dir / "preparations").exists()
        assert not (data_dir / "quarantine").exists()
        assert not settings_file.settings_path(config_dir).exists()
        assert isinstance(app.screen, HomeScreen)


async def test_passphrase_protection_from_settings(
    make_app, data_dir: Path, monkeypatch: pytest.MonkeyPatch, site: Path
) -> None:
    from textual.widgets import Input

    from peerprep import crypto
    from peerprep.store import Store
    from peerprep.tui.dialogs.passphrase import PassphraseDialog

    from .helpers import filled

    monkeypatch.setattr(crypto, "DEFAULT_N", 2**10)
    filled(Store(data_dir), important="min søster")
    app = make_app(None)
    passphrase = "en lang og god kode"
    async with app.run_test(size=SIZE) as pilot:
        await _settings(app, pilot)
        await _press(app, pilot, "#data-protect")
        dialog = app.screen
        assert isinstance(dialog, PassphraseDialog)
        assert "kan ingen åbne dem igen" in dialog_text(app)  # no recovery, said first
        dialog.query_one("#first", Input).value = passphrase
        dialog.query_one("#second", Input).value = passphrase + "x"
        await _press(app, pilot, "#ok")
        assert "ikke ens" in str(dialog.query_one("#result").render())
        dialog.query_one("#second", Input).value = passphrase
        await _press(app, pilot, "#ok")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert crypto.is_protected(data_dir)
        raw = next((data_dir / "preparations").glob("*.json")).read_bytes()
        assert crypto.is_envelope(raw) and "søster".encode() not in raw
        assert app.session.store.cipher is not None  # saves from now on are sealed too

        before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
        await _press(app, pilot, "#data-protect")
        dialog = app.screen
        assert isinstance(dialog, PassphraseDialog) and dialog.kind == "remove"
        dialog.query_one("#first", Input).value = "forkert kode her"
        await _press(app, pilot, "#ok")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is dialog
        assert "passer ikke" in str(dialog.query_one("#result").render())
        assert {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == before
        dialog.query_one("#first", Input).value = passphrase
        await _press(app, pilot, "#ok")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert not crypto.is_protected(data_dir)
        raw = next((data_dir / "preparations").glob("*.json")).read_bytes()
        assert "søster".encode() in raw
    assert all(
        passphrase.encode() not in p.read_bytes() for p in data_dir.rglob("*") if p.is_file()
    )


async def test_leaving_by_printing_keeps_no_file(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cups_printer
) -> None:
    """Printed through the real lp to a private CUPS scheduler (tests/print_scheduler.py)."""
    import tempfile

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    app, _ = shared_app(shared_context(), FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"min søster")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, LeaveDialog)
        await pilot.click("#print")
        await app.workers.wait_for_complete()
        await pilot.pause()
        printed = cups_printer.printed()
        assert len(printed) == 1 and printed[0].startswith(b"%PDF")
        await pilot.press("ctrl+q")  # printed: taken along, no second question
        await pilot.pause()
    assert app.return_value == 0
    assert list(tmp.iterdir()) == []


async def test_own_folder_on_a_shared_computer_is_kept_not_erased(
    site: Path, tmp_path: Path
) -> None:
    """--shared --data-dir STICK: the words go to the person's own folder, and a long idle
    closes them there instead of deleting them."""
    stick = tmp_path / "stick"
    context = Context(language="da", data_dir=stick, config_dir=tmp_path / "cfg",
                      data_dir_chosen=True, shared_flag=True)  # fmt: skip
    clock = FakeClock()
    app, side = shared_app(context, clock)
    async with app.run_test(size=SIZE) as pilot:
        banner = str(app.screen.query_one("#shared-banner").render())
        assert str(stick) in banner  # the line names their folder
        await pilot.press(*"min søster")
        clock.advance(20)
        side.watch.check()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    files = list((stick / "preparations").glob("*.json"))
    assert len(files) == 1 and "min søster" in files[0].read_text("utf-8")
    assert not (tmp_path / "cfg").exists()  # settings still only in memory


async def test_the_export_dialog_suggests_no_folder_of_a_shared_computer(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No stick in: the folder field is empty and says why; saving without a place writes
    nothing; a folder of the computer itself is said to keep the file for others, and
    leaving still asks. With a stick in, the field holds the stick."""
    from textual.widgets import Input

    from peerprep.tui.dialogs.export import ExportDialog

    _stick_in(monkeypatch)
    desktop = tmp_path / "Skrivebord"
    desktop.mkdir()
    app, side = shared_app(shared_context(), FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"komme hjem")
        app.export_dialog()
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one("#folder", Input).value == ""
        said = " ".join(dialog_text(app).split())
        assert "delt computer" in said and "andre kan finde den" in said
        app.screen.query_one("#fmt-txt").value = True
        app.screen.action_save()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Skriv, hvor arket skal gemmes" in " ".join(dialog_text(app).split())
        assert not (tmp_path / "exports").exists()
        app.screen.query_one("#folder", Input).value = str(desktop)
        app.screen.action_save()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(list(desktop.glob("*.txt"))) == 1
        assert "bliver her, når du går" in " ".join(dialog_text(app).split())
        assert side.untaken() != []  # not taken along: leaving will ask
        await pilot.press("escape")
        await pilot.pause()
        stick = tmp_path / "stick"
        stick.mkdir()
        _stick_in(monkeypatch, stick)
        app.export_dialog()
        await pilot.pause()
        assert app.screen.query_one("#folder", Input).value == str(stick)


async def test_no_word_of_the_full_screen_claims_a_save(site: Path) -> None:
    """Shared computer: the status line, F1's help, the note on Ctrl+C and the keys' tips
    never say that anything is saved (or will be)."""
    import re

    from peerprep.tui.screens.help import HelpScreen

    claims = re.compile(r"gemt kl|gemmes af sig selv|alt gemmes|alt er gemt|gem og luk|gemt først")
    app, _side = shared_app(shared_context(), FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"komme hjem")
        await settle(app, pilot)
        said = [screen_text(app)]
        said += [str(b.binding.tooltip) for b in app.screen.active_bindings.values()]
        app.action_help_quit()
        app.action_help()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        said += [dialog_text(app), *(n.message for n in app._notifications)]
        said += [str(b.binding.tooltip) for b in app.screen.active_bindings.values()]
    words = " ".join(" ".join(said).split())
    assert "Intet gemmes her" in words and "om du vil tage din tekst med" in words
    assert claims.search(words.lower()) is None, claims.search(words.lower())


async def test_ctrl_s_on_a_shared_computer_never_says_saved(site: Path) -> None:
    """Ctrl+S keeps the words in memory there: the note says they are not kept here."""
    app, _ = shared_app(shared_context(), FakeClock())
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press(*WORDS["introduction"])
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert notes == [app.t("shared.status")]
    assert not any("Gemt" in note for note in notes)


async def test_printing_a_blank_sheet_keeps_no_file(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A blank sheet from home follows the rules of any sheet: printed, it keeps no file."""
    import tempfile

    from peerprep.export import printing
    from peerprep.tui.dialogs.export import ExportDialog

    _stick_in(monkeypatch)  # no stick: no folder is suggested
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    printed: list[bytes] = []
    monkeypatch.setattr(printing, "_known", printing.PrinterStatus("ready"))  # asked and kept
    monkeypatch.setattr(printing, "print_file", lambda path: printed.append(path.read_bytes()))
    app, _ = shared_app(shared_context(None), FakeClock(), command=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog) and app.screen.prep is None
        app.screen.query_one("#print").focus()
        await pilot.press("space", "f5")
        await settle(app, pilot)
        assert "Der er ikke gemt nogen fil på computeren" in dialog_text(app)
    assert len(printed) == 1 and printed[0].startswith(b"%PDF")
    assert list(tmp.iterdir()) == []
    assert not (tmp_path / "exports").exists()
