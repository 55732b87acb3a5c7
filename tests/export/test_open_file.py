"""Opening a saved sheet: the opener's answer is checked, so "nothing opened it" is said."""

from __future__ import annotations

import shutil
import stat
import sys
import time
from pathlib import Path

import pytest

from peerprep.export import printing
from peerprep.export.errors import ExportError

SLEEP = shutil.which("sleep") or "/bin/sleep"  # found before PATH holds only our stand-ins

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="xdg-open is POSIX")


def _opener(bin_dir: Path, body: str) -> None:
    script = bin_dir / "xdg-open"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def fake_bin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setattr(sys, "platform", "linux")
    return folder


def test_an_opener_that_finds_no_program_is_said(fake_bin: Path, tmp_path: Path) -> None:
    # xdg-open's own exit code when no program is set up for the kind of file
    _opener(fake_bin, "echo 'xdg-open: no method available' >&2; exit 3")
    with pytest.raises(ExportError) as error:
        printing.open_file(tmp_path / "ark.pdf")
    assert error.value.key == "export.errors.no_viewer"
    assert error.value.values["path"].endswith("ark.pdf")


def test_an_opener_that_hands_the_file_on_is_fine(fake_bin: Path, tmp_path: Path) -> None:
    log = tmp_path / "opened"
    _opener(fake_bin, f'echo "$1" > "{log}"; exit 0')
    printing.open_file(tmp_path / "ark.pdf")
    assert log.read_text(encoding="utf-8").strip().endswith("ark.pdf")


def test_a_viewer_run_in_the_openers_place_is_not_waited_for(
    fake_bin: Path, tmp_path: Path
) -> None:
    # Some desktops run the viewer in the foreground of xdg-open: still running after the
    # wait means the file is being shown, and the program goes on (never blocked on it).
    _opener(fake_bin, f"exec {SLEEP} {printing.OPENER_ANSWER_SECONDS + 3}")
    started = time.monotonic()
    printing.open_file(tmp_path / "ark.pdf")
    assert time.monotonic() - started < printing.OPENER_ANSWER_SECONDS + 10
