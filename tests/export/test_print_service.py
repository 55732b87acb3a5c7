"""Printing through a real print service: CUPS of the test's own.

A private scheduler (cupsd) runs on a socket in the test's folder, with printers that
print to /dev/null, so the real lpstat and lp answer: no printer, printers but none
chosen, a default printer that takes the sheet, a print service that is not running.
strace shows that asking opens no network connection (libcups would try localhost:631
when the local socket is missing). Skipped where cupsd cannot run (not root, not
installed; CI installs cups-daemon, cups-client and strace).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from peerprep.cli import main
from peerprep.export import printing
from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.words import catalogue

TOOLS = ("cupsd", "lpstat", "lp", "lpadmin")
pytestmark = pytest.mark.skipif(
    os.name != "posix"
    or os.geteuid() != 0
    or any(shutil.which(tool, path=os.defpath + ":/usr/sbin") is None for tool in TOOLS),
    reason="needs root and CUPS (cupsd, lpstat, lp, lpadmin)",
)
START_SECONDS = 30.0


@dataclass
class Cups:
    """A running private cupsd: add printers, see the jobs it took."""

    root: Path
    socket: Path
    process: subprocess.Popen[bytes]

    def _admin(self, *args: str) -> None:
        env = {**os.environ, "CUPS_SERVER": str(self.socket)}
        lpadmin = shutil.which("lpadmin", path=os.defpath + ":/usr/sbin")
        assert lpadmin is not None
        subprocess.run([lpadmin, *args], env=env, check=True, capture_output=True)

    def add_printer(self, name: str, *, default: bool = False) -> None:
        self._admin("-p", name, "-v", "file:///dev/null", "-E")
        if default:
            self._admin("-d", name)

    def jobs(self) -> str:
        env = {**os.environ, "CUPS_SERVER": str(self.socket)}
        done = subprocess.run(["lpstat", "-W", "all", "-o"], env=env, capture_output=True,
                              text=True, check=False)  # fmt: skip
        return done.stdout


@pytest.fixture
def cups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cups]:
    root = tmp_path / "cups"
    for name in ("spool", "cache", "state", "log", "run", "ppd"):
        (root / name).mkdir(parents=True)
    sock = root / "run" / "cups.sock"
    (root / "cupsd.conf").write_text(
        f"Listen {sock}\nLogLevel warn\nWebInterface No\nBrowsing No\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n",
        encoding="utf-8",
    )
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}\nRequestRoot {root / 'spool'}\nCacheDir {root / 'cache'}\n"
        f"StateDir {root / 'state'}\nErrorLog {root / 'log' / 'error_log'}\n"
        f"AccessLog {root / 'log' / 'access_log'}\nPageLog {root / 'log' / 'page_log'}\n"
        "FileDevice Yes\nPrintcap\n",
        encoding="utf-8",
    )
    cupsd = shutil.which("cupsd", path=os.defpath + ":/usr/sbin")
    assert cupsd is not None
    process = subprocess.Popen(
        [cupsd, "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + START_SECONDS
        while not sock.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.skip("cupsd would not start here")
            time.sleep(0.05)
        monkeypatch.setenv("CUPS_SERVER", str(sock))
        printing.forget_printer()
        yield Cups(root, sock, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


@pytest.fixture
def saved(data_dir: Path) -> Preparation:
    prep = Preparation.new("da")
    prep.title = "Til printeren"
    prep.set_part("introduction", "Jeg hedder Åse.")
    Store(data_dir).save(prep)
    return prep


def _da(key: str, **values: object) -> str:
    return catalogue("da").text(key, **values)


def test_no_printer_at_all(cups: Cups, saved: Preparation, capsys) -> None:
    assert printing.find_printer() == printing.PrinterStatus("no_printer")
    assert main(["export", "--latest", "--print"]) == 1
    assert _da("export.printer.no_printer") in capsys.readouterr().err


def test_printers_but_none_chosen(cups: Cups, saved: Preparation, capsys) -> None:
    cups.add_printer("Kontor")
    cups.add_printer("Gangen")
    assert printing.find_printer() == printing.PrinterStatus("no_default")
    assert main(["export", "--latest", "--print"]) == 1
    assert _da("export.printer.no_default") in capsys.readouterr().err


def test_a_default_printer_takes_the_sheet(cups: Cups, saved: Preparation, capsys) -> None:
    cups.add_printer("Kontor", default=True)
    assert printing.find_printer() == printing.PrinterStatus("ready", "Kontor")
    assert main(["export", "--latest", "--print"]) == 0
    assert _da("export.printed") in capsys.readouterr().out
    assert "Kontor-" in cups.jobs()  # the queue has the job


def test_a_print_service_that_is_not_running(cups: Cups) -> None:
    cups.process.terminate()
    cups.process.wait(timeout=30)
    assert printing.find_printer() == printing.PrinterStatus("not_answering")


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")
@pytest.mark.parametrize("service", ["running", "socket missing"])
def test_asking_opens_no_network_connection(cups: Cups, tmp_path: Path, service: str) -> None:
    """Every connect() of the program and of the lpstat it starts is watched: only local
    sockets. With the socket missing, libcups alone would have tried localhost:631."""
    cups.add_printer("Kontor", default=True)
    env = dict(os.environ)
    if service == "socket missing":
        env["CUPS_SERVER"] = str(tmp_path / "no-such.sock")
    trace = tmp_path / "connect.trace"
    code = "from peerprep.export import printing; print(printing.find_printer().state)"
    done = subprocess.run(
        ["strace", "-f", "-e", "trace=connect", "-o", str(trace), sys.executable, "-c", code],
        env=env, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.stdout.strip() == ("ready" if service == "running" else "not_answering")
    connects = [line for line in trace.read_text().splitlines() if "connect(" in line]
    assert not [line for line in connects if "AF_INET" in line], connects
    if service == "running":
        assert any(str(cups.socket) in line for line in connects)  # it did ask, locally
