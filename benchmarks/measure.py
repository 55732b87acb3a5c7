"""How one figure is taken: run a program (plainly or under a pty), read what the probe wrote.

Every figure is the median of repeated runs; where a row has a baseline, the two are run
alternately in the same loop so that a busy moment on the machine hits both alike.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ptyrun

HERE = Path(__file__).resolve().parent
PROBE = HERE / "probe.py"
TIMEOUT = 120.0


class NotBuilt(Exception):
    """The feature this row measures is not in the program yet."""


class Failed(Exception):
    """The measurement itself went wrong (a crash, a timeout): said in the row."""


def peerprep_command() -> list[str]:
    """The installed console script, as a person starts it; else `python -m peerprep`."""
    script = Path(sys.executable).with_name("peerprep")
    return [str(script)] if script.exists() else [sys.executable, "-m", "peerprep"]


@dataclass
class Workspace:
    """Data and config folders for the program under test, away from the person's own."""

    root: Path
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def config_dir(self) -> Path:
        return self.root / "config"

    def env(self, **extra: str) -> dict[str, str]:
        env = ptyrun.terminal_env()
        env.update({
            "PEERPREP_DATA_DIR": str(self.data_dir),
            "PEERPREP_CONFIG_DIR": str(self.config_dir),
            "PEERPREP_LANG": "da",
            "LANG": "da_DK.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "",
        })  # fmt: skip
        env.pop("PEERPREP_SHARED", None)
        env.update(self.extra_env)
        env.update(extra)
        return env


def _out_file(workspace: Workspace) -> Path:
    handle, name = tempfile.mkstemp(prefix="bench-", suffix=".json", dir=workspace.root)
    os.close(handle)
    os.unlink(name)
    return Path(name)


def _read(out: Path) -> dict[str, Any]:
    try:
        return json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    finally:
        out.unlink(missing_ok=True)


def wall(argv: Sequence[str], workspace: Workspace, *, expect: int = 0) -> float:
    """Seconds from start to end of a whole process with its output piped away."""
    started = time.perf_counter()
    done = subprocess.run(list(argv), capture_output=True, env=workspace.env(), timeout=TIMEOUT,
                          cwd=workspace.root, check=False)  # fmt: skip
    elapsed = time.perf_counter() - started
    if done.returncode != expect:
        detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
        raise Failed(f"exit {done.returncode}: {detail[-1] if detail else ''}")
    return elapsed


def probe(
    args: Sequence[str],
    workspace: Workspace,
    *,
    pty: bool = False,
    env: dict[str, str] | None = None,
    interact: Callable[[ptyrun.PtyProcess, Path], None] | None = None,
) -> dict[str, Any]:
    """Run probe.py with `args`; returns what it wrote, plus `started` and (pty) `maxrss_kb`."""
    out = _out_file(workspace)
    full_env = workspace.env(BENCH_OUT=str(out), **(env or {}))
    argv = [sys.executable, str(PROBE), *args]
    if not pty:
        started = time.time()
        done = subprocess.run(argv, capture_output=True, env=full_env, timeout=TIMEOUT,
                              cwd=workspace.root, check=False)  # fmt: skip
        result = _read(out)
        if done.returncode != 0 or not result:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise Failed(f"probe {' '.join(args)} exit {done.returncode}: {' / '.join(tail)}")
        result["started"] = started
        return result
    proc = ptyrun.spawn(argv, env=full_env, cwd=str(workspace.root))
    try:
        if interact is not None:
            interact(proc, out)
        code = proc.wait(TIMEOUT)
    finally:
        proc.close()
    result = _read(out)
    if code != 0 or not result or "error" in result:
        screen = proc.output.decode("utf-8", "replace")[-300:]
        raise Failed(f"probe {' '.join(args)} exit {code}: {result.get('error', '')} {screen!r}")
    result["started"] = proc.started
    result["child_maxrss_kb"] = proc.maxrss_kb
    return result


def wait_for(out: Path, key: str, proc: ptyrun.PtyProcess, timeout: float = 60.0) -> None:
    """Read the pty until the probe has written `key` to its result file."""

    def written() -> bool:
        try:
            return key in json.loads(out.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False

    if not proc.drain_until(written, timeout):
        raise Failed(f"the program never reported {key!r}")


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def alternate(repeats: int, *takes: Callable[[], float]) -> list[list[float]]:
    """Run each measurement `repeats` times, in turn (A B A B ...), after one warm-up each
    (the first start reads everything from disk; the rest meet a warm file cache)."""
    for take in takes:
        take()
    samples: list[list[float]] = [[] for _ in takes]
    for _ in range(repeats):
        for index, take in enumerate(takes):
            samples[index].append(take())
    return samples
