"""One flow for every face: the full screen, line-by-line mode and the command line give
the same answer to the same question, because the answer lives in the flow layer once.

Each test drives the real faces (the Textual app through its test pilot, plain mode and
the command line through `peerprep.cli.main`), never the flow functions alone.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from peerprep.cli import main
from peerprep.flow.context import Start
from peerprep.model import Preparation
from peerprep.settings import DiskSettings, Settings
from peerprep.settings import save as save_settings
from peerprep.store import Store
from peerprep.tui.app import PeerprepApp
from peerprep.tui.screens.home import HomeScreen
from peerprep.tui.screens.meeting import MeetingScreen
from peerprep.words import catalogue
from peerprep.words.naming import display_title, file_stem, spoken_title

SIZE = (80, 24)


def _app(data_dir: Path, config_dir: Path, language: str, start: Start) -> PeerprepApp:
    save_settings(config_dir, Settings(cursor_blink=False, welcomed=True))
    return PeerprepApp(
        store=Store(data_dir),
        language=language,
        data_dir=data_dir,
        config_dir=config_dir,
        settings_keeper=DiskSettings(config_dir),
        start=start,
        save_delay=0.05,
    )


def _plain(monkeypatch: pytest.MonkeyPatch, answers: list[str], *argv: str) -> str:
    """`peerprep ... --plain` through the real command line, answers on stdin."""
    data = "".join(a + "\n" for a in answers).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", out)
    assert main([*argv, "--plain"]) == 0
    out.flush()
    return out.buffer.getvalue().decode("utf-8")


def _english_statement(store: Store) -> Preparation:
    prep = Preparation.new("en")
    prep.title = "Team meeting"
    prep.meeting.kind = "treatment"
    prep.meeting.date = dt.date(2026, 12, 24)
    prep.set_part("introduction", "I am Sam, and I repair old bicycles.")
    prep.set_part("important", "having quiet evenings at home.")
    prep.set_part("help_with", "sleeping through the night.")
    prep.set_part("so_that", "go back to my workshop.")
    prep.questions = ["Who do I call at night?"]
    store.save(prep)
    return prep


# --- one sheet, whichever face made it ------------------------------------------------------


async def test_one_preparation_gives_one_sheet_from_every_face(
    store: Store,
    data_dir: Path,
    config_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Written in English, opened by a Danish screen, exported three ways: the same bytes,
    and the sheet in the preparation's own language."""
    prep = _english_statement(store)
    folders = {face: tmp_path / face for face in ("cli", "plain", "tui")}
    for folder in folders.values():
        folder.mkdir()

    assert main(["--lang", "da", "export", prep.id, "-o", str(folders["cli"])]) == 0

    # plain mode: open it (home 2, the first one), export (9), PDF (1), the folder, back, stop
    _plain(monkeypatch, ["2", "1", "9", "1", str(folders["plain"]), "0", "stop"], "--lang", "da")

    app = _app(data_dir, config_dir, "da", Start("open", prep.id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        folder = app.screen.query_one("#folder", Input)
        folder.value = str(folders["tui"])
        await pilot.click("#save")
        await app.workers.wait_for_complete()
        await pilot.pause()

    sheets = {face: list(folder.glob("*.pdf")) for face, folder in folders.items()}
    assert all(len(found) == 1 for found in sheets.values()), sheets
    data = {face: found[0].read_bytes() for face, found in sheets.items()}
    assert data["cli"] == data["plain"] == data["tui"]
    names = {found[0].name for found in sheets.values()}
    assert names == {"Team meeting 2026-12-24.pdf"}
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data["cli"])).pages)
    assert catalogue("en").text("sheet.questions") in text
    assert catalogue("da").text("sheet.questions") not in text


# --- one grammar for dates and times ---------------------------------------------------------

TODAY = dt.date.today()


def _weekday_ahead(name_index: int) -> dt.date:
    return TODAY + dt.timedelta(days=(name_index - TODAY.weekday()) % 7 or 7)


def _next(month: int, day: int) -> dt.date:
    candidate = dt.date(TODAY.year, month, day)
    return candidate if candidate >= TODAY else dt.date(TODAY.year + 1, month, day)


DATES = [
    ("24.12.2026", dt.date(2026, 12, 24)),
    ("2026-12-24", dt.date(2026, 12, 24)),
    ("24/12", _next(12, 24)),
    ("24. december", _next(12, 24)),
    ("3 marts 2027", dt.date(2027, 3, 3)),
    ("i morgen", TODAY + dt.timedelta(days=1)),
    ("i overmorgen", TODAY + dt.timedelta(days=2)),
    ("fredag", _weekday_ahead(4)),
]
TIMES = [
    ("1030", dt.time(10, 30)),
    ("2 pm", dt.time(14, 0)),
    ("kl. 9.30", dt.time(9, 30)),
    ("14:05", dt.time(14, 5)),
    ("10", dt.time(10, 0)),
]


def _only(data_dir: Path) -> dict[str, object]:
    files = list((data_dir / "preparations").glob("*.json"))
    assert len(files) == 1, files
    return json.loads(files[0].read_text(encoding="utf-8"))


@pytest.mark.parametrize(("date_text", "date"), DATES, ids=[d for d, _ in DATES])
async def test_both_faces_read_a_date_the_same(
    date_text: str,
    date: dt.date,
    data_dir: Path,
    config_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    time_text, time = TIMES[len(date_text) % len(TIMES)]
    # plain mode: new, the meeting first, keep the kind (0), the date and time, skip the
    # rest, stop (at part 1)
    script = ["1", "ja", "0", date_text, time_text, "", "", "", "", "stop"]
    _plain(monkeypatch, script, "--lang", "da")
    plain = _only(data_dir)["meeting"]
    assert (plain["date"], plain["time"]) == (date.isoformat(), time.isoformat())  # type: ignore[index]

    second = tmp_path / "second"
    app = _app(second, config_dir, "da", Start())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f7")  # new: the meeting first
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        app.screen.query_one("#date", Input).focus()
        await pilot.press(*date_text, "tab", *time_text, "tab")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    full = _only(second)["meeting"]
    assert (full["date"], full["time"]) == (plain["date"], plain["time"])  # type: ignore[index]


async def test_both_faces_say_a_date_back_in_the_same_words(
    data_dir: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """ "næste tirsdag" at 10: both faces say the same sentence, in words a voice reads
    well, with how far away it is (words.dates.say_when)."""
    from peerprep.flow.dates import parse_date
    from peerprep.words.dates import say_when

    cat = catalogue("da")
    day = parse_date("næste tirsdag", cat)
    assert day is not None
    sentence = cat.text("dates.said.meeting", when=say_when(cat, day, dt.time(10)))
    out = _plain(monkeypatch, ["1", "ja", "", "næste tirsdag", "10", "stop"])
    assert sentence in out

    app = _app(tmp_path / "second", config_dir, "da", Start())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f7")  # new: the meeting first
        await pilot.pause()
        app.screen.query_one("#date", Input).focus()
        await pilot.press(*"næste tirsdag", "tab", *"10", "tab")
        await pilot.pause()
        shown = " ".join(str(app.screen.query_one("#problem").render()).split())
    assert shown == sentence


# --- one rule for a name ---------------------------------------------------------------------


async def test_one_title_on_home_in_plain_in_list_and_in_every_file_name(
    store: Store,
    data_dir: Path,
    config_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    untitled = Preparation.new("da")
    untitled.set_part("introduction", "Jeg hedder Kim.")
    store.save(untitled)
    cat = catalogue("da")
    title = display_title(cat, untitled)
    assert title.startswith("Forberedelse begyndt ")

    assert main(["list"]) == 0
    listed = capsys.readouterr().out
    assert f"| {title} |" in listed

    out = _plain(monkeypatch, ["2", "0", "stop"], "--lang", "da")  # home: open... and back
    # the same name, with its date in words, as a voice reads plain mode
    assert f"1. {spoken_title(cat, untitled)}." in out

    app = _app(data_dir, config_dir, "da", Start())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        shown = "\n".join(
            str(app.screen.query_one("#list").get_option_at_index(0).prompt).splitlines()
        )
        assert title in shown

    folder = tmp_path / "files"
    folder.mkdir()
    assert main(["export", untitled.id, "-o", str(folder)]) == 0
    from peerprep.flow.preparation_file import save_to_folder

    saved = save_to_folder(cat, untitled, folder)
    begun = untitled.created_at.astimezone().date().isoformat()
    assert {path.stem for path in folder.iterdir()} == {f"Forberedelse begyndt {begun}"}
    assert file_stem(cat, untitled) == f"Forberedelse begyndt {begun}"
    assert {path.suffix for path in folder.iterdir()} == {".pdf", ".json"} and saved.exists()


# --- printing on a shared computer keeps no file, in any face --------------------------------


def _everything(roots: list[Path]) -> set[str]:
    found: set[str] = set()
    for root in roots:
        if root.exists():
            found |= {str(p) for p in root.rglob("*")}
    return found


@pytest.fixture
def printer(cups_printer: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    """The real lp and a private CUPS scheduler (tests/print_scheduler.py); the program's
    temporary files go to a folder of the test's own, checked to be empty afterwards."""
    import tempfile

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return cups_printer


def _roots(tmp_path: Path) -> list[Path]:
    return [
        Path(os.environ["PEERPREP_DATA_DIR"]),
        Path(os.environ["PEERPREP_CONFIG_DIR"]),
        Path(os.environ["PEERPREP_EXPORT_DIR"]),
        tmp_path / "tmp",
        Path.cwd(),
    ]


def test_plain_mode_prints_on_a_shared_computer_without_a_file(
    printer: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _everything(_roots(tmp_path))
    # new, skip the meeting, one part, skip the rest, no questions; then the sheet (9)
    # and "send it to the printer" (the fifth choice), home, stop: nothing more to ask
    script = ["1", "nej", "Jeg hedder Kim.", "slut", "", "", "", "nej", "9", "5", "0", "stop"]
    out = _plain(monkeypatch, script, "--shared")
    printed = printer.printed()
    assert len(printed) == 1 and printed[0].startswith(b"%PDF")
    assert catalogue("da").text("export.printed_no_file") in out
    assert _everything(_roots(tmp_path)) == before


async def test_the_full_screen_prints_on_a_shared_computer_without_a_file(
    printer: Any, tmp_path: Path
) -> None:
    from peerprep.flow.context import Context
    from peerprep.tui.shared_side import install

    roots = _roots(tmp_path)
    before = _everything(roots)
    context = Context(
        language="da",
        data_dir=Path(os.environ["PEERPREP_DATA_DIR"]),
        config_dir=Path(os.environ["PEERPREP_CONFIG_DIR"]),
        shared_flag=True,
    )
    app = PeerprepApp(
        store=context.store(),
        language="da",
        data_dir=context.data_dir,
        config_dir=context.config_dir,
        settings_keeper=context.settings_keeper(),
        start=Start("new"),
        save_delay=0.05,
        taken=context.taken,
    )
    keeper = context.settings_keeper()
    install(app, context.shared)
    app.settings.welcomed = True
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Jeg hedder Kim")
        await pilot.press("f5")
        await pilot.pause()
        app.screen.query_one("#folder", Input).value = ""  # no place chosen on this computer
        app.screen.query_one("#print").focus()  # below the fold at 80x24: by keyboard
        await pilot.press("space")
        app.screen.query_one("#save").focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(printer.printed()) == 1
        assert context.taken.untaken(app.session.store.list().preparations) == []
    assert keeper.in_memory
    assert _everything(roots) == before


def test_the_command_line_prints_on_a_shared_computer_without_a_file(
    printer: Any, tmp_path: Path
) -> None:
    """`peerprep --shared export --latest --print`: nothing is kept on a shared computer,
    so there is nothing to print - but a machine-wide shared computer with the person's own
    folder (--data-dir) prints without leaving the sheet in the export folder."""
    stick = tmp_path / "stick"
    store = Store(stick)
    prep = Preparation.new("da")
    prep.set_part("introduction", "Jeg hedder Kim.")
    store.save(prep)
    roots = [r for r in _roots(tmp_path) if r != Path(os.environ["PEERPREP_DATA_DIR"])]
    before = _everything(roots)
    assert main(["--shared", "--data-dir", str(stick), "export", prep.id, "--print"]) == 0
    assert len(printer.printed()) == 1
    assert _everything(roots) == before
