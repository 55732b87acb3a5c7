"""Odd terminals, run for real: the full screen starts only where it can work.

Each test starts the installed program on a pseudo-terminal (or with no terminal at all)
the way a person's odd setup would: TERM=dumb or a TERM nobody knows, a Latin-1 terminal,
input from a pipe, output to a file, nothing at all; a byte that is not UTF-8 typed into
the full screen (Textual issue #6456); no locale at all. Every run has a time limit: the
full screen on TERM=dumb used to spin for good, deaf to Ctrl+Q.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from terminal import env, ptyrun, screen_text, welcomed

from peerprep.fileformat import decode
from peerprep.words import catalogue

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are POSIX")
RUN_SECONDS = 60.0
DA = catalogue("da")
PROMPT = DA.text("plain.choose_prompt").strip()


def _plain_instead(
    tmp_path: Path, extra: dict[str, str], key: str, charset: str = "utf-8", **values: object
) -> bytes:
    """Start `peerprep` on a pty with `extra` in its environment: plain mode must start,
    saying `key` first (in `charset`); q ends it with exit code 0."""
    welcomed(tmp_path)
    proc = ptyrun.spawn([sys.executable, "-m", "peerprep"], env={**env(tmp_path), **extra})
    try:
        assert proc.drain_until(lambda: PROMPT in screen_text(proc), RUN_SECONDS), screen_text(
            proc
        )[-600:]
        proc.send("stop\r")
        code = proc.wait(RUN_SECONDS)
    finally:
        proc.close()
    raw = bytes(proc.output)
    assert code == 0, screen_text(proc)[-600:]
    assert raw.lstrip().startswith(DA.text(key, **values).encode(charset)), raw[:400]
    assert b"Traceback" not in raw
    return raw


@pytest.mark.parametrize("term", ["dumb", "", "det-findes-ikke-9000"])
def test_a_terminal_that_cannot_draw_gets_plain_mode(tmp_path: Path, term: str) -> None:
    raw = _plain_instead(tmp_path, {"TERM": term}, "start.term_cannot_draw", term=term or "-")
    assert b"\x1b[?1049h" not in raw  # the full screen's own screen was never opened


def test_a_latin_1_terminal_gets_plain_mode_spelled_in_its_letters(tmp_path: Path) -> None:
    """No box drawn as "\\u2554": plain mode, in bytes the terminal can show."""
    raw = _plain_instead(
        tmp_path, {"PYTHONIOENCODING": "latin-1"}, "start.encoding", "latin-1",
        encoding="iso8859-1",
    )  # fmt: skip
    assert b"\\u25" not in raw and "╔".encode() not in raw
    assert "kører".encode("latin-1") in raw  # ø as Latin-1's own byte


def test_no_terminal_at_all_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """`peerprep </dev/null >file`: it used to start the full screen into the file, for good."""
    out = tmp_path / "out.txt"
    with out.open("wb") as sink:
        done = subprocess.run(
            [sys.executable, "-m", "peerprep"], stdin=subprocess.DEVNULL, stdout=sink,
            stderr=subprocess.PIPE, env=env(tmp_path), timeout=RUN_SECONDS, check=False,
        )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.decode("utf-8").strip() == DA.text("start.no_terminal")
    assert out.read_bytes() == b""


def test_input_from_a_pipe_gets_plain_mode(tmp_path: Path) -> None:
    """Answers from a pipe (a script), the screen a terminal: line by line."""
    welcomed(tmp_path)
    master, slave = os.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "peerprep"], input=b"stop\n", stdout=slave, stderr=slave,
            env=env(tmp_path), timeout=RUN_SECONDS, check=False,
        )  # fmt: skip
        os.close(slave)
        slave = -1
        said = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            said += chunk
    finally:
        if slave != -1:
            os.close(slave)
        os.close(master)
    assert done.returncode == 0
    text = said.decode("utf-8")
    assert text.startswith(DA.text("start.input_not_terminal")) and PROMPT in text


def test_output_to_a_file_gets_plain_mode(tmp_path: Path) -> None:
    """The keys from a terminal, the output into a file: line by line, into the file."""
    welcomed(tmp_path)
    out = tmp_path / "out.txt"
    code = (
        "import os, sys\n"
        "fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT)\n"
        "os.dup2(fd, 1)\n"
        "from peerprep.cli import main\n"
        "sys.exit(main([]))\n"
    )
    proc = ptyrun.spawn([sys.executable, "-c", code, str(out)], env=env(tmp_path))
    try:
        assert proc.drain_until(lambda: DA.text("start.output_not_terminal") in
                                screen_text(proc), RUN_SECONDS)  # fmt: skip
        proc.drain(1.0)
        proc.send("stop\r")
        assert proc.wait(RUN_SECONDS) == 0
    finally:
        proc.close()
    assert PROMPT in out.read_text("utf-8")


def test_a_byte_that_is_not_utf_8_never_ends_the_full_screen(tmp_path: Path) -> None:
    """An "ø" from a Latin-1 terminal (one byte, 0xF8): Textual issue #6456 would end the
    program with a traceback. It becomes "�" in the text, and everything else goes on."""
    welcomed(tmp_path)
    proc = ptyrun.spawn([sys.executable, "-m", "peerprep", "new"], env=env(tmp_path))
    starter = DA.part("introduction").starter.split()[-1]
    try:
        assert proc.drain_until(lambda: starter in screen_text(proc), RUN_SECONDS)
        proc.drain(0.5)
        proc.send(b"Kim \xf8 og mere")
        proc.drain(1.5)
        proc.send(b"\x11")  # Ctrl+Q: saved on the way out
        code = proc.wait(RUN_SECONDS)
    finally:
        proc.close()
    assert code == 0, screen_text(proc)[-600:]
    assert "Traceback" not in screen_text(proc)
    files = list((tmp_path / "data" / "preparations").glob("*.json"))
    assert len(files) == 1
    assert decode(files[0].read_bytes()).statement.introduction == "Kim \ufffd og mere"


@pytest.mark.parametrize("locale", [None, "C", "C.UTF-8", "POSIX"])
def test_with_no_usable_locale_the_program_speaks_danish(tmp_path: Path, locale: str | None):
    """No mocking: the real program, with the locale variables as a bare system has them."""
    environment = {k: v for k, v in env(tmp_path).items()
                   if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "PEERPREP_LANG")}  # fmt: skip
    if locale is not None:
        environment["LANG"] = locale
    done = subprocess.run([sys.executable, "-m", "peerprep", "--help"], env=environment,
                          capture_output=True, timeout=RUN_SECONDS, check=False)  # fmt: skip
    assert done.returncode == 0
    assert done.stdout.decode("utf-8").startswith("brug: peerprep")
