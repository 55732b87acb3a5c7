"""A private CUPS print scheduler for the printing tests: the real `lp` and `lpstat`, a real
scheduler, a real queue, and a printer that keeps what it is sent as a file.

The scheduler (cupsd) runs in the foreground as a child of the test session, with every
file of its own (configuration, spool, logs, state, cache) in a temporary folder, and it
listens on a Unix socket in that folder only: no network port, never the system's
scheduler. `lp` and `lpstat` find it through CUPS_SERVER (the tests set it). Its one
printer, "Kontor", is a raw queue (the document goes through unchanged) whose device is a
small backend of ours that writes each job to `out/job-N` in the folder, so a test can
read back what was printed: the PDF itself, byte for byte.

`available()` says whether this machine has the programs; CI installs them (cupsd from
cups-daemon, lp and lpstat from cups-client), elsewhere the tests that need them skip.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import shutil
import signal
import subprocess
import time
from pathlib import Path

PRINTER = "Kontor"
CUPSD = "/usr/sbin/cupsd"
SYSTEM_SERVERBIN = Path("/usr/lib/cups")

# The printer's device: keeps each job as a file (a backend gets its arguments from the
# scheduler: job id, user, title, copies, options, and the file, or the job on stdin).
_BACKEND = """#!/bin/sh
if [ $# -eq 0 ]; then echo 'file pdffolder "Unknown" "A folder of PDF files"'; exit 0; fi
out="${DEVICE_URI#pdffolder:}"
if [ -n "$6" ]; then cat "$6"; else cat; fi > "$out/.job-$1" || exit 1
mv "$out/.job-$1" "$out/job-$1"
"""


def available() -> bool:
    """Are the scheduler and its client programs on this machine?"""
    return (
        os.name == "posix"
        and os.path.exists(CUPSD)
        and (SYSTEM_SERVERBIN / "daemon" / "cups-exec").exists()
        and all(shutil.which(tool) for tool in ("lp", "lpstat", "lpadmin", "cupsreject"))
    )


class Scheduler:
    """A running private cupsd. `start()` it, `stop()` it; `reset()` between tests."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.socket = folder / "cups.sock"
        self.out = folder / "out"
        self.process: subprocess.Popen[bytes] | None = None

    # --- the scheduler's own files -------------------------------------------------------

    def _configure(self) -> None:
        folder = self.folder
        folder.chmod(0o755)  # the scheduler drops to its user for some work
        for name in ("spool", "cache", "state", "log", "tmp", "root", "bin/backend", "out"):
            (folder / name).mkdir(parents=True, exist_ok=True)
            (folder / name).chmod(0o755 if name != "out" else 0o777)
        for name in ("filter", "daemon", "notifier"):
            link = folder / "bin" / name
            if not link.exists():
                link.symlink_to(SYSTEM_SERVERBIN / name)
        backend = folder / "bin" / "backend" / "pdffolder"
        backend.write_text(_BACKEND, encoding="utf-8")
        backend.chmod(0o700)  # run by the scheduler as its own user (root in CI)
        if os.geteuid() == 0:
            user, group = "lp", "lp"
        else:  # a scheduler run by a developer runs everything as that developer
            user = pwd.getpwuid(os.geteuid()).pw_name
            group = grp.getgrgid(os.getegid()).gr_name
        (folder / "cups-files.conf").write_text(
            "\n".join([
                f"ServerRoot {folder / 'root'}",
                f"RequestRoot {folder / 'spool'}",
                f"CacheDir {folder / 'cache'}",
                f"StateDir {folder / 'state'}",
                f"TempDir {folder / 'tmp'}",
                f"ServerBin {folder / 'bin'}",
                f"AccessLog {folder / 'log' / 'access_log'}",
                f"ErrorLog {folder / 'log' / 'error_log'}",
                f"PageLog {folder / 'log' / 'page_log'}",
                "Printcap",  # no printcap file (the system's would be /run/cups/printcap)
                f"User {user}",
                f"Group {group}",
                "",
            ]),
            encoding="utf-8",
        )  # fmt: skip
        (folder / "cupsd.conf").write_text(
            "\n".join([
                f"Listen {self.socket}",  # a socket in our folder: no network port at all
                "LogLevel info",
                "Browsing No",
                "WebInterface No",
                "DefaultAuthType None",
                "<Location />", "Order allow,deny", "Allow all", "</Location>",
                "<Location /admin>", "Order allow,deny", "Allow all", "</Location>",
                "<Policy default>", "<Limit All>", "Order deny,allow", "</Limit>", "</Policy>",
                "",
            ]),
            encoding="utf-8",
        )  # fmt: skip

    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": str(self.socket)}

    def _run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(argv), env=self.env(), capture_output=True, text=True, timeout=30, check=check
        )

    # --- start and stop --------------------------------------------------------------------

    def start(self) -> None:
        self._configure()
        self.process = subprocess.Popen(
            [CUPSD, "-f", "-c", str(self.folder / "cupsd.conf"),
             "-s", str(self.folder / "cups-files.conf")],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=(self.folder / "log" / "cupsd.out").open("wb"),
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while self._run("lpstat", "-r", check=False).returncode != 0:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"cupsd did not start: {self.log()}")
            time.sleep(0.1)
        self.reset()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self.process = None

    def log(self) -> str:
        path = self.folder / "log" / "error_log"
        return path.read_text(encoding="utf-8", errors="replace")[-2000:] if path.exists() else ""

    # --- the printer -------------------------------------------------------------------------

    def reset(self) -> None:
        """One printer, the default, idle and accepting jobs; no jobs, nothing printed."""
        self._run("cancel", "-a", check=False)
        self._run(
            "lpadmin", "-p", PRINTER, "-E", "-v", f"pdffolder:{self.out}", "-m", "raw",
            "-D", "Printer in the office",
        )  # fmt: skip
        self._run("lpadmin", "-d", PRINTER)
        self._run("cupsaccept", PRINTER)
        self._run("cupsenable", PRINTER)
        for job in self.out.iterdir():
            job.unlink()

    def refuse(self) -> None:
        """The printer is there and the default, but refuses new jobs."""
        self._run("cupsreject", "-r", "out of paper", PRINTER)

    def remove(self) -> None:
        """No printer at all (and so no default destination)."""
        self._run("lpadmin", "-x", PRINTER)

    def printed(self, count: int = 1, timeout: float = 30.0) -> list[bytes]:
        """What the printer received, once `count` jobs have come out (in job order).

        Raises AssertionError when they have not in `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            jobs = sorted(self.out.glob("job-*"), key=lambda p: int(p.name.split("-")[1]))
            if len(jobs) >= count:
                return [job.read_bytes() for job in jobs]
            if time.monotonic() > deadline:
                queue = self._run("lpstat", "-o", check=False).stdout
                raise AssertionError(f"{len(jobs)} of {count} jobs printed; queue: {queue}")
            time.sleep(0.05)

    def nothing_printed(self, wait: float = 1.0) -> bool:
        """True when, after `wait` seconds, no job has come out and none is queued."""
        time.sleep(wait)
        queued = self._run("lpstat", "-o", check=False).stdout.strip()
        return not queued and not any(self.out.iterdir())


@contextlib.contextmanager
def scheduler(folder: Path):  # type: ignore[no-untyped-def]
    """A started Scheduler in `folder`, stopped on leaving."""
    running = Scheduler(folder)
    running.start()
    try:
        yield running
    finally:
        running.stop()
