"""Opening an exported file with the system's viewer, and sending it to the printer.

Linux and macOS print with `lp` (or `lpr`). Windows prints with the file type's "print"
verb where the program that shows the type has one (Adobe Reader for PDF, Notepad for
text); a stock Windows 10/11, whose PDF viewer is Edge, has none for PDF: there the file
is opened in its viewer and the person is told to press Ctrl+P (IN_VIEWER). The viewer's
and the printer's own output never reaches the person's terminal: it is either thrown
away or read and replaced by one sentence from the catalogue.

Nothing goes over the network. The printer is asked about, and the sheet handed to, the
computer's own print service: on Linux and macOS CUPS, through its local socket only
(CUPS_SOCKETS). Where that socket is missing, libcups would try localhost:631 over TCP;
the program does not ask then, and says that the print service is not answering. Where
the computer's print service itself sends jobs on to a network printer, that is the
computer's business, as for any program that prints.

Asking takes at most ANSWER_SECONDS (a print service answers at once, or is stuck), and
the answer is kept for the session (`printer_status`): the full screen asks in a thread
when it starts, so no screen ever waits for it.

Source: Microsoft's documentation of AssocQueryStringW (ASSOCSTR_COMMAND for a verb) and
ShellExecute's verbs.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from peerprep.export.errors import ExportError
from peerprep.startup import child_environment

TIMEOUT = 30.0  # seconds to hand a file over; a print queue takes it at once or is stuck
ANSWER_SECONDS = 2.0  # seconds for all questions about the printer together

# Where CUPS listens on this computer: the usual Linux places, and macOS's. CUPS_SERVER
# may name another socket (never a host: only a path is used).
CUPS_SOCKETS = ("/run/cups/cups.sock", "/var/run/cups/cups.sock", "/private/var/run/cupsd")

PrinterState = Literal["ready", "no_printer", "no_default", "not_answering"]

# What print_file did: the file went to the print queue, or (Windows without a "print"
# verb for the type) it is open in its viewer for the person to print with Ctrl+P.
SENT = "sent"
IN_VIEWER = "viewer"

_ASSOCSTR_COMMAND = 1  # the command line of a verb
_S_OK, _S_FALSE = 0, 1  # S_FALSE: found, and only its length was asked for


@dataclass(frozen=True)
class PrinterStatus:
    """What the print service said: `state`, and the default printer's name when ready.

    ready          a default printer is set up (or only a bare `lpr`: it says if it fails)
    no_printer     no printer at all (or no print tools)
    no_default     printers, but none chosen as the default
    not_answering  the print service is not running, or did not answer in time
    """

    state: PrinterState
    printer: str = ""

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    @property
    def key(self) -> str:
        """The catalogue key of the sentence that says it (export.printer.*)."""
        return f"export.printer.{self.state}"


def _local_socket() -> str | None:
    """The print service's local socket, if it is there (see CUPS_SOCKETS)."""
    chosen = os.environ.get("CUPS_SERVER", "")
    candidates = (chosen,) if chosen.startswith("/") else CUPS_SOCKETS
    for candidate in candidates:
        try:
            if stat.S_ISSOCK(os.stat(candidate).st_mode):
                return candidate
        except OSError:
            continue
    return None


def _cups_env(socket_path: str) -> dict[str, str]:
    # CUPS_SERVER set to a path: libcups uses that socket and nothing else (no TCP).
    return {**child_environment(), "CUPS_SERVER": socket_path, "LC_ALL": "C", "LANG": "C"}


def _quiet_run(
    command: list[str], timeout: float = TIMEOUT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str] | None:
    """Run `command` with its output captured (never shown); None when it cannot start
    or does not end in `timeout` seconds (it is then stopped)."""
    try:
        return subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=max(timeout, 0.05),
            check=False,
            env=child_environment() if env is None else env,
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


def find_printer(limit: float = ANSWER_SECONDS) -> PrinterStatus:
    """Ask the computer's print service about its printers, in at most `limit` seconds.
    Not kept: `printer_status` is the door everyone uses."""
    if sys.platform == "win32":
        try:
            name = _windows_default_printer()
        except (OSError, AttributeError):
            return PrinterStatus("not_answering")
        return PrinterStatus("ready", name) if name else PrinterStatus("no_default")
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        # No CUPS tools to ask: a bare lpr is all there is, and it will say if it fails.
        if shutil.which("lp") or shutil.which("lpr"):
            return PrinterStatus("ready")
        return PrinterStatus("no_printer")
    socket_path = _local_socket()
    if socket_path is None:
        return PrinterStatus("not_answering")
    env = _cups_env(socket_path)
    deadline = time.monotonic() + limit

    def ask(*args: str) -> str | None:
        answer = _quiet_run([lpstat, *args], deadline - time.monotonic(), env)
        return None if answer is None else answer.stdout.strip()

    running = ask("-r")  # "scheduler is running" / "scheduler is not running"
    if running is None or "not running" in running.lower() or "running" not in running.lower():
        return PrinterStatus("not_answering")
    default = ask("-d")  # "system default destination: Office" / "no system default ..."
    if default is None:
        return PrinterStatus("not_answering")
    head, colon, name = default.partition(":")
    if colon and "default" in head.lower() and not default.lower().startswith("no "):
        return PrinterStatus("ready", name.strip())
    printers = ask("-v")  # "device for Office: ipp://..." for each printer, or nothing
    if printers is None:
        return PrinterStatus("not_answering")
    return PrinterStatus("no_default" if printers else "no_printer")


_known: PrinterStatus | None = None
_asking = threading.Lock()


def printer_status() -> PrinterStatus:
    """What the print service says, asked once per session (find_printer) and then kept:
    a printer is not set up while a person writes, and asking again costs time."""
    global _known
    with _asking:  # two threads asking at once wait for one answer
        if _known is None:
            _known = find_printer()
        return _known


def known_printer() -> PrinterStatus | None:
    """The kept answer, without asking (None: not asked yet)."""
    return _known


def forget_printer() -> None:
    """Ask again next time (a test, or a person who has just set up a printer)."""
    global _known
    with _asking:
        _known = None


def printer_available() -> bool:
    """Whether a default printer is set up, as far as the system can tell without printing."""
    return printer_status().ready


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
        ExportError: one of the three reasons of PrinterStatus (no printer, none chosen,
            the print service not answering); "export.errors.print_failed" (the queue or
            the print verb refused it); "export.errors.no_viewer" (Windows: nothing here
            opens the type either).
    """
    status = printer_status()
    if not status.ready:
        raise ExportError(status.key, path=str(path))
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
        raise ExportError("export.printer.no_printer", path=str(path))
    socket_path = _local_socket()
    env = _cups_env(socket_path) if socket_path is not None else None
    # An absolute path starts with "/", so it can never be read as an option.
    answer = _quiet_run([program, str(path.resolve())], TIMEOUT, env)
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
