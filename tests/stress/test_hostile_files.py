"""The hostile-file corpus (tests/stress/hostile.py) against every command and both faces.

Whatever lies in the data folder, the settings folder or the machine-wide folder -
control sequences in every text field, every extreme of every typed field, a pipe, a
folder, a link to an endless device, a broken link, a link loop, a socket, an unreadable
file or a giant where a file should be, locked and plain files mixed - every run of the
real program (its own process, a time limit, a memory limit):

- ends by itself within RUN_SECONDS (no hang) with exit code 0, 1 or 2;
- prints no traceback and no "unforeseen error" line, and writes no error log;
- sends no terminal control sequence of the corpus to the terminal;
- still lists the good preparations, wherever the folder can be read at all.

Faces: plain mode opens and reads back every hostile preparation; the full screen shows
home with all of them and opens the worst ones, on a real pty.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import hostile
import pytest
from terminal import ptyrun, screen_text

from peerprep import crypto
from peerprep.cli import main
from peerprep.words import catalogue

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="pipes, sockets and links are POSIX"),
]

RUN_SECONDS = 60.0
MEMORY_BYTES = 4 * 1024**3  # a link to /dev/zero read to the end would pass this
PASSPHRASE = "korrekt hest batteri hæfteklamme"
DA = catalogue("da")
UNFORESEEN = DA.text("errors.unexpected")


@dataclass(frozen=True)
class Ran:
    argv: tuple[str, ...]
    code: int
    out: bytes
    err: bytes

    @property
    def text(self) -> str:
        return (self.out + self.err).decode("utf-8", "replace")


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def environment(root: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PEERPREP_", "TEXTUAL"))}  # fmt: skip
    env.update(
        PEERPREP_DATA_DIR=str(root / "data"),
        PEERPREP_CONFIG_DIR=str(root / "config"),
        PEERPREP_SITE_CONFIG_DIR=str(root / "site"),
        PEERPREP_EXPORT_DIR=str(root / "exports"),
        PEERPREP_LANG="da",
        LANG="da_DK.UTF-8",
        CUPS_SERVER=str(root / "no-print-service"),
        HOME=str(root / "home"),
    )
    env.update(extra)
    return env


def run(root: Path, *argv: str, stdin: bytes = b"", **extra: str) -> Ran:
    """The real program in a process of its own; fails the test if it does not end."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "peerprep", *argv], input=stdin, capture_output=True,
            env=environment(root, **extra), timeout=RUN_SECONDS, preexec_fn=_limits,
            check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail(f"peerprep {' '.join(argv)} hung (still running after {RUN_SECONDS} s)")
    ran = Ran(tuple(argv), done.returncode, done.stdout, done.stderr)
    check(root, ran)
    return ran


def check(root: Path, ran: Ran) -> None:
    where = f"peerprep {' '.join(ran.argv)}"
    assert ran.code in (0, 1, 2), f"{where}: exit code {ran.code}\n{ran.text[-800:]}"
    assert "Traceback" not in ran.text, f"{where}:\n{ran.text[-1500:]}"
    assert UNFORESEEN not in ran.text, f"{where}: an unforeseen error\n{ran.text[-800:]}"
    assert not (root / "data" / "peerprep-errors.log").exists(), where
    for sequence in hostile.FORBIDDEN:
        assert sequence not in ran.out + ran.err, f"{where}: sent {sequence!r} to the terminal"


def lists_the_good_ones(ran: Ran) -> None:
    assert ran.code == 0, ran.text[-800:]
    for title in hostile.GOOD.values():
        assert title in ran.out.decode("utf-8"), f"{title!r} is not listed:\n{ran.text[-800:]}"


# --- the corpus in one data folder ---------------------------------------------------------


def _odd_in_preparations(data: Path) -> list[str]:
    """Every odd kind of file in the preparations folder, each under an id of its own."""
    folder = data / "preparations"
    ids = []
    for number, odd in enumerate(hostile.ODD_FILES):
        prep_id = f"20260307-1000{number:02d}-0dd0dd"
        odd.make(folder / f"{prep_id}.json")
        ids.append(prep_id)
    return ids


def _odd_locks(data: Path, ids: list[str]) -> None:
    """Every odd kind of file where a lock should be, one per hostile preparation."""
    folder = data / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    for odd, prep_id in zip(hostile.ODD_FILES, ids[: len(hostile.ODD_FILES)], strict=True):
        odd.make(folder / f"{prep_id}.lock")


def _mixtures(data: Path) -> None:
    """A locked file in a folder that is not protected, a broken envelope, and a plain
    preparation with fields named like the envelope's."""
    folder = data / "preparations"
    sealed = crypto.Cipher.create("en helt anden kode", n=2**4)
    good = hostile.good_data("20260308-100000-10c4ed", "Låst andetsteds")
    (folder / "20260308-100000-10c4ed.json").write_bytes(sealed.seal(json.dumps(good).encode()))
    broken = json.loads(sealed.seal(b"{}"))
    broken["ciphertext"] = "ødelagt"
    (folder / "20260308-100001-b40e4e.json").write_text(json.dumps(broken), "utf-8")
    marked = hostile.good_data("20260308-100002-3a4b3d", "Med mærke")
    marked.update(format="peerprep-encrypted", ciphertext="ikke krypteret")
    (folder / "20260308-100002-3a4b3d.json").write_text(json.dumps(marked), "utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    """A data folder with the good preparations and the whole corpus beside them."""
    data = tmp_path / "data"
    hostile.write_good(data)
    preparations = {**hostile.hostile_preparations(), **hostile.version_0_extremes()}
    hostile.write_preparations(data / "preparations", preparations)
    _odd_in_preparations(data)
    _odd_locks(data, list(preparations))
    _mixtures(data)
    from peerprep import settings

    settings.save(tmp_path / "config", settings.Settings(welcomed=True))
    yield tmp_path, list(preparations)
    for path in sorted(tmp_path.rglob("*"), reverse=True):  # let pytest clean up after us
        if not path.is_symlink() and path.exists() and not os.access(path, os.W_OK):
            path.chmod(0o700)


def test_every_command_with_the_whole_corpus(corpus: tuple[Path, list[str]]) -> None:
    root, ids = corpus
    lists_the_good_ones(run(root, "list"))
    listed = json.loads(run(root, "list", "--json").out)
    assert {row["id"] for row in listed} >= set(hostile.GOOD) | set(ids) | {
        "20260308-100002-3a4b3d"  # the plain one with envelope-like fields: listed
    }
    assert run(root, "where").code == 0
    good = next(iter(hostile.GOOD))
    assert run(root, "show", good).code == 0
    assert run(root, "export", good).code == 0
    assert run(root, "export", "--latest", "--format", "html").code == 0
    assert run(root, "read", good, "-o", str(root / "sheet.wav")).code in (0, 1)
    # The odd files: named, left alone, never read.
    for number in range(len(hostile.ODD_FILES)):
        assert run(root, "show", f"20260307-1000{number:02d}-0dd0dd").code == 1
    assert run(root, "delete", "--yes", ids[0]).code == 0
    lists_the_good_ones(run(root, "list"))


def test_every_hostile_preparation_in_the_real_program(corpus: tuple[Path, list[str]]) -> None:
    """Each hostile preparation read back and made into a PDF by the real program (the
    other formats, the delete question and import: test_in_process_..., below)."""
    root, ids = corpus
    for prep_id in ids:
        assert run(root, "show", prep_id).code == 0
        ran = run(root, "export", prep_id, "-o", str(root / "sheets"))
        assert ran.code == 0, ran.text
    lists_the_good_ones(run(root, "list"))


def test_plain_mode_opens_and_reads_back_every_hostile_preparation(
    corpus: tuple[Path, list[str]],
) -> None:
    root, ids = corpus
    read_back = DA.text("plain.menu.review")
    for prep_id in ids:
        # the preparation's menu; 8 = read it back; back; back to home; q.
        ran = run(root, "--plain", "open", prep_id, stdin=b"8\n0\n0\nstop\n")
        assert ran.code == 0 and read_back in ran.text, ran.text[-800:]
    # home: 2 = open, which lists all of them; 0 back; q.
    ran = run(root, "--plain", stdin=b"2\n0\nstop\n")
    for title in hostile.GOOD.values():
        assert title in ran.text


def _full_screen(root: Path, *argv: str, wait_for: str, rows: int = 0) -> bytes:
    """Run the full screen on a pty at 80x24 until `wait_for` is shown; with `rows`, once
    the home list is up, the choice is moved down that many rows first, so that every
    row of a list longer than the screen is drawn at some moment."""
    proc = ptyrun.spawn([sys.executable, "-m", "peerprep", *argv],
                        env=environment(root, TERM="xterm-256color"))  # fmt: skip
    try:
        if rows:
            hint = DA.text("tui.home.list_hint")
            proc.drain_until(lambda: hint in screen_text(proc), RUN_SECONDS)
            for _ in range(rows):
                proc.send("\x1b[B")  # down
                proc.drain(0.05)
        shown = proc.drain_until(lambda: wait_for in screen_text(proc), RUN_SECONDS)
        proc.drain(1.0)
        proc.send("\x11")  # Ctrl+Q
        code = proc.wait(RUN_SECONDS)
    finally:
        proc.close()
    text = screen_text(proc)
    assert shown, f"peerprep {' '.join(argv)}: {wait_for!r} never shown\n{text[-1500:]}"
    assert code == 0, f"peerprep {' '.join(argv)}: exit {code}\n{text[-1500:]}"
    assert "Traceback" not in text and UNFORESEEN not in text
    for sequence in hostile.FORBIDDEN:
        assert sequence not in proc.output, f"{argv}: sent {sequence!r} to the terminal"
    return bytes(proc.output)


def test_the_full_screen_with_the_whole_corpus(corpus: tuple[Path, list[str]]) -> None:
    root, ids = corpus
    # the good ones, newest first, under preparations dated up to year 9999: moved to
    for good in hostile.GOOD.values():
        _full_screen(root, wait_for=good, rows=len(ids) + len(hostile.GOOD))
    worst = ["20260303-100000-c0c0c0", hostile.LONGEST_ID]  # controls; every text full
    worst += [i for i in ids if i.startswith("20260304-10000")][:4]  # the timestamps
    for prep_id in worst:
        _full_screen(root, "open", prep_id, wait_for="Ctrl+Q")


def test_protection_with_the_whole_corpus(corpus: tuple[Path, list[str]]) -> None:
    """Protect, list with the passphrase, unprotect, and delete everything (taking over
    nothing that is live): the corpus changes none of it into a crash or a hang."""
    root, _ids = corpus
    secret = {"PEERPREP_PASSPHRASE": PASSPHRASE}
    assert run(root, "protect", "--yes", **secret).code == 0
    lists_the_good_ones(run(root, "list", **secret))
    assert run(root, "list").code == 1  # nobody to ask for the passphrase: one line
    assert run(root, "unprotect", **secret).code == 0
    lists_the_good_ones(run(root, "list"))
    assert run(root, "wipe", "--yes").code == 0
    assert not (root / "data" / "preparations").exists()


# --- one odd file in each place the program reads -----------------------------------------


ODD_CASES = [(place.name, odd.name) for place, odd in hostile.odd_cases()]


@pytest.mark.parametrize(("place", "kind"), ODD_CASES)
def test_an_odd_file_in_each_place(tmp_path: Path, place: str, kind: str) -> None:
    hostile.write_good(tmp_path / "data")
    spot = next(p for p in hostile.PLACES if p.name == place)
    odd = next(o for o in hostile.ODD_FILES if o.name == kind)
    hostile.put(tmp_path, spot, odd)
    ran = run(tmp_path, "list")
    plain = run(tmp_path, "--plain", stdin=b"stop\n")
    if place == "marker":
        # Anything in the marker's place means protected, and it cannot check a
        # passphrase: one line, and nothing is opened or written (fails closed).
        assert ran.code == 1 and ran.out == b""
        assert plain.code == 1 and len(plain.text.strip().splitlines()) == 1
    elif place == "machine":
        assert ran.code == 0  # shared: this session's preparations, none yet
        assert DA.text("where.memory") in run(tmp_path, "where").text
        assert plain.code == 0
    else:
        lists_the_good_ones(ran)
        assert plain.code == 0
    if place in ("settings", "machine"):
        # Settings that cannot be read: defaults, so the first-run welcome comes first.
        _full_screen(tmp_path, wait_for="F1")
    if place != "machine":
        assert run(tmp_path, "wipe", "--yes").code == 0
        assert not (tmp_path / "data" / "preparations").exists()


@pytest.mark.parametrize("kind", [odd.name for odd in hostile.ODD_FILES])
def test_an_odd_file_to_import(tmp_path: Path, kind: str) -> None:
    hostile.write_good(tmp_path / "data")
    odd = next(o for o in hostile.ODD_FILES if o.name == kind)
    source = tmp_path / "usb" / "fra-usb.json"
    source.parent.mkdir()
    odd.make(source)
    ran = run(tmp_path, "import", str(source))
    assert ran.code == 1 and len(ran.err.decode().strip().splitlines()) == 1, ran.text
    lists_the_good_ones(run(tmp_path, "list"))


@pytest.mark.parametrize("place", ["data", "preparations", "config"])
@pytest.mark.parametrize("kind", ["fifo", "broken_link", "socket", "link_to_endless"])
def test_a_folder_that_is_not_a_folder(tmp_path: Path, place: str, kind: str) -> None:
    """The data folder, its preparations folder or the settings folder is itself a pipe,
    a broken link, a socket or a link to /dev/zero: one line, never a hang."""
    odd = next(o for o in hostile.ODD_FILES if o.name == kind)
    target = {
        "data": tmp_path / "data",
        "preparations": tmp_path / "data" / "preparations",
        "config": tmp_path / "config",
    }[place]
    target.parent.mkdir(parents=True, exist_ok=True)
    odd.make(target)
    for argv in (("list",), ("where",), ("new", "--plain")):
        stdin = b"\n\n\n\n\n\n\n0\nstop\n" if "--plain" in argv else b""
        run(tmp_path, *(("--plain", "new") if "--plain" in argv else argv), stdin=stdin)
    run(tmp_path, "wipe", "--yes")


# --- a read-only file system ------------------------------------------------------------


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


@pytest.fixture
def read_only_data(tmp_path: Path) -> Iterator[Path]:
    """The data folder on a real read-only mount (a bind mount), where root allows it."""
    source = tmp_path / "source"
    hostile.write_good(source)
    (source / "preparations" / "20260309-100000-bad0bad.json").write_text("{ ødelagt", "utf-8")
    data = tmp_path / "data"
    data.mkdir()
    if (
        sys.platform != "linux"
        or shutil.which("mount") is None
        or not _mount("--bind", str(source), str(data))
    ):
        pytest.skip("cannot mount here (needs root or CAP_SYS_ADMIN)")
    try:
        if not _mount("-o", "remount,bind,ro", str(data)):
            pytest.skip("cannot remount read-only here")
        yield tmp_path
    finally:
        subprocess.run(["umount", "-l", str(data)], capture_output=True, check=False)


def test_a_read_only_data_folder(read_only_data: Path) -> None:
    """A stick with its write protection on: everything readable is listed, the broken
    file is named (it cannot be put aside), and what would write says why in one line."""
    root = read_only_data
    ran = run(root, "list")
    lists_the_good_ones(ran)
    assert "20260309-100000-bad0bad" in ran.text
    good = next(iter(hostile.GOOD))
    assert run(root, "show", good).code == 0
    assert run(root, "delete", "--yes", good).code == 1
    assert run(root, "wipe", "--yes").code == 1
    assert run(root, "protect", "--yes", PEERPREP_PASSPHRASE=PASSPHRASE).code == 1
    ran = run(root, "--plain", "new", stdin=b"\nMine ord\n\n0\nstop\n")
    assert "Mine ord" in ran.text  # not saved, so printed back: not lost
    lists_the_good_ones(run(root, "list"))


def test_in_process_the_corpus_raises_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every hostile preparation through cli.main in this process, with PEERPREP_DEBUG set:
    a bug raises here with its traceback instead of becoming one line. The sheet in every
    format, the delete question (answered no) and import of its own file."""
    import io

    data = tmp_path / "data"
    hostile.write_good(data)
    preparations = {**hostile.hostile_preparations(), **hostile.version_0_extremes()}
    hostile.write_preparations(data / "preparations", preparations)
    usb = tmp_path / "usb"
    usb.mkdir()
    for prep_id, source in preparations.items():
        assert main(["show", prep_id]) == 0, prep_id
        for fmt in ("html", "txt", "md"):
            argv = ["export", prep_id, "--format", fmt, "-o", str(tmp_path / "sheets")]
            assert main(argv) == 0, argv
        monkeypatch.setattr("sys.stdin", io.StringIO("nej\n"))
        assert main(["delete", prep_id]) == 1, prep_id
        copy = usb / f"{prep_id}.json"
        copy.write_text(json.dumps(source, ensure_ascii=False), "utf-8")
        assert main(["import", str(copy)]) == 0, prep_id
    assert main(["list"]) == 0
    said = capsys.readouterr()
    for title in hostile.GOOD.values():
        assert title in said.out
    for sequence in hostile.FORBIDDEN:
        assert sequence.decode("latin-1") not in said.out + said.err
