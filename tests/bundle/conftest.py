"""Fixtures of the bundle tests: the network cut, and the bundle for this machine built
once for the whole run from a wheelhouse of the installed packages (no download)."""

from __future__ import annotations

import shutil
import sys
import warnings
import zipfile
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from support import Built


@pytest.fixture(scope="session")
def cut() -> list[str]:
    """The prefix that runs a command with no network, or [] where that cannot be had."""
    from support import run

    unshare = shutil.which("unshare")
    if unshare:
        # As root a new network namespace; as another user, inside a user namespace.
        for prefix in ([unshare, "-n"], [unshare, "-r", "-n"]):
            if run([*prefix, "true"]).returncode == 0:
                return prefix
    warnings.warn(  # pragma: no cover - a machine without network namespaces
        "cannot cut the network here (unshare -n): the offline install is checked with "
        "pip's --no-index only",
        stacklevel=1,
    )
    return []  # pragma: no cover


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, cut: list[str]) -> Built:
    """The bundle for this machine and this Python, built with no network from a
    wheelhouse of the installed packages, and unpacked from its zip as IT would."""
    import wheelhouse
    from support import HOST, PYTHON, ROOT, Built, clean_environment, run

    import peerprep

    work = tmp_path_factory.mktemp("bundle")
    house = wheelhouse.build(work / "wheelhouse")
    result = run(
        [
            *cut, sys.executable, "-m", "tools.bundle", "--platform", "host",
            "--python", PYTHON, "--out", str(work / "out"),
            "--no-index", "--find-links", str(house),
        ],
        cwd=ROOT, env=clean_environment(),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    [archive] = (work / "out").glob("*.zip")
    assert archive.name == f"peerprep-{peerprep.__version__}-{HOST.name}.zip"
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(work / "unpacked")
    [folder] = (work / "unpacked").iterdir()
    [project] = (folder / "wheels").glob("peerprep-*.whl")
    return Built(folder, archive, house, project)
