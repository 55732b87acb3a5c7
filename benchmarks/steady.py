"""Steady typing, then kill -9: how old is the oldest word that is not on disk?

Each round starts the full-screen program (`peerprep new`) on a pseudo-terminal of 80x24,
waits for part 1, and types Danish text one key every 100-200 ms, as a person writes who
never pauses long enough for a debounced save. At a random moment 2.6-6 s into the typing
it is killed with SIGKILL (a power cut, the OOM killer, a ward PC switched off). The
round's *lag* is how long before the kill the first character missing from the file was
typed (0 when every character is on disk). The promise (flow.autosave, issue "No word is
ever lost"): what was typed more than 2.5 s before the kill is on disk.

Several rounds run at once (they mostly wait between keys), driven by one loop without
threads. Used by tests/stress/test_steady_typing.py (30 rounds) and benchmarks/run.py
(100 rounds, the worst lag). POSIX only.
"""

from __future__ import annotations

import json
import random
import re
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import ptyrun

PROMISE_SECONDS = 2.5  # what was typed longer ago than this is on disk
KEY_GAP = (0.10, 0.20)  # seconds between keys
KILL_AFTER = (2.6, 6.0)  # seconds of typing before the kill
START_TIMEOUT = 60.0
LETTERS = "abcdefghijklmnopqrstuvwxyzæøå"
ANSI = re.compile(
    rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-B]|[=>78DEHM])"
)


@dataclass
class Round:
    """One round: what was typed when, what the file held after the kill."""

    number: int
    data_dir: Path
    process: ptyrun.PtyProcess
    rng: random.Random
    started: float = 0.0  # when part 1 showed and the typing began (monotonic)
    kill_at: float = 0.0
    next_key: float = 0.0
    sent: list[tuple[float, str]] = field(default_factory=list)  # (monotonic, character)
    killed_at: float = 0.0
    on_disk: str = ""
    lag: float = 0.0
    problem: str = ""

    @property
    def typed(self) -> str:
        return "".join(char for _, char in self.sent)

    def ready(self, starter: str) -> bool:
        return starter in ANSI.sub(b"", bytes(self.process.output)).decode("utf-8", "replace")


def _part1(data_dir: Path) -> str:
    folder = data_dir / "preparations"
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        return ""
    if len(files) > 1:
        raise AssertionError(f"more than one preparation in {folder}")
    data = json.loads(files[0].read_text(encoding="utf-8"))  # a whole file: atomic saves
    return str(data["statement"]["introduction"])


def _judge(one: Round) -> None:
    typed = one.typed
    one.on_disk = _part1(one.data_dir)
    if not typed.startswith(one.on_disk):
        one.problem = f"round {one.number}: {one.on_disk!r} on disk was never typed"
        return
    missing = len(one.on_disk)
    one.lag = one.killed_at - one.sent[missing][0] if missing < len(one.sent) else 0.0
    if one.lag > PROMISE_SECONDS:
        one.problem = (
            f"round {one.number}: {len(typed) - missing} characters typed from "
            f"{one.lag:.2f} s before the kill were not on disk (the promise: {PROMISE_SECONDS} s;"
            f" {missing} of {len(typed)} on disk, killed {one.killed_at - one.started:.2f} s"
            " after the typing began)"
        )


def run_rounds(
    rounds: int,
    argv: Sequence[str],
    env_for: Callable[[Path], dict[str, str]],
    root: Path,
    starter: str,
    *,
    seed: int,
    at_once: int = 3,
    budget: float | None = None,
) -> list[Round]:
    """Run `rounds` rounds, `at_once` at a time, each with its own data folder under
    `root` (`env_for(data_dir)` gives the program's environment). Stops starting new
    rounds after `budget` seconds. Returns the finished rounds, judged."""
    rng = random.Random(seed)
    began = time.monotonic()
    done: list[Round] = []
    running: list[Round] = []
    number = 0
    try:
        while len(done) < rounds:
            over_budget = budget is not None and time.monotonic() - began > budget
            while len(running) < at_once and number < rounds and not over_budget:
                number += 1
                data_dir = root / f"round-{number}"
                proc = ptyrun.spawn(list(argv), env=env_for(data_dir))
                running.append(Round(number, data_dir, proc, random.Random(rng.random())))
            if not running:
                break
            now = time.monotonic()
            for one in list(running):
                one.process.drain(0.0)
                if not one.started:
                    if one.ready(starter):
                        one.started = one.next_key = time.monotonic() + 0.05
                        one.kill_at = one.started + one.rng.uniform(*KILL_AFTER)
                    elif time.time() - one.process.started > START_TIMEOUT or one.process.poll():
                        one.process.close()
                        raise AssertionError(f"round {one.number}: part 1 never showed")
                    continue
                if now >= one.kill_at:
                    one.killed_at = time.monotonic()
                    one.process.kill(signal.SIGKILL)
                    one.process.close()
                    running.remove(one)
                    _judge(one)
                    done.append(one)
                elif now >= one.next_key:
                    char = " " if one.rng.random() < 0.17 else one.rng.choice(LETTERS)
                    one.process.send(char)
                    one.sent.append((time.monotonic(), char))
                    one.next_key = now + one.rng.uniform(*KEY_GAP)
            time.sleep(0.005)
    finally:
        for one in running:
            one.process.close()
    return done
