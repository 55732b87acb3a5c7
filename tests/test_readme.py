"""The README a newcomer follows: the Quick start works where it says, the screen sample is
the real program's, and the licence the package names is there."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
sys.path.insert(0, str(ROOT / "docs"))

import screen_sample  # noqa: E402


def _quick_start() -> str:
    return README.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def test_the_quick_start_is_two_one_line_commands_and_says_where_to_run_them() -> None:
    section = _quick_start()
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 2  # .ci/run runs the second one, as written
    assert all(len(block.strip().splitlines()) == 1 for block in blocks)
    assert blocks[0].strip().endswith(".venv/bin/peerprep")
    assert "pytest" in blocks[1]
    assert "project's folder" in section
    assert r".venv\Scripts\peerprep" in section and "py -m venv .venv" in section  # Windows
    assert "pipx install ." in section and "uv tool install ." in section
    assert "again later" in section


def test_the_screen_sample_is_what_the_program_shows_now() -> None:
    shown = screen_sample.current(README)
    assert shown, "README.md has no screen sample"
    assert shown == screen_sample.block(screen_sample.sample()), (
        "the README's screen sample is out of date: run python docs/screen_sample.py"
    )


def test_the_licence_the_package_names_is_there() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = "MIT"' in pyproject
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert "WITHOUT WARRANTY OF ANY KIND" in licence


def test_every_key_the_readme_names_is_the_keymap_s() -> None:
    from peerprep.tui.bindings import key_display
    from peerprep.tui.keymap import KEYS

    table = README.split("### Keys", 1)[1].split("\n## ", 1)[0]
    for meaning in ("help", "ideas", "examples", "after", "sheet", "next", "new", "settings"):
        first, second = (key_display(k) for k in KEYS[meaning])
        assert f"| {first} | {second} |" in table, meaning
