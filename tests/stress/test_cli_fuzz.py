"""Command-line fuzzing: no argument list ever ends in a traceback; exit codes are 0, 1 or 2.

`peerprep.cli.main` runs in-process with stdout and stderr captured the way a real UTF-8
terminal would (stdout strict, stderr backslashreplace). The vocabulary is read from the
real parser, so new commands and options are fuzzed as soon as they exist.

Nothing here may wait for a person or start a full-screen program: standard input is at
its end (EOF), Textual's App.run returns at once, and no other program can be started
(an export's --open or --print finds no viewer and no printer).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerprep import cli
from peerprep.cli.parser import build_parser
from peerprep.flow.context import EXIT_FAILURE, EXIT_OK, EXIT_USAGE
from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.words import catalogue

EXIT_CODES = {EXIT_OK, EXIT_FAILURE, EXIT_USAGE}
EXAMPLE_SECONDS = 30  # one argument list that takes longer is surely waiting on something


def _vocabulary() -> tuple[list[str], list[str], list[str]]:
    """(subcommands, options, choice values) as the real parser knows them, in every language."""
    commands: set[str] = set()
    options: set[str] = set()
    choices: set[str] = set()

    def walk(parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            options.update(action.option_strings)
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    commands.add(name)
                    walk(sub)
            elif action.choices:
                choices.update(str(c) for c in action.choices)

    for language in ("da", "en"):
        walk(build_parser(catalogue(language)))
    return sorted(commands), sorted(options), sorted(choices)


COMMANDS, OPTIONS, CHOICES = _vocabulary()
KNOWN_ID = "20240101-120000-abcdef"
OTHER_ID = "20240102-120000-fedcba"

# Free text a real argv can hold: no NUL (C strings cannot carry it), but lone surrogates
# (undecodable bytes arrive as surrogate escapes). No absolute paths, "~" or "..": a random
# --data-dir or -o must stay inside the example's own folder.
free_text = st.text(
    alphabet=st.characters(exclude_characters="\x00")
    | st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF, categories=["Cs"]),
    max_size=20,
).filter(lambda s: not s.startswith(("/", "~", "\\")) and ".." not in s)

token = st.one_of(
    st.sampled_from(COMMANDS),
    st.sampled_from(OPTIONS),
    st.sampled_from(CHOICES),
    st.sampled_from([KNOWN_ID, OTHER_ID, "--latest", "-", "--", "x.pdf", "ud/x.txt", "--lang=en"]),
    st.sampled_from(["\udcff", "bl\udce5b\udce6r", "Æbleø", "--data-dir=\udce6", "-o\udcff"]),
    st.sampled_from(OPTIONS).map(lambda o: o + "="),
    free_text,
    free_text.map(lambda s: "--" + s),
)
argument_lists = st.lists(token, max_size=6)
# Most interesting lists start with a real command.
command_lines = st.one_of(
    argument_lists,
    st.tuples(st.sampled_from(COMMANDS), argument_lists).map(lambda t: [t[0], *t[1]]),
)


class _Timeout(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise _Timeout(f"the command line took over {seconds} s: is it waiting for input?")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


class _NoPrograms:
    """Stands in for subprocess.Popen: there is no viewer, no printer, no other program."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise FileNotFoundError(2, "no such program (test)")


@pytest.fixture
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing can start the full screen, open a window, or ask on a terminal."""
    monkeypatch.setattr(subprocess, "Popen", _NoPrograms)
    import getpass
    import webbrowser

    def no_terminal(*args: object, **kwargs: object) -> str:
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", no_terminal)
    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: False)
    try:
        from textual.app import App
    except ImportError:  # pragma: no cover - textual is a dependency
        return
    # The full-screen program is driven by its own Pilot tests; here it must only not crash
    # on its way to the screen.
    monkeypatch.setattr(App, "run", lambda self, *a, **k: 0)


def _seed(root: Path) -> None:
    store = Store(root / "data")
    for prep_id, text in ((KNOWN_ID, "Jeg hedder Sam."), (OTHER_ID, "")):
        prep = Preparation.new("da")
        prep.id = prep_id
        prep.set_part("introduction", text)
        store.save(prep)


def run_cli(argv: list[str], root: Path, encoding: str = "utf-8") -> tuple[int, str, str]:
    """main(argv) in `root`, as a real process under a terminal of that encoding would see it."""
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding=encoding, errors="strict", write_through=True)
    err = io.TextIOWrapper(
        err_bytes, encoding="utf-8", errors="backslashreplace", write_through=True
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        mp.setenv("HOME", str(root / "home"))
        mp.setenv("PEERPREP_DATA_DIR", str(root / "data"))
        mp.setenv("PEERPREP_CONFIG_DIR", str(root / "config"))
        mp.setattr(sys, "stdin", io.StringIO(""))
        mp.setattr(sys, "stdout", out)
        mp.setattr(sys, "stderr", err)
        with _time_limit(EXAMPLE_SECONDS):
            try:
                code = cli.main(argv)
            except SystemExit as leaving:  # allowed, as long as the code is one of ours
                code = leaving.code if isinstance(leaving.code, int) else EXIT_FAILURE
    return code, out_bytes.getvalue().decode(encoding), err_bytes.getvalue().decode("utf-8")


def _check(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _seed(root)
        code, out, err = run_cli(argv, root)
        assert code in EXIT_CODES, (argv, code, out, err)
        assert "Traceback" not in out + err, (argv, err)
        if code != EXIT_OK:
            assert err.strip() or out.strip(), f"{argv}: failed without a word"
        # Nothing was written outside the example's folder (the repository is the cwd of
        # the test run, not of the command).
        assert not (Path.cwd() / "data").exists() or Path.cwd() == root


FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(command_lines)
def test_random_command_lines(no_waiting: None, argv: list[str]) -> None:
    _check(argv)


@pytest.mark.slow
@settings(FUZZ, max_examples=2000)
@given(command_lines)
def test_random_command_lines_long(no_waiting: None, argv: list[str]) -> None:
    _check(argv)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["-h"],
        ["--version"],
        ["--version", "--lang", "en"],
        ["list"],
        ["list", "--json"],
        ["show", KNOWN_ID],
        ["show", "../../etc/passwd"],
        ["show", "\udcff"],
        ["delete", KNOWN_ID],  # asks, finds EOF, refuses
        ["wipe"],
        ["--lang", "xx", "list"],
        ["--lang"],
        ["--data-dir"],
        ["--data-dir", "", "list"],
        ["nonsense"],
        ["open", "no-such-id"],
        ["new", "--lang", "en"],
        ["show", "--help", "--lang", "en"],
        ["--", "list"],
    ],
)
def test_known_command_lines(no_waiting: None, argv: list[str]) -> None:
    _check(argv)


@pytest.mark.parametrize("command", [c for c in COMMANDS if c not in ("new", "open")])
def test_every_command_with_every_option_alone(no_waiting: None, command: str) -> None:
    for option in OPTIONS:
        _check([command, option])


def test_data_dir_is_a_file(no_waiting: None, tmp_path: Path) -> None:
    """--data-dir naming a file, not a folder: one sentence, no traceback."""
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    for argv in (["--data-dir", "afile", "list"], ["--data-dir", "afile", "show", KNOWN_ID]):
        code, _out, err = run_cli(argv, tmp_path)
        assert code in EXIT_CODES and "Traceback" not in err, (argv, err)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_a_terminal_that_cannot_show_every_letter(no_waiting: None, encoding: str) -> None:
    """An old console (ASCII, Latin-1, a Windows code page) still gets its answer."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _seed(root)
        for argv in (["list"], ["show", KNOWN_ID], ["where"], ["--help"], ["schema"]):
            code, out, err = run_cli(argv, root, encoding)
            assert code == EXIT_OK, (encoding, argv, err)
            assert out.strip() and "Traceback" not in err
