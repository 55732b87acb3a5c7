"""The shared computer, as the real program: nothing of the person is left on the disk.

`peerprep` is started as a whole process on a pseudo-terminal, the way a ward computer
starts it: with `--shared`, with PEERPREP_SHARED=1, and with ward IT's machine-wide file
(and no flag at all). No folder is given to it: home, the config and data folders, the
temporary folder and the working folder are the ones a person's session would use, all
inside the test's own folder. A person reads the welcome, writes in two parts, opens the
settings and changes the colours, and leaves, choosing to erase. Afterwards not one file
or folder has appeared anywhere in that tree: no preparation, no settings.json, no lock,
no temporary file, no export folder.

This is what the shared-mode tests that build the app themselves cannot see: that the
program's own wiring (cli -> flow.context -> tui.launch) really keeps everything in memory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from peerprep.words import catalogue

from .screen import Terminal, _ptyrun

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

CAT = catalogue("da")
FIRST = "Jeg hedder Åse og bor i Ærøskøbing."
SECOND = "At se mine børn hver uge."


def _tree(root: Path) -> set[str]:
    """Every file and folder under `root`, as paths relative to it."""
    return {str(path.relative_to(root)) for path in root.rglob("*")}


def _ward_computer(tmp_path: Path, **extra: str) -> tuple[dict[str, str], Path]:
    """A terminal's environment whose every folder lies in `tmp_path`, chosen by nothing
    but HOME and TMPDIR (the platform's defaults follow from them). Returns it and the
    working folder."""
    home, temp, cwd, site = (tmp_path / name for name in ("home", "tmp", "cwd", "site"))
    for folder in (home, temp, cwd, site):
        folder.mkdir()
    env = _ptyrun().terminal_env({"HOME": str(home), "TMPDIR": str(temp), "LANG": "da_DK.UTF-8"})
    for name in list(env):
        if name.startswith(("PEERPREP_", "XDG_")) and name != "PEERPREP_DEBUG":
            del env[name]
    env["PEERPREP_SITE_CONFIG_DIR"] = str(site)  # where ward IT's file is looked for first
    env["PEERPREP_LANG"] = "da"
    env.update(extra)
    return env, cwd


def _write(term: Terminal, part: str, words: str) -> None:
    term.wait_for(CAT.part(part).starter)
    # The first part's text box takes the keys a moment after it is drawn (about 0.3 s
    # here): keys typed sooner are lost, so a person waits as this test does.
    term.settle(1.0)
    term.type(words)
    term.wait_for(words)


def _session(term: Terminal) -> None:
    """Welcome, a new preparation, two parts, a setting, and leave choosing to erase."""
    term.wait_for("Velkommen")  # the welcome comes first, and says it is a shared computer
    term.wait_for("delt computer")
    term.keys("enter")  # "Kom i gang": the welcome has been seen (a setting, in memory)
    term.wait_for(CAT.text("shared.banner"))
    term.wait_for("Dine forberedelser")
    term.keys("f7")  # new
    term.wait_for("Mødet")
    term.keys("f6")  # the meeting can wait
    _write(term, "introduction", FIRST)
    term.keys("f6")
    _write(term, "important", SECOND)
    term.settle(1.5)  # long enough for the autosave (in memory) to have run
    term.keys("f9")  # settings: change the colours, which a person's own computer keeps
    term.wait_for("Indstillinger")
    term.keys("tab", "down", "enter")
    term.settle(0.5)
    term.keys("escape")
    term.wait_for(CAT.part("important").starter)
    term.keys("ctrl+q")
    term.wait_for(CAT.text("shared.leave.title"))
    # export, (print,) folder, erase: the focus starts on export
    steps = 3 if term.shows(CAT.text("shared.leave.print")) else 2
    term.keys(*["tab"] * steps)
    term.keys("enter")


@pytest.mark.parametrize(
    ("argv", "extra", "conf"),
    [
        (["--shared"], {}, None),
        ([], {"PEERPREP_SHARED": "1"}, None),
        ([], {}, "# the ward's computers\nshared = yes\nprivacy_minutes = 3\n"),
    ],
    ids=["flag", "environment", "machine-file"],
)
def test_a_whole_shared_session_leaves_nothing_anywhere(
    tmp_path: Path, argv: list[str], extra: dict[str, str], conf: str | None
) -> None:
    env, cwd = _ward_computer(tmp_path, **extra)
    if conf is not None:
        (tmp_path / "site" / "peerprep.conf").write_text(conf, encoding="utf-8")
    before = _tree(tmp_path)
    with Terminal.peerprep(*argv, env=env, cwd=cwd) as term:
        _session(term)
        code = term.wait_exit(30)
        assert code == 0, term.text()
    appeared = sorted(_tree(tmp_path) - before)
    assert appeared == [], f"left behind on a shared computer: {appeared}"


def test_the_same_session_on_a_persons_own_computer_keeps_its_files(tmp_path: Path) -> None:
    """The control: without shared mode the same session does write (so the test above
    would see a file if one were written), into the folders the person expects."""
    env, cwd = _ward_computer(tmp_path)
    before = _tree(tmp_path)
    with Terminal.peerprep(env=env, cwd=cwd) as term:
        term.wait_for("Velkommen")
        term.keys("enter")
        term.wait_for("Dine forberedelser")
        term.keys("f7")
        term.wait_for("Mødet")
        term.keys("f6")
        _write(term, "introduction", FIRST)
        term.keys("ctrl+q")
        assert term.wait_exit(30) == 0, term.text()
    appeared = _tree(tmp_path) - before
    home = Path("home")
    assert str(home / ".config" / "peerprep" / "settings.json") in appeared
    preparations = home / ".local" / "share" / "peerprep" / "preparations"
    assert any(name.startswith(str(preparations) + os.sep) for name in appeared), "\n".join(
        sorted(appeared)
    )
