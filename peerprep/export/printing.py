"""Opening an exported file with the system's viewer, and sending it to the printer.

Linux and macOS print with `lp` (or `lpr`), Windows with the file's "print" verb. The
viewer's and the printer's own output never reaches the person's terminal: it is either
thrown away or read and replaced by one sentence from the catalogue.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from peerprep.export.errors import ExportError
from peerprep.startup import child_environment

TIMEOUT = 30.0  # seconds; a print queue answers at once or is stuck


def _quiet_run(command: list[str]) -> subprocess.CompletedProcess[str] | None:
    """Run `command` with its output captured (never shown); None when it cannot start."""
    try:
        return subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
            env=child_environment(),
        )
    except (OSError, subprocess.TimeoutExpired):
        return None


def _windows_default_printer() -> str:  # pragma: no cover - exercised on Windows only
    import ctypes
    from ctypes import wintypes

    size = wintypes.DWORD(0)
    winspool = ctypes.WinDLL("winspool.drv")  # type: ignore[attr-defined,unused-ignore]
    winspool.GetDefaultPrinterW(None, ctypes.byref(size))
    if not size.value:
        return ""
    buffer = ctypes.create_unicode_buffer(size.value)
    if not winspool.GetDefaultPrinterW(buffer, ctypes.byref(size)):
        return ""
    return buffer.value


def printer_available() -> bool:
    """Whether a default printer is set up, as far as the system can tell without printing."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        try:
            return bool(_windows_default_printer())
        except (OSError, AttributeError):
            return False
    if shutil.which("lpstat"):
        answer = _quiet_run(["lpstat", "-d"])
        if answer is None or answer.returncode != 0:
            return False
        # "system default destination: Office" vs "no system default destination"
        text = answer.stdout.strip().lower()
        return ":" in text and not text.startswith("no ")
    # No CUPS tools to ask: a bare lpr is all there is, and it will say if it fails.
    return shutil.which("lp") is not None or shutil.which("lpr") is not None


def print_file(path: Path) -> None:
    """Send `path` to the default printer. Raises ExportError with a plain reason."""
    if not printer_available():
        raise ExportError("export.errors.no_printer", path=str(path))
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
        except OSError as error:
            raise ExportError("export.errors.print_failed", path=str(path)) from error
        return
    program = shutil.which("lp") or shutil.which("lpr")
    if program is None:
        raise ExportError("export.errors.no_printer", path=str(path))
    # An absolute path starts with "/", so it can never be read as an option.
    answer = _quiet_run([program, str(path.resolve())])
    if answer is None or answer.returncode != 0:
        raise ExportError("export.errors.print_failed", path=str(path))


def _opener() -> list[str] | None:
    if sys.platform == "darwin":
        return ["open"]
    for candidate in ("xdg-open", "gio"):
        found = shutil.which(candidate)
        if found:
            return [found, "open"] if candidate == "gio" else [found]
    return None


# How long to wait for the opener's answer. xdg-open, gio and macOS `open` hand the file
# to the viewer and end at once, with a non-zero exit when nothing can show that kind of
# file; an opener still running after this has started a viewer in its own place (some
# desktops run it in the foreground), which means the file is being shown.
OPENER_ANSWER_SECONDS = 5.0


def open_file(path: Path) -> None:
    """Show `path` in the system's viewer, without waiting for it to close and without its
    messages in the terminal.

    Raises:
        ExportError: "export.errors.no_viewer" when there is no opener to ask, or the
            opener answered that nothing here opens this kind of file (its exit code).
    """
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        try:
            os.startfile(str(path))  # type: ignore[attr-defined]
        except OSError as error:  # no program is set up for the type: Windows says so
            raise ExportError("export.errors.no_viewer", path=str(path)) from error
        return
    opener = _opener()
    if opener is None:
        raise ExportError("export.errors.no_viewer", path=str(path))
    try:
        # A new session: the viewer outlives us and does not get the terminal's Ctrl-C.
        process = subprocess.Popen(
            [*opener, str(path.resolve())],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            env=child_environment(),
        )
    except OSError as error:
        raise ExportError("export.errors.no_viewer", path=str(path)) from error
    try:
        code = process.wait(timeout=OPENER_ANSWER_SECONDS)
    except subprocess.TimeoutExpired:
        return  # still showing it: a viewer started in the opener's place
    if code != 0:
        raise ExportError("export.errors.no_viewer", path=str(path))
