"""The offline bundle installed by its own install script with the network cut, then
used as a person would: `peerprep --version`, a PDF export, and the one sentence where
the PDF engine is missing (as on Windows on ARM); a second install, an uninstall, and
the macOS branch of the script.

The network is cut with `unshare -n` (an empty network namespace) where this user may
make one; elsewhere the install still runs with pip's --no-index and a warning says that
the cut was not possible. The bundle comes from conftest.py: no test here downloads.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from support import HOST, PYTHON, Built, bundle, clean_environment, run

import peerprep


def _python_here(folder: Path, version: str = PYTHON) -> Path:
    """A folder with `python3` and `python3.X` that run this test's Python, to put first
    on PATH: the install script must find a Python by itself."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("python3", f"python{version}"):
        script = folder / name
        script.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
        script.chmod(0o755)
    return folder


@dataclass(frozen=True)
class Computer:
    """A pretend ward PC: its own home, install folder, command folder and data."""

    home: Path
    prefix: Path
    bin: Path
    env: dict[str, str]

    @property
    def command(self) -> Path:
        return self.bin / "peerprep"

    def apps(self) -> list[Path]:
        return sorted((self.prefix / "app").iterdir())

    def app_python(self) -> Path:
        [app] = self.apps()
        return app / "bin" / "python"


def _computer(root: Path) -> Computer:
    home = root / "home"
    home.mkdir(parents=True)
    env = clean_environment(
        HOME=str(home),
        PATH=f"{_python_here(root / 'python-here')}:/usr/bin:/bin",
        PEERPREP_DATA_DIR=str(home / "data"),
        PEERPREP_CONFIG_DIR=str(home / "config"),
        PEERPREP_SITE_CONFIG_DIR=str(home / "site"),
        PEERPREP_EXPORT_DIR=str(home / "exports"),
        PEERPREP_LANG="da",
    )
    return Computer(home, root / "opt" / "peerprep", root / "bin", env)


def _install(
    built: Built, pc: Computer, cut: list[str], *more: str
) -> subprocess.CompletedProcess[str]:
    # --user: as root (CI) too, a menu entry goes to the pretend home, not /usr/local.
    script = str(built.folder / "install.sh")
    where = ["--prefix", str(pc.prefix), "--bin-dir", str(pc.bin)]
    return run([*cut, "sh", script, "--user", *where, *more], cwd=pc.home, env=pc.env)


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory, cut: list[str]) -> Computer:
    pc = _computer(tmp_path_factory.mktemp("ward-pc"))
    result = _install(built, pc, cut)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"installed: peerprep {peerprep.__version__}" in result.stdout
    # pip reached for no index: with the network cut it would retry for minutes and say so.
    assert not re.search(r"retrying|connection", result.stderr, re.IGNORECASE), result.stderr
    return pc


# --- installing it, offline -------------------------------------------------------------


@pytest.mark.slow
def test_the_offline_install_starts_and_makes_a_pdf(installed: Computer, cut: list[str]) -> None:
    assert installed.command.is_symlink()
    assert installed.command.resolve().is_relative_to(installed.prefix / "app")

    version = run([*cut, str(installed.command), "--version"], env=installed.env)
    assert (version.returncode, version.stdout.strip()) == (0, f"peerprep {peerprep.__version__}")

    where = run(
        [*cut, str(installed.app_python()), "-c", "import peerprep; print(peerprep.__file__)"],
        env=installed.env, cwd=installed.home,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(installed.prefix), where.stderr

    make = (
        "from peerprep.model import Preparation\n"
        "from peerprep.folders import resolve_data_dir\nfrom peerprep.store import Store\n"
        "prep = Preparation.new('da')\n"
        "prep.title = 'Møde på afsnit Ø'\n"
        "prep.set_part('introduction', 'Jeg hedder Åse, og jeg går tur ved åen.')\n"
        "Store(resolve_data_dir()).save(prep)\n"
    )
    made = run([*cut, str(installed.app_python()), "-c", make], env=installed.env)
    assert made.returncode == 0, made.stderr

    sheet = installed.home / "x.pdf"
    export = run(
        [*cut, str(installed.command), "export", "--latest", "-o", str(sheet)],
        env=installed.env, cwd=installed.home,
    )  # fmt: skip
    assert export.returncode == 0, export.stderr
    reader = PdfReader(sheet)
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 1
    assert "Møde på afsnit Ø" in text and "Jeg hedder Åse, og jeg går tur ved åen." in text


@pytest.mark.slow
def test_without_the_pdf_engine_the_installed_program_runs_and_says_why(
    installed: Computer, built: Built, cut: list[str]
) -> None:
    """Windows on ARM, simulated: the same install with typst taken out."""
    python = str(installed.app_python())
    pip = [*cut, python, "-m", "pip", "--isolated", "--disable-pip-version-check"]
    removed = run([*pip, "uninstall", "--yes", "typst"], env=installed.env)
    assert removed.returncode == 0, removed.stderr
    try:
        version = run([*cut, str(installed.command), "--version"], env=installed.env)
        assert version.returncode == 0, version.stderr

        export = run(
            [*cut, str(installed.command), "export", "--latest", "-o", "y.pdf"],
            env=installed.env, cwd=installed.home,
        )  # fmt: skip
        expected = run(
            [python, "-c", "from peerprep.words import catalogue; "
             "print(catalogue('da').text('export.errors.no_pdf_engine'))"],
            env=installed.env,
        ).stdout.strip()  # fmt: skip
        assert "HTML" in expected
        assert (export.returncode, export.stderr.strip()) == (1, expected)
        assert not (installed.home / "y.pdf").exists()

        html = run(
            [*cut, str(installed.command), "export", "--latest", "--format", "html", "-o", "y"],
            env=installed.env, cwd=installed.home,
        )  # fmt: skip
        assert html.returncode == 0, html.stderr
        assert "Jeg hedder Åse" in (installed.home / "y.html").read_text(encoding="utf-8")
    finally:
        wheels = str(built.folder / "wheels")
        back = run(
            [*pip, "install", "--no-index", "--no-deps", "--find-links", wheels, "typst"],
            env=installed.env,
        )  # fmt: skip
        assert back.returncode == 0, back.stderr


def test_a_python_the_bundle_has_no_wheels_for_is_refused_in_plain_words(
    built: Built, tmp_path: Path
) -> None:
    """A Mac's Python 3.9 from Apple's developer tools: nothing is installed, and the
    message says which Python is needed and where it comes from."""
    old = tmp_path / "old-python"
    old.write_text("#!/bin/sh\necho '3.9 x86_64'\n", encoding="utf-8")
    old.chmod(0o755)
    pc = _computer(tmp_path / "pc")
    result = _install(built, pc, [], "--python", str(old))
    assert result.returncode == 1
    assert f"needs Python {PYTHON} or newer" in result.stdout, result.stdout
    assert f"{old} (3.9)" in result.stdout
    assert "install Python" in result.stderr
    assert not pc.prefix.exists() and not pc.bin.exists()


def test_a_peerprep_command_that_is_not_ours_is_left_alone(built: Built, tmp_path: Path) -> None:
    pc = _computer(tmp_path / "pc")
    pc.bin.mkdir(parents=True)
    pc.command.write_text("#!/bin/sh\necho someone else's\n", encoding="utf-8")
    result = _install(built, pc, [])
    assert result.returncode == 1 and "not made by this installer" in result.stderr
    assert pc.command.read_text(encoding="utf-8") == "#!/bin/sh\necho someone else's\n"
    assert not (pc.prefix / "app").exists() or not any((pc.prefix / "app").iterdir())


@pytest.mark.slow
def test_the_macos_script_run_here_installs_and_makes_an_applications_item(
    built: Built, tmp_path: Path, cut: list[str]
) -> None:
    """The macOS branch of install.sh, simulated: the script for a Mac, rendered for this
    machine's processor, with this machine's wheels. `--menu` makes a double-clickable
    `peerprep.command` in ~/Applications that starts the installed command."""
    mac = tmp_path / "mac-bundle"
    mac.mkdir()
    for part in ("wheels", "locks"):
        (mac / part).symlink_to(built.folder / part)
    bundle._write_scripts(mac, dataclasses.replace(HOST, system="macos"), (PYTHON,), "0", [])
    assert "SYSTEM='macos'" in (mac / "install.sh").read_text(encoding="utf-8")
    pc = _computer(tmp_path / "mac")
    result = run([*cut, "sh", str(mac / "install.sh"), "--user", "--menu"], cwd=pc.home, env=pc.env)
    assert result.returncode == 0, result.stdout + result.stderr
    item = pc.home / "Applications" / "peerprep.command"
    command = pc.home / ".local" / "bin" / "peerprep"
    assert os.access(item, os.X_OK)
    started = run([str(item), "--version"], env=pc.env, timeout=60)
    assert started.stdout.startswith("peerprep "), started.stderr
    assert item.read_text(encoding="utf-8") == f'#!/bin/sh\nexec "{command}" "$@"\n'


# --- last: it uninstalls from the shared computer above ------------------------------------


@pytest.mark.slow
def test_installing_again_replaces_the_old_version_and_uninstall_removes_it(
    installed: Computer, built: Built, cut: list[str]
) -> None:
    """Last of the tests on the installed computer: it uninstalls."""
    [old] = installed.apps()
    (installed.home / "data").mkdir(exist_ok=True)
    (installed.home / "data" / "kept.json").write_text("{}", encoding="utf-8")
    data = sorted(p.name for p in (installed.home / "data").rglob("*"))

    again = _install(built, installed, cut, "--menu")
    assert again.returncode == 0, again.stderr
    [new] = installed.apps()
    assert new != old and installed.command.resolve().is_relative_to(new)
    assert run([str(installed.command), "--version"], env=installed.env).returncode == 0
    desktop = installed.home / ".local" / "share" / "applications" / "peerprep.desktop"
    assert f"Exec={installed.command}" in desktop.read_text(encoding="utf-8")

    gone = _install(built, installed, cut, "--uninstall")
    assert gone.returncode == 0, gone.stderr
    assert not installed.command.exists() and not installed.command.is_symlink()
    assert not installed.prefix.exists() and not desktop.exists()
    assert sorted(p.name for p in (installed.home / "data").rglob("*")) == data
