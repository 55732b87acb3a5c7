"""Layers: the core never sees the screen, light commands stay light, no network ever.

Each check runs in a fresh interpreter, because this test process has long since
imported everything.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import peerprep
from peerprep.model import Preparation
from peerprep.store import Store

PACKAGE = Path(peerprep.__file__).parent
# Only the full-screen face may load Textual.
SCREEN_PACKAGES = ("peerprep.tui",)


def _modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join(parts)
        if not name.startswith(SCREEN_PACKAGES):
            names.append(name)
    return names


CORE_MODULES = _modules()


def _fresh(code: str, *, cwd: Path | None = None) -> dict[str, object]:
    """Run `code` in a new interpreter; it prints one JSON value, which is returned."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        cwd=cwd,
        env={**os.environ, "PEERPREP_DEBUG": "1"},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_core_module_list_is_real() -> None:
    for name in ("peerprep.model", "peerprep.store", "peerprep.words", "peerprep.cli",
                 "peerprep.cli.subcommands", "peerprep.settings", "peerprep.files",
                 "peerprep.flow", "peerprep.flow.editing", "peerprep.plain"):  # fmt: skip
        assert name in CORE_MODULES
    assert not any(name.startswith("peerprep.tui") for name in CORE_MODULES)


@pytest.mark.parametrize("module", CORE_MODULES)
def test_a_core_module_never_imports_textual(module: str) -> None:
    found = _fresh(
        f"""
        import importlib, json, sys
        importlib.import_module({module!r})
        print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "textual")))
        """
    )
    assert found == [], f"{module} loads Textual: {found}"


LIGHT_COMMANDS = [
    ["--version"],
    ["--help"],
    ["--lang", "en", "--help"],
    ["list", "--help"],
    ["list"],
    ["list", "--json"],
    ["show", "20240101-120000-abcdef"],
    ["show", "no-such-id"],
    ["where"],
    ["schema"],
    ["delete", "no-such-id", "--yes"],
    ["bogus"],
]


@pytest.mark.parametrize("argv", LIGHT_COMMANDS, ids=[" ".join(a) for a in LIGHT_COMMANDS])
def test_light_commands_do_not_load_textual(argv: list[str], data_dir: Path) -> None:
    prep = Preparation.new("da")
    prep.id = "20240101-120000-abcdef"
    Store(data_dir).save(prep)
    loaded = _fresh(
        f"""
        import contextlib, io, json, sys
        from peerprep.cli import main
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = main({argv!r})
        heavy = ("textual", "pydantic", "typst", "cryptography")
        print(json.dumps({{"code": code, "loaded": sorted(
            {{m.split(".")[0] for m in sys.modules if m.split(".")[0] in heavy}}
        )}}))
        """
    )
    assert "textual" not in loaded["loaded"]  # type: ignore[operator]
    assert loaded["code"] in (0, 1, 2)
    if argv in (["--version"], ["--help"], ["--lang", "en", "--help"], ["list", "--help"]):
        assert loaded["loaded"] == [], "help and version need nothing heavy"


def test_the_console_script_starts_light_from_another_folder(tmp_path: Path) -> None:
    found = _fresh(
        """
        import json, subprocess, sys
        print(json.dumps(subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "peerprep", "--version"],
            capture_output=True, text=True, check=True).stderr.count("import time:")))
        """,
        cwd=tmp_path,
    )
    assert isinstance(found, int) and found < 150, f"--version imports {found} modules"


def test_the_console_script_answers_version_before_loading_the_command_line() -> None:
    """The console script's door (peerprep.__main__:main) says the version itself: not even
    argparse or dataclasses are loaded for it, so it answers about as fast as Python starts."""
    found = _fresh(
        """
        import contextlib, io, json, sys
        sys.argv = ["peerprep", "--version"]
        from peerprep.__main__ import main
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main()
        print(json.dumps({"code": code, "out": out.getvalue(), "loaded": sorted(
            m for m in ("peerprep.cli", "argparse", "dataclasses", "inspect") if m in sys.modules
        )}))
        """
    )
    assert found == {"code": 0, "out": f"peerprep {peerprep.__version__}\n", "loaded": []}


# --- no network ----------------------------------------------------------------------------


def test_opening_a_network_socket_fails_during_the_tests() -> None:
    """The guard in conftest.py is real: any code that reaches for the network fails."""
    for family in (socket.AF_INET, socket.AF_INET6):
        with pytest.raises(RuntimeError, match="network socket"):
            socket.socket(family, socket.SOCK_STREAM)
    with pytest.raises(RuntimeError, match="network address"):
        socket.getaddrinfo("localhost", 80)
    with pytest.raises(RuntimeError, match="network address"):
        socket.create_connection(("127.0.0.1", 9))


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no local sockets here")
def test_local_sockets_stay_allowed() -> None:
    # asyncio (under Textual) talks to itself through a local socket pair; that is no network.
    left, right = socket.socketpair(socket.AF_UNIX)
    left.close()
    right.close()


# --- the contracts, checked statically ------------------------------------------------------

SOURCE_ROOT = Path(__file__).resolve().parents[1]  # where pyproject.toml says the contracts


def _tool(name: str) -> str:
    """A command installed beside this interpreter (the test extras)."""
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else name


def test_the_layers_hold_with_no_import_ignored() -> None:
    """import-linter: layers from the model up to the command line, tui and plain apart,
    nothing but tui importing Textual, no cycles outside tui (pyproject.toml)."""
    config = (SOURCE_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "ignore_imports" not in config
    done = subprocess.run(
        [_tool("lint-imports")], cwd=SOURCE_ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 kept, 0 broken" in done.stdout


def test_the_type_check_passes_and_holds_the_stores_to_their_contract() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental"],
        cwd=SOURCE_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "peerprep/store" not in done.stdout
