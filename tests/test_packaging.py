"""Packaging: a wheel built from this tree carries every asset and works from anywhere;
the README's quick start is two commands; the CI script does what it promises."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if not (ROOT / "pyproject.toml").is_file():  # pragma: no cover - an installed test copy
    pytest.skip("needs the source tree", allow_module_level=True)


BUILD_WHEEL = "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1]))"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built by hatchling (the project's build backend) from this source tree."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-c", BUILD_WHEEL, str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out / result.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def unpacked(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def _source_files(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def test_every_asset_is_in_the_wheel(unpacked: Path) -> None:
    source = _source_files(ROOT / "assets")
    assert {"lang/da/tui.json", "lang/en/tui.json", "lang/da/where.json"} <= source
    assert source <= _source_files(unpacked / "peerprep" / "assets")


def test_every_module_is_in_the_wheel(unpacked: Path) -> None:
    source = {name for name in _source_files(ROOT / "peerprep") if name.endswith(".py")}
    assert source <= _source_files(unpacked / "peerprep")


def test_the_wheel_declares_the_console_script_and_pins(unpacked: Path) -> None:
    [info] = list(unpacked.glob("peerprep-*.dist-info"))
    entry_points = (info / "entry_points.txt").read_text(encoding="utf-8")
    assert re.search(r"^peerprep = peerprep\.__main__:main$", entry_points, re.MULTILINE)
    metadata = (info / "METADATA").read_text(encoding="utf-8")
    assert "Requires-Python: >=3.10" in metadata
    assert "Requires-Dist: textual==8.2.8" in metadata
    assert re.search(r"^Requires-Dist: pydantic.*<3", metadata, re.MULTILINE)
    assert "Provides-Extra: test" in metadata


def test_the_installed_package_finds_its_assets_from_another_folder(
    unpacked: Path, tmp_path: Path
) -> None:
    """Run from a folder that is neither the source tree nor the wheel, with the wheel's
    copy first on the path: catalogues and assets must come from inside the package."""
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    script = textwrap.dedent(
        """
        import contextlib, io, json, sys
        import peerprep
        from peerprep import resources, words
        from peerprep.cli import main
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["--lang", "en", "where"])
        print(json.dumps({
            "package": peerprep.__file__,
            "assets": str(resources.assets_dir()),
            "da": len(words.catalogue("da").keys()),
            "en": len(words.catalogue("en").keys()),
            "starter": words.catalogue("da").part("help_with").starter,
            "code": code,
            "where": out.getvalue(),
        }))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(unpacked), "PEERPREP_DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=elsewhere, env=env,
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert Path(found["package"]).is_relative_to(unpacked)
    assert Path(found["assets"]) == unpacked / "peerprep" / "assets"
    assert found["da"] == found["en"] > 50
    assert found["starter"].startswith("Jeg vil gerne have hjælp til")
    assert found["code"] == 0 and "preparations" in found["where"]


# --- README and CI -------------------------------------------------------------------------


def _quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", section, re.DOTALL)
    return [line for block in blocks for line in block.strip().splitlines()]


def test_the_quick_start_is_exactly_two_commands() -> None:
    install_and_start, test = _quick_start()
    assert "pip install ." in install_and_start and install_and_start.rstrip().endswith("peerprep")
    assert '".[test]"' in test and "pytest" in test


def test_ci_runs_the_readmes_test_command_and_fails_on_no_tests() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert os.access(ROOT / ".ci" / "run", os.X_OK)
    assert "set -euo pipefail" in ci
    assert "## Quick start" in ci, "CI takes the test command from the README itself"
    assert '"$status" -eq 5' in ci, "pytest's 'no tests collected' must fail CI"
    assert "editable" in ci, "CI refuses an editable install"
    assert 'cd "$smoke"' in ci and "$venv/bin/peerprep" in ci


def test_the_published_schema_is_current() -> None:
    from peerprep.model import json_schema

    published = json.loads((ROOT / "docs" / "preparation.schema.json").read_text("utf-8"))
    # When this fails: peerprep schema > docs/preparation.schema.json
    assert published == json_schema(), "docs/preparation.schema.json is out of date"


def test_the_format_document_names_every_field_and_limit() -> None:
    from peerprep import fileformat, locks, model

    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for name, field in model.Preparation.model_fields.items():
        assert f"`{name}" in text, name
        annotation = field.annotation
        sub = getattr(annotation, "model_fields", {})
        for inner in sub:
            assert f"`{name}.{inner}`" in text, f"{name}.{inner}"
    for limit in (model.PART_MAX, model.NOTE_MAX):
        assert f"{limit:,}" in text
    for limit in (model.TITLE_MAX, model.SHORT_MAX, model.QUESTIONS_MAX, model.ATTENDEES_MAX):
        assert str(limit) in text
    assert model.ID_PATTERN in text
    assert f"{fileformat.MAX_FILE_BYTES // (1024 * 1024)} MiB" in text
    assert f"{locks.FOREIGN_LOCK_SECONDS // 3600} hours" in text
    for key in ("file_too_large", "file_empty", "file_not_text", "file_not_json",
                "file_wrong_shape", "file_duplicate_key", "file_from_future",
                "file_bad_field", "file_bad_name"):  # fmt: skip
        assert f"errors.{key}" in text
