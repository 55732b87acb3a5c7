"""The offline bundle for ward IT (tools/bundle): what the builder puts in it, and what
it decides for each platform (Python versions, typst, dependency markers, wheel tags)
without building for those platforms."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename
from support import HOST, PLATFORMS, PYTHON, PYTHONS, ROOT, Built, bundle, run

import peerprep


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
        assert run(["sh", "-n", str(tmp_path / "install.sh")]).returncode == 0
        assert f"MACHINES='{' '.join(platform.machines)}'" in (tmp_path / "install.sh").read_text()
