"""Opening an exported file with the system's viewer, and sending it to the printer.

Linux and macOS print with `lp` (or `lpr`). Windows prints with the file type's "print"
verb where the program that shows the type has one (Adobe Reader for PDF, Notepad for
text); a stock Windows 10/11, whose PDF viewer is Edge, has none for PDF: there the file
is opened in its viewer and the person is told to press Ctrl+P (IN_VIEWER). The viewer's
and the printer's own output never reaches the person's terminal: it is either thrown
away or read and replaced by one sentence from the catalogue.

Source: Microsoft's documentation of AssocQueryStringW (ASSOCSTR_COMMAND for a verb) and
ShellExecute's verbs.
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

# What print_file did: the file went to the print queue, or (Windows without a "print"
# verb for the type) it is open in its viewer for the person to print with Ctrl+P.
SENT = "sent"
IN_VIEWER = "viewer"

_ASSOCSTR_COMMAND = 1  # the command line of a verb
_S_OK, _S_FALSE = 0, 1  # S_FALSE: found, and only its length was asked for


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


def _windows_default_printer() -> str:
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
    if sys.platform == "win32":
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


def has_print_verb(suffix: str) -> bool:
    """Windows: whether the program that opens files ending in `suffix` (".pdf") can print
    them without being shown (a "print" verb), as the shell would find it."""
    import ctypes

    shlwapi = ctypes.WinDLL("shlwapi")  # type: ignore[attr-defined,unused-ignore]
    shlwapi.AssocQueryStringW.restype = ctypes.c_long  # an HRESULT: errors are negative
    size = ctypes.c_ulong(0)
    answer = shlwapi.AssocQueryStringW(
        0, _ASSOCSTR_COMMAND, suffix, "print", None, ctypes.byref(size)
    )
    return answer in (_S_OK, _S_FALSE)


def print_file(path: Path) -> str:
    """Send `path` to the default printer: SENT; or, on Windows where nothing prints the
    type without showing it, open it in its viewer for the person to print: IN_VIEWER.

    Raises:
        ExportError: "export.errors.no_printer" (no default printer),
            "export.errors.print_failed" (the queue or the print verb refused it),
            "export.errors.no_viewer" (Windows: nothing here opens the type either).
    """
    if not printer_available():
        raise ExportError("export.errors.no_printer", path=str(path))
    if sys.platform == "win32":
        try:
            verb = has_print_verb(path.suffix)
        except (OSError, AttributeError):
            verb = False
        if not verb:
            open_file(path)
            return IN_VIEWER
        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined,unused-ignore]
        except OSError as error:
            raise ExportError("export.errors.print_failed", path=str(path)) from error
        return SENT
    program = shutil.which("lp") or shutil.which("lpr")
    if program is None:
        raise ExportError("export.errors.no_printer", path=str(path))
    # An absolute path starts with "/", so it can never be read as an option.
    answer = _quiet_run([program, str(path.resolve())])
    if answer is None or answer.returncode != 0:
        raise ExportError("export.errors.print_failed", path=str(path))
    return SENT


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
    if sys.platform == "win32":
        try:
            os.startfile(str(path))  # type: ignore[attr-defined,unused-ignore]
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
