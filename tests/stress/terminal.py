"""Helpers for tests that run the real program on a pseudo-terminal (see benchmarks/ptyrun.py)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import ptyrun  # noqa: E402

ANSI = re.compile(
    rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-B]|[=>78DEHM])"
)

__all__ = ["ANSI", "env", "ptyrun", "screen_text", "welcomed"]


def screen_text(proc: ptyrun.PtyProcess) -> str:
    """Everything the program wrote, without the escape sequences."""
    return ANSI.sub(b"", bytes(proc.output)).decode("utf-8", "replace")


def env(tmp_path: Path) -> dict[str, str]:
    """A terminal's environment with the program's folders in tmp_path, in Danish."""
    return ptyrun.terminal_env({
        "PEERPREP_DATA_DIR": str(tmp_path / "data"),
        "PEERPREP_CONFIG_DIR": str(tmp_path / "config"),
        "PEERPREP_LANG": "da",
        "LANG": "da_DK.UTF-8",
    })  # fmt: skip


def welcomed(tmp_path: Path) -> None:
    """A returning person: the first-run welcome has been seen."""
    from peerprep import settings

    settings.save(tmp_path / "config", settings.Settings(welcomed=True))
