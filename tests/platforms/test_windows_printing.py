"""Printing on Windows, under a simulated Windows: winspool says whether a default printer
is set up, shlwapi whether the PDF's program has a "print" verb (a stock Windows 10/11,
with Edge as PDF viewer, has none), and os.startfile records what the shell was asked
to do. The sheet itself is made for real (typst), as the person would get it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from peerprep.export import printing
from peerprep.flow import taking_along
from peerprep.flow.taking_along import SheetRequest, TakenAlong, take_along
from peerprep.model import Preparation
from peerprep.words.catalogues import catalogue

from .simulated import SimulatedDLL, simulate_platform, simulate_windll

NO_ASSOCIATION = -2147023741  # HRESULT_FROM_WIN32(ERROR_NO_ASSOCIATION), 0x80070483
WORDS = "Det er vigtigt for mig at sove, og at min søster Åse er med"


class SimulatedWindows:
    """What a Windows PC answers about printing: its default printer ("" for none), the
    types whose program has a "print" verb, and what os.startfile was asked, with the bytes
    of the file at that moment (what the viewer or the print program would read)."""

    def __init__(self, printer: str = "HP LaserJet", print_verbs: tuple[str, ...] = ()) -> None:
        self.printer = printer
        self.print_verbs = print_verbs
        self.started: list[tuple[Path, str | None, bytes]] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        simulate_platform(monkeypatch, "win32")
        simulate_windll(
            monkeypatch,
            **{
                "winspool.drv": SimulatedDLL(GetDefaultPrinterW=self._default_printer),
                "shlwapi": SimulatedDLL(AssocQueryStringW=self._assoc_query),
            },
        )
        monkeypatch.setattr(os, "startfile", self._startfile, raising=False)

    def _default_printer(self, buffer: Any, size: Any) -> int:
        needed = len(self.printer) + 1 if self.printer else 0
        if buffer is None or size._obj.value < needed:
            size._obj.value = needed
            return 0  # ERROR_INSUFFICIENT_BUFFER, the length given back
        buffer.value = self.printer
        return 1

    def _assoc_query(
        self, flags: int, what: int, suffix: str, verb: str, out: Any, size: Any
    ) -> int:
        assert what == 1  # ASSOCSTR_COMMAND: the command line of the verb
        if verb == "print" and suffix.lower() in self.print_verbs:
            size._obj.value = 60
            return 1  # S_FALSE: there is one (only its length was asked for)
        return NO_ASSOCIATION

    def _startfile(self, path: str, operation: str | None = None) -> None:
        self.started.append((Path(path), operation, Path(path).read_bytes()))


def _prep() -> Preparation:
    prep = Preparation.new("da")
    prep.set_part("important", WORDS)
    return prep


def _said(taken: taking_along.Taken) -> list[str]:
    da = catalogue("da")
    return [da.text(said.key, **said.values) for said in taken.said]


def test_a_stock_windows_opens_the_sheet_in_its_viewer_and_says_press_ctrl_p(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    windows = SimulatedWindows(print_verbs=(".txt",))  # Notepad prints; Edge does not
    windows.install(monkeypatch)
    record = TakenAlong()
    prep = _prep()
    taken = take_along(record, prep, SheetRequest(print_now=True, destination=tmp_path))
    assert taken.path is not None and taken.path.suffix == ".pdf"
    [(opened, verb, data)] = windows.started
    assert (opened, verb) == (taken.path, None)  # opened for the person, not "print"
    assert data.startswith(b"%PDF") and taken.path.exists()
    said = _said(taken)
    assert "Arket er åbnet i sit eget vindue. Tryk Ctrl+P der for at printe det." in said
    assert catalogue("da").text("export.printed") not in said  # it is not printed yet
    assert not taken.printed and taken.problems == []


def test_where_the_viewer_can_print_the_sheet_goes_to_the_printer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    windows = SimulatedWindows(print_verbs=(".pdf", ".txt"))  # Adobe Reader is installed
    windows.install(monkeypatch)
    taken = take_along(TakenAlong(), _prep(), SheetRequest(print_now=True, destination=tmp_path))
    [(opened, verb, _)] = windows.started
    assert (opened, verb) == (taken.path, "print")
    assert _said(taken)[-1] == "Arket er sendt til printeren."
    assert taken.printed


def test_without_a_printer_nothing_is_opened_and_the_file_is_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    windows = SimulatedWindows(printer="")
    windows.install(monkeypatch)
    taken = take_along(TakenAlong(), _prep(), SheetRequest(print_now=True, destination=tmp_path))
    assert windows.started == []
    # Windows has no default printer: said as "none chosen" (export.printing's reasons)
    assert [p.key for p in taken.problems] == ["export.printer.no_default"]
    assert taken.path is not None and taken.path.exists()


def test_on_a_shared_windows_the_sheet_is_removed_once_read_not_at_exit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A ward computer: printing keeps no file. The viewer gets the sheet in a private
    folder, and the folder is gone soon after, while the program still runs (closing the
    console window ends the program without running its exit handlers). While the viewer
    holds the file open, Windows refuses to remove it: it is tried again until it lets go."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    windows = SimulatedWindows()
    windows.install(monkeypatch)
    record = TakenAlong(shared=True)
    prep = _prep()
    threads: list[Any] = []
    start = taking_along.remove_when_read

    def keep_thread(folder: Path) -> Any:
        threads.append(start(folder))
        return threads[-1]

    monkeypatch.setattr(taking_along, "remove_when_read", keep_thread)
    attempts: list[Path] = []
    rmtree = taking_along.shutil.rmtree

    def windows_rmtree(path: Any, *args: Any, **kwargs: Any) -> None:
        attempts.append(Path(path))
        if len(attempts) == 1:  # the viewer still reads it: Windows says it is in use
            raise PermissionError(32, "The process cannot access the file", str(path))
        rmtree(path, *args, **kwargs)

    monkeypatch.setattr(taking_along.shutil, "rmtree", windows_rmtree)
    taken = take_along(record, prep, SheetRequest(print_now=True))
    assert taken.path is None
    [(opened, verb, data)] = windows.started
    assert verb is None and data.startswith(b"%PDF") and opened.is_relative_to(temporary)
    assert opened.exists(), "the viewer reads it a moment after it was handed over"
    assert _said(taken) == [
        "Arket er åbnet i sit eget vindue. Tryk Ctrl+P der for at printe det."
        " Der bliver ikke gemt nogen fil på computeren."
    ]
    assert record.untaken([prep]) == [prep], "not printed yet: leaving still asks"
    [thread] = threads
    thread.join(taking_along.VIEWER_READS_SECONDS + taking_along.REMOVE_EVERY_SECONDS + 30)
    assert len(attempts) == 2 and attempts[0] == opened.parent
    assert list(temporary.iterdir()) == []
    assert taking_along._LATER == []  # nothing left for the exit


def test_the_flow_and_the_export_name_the_viewer_route_alike() -> None:
    assert taking_along.IN_VIEWER == printing.IN_VIEWER


def test_plain_mode_on_a_stock_windows_says_to_press_ctrl_p(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, tmp_path: Path
) -> None:
    """peerprep --plain on Windows with Edge: the sheet's menu offers printing, and
    choosing it opens the sheet and says, in words, to press Ctrl+P there."""
    from tests.test_plain import drive

    from .simulated import SimulatedConsole

    export_dir = tmp_path / "exports"
    monkeypatch.setenv("PEERPREP_EXPORT_DIR", str(export_dir))
    windows = SimulatedWindows(print_verbs=(".txt",))
    windows.install(monkeypatch)
    simulate_windll(
        monkeypatch,
        kernel32=SimulatedConsole().kernel32,  # the console close handler goes in
        **{
            "winspool.drv": SimulatedDLL(GetDefaultPrinterW=windows._default_printer),
            "shlwapi": SimulatedDLL(AssocQueryStringW=windows._assoc_query),
        },
    )
    # new, skip the meeting, part 1, back to the menu; the sheet (9), print (5), back, stop
    back = ["tilbage"] * 2  # part 2 -> part 1 -> the preparation's menu
    script = ["1", "", "Min søster Åse kommer med.", "slut", *back, "9", "5", "0", "stop"]
    code, out = drive(monkeypatch, script)
    assert code == 0
    [(opened, verb, data)] = windows.started
    assert verb is None and opened.parent == export_dir and data.startswith(b"%PDF")
    assert "Arket er åbnet i sit eget vindue. Tryk Ctrl+P der for at printe det." in out
    assert "Arket er sendt til printeren." not in out
