"""What the bundle tests share: the source tree on the path, this machine's bundle
platform, a fresh machine's environment, and running a command.

Importing this skips the importing test module where there is nothing to test: an
installed copy of the tests (no tools/), Windows (install.sh is for POSIX shells), or a
machine no bundle is made for (musl, 32-bit, BSD).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if not (ROOT / "tools" / "bundle").is_dir():  # pragma: no cover - an installed test copy
    pytest.skip("needs the source tree", allow_module_level=True)
if sys.platform == "win32":  # pragma: no cover - the Linux and macOS script is tested here
    pytest.skip("install.sh is a POSIX shell script", allow_module_level=True)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.bundle import build as bundle  # noqa: E402
from tools.bundle.platforms import PLATFORMS, PYTHONS, Platform, find  # noqa: E402

__all__ = ["PLATFORMS", "PYTHONS", "Platform", "bundle"]

PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}"

try:
    HOST = find("host")
except LookupError:  # pragma: no cover - musl, 32-bit, BSD: no bundle platform
    pytest.skip("no bundle platform for this machine", allow_module_level=True)


@dataclass(frozen=True)
class Built:
    folder: Path  # the bundle, unpacked from its zip
    archive: Path
    wheelhouse: Path
    project_wheel: Path


def clean_environment(**extra: str) -> dict[str, str]:
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


def run(
    command: list[str], *, timeout: float = 600, **options: object
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", timeout=timeout,
        check=False, **options,  # type: ignore[arg-type]
    )  # fmt: skip
