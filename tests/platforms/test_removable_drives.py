"""USB sticks and cards on Windows, under a simulated Windows: which drives there are
(GetLogicalDrives) and what type Windows says each is (GetDriveTypeW). Only removable
drives count (not the C: disk, a CD or a network drive, which are writable too), and the
full screen asks on a thread of its own, never on the thread that answers the keys."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from peerprep import drives

from .simulated import SimulatedDLL, simulate_platform, simulate_windll

FIXED, REMOTE, CDROM = 3, 4, 5
DRIVE_TYPES = {
    "A:\\": drives.DRIVE_REMOVABLE,  # a floppy drive: never asked (it can hang)
    "C:\\": FIXED,
    "D:\\": CDROM,
    "E:\\": drives.DRIVE_REMOVABLE,  # a USB stick
    "F:\\": drives.DRIVE_REMOVABLE,  # a card reader with no card in it
    "G:\\": REMOTE,  # the ward's network drive: writable, but it stays here
    "H:\\": drives.DRIVE_REMOVABLE,  # a memory card
}
THERE = {"A:\\", "C:\\", "D:\\", "E:\\", "G:\\", "H:\\"}  # folders that can be opened


class SimulatedDrives:
    """kernel32's view of the drives, recording which threads asked."""

    def __init__(self) -> None:
        self.asked_on: list[threading.Thread] = []
        self.calls: list[str] = []
        self.kernel32 = SimulatedDLL(
            GetLogicalDrives=self._logical_drives,
            GetDriveTypeW=self._drive_type,
            SetThreadErrorMode=self._error_mode,
        )

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        simulate_platform(monkeypatch, "win32")
        simulate_windll(monkeypatch, kernel32=self.kernel32)
        monkeypatch.setattr(drives, "_usable", lambda folder: str(folder) in THERE)

    def _logical_drives(self) -> int:
        return sum(1 << (ord(root[0]) - ord("A")) for root in DRIVE_TYPES)

    def _drive_type(self, root: str) -> int:
        self.asked_on.append(threading.current_thread())
        self.calls.append(f"type {root}")
        return DRIVE_TYPES.get(root, 0)

    def _error_mode(self, mode: int, old: Any) -> int:
        self.calls.append(f"error mode {mode}")
        return 1


def test_only_drives_windows_calls_removable_count(monkeypatch: pytest.MonkeyPatch) -> None:
    windows = SimulatedDrives()
    windows.install(monkeypatch)
    assert drives.look() == [Path("E:\\"), Path("H:\\")]
    assert windows.calls[0] == "error mode 1", "an empty card reader puts up no box"
    assert "type A:\\" not in windows.calls


async def test_the_full_screen_asks_the_drives_off_its_own_thread(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, config_dir: Path
) -> None:
    """The folder dialog offers the stick and the card, found by a thread of their own:
    the thread that answers the keys never waits for a drive."""
    from peerprep.settings import Settings
    from peerprep.settings import save as save_settings
    from peerprep.store import Store
    from peerprep.tui.app import PeerprepApp, Start
    from peerprep.tui.dialogs.folder import SaveToFolderDialog
    from tests.tui.helpers import screen_text

    windows = SimulatedDrives()
    windows.install(monkeypatch)
    save_settings(config_dir, Settings(cursor_blink=False, welcomed=True))
    app = PeerprepApp(store=Store(data_dir), language="da", data_dir=data_dir,
                      config_dir=config_dir, start=Start(command=None))  # fmt: skip
    async with app.run_test(size=(80, 24)) as pilot:
        ui_thread = threading.current_thread()
        watch = drives._watch
        assert watch is not None, "the program looks for drives on a thread of its own"
        assert watch.first(timeout=30) == [Path("E:\\"), Path("H:\\")]
        app.push_screen(SaveToFolderDialog([]))
        await pilot.pause()
        shown = screen_text(app)
        assert "E:\\" in shown and "H:\\" in shown
        assert "G:\\" not in shown and "C:\\" not in shown
        assert windows.asked_on and ui_thread not in windows.asked_on
    assert drives._watch is None, "the watch stops with the program"
