"""Driving line-by-line mode in tests: the real command line with a script of answers on
standard input, and what it saved."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from peerprep import cli


def drive(
    monkeypatch: pytest.MonkeyPatch,
    answers: list[str] | bytes,
    *argv: str,
    encoding: str = "utf-8",
) -> tuple[int, str]:
    """Run `peerprep --plain ...` through the real command line with `answers` as stdin."""
    data = answers if isinstance(answers, bytes) else "".join(a + "\n" for a in answers).encode()
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    stdout = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict")
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    code = cli.main(["--plain", *argv])
    stdout.flush()
    return code, stdout.buffer.getvalue().decode(encoding)


def saved(data_dir: Path) -> list[dict]:
    folder = data_dir / "preparations"
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def after(out: str, marker: str) -> str:
    """What was said after the last time `marker` was said."""
    return out[out.rindex(marker) + len(marker) :]
