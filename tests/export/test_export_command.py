"""`peerprep export`, printing and opening: exit codes, messages, and no spilled output."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerprep.cli import main
from peerprep.export import printing
from peerprep.export.errors import ExportError
from peerprep.store import Store
from peerprep.words import catalogue

NOISE = "NOISE-FROM-THE-PRINTER-SYSTEM"


def _fake(bin_dir: Path, name: str, body: str) -> None:
    script = bin_dir / name
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def fake_bin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PATH with only our stand-ins: no real printer or viewer is ever touched."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


def _lpstat(default: str = "Kontor", printers: str = "Kontor") -> str:
    """A stand-in lpstat: a running print service with these printers and this default."""
    devices = "".join(f'echo "device for {name}: ipp://x/{name}"; ' for name in printers.split())
    said = f"system default destination: {default}" if default else "no system default destination"
    return (
        f"echo {NOISE} >&2\n"
        'case "$1" in\n'
        '  -r) echo "scheduler is running" ;;\n'
        f'  -d) echo "{said}" ;;\n'
        f"  -v) {devices}: ;;\n"
        "esac"
    )


@pytest.fixture
def print_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The computer's print service's socket (only a socket: the stand-ins answer)."""
    path = tmp_path / "cups.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    monkeypatch.setenv("CUPS_SERVER", str(path))
    yield path
    sock.close()


@pytest.fixture
def printer(cups_printer):
    """The real lp and lpstat and a private CUPS scheduler (tests/print_scheduler.py):
    what the printer got is read back with printer.printed()."""
    return cups_printer


# What lp says on success ("request id is Kontor-1 (1 file(s))"): never the person's to read.
LP_SAYS = "request id"


@pytest.fixture
def saved(preparation, data_dir):
    prep = preparation()
    Store(data_dir).save(prep)
    return prep


def _da(key: str, **values: object) -> str:
    return catalogue("da").text(key, **values)


def test_export_latest_writes_the_pdf_and_says_where(saved, export_dir, capsys):
    assert main(["export", "--latest"]) == 0
    path = export_dir / "Møde om udskrivning 2025-03-12.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    out = capsys.readouterr().out
    assert _da("export.done", path=str(path)) in out
    assert main(["export", saved.id]) == 0
    out = capsys.readouterr().out
    assert "Møde om udskrivning 2025-03-12 (2).pdf" in out
    assert _da("export.renamed") in out
    assert path.read_bytes().startswith(b"%PDF")


def test_format_from_the_output_name(saved, tmp_path, capsys):
    assert main(["export", "--latest", "-o", str(tmp_path / "ark.html")]) == 0
    assert (tmp_path / "ark.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["export", "--latest", "--format", "txt", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "Møde om udskrivning 2025-03-12.txt").exists()


def test_unknown_id_fails_with_one_line(data_dir, export_dir, capsys):
    Store(data_dir)  # an empty store
    assert main(["export", "20250101-000000-abcdef"]) == 1
    err = capsys.readouterr().err
    assert "20250101-000000-abcdef" in err
    assert "Traceback" not in err
    assert not export_dir.exists()


def test_nothing_to_export(data_dir, capsys):
    assert main(["export", "--latest"]) == 1
    assert _da("errors.no_preparations") in capsys.readouterr().err


def test_which_preparation_must_be_said(saved, capsys):
    assert main(["export"]) == 2
    assert _da("export.errors.which") in capsys.readouterr().err
    assert main(["export", saved.id, "--latest"]) == 2  # one or the other


def test_unwritable_destination(saved, tmp_path, capsys):
    a_file = tmp_path / "fil"
    a_file.write_text("x", encoding="utf-8")
    assert main(["export", "--latest", "-o", str(a_file / "ark.pdf")]) == 1
    assert _da("export.errors.not_a_folder", path=str(a_file)) in capsys.readouterr().err
    assert main(["export", "--latest", "-o", str(tmp_path / "findes-ikke" / "ark.pdf")]) == 1
    assert "findes-ikke" in capsys.readouterr().err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_folder(saved, tmp_path, capsys):
    locked = tmp_path / "låst"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert main(["export", "--latest", "-o", str(locked)]) == 1
    finally:
        locked.chmod(0o700)
    assert _da("export.errors.read_only", path=str(locked)) in capsys.readouterr().err


def test_second_page_warning(preparation, data_dir, export_dir, capsys):
    Store(data_dir).save(preparation(repeat=22))
    assert main(["export", "--latest"]) == 0
    assert _da("export.fit.second_page") in capsys.readouterr().err


def test_print_sends_the_file_quietly(saved, export_dir, printer, capfd):
    assert main(["export", "--latest", "--print"]) == 0
    out, err = capfd.readouterr()
    assert LP_SAYS not in out + err
    assert _da("export.printed") in out
    path = export_dir / "Møde om udskrivning 2025-03-12.pdf"
    assert printer.printed() == [path.read_bytes()]  # the sheet itself, byte for byte


@pytest.mark.parametrize(
    ("lpstat", "key"),
    [
        (_lpstat(default="", printers=""), "export.printer.no_printer"),
        (_lpstat(default="", printers="Kontor Gang"), "export.printer.no_default"),
        ('echo "scheduler is not running"', "export.printer.not_answering"),
    ],
)
def test_print_without_a_printer_says_which_of_three(
    saved, export_dir, fake_bin, print_service, capfd, lpstat: str, key: str
):
    """No printer, printers but none chosen, the print service not running: three
    sentences, and the sheet is saved all the same."""
    _fake(fake_bin, "lpstat", lpstat)
    _fake(fake_bin, "lp", "exit 0")
    assert main(["export", "--latest", "--print"]) == 1
    out, err = capfd.readouterr()
    assert _da(key) in err
    assert NOISE not in out + err
    assert (export_dir / "Møde om udskrivning 2025-03-12.pdf").exists()  # still saved


def test_no_print_service_socket_means_not_answering_and_nothing_is_asked(
    saved, export_dir, fake_bin, tmp_path, capfd
):
    """Without the local socket libcups would try localhost:631 over TCP: lpstat is not
    even started, and the person hears that the print service is not answering."""
    asked = tmp_path / "asked"
    _fake(fake_bin, "lpstat", f'touch "{asked}"; echo "system default destination: Kontor"')
    assert main(["export", "--latest", "--print"]) == 1
    assert _da("export.printer.not_answering") in capfd.readouterr().err
    assert not asked.exists()


def test_a_print_service_that_does_not_answer_is_not_waited_for(fake_bin, print_service, no_hang):
    """It hangs (a stuck scheduler): the question is given up after the time limit."""
    _fake(fake_bin, "lpstat", f'exec "{sys.executable}" -c "import time; time.sleep(120)"')
    assert printing.find_printer() == printing.PrinterStatus("not_answering")


def test_the_answer_is_kept_for_the_session(fake_bin, print_service):
    _fake(fake_bin, "lpstat", _lpstat(default="", printers=""))
    assert printing.printer_status().state == "no_printer"
    _fake(fake_bin, "lpstat", _lpstat())
    assert printing.printer_status().state == "no_printer"  # not asked again
    printing.forget_printer()
    assert printing.printer_status() == printing.PrinterStatus("ready", "Kontor")


def test_print_without_a_printer(saved, export_dir, printer, capfd):
    printer.remove()  # the scheduler runs, but no printer is set up
    assert main(["export", "--latest", "--print"]) == 1
    out, err = capfd.readouterr()
    assert _da("export.printer.no_printer") in err
    assert "lpstat" not in out + err and "destination" not in out + err
    assert (export_dir / "Møde om udskrivning 2025-03-12.pdf").exists()  # still saved


def test_printer_that_refuses(saved, export_dir, printer, capfd):
    printer.refuse()  # there, and the default, but not accepting jobs (out of paper)
    assert main(["export", "--latest", "--print"]) == 1
    out, err = capfd.readouterr()
    assert "Kontor" not in out + err and "accepting" not in out + err
    path = export_dir / "Møde om udskrivning 2025-03-12.pdf"
    assert _da("export.errors.print_failed", path=str(path)) in err
    assert printer.nothing_printed()


def test_print_html_is_refused_before_writing(saved, export_dir, printer, capsys):
    assert main(["export", "--latest", "--format", "html", "--print"]) == 2
    assert _da("export.errors.print_format") in capsys.readouterr().err
    assert not export_dir.exists()


def test_printer_available(printer):
    assert printing.printer_available()
    printer.refuse()  # set up, if out of paper: printing says so itself
    printing.forget_printer()  # the answer is kept for the session: asked again here
    assert printing.printer_available()
    printer.remove()
    printing.forget_printer()
    assert not printing.printer_available()


def test_printer_available_without_cups_tools(fake_bin):
    assert not printing.printer_available()  # no printing programs at all
    # Simulation (a BSD-style system with only lpr, which CI does not have): lpr alone
    # is all there is to ask, and it will say if it fails.
    _fake(fake_bin, "lpr", "exit 0")
    printing.forget_printer()  # the answer is kept for the session: asked again here
    assert printing.printer_available()


def test_open_uses_the_viewer_quietly(saved, export_dir, fake_bin, tmp_path, capfd):
    log = tmp_path / "opened.log"
    _fake(fake_bin, "xdg-open", f'echo {NOISE}; echo {NOISE} >&2; echo "$1" > "{log}"')
    assert main(["export", "--latest", "--open"]) == 0
    for _ in range(200):  # the viewer runs detached; wait for it to have run
        if log.exists() and log.read_text(encoding="utf-8"):
            break
        time.sleep(0.05)
    assert log.read_text(encoding="utf-8").strip().endswith("2025-03-12.pdf")
    out, err = capfd.readouterr()
    assert NOISE not in out + err


def test_open_without_a_viewer(tmp_path, fake_bin):
    with pytest.raises(ExportError) as error:
        printing.open_file(tmp_path / "ark.pdf")
    assert error.value.key == "export.errors.no_viewer"


def test_export_never_loads_textual(saved, export_dir, data_dir):
    code = (
        "import sys\n"
        "from peerprep.cli import main\n"
        "code = main(['export', '--latest', '--format', 'txt'])\n"
        "assert code == 0, code\n"
        "assert 'textual' not in sys.modules\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def test_package_api_for_the_full_screen_program(preparation, tmp_path, printer):
    import peerprep.export as export

    assert export.can_print()
    path = export.export_preparation(
        preparation(), None, fmt="pdf", folder=tmp_path, print_now=True
    )
    assert path.parent == tmp_path
    assert printer.printed() == [path.read_bytes()]
    with pytest.raises(export.ExportError) as refused:
        export.export_preparation(preparation(), fmt="html", folder=tmp_path, print_now=True)
    assert refused.value.key == "export.errors.print_format"
    assert 0 < export.fill_ratio(preparation()) < 1
    assert not export.needs_second_page(preparation())


def test_importing_the_export_package_is_light():
    code = (
        "import sys\n"
        "import peerprep.export, peerprep.cli.subcommands.export\n"
        "heavy = [m for m in ('textual', 'typst', 'pydantic') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
