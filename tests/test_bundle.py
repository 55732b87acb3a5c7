"""The offline bundle for ward IT (tools/bundle): built for this machine from a local
wheelhouse, installed by its own install script with the network cut, and then used as
a person would: `peerprep --version`, a PDF export, and the one sentence where the PDF
engine is missing (as on Windows on ARM).

The network is cut with `unshare -n` (an empty network namespace) where this user may
make one; elsewhere the install still runs with pip's --no-index and a warning says that
the cut was not possible. The wheelhouse is packed from what is installed in the test's
own environment, so no test here downloads anything.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename
from pypdf import PdfReader

import peerprep

ROOT = Path(__file__).resolve().parent.parent
if not (ROOT / "tools" / "bundle").is_dir():  # pragma: no cover - an installed test copy
    pytest.skip("needs the source tree", allow_module_level=True)
if sys.platform == "win32":  # pragma: no cover - the Linux and macOS script is tested here
    pytest.skip("install.sh is a POSIX shell script", allow_module_level=True)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import wheelhouse  # noqa: E402  (tests/ is on the path: a helper beside this file)

from tools.bundle import build as bundle  # noqa: E402
from tools.bundle.platforms import PLATFORMS, PYTHONS, find  # noqa: E402

PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}"

try:
    HOST = find("host")
except LookupError:  # pragma: no cover - musl, 32-bit, BSD: no bundle platform
    pytest.skip("no bundle platform for this machine", allow_module_level=True)


def _clean_environment(**extra: str) -> dict[str, str]:
    """A fresh machine's environment: no pip settings, no virtual environment, no
    peerprep variables of the developer's."""
    keep = {k: v for k, v in os.environ.items() if k in {"HOME", "TMPDIR", "SYSTEMROOT"}}
    return {
        **keep,
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "PIP_CONFIG_FILE": os.devnull,  # the machine's pip.conf (indexes, caches) plays no part
        **extra,
    }


def _run(
    command: list[str], *, timeout: float = 600, **options: object
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", timeout=timeout,
        check=False, **options,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.fixture(scope="module")
def cut() -> list[str]:
    """The prefix that runs a command with no network, or [] where that cannot be had."""
    unshare = shutil.which("unshare")
    if unshare:
        # As root a new network namespace; as another user, inside a user namespace.
        for prefix in ([unshare, "-n"], [unshare, "-r", "-n"]):
            if _run([*prefix, "true"]).returncode == 0:
                return prefix
    warnings.warn(  # pragma: no cover - a machine without network namespaces
        "cannot cut the network here (unshare -n): the offline install is checked with "
        "pip's --no-index only",
        stacklevel=1,
    )
    return []  # pragma: no cover


@dataclass(frozen=True)
class Built:
    folder: Path  # the bundle, unpacked from its zip
    archive: Path
    wheelhouse: Path
    project_wheel: Path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, cut: list[str]) -> Built:
    """The bundle for this machine and this Python, built with no network from a
    wheelhouse of the installed packages, and unpacked from its zip as IT would."""
    work = tmp_path_factory.mktemp("bundle")
    house = wheelhouse.build(work / "wheelhouse")
    result = _run(
        [
            *cut, sys.executable, "-m", "tools.bundle", "--platform", "host",
            "--python", PYTHON, "--out", str(work / "out"),
            "--no-index", "--find-links", str(house),
        ],
        cwd=ROOT, env=_clean_environment(),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    [archive] = (work / "out").glob("*.zip")
    assert archive.name == f"peerprep-{peerprep.__version__}-{HOST.name}.zip"
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(work / "unpacked")
    [folder] = (work / "unpacked").iterdir()
    [project] = (folder / "wheels").glob("peerprep-*.whl")
    return Built(folder, archive, house, project)


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
    env = _clean_environment(
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
    return _run([*cut, "sh", script, "--user", *where, *more], cwd=pc.home, env=pc.env)


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory, cut: list[str]) -> Computer:
    pc = _computer(tmp_path_factory.mktemp("ward-pc"))
    result = _install(built, pc, cut)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"installed: peerprep {peerprep.__version__}" in result.stdout
    # pip reached for no index: with the network cut it would retry for minutes and say so.
    assert not re.search(r"retrying|connection", result.stderr, re.IGNORECASE), result.stderr
    return pc


# --- the bundle -------------------------------------------------------------------------


def test_the_bundle_holds_a_pinned_wheel_for_everything_and_its_manifest(built: Built) -> None:
    manifest = json.loads((built.folder / "bundle.json").read_text(encoding="utf-8"))
    assert manifest["platform"] == HOST.name and manifest["pythons"] == [PYTHON]
    files = {p.relative_to(built.folder).as_posix() for p in built.folder.rglob("*") if p.is_file()}
    assert files - {"bundle.json"} == set(manifest["files"])
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((built.folder / name).read_bytes()).hexdigest() == digest
    lock = (built.folder / "locks" / f"python-{PYTHON}.txt").read_text(encoding="utf-8")
    pinned = {
        canonicalize_name(line.split("==")[0]) for line in lock.splitlines() if "--hash=" in line
    }
    wheels = {parse_wheel_filename(p.name)[0] for p in (built.folder / "wheels").iterdir()}
    assert pinned == wheels
    assert {"peerprep", "textual", "pydantic-core", "typst", "cryptography"} <= wheels
    with zipfile.ZipFile(built.archive) as archive:
        mode = archive.getinfo(f"{built.folder.name}/install.sh").external_attr >> 16
    assert mode & 0o111, "unzip keeps install.sh executable"


# --- installing it, offline -------------------------------------------------------------


@pytest.mark.slow
def test_the_offline_install_starts_and_makes_a_pdf(installed: Computer, cut: list[str]) -> None:
    assert installed.command.is_symlink()
    assert installed.command.resolve().is_relative_to(installed.prefix / "app")

    version = _run([*cut, str(installed.command), "--version"], env=installed.env)
    assert (version.returncode, version.stdout.strip()) == (0, f"peerprep {peerprep.__version__}")

    where = _run(
        [*cut, str(installed.app_python()), "-c", "import peerprep; print(peerprep.__file__)"],
        env=installed.env, cwd=installed.home,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(installed.prefix), where.stderr

    make = (
        "from peerprep.model import Preparation\n"
        "from peerprep.store import Store, resolve_data_dir\n"
        "prep = Preparation.new('da')\n"
        "prep.title = 'Møde på afsnit Ø'\n"
        "prep.set_part('introduction', 'Jeg hedder Åse, og jeg går tur ved åen.')\n"
        "Store(resolve_data_dir()).save(prep)\n"
    )
    made = _run([*cut, str(installed.app_python()), "-c", make], env=installed.env)
    assert made.returncode == 0, made.stderr

    sheet = installed.home / "x.pdf"
    export = _run(
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
    removed = _run([*pip, "uninstall", "--yes", "typst"], env=installed.env)
    assert removed.returncode == 0, removed.stderr
    try:
        version = _run([*cut, str(installed.command), "--version"], env=installed.env)
        assert version.returncode == 0, version.stderr

        export = _run(
            [*cut, str(installed.command), "export", "--latest", "-o", "y.pdf"],
            env=installed.env, cwd=installed.home,
        )  # fmt: skip
        expected = _run(
            [python, "-c", "from peerprep.content import catalogue; "
             "print(catalogue('da').text('export.errors.no_pdf_engine'))"],
            env=installed.env,
        ).stdout.strip()  # fmt: skip
        assert "HTML" in expected
        assert (export.returncode, export.stderr.strip()) == (1, expected)
        assert not (installed.home / "y.pdf").exists()

        html = _run(
            [*cut, str(installed.command), "export", "--latest", "--format", "html", "-o", "y"],
            env=installed.env, cwd=installed.home,
        )  # fmt: skip
        assert html.returncode == 0, html.stderr
        assert "Jeg hedder Åse" in (installed.home / "y.html").read_text(encoding="utf-8")
    finally:
        wheels = str(built.folder / "wheels")
        back = _run(
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
    result = _run(
        [*cut, "sh", str(mac / "install.sh"), "--user", "--menu"], cwd=pc.home, env=pc.env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    item = pc.home / "Applications" / "peerprep.command"
    command = pc.home / ".local" / "bin" / "peerprep"
    assert os.access(item, os.X_OK)
    started = _run([str(item), "--version"], env=pc.env, timeout=60)
    assert started.stdout.startswith("peerprep "), started.stderr
    assert item.read_text(encoding="utf-8") == f'#!/bin/sh\nexec "{command}" "$@"\n'


# --- what the builder decides, without building -------------------------------------------


def test_the_bundle_carries_every_python_from_the_projects_floor() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    [floor] = re.findall(r'^requires-python = ">=(\d+\.\d+)"$', pyproject, re.MULTILINE)
    versions = sorted(PYTHONS, key=lambda v: tuple(map(int, v.split("."))))
    assert versions[0] == floor
    minors = [int(v.split(".")[1]) for v in versions]
    assert minors == list(range(minors[0], minors[0] + len(minors))), "no version skipped"


def test_typst_is_left_out_exactly_where_it_publishes_no_wheel(built: Built) -> None:
    """pyproject.toml's marker on typst, read from the wheel built from it."""
    [typst] = [r for r in bundle.requirements_of(built.project_wheel) if r.name == "typst"]
    with_engine = {
        name for name, p in PLATFORMS.items() if bundle.applies(typst, p.environment(PYTHON))
    }
    assert with_engine == set(PLATFORMS) - {"win_arm64"}


def test_the_builder_follows_the_targets_markers_not_the_build_machines(built: Built) -> None:
    """The closure of peerprep's wheel over the local wheelhouse: with typst here, without
    it on Windows on ARM, and nothing missing either way."""
    wheels = {parse_wheel_filename(p.name)[0]: p for p in built.wheelhouse.glob("*.whl")}
    wheels[canonicalize_name("peerprep")] = built.project_wheel
    root = [Requirement(f"peerprep=={peerprep.__version__}")]
    here, missing_here = bundle.closure(root, wheels, HOST.environment(PYTHON))
    arm, missing_arm = bundle.closure(root, wheels, PLATFORMS["win_arm64"].environment(PYTHON))
    assert missing_here == missing_arm == {}
    assert set(here) - set(arm) == {"typst"}


def test_a_wheel_for_another_platform_is_not_taken(built: Built) -> None:
    [typst] = built.wheelhouse.glob("typst-*.whl")
    tags = parse_wheel_filename(typst.name)[3]
    assert tags & HOST.tags(PYTHON)
    others = [p for p in PLATFORMS.values() if p.system != HOST.system]
    assert all(not tags & p.tags(PYTHON) for p in others)
    assert tags & HOST.tags(PYTHONS[0]), "an abi3 wheel serves every newer Python"


@pytest.mark.parametrize("name", sorted(PLATFORMS))
def test_the_install_scripts_are_filled_in_for_every_platform(name: str, tmp_path: Path) -> None:
    platform = PLATFORMS[name]
    bundle._write_scripts(tmp_path, platform, platform.pythons, "9.9.9", [])
    for path in tmp_path.iterdir():
        assert "9.9.9" in path.read_text(encoding="utf-8-sig")
    if platform.system == "windows":
        script = (tmp_path / "install.ps1").read_bytes()
        assert script.startswith(b"\xef\xbb\xbf") and b"\r\n" in script  # PowerShell 5
        assert f"$WantedPlatform = '{name.replace('_', '-')}'".encode() in script
        listed = ", ".join(f"'{p}'" for p in platform.pythons)
        assert f"$Pythons = @({listed})".encode() in script
    else:
        assert _run(["sh", "-n", str(tmp_path / "install.sh")]).returncode == 0
        assert f"MACHINES='{' '.join(platform.machines)}'" in (tmp_path / "install.sh").read_text()


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
    assert _run([str(installed.command), "--version"], env=installed.env).returncode == 0
    desktop = installed.home / ".local" / "share" / "applications" / "peerprep.desktop"
    assert f"Exec={installed.command}" in desktop.read_text(encoding="utf-8")

    gone = _install(built, installed, cut, "--uninstall")
    assert gone.returncode == 0, gone.stderr
    assert not installed.command.exists() and not installed.command.is_symlink()
    assert not installed.prefix.exists() and not desktop.exists()
    assert sorted(p.name for p in (installed.home / "data").rglob("*")) == data
