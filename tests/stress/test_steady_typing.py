"""Steady typing under a real terminal, killed with SIGKILL at a random moment: what was
typed more than 2.5 s before the kill is on disk (flow.autosave's ceiling), in 30 rounds.

The rounds (benchmarks/steady.py) type a key every 100-200 ms: the pause after which a
debounced save comes never happens, so only the ceiling saves. Without it no file exists
at all after ten seconds of such typing (issue "No word is ever lost"). Three rounds run
at once to keep the test near a minute. PEERPREP_KILL_SEED=<seed> repeats the same rounds;
benchmarks/run.py runs 100 and reports the worst lag.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest
from terminal import env, welcomed

from peerprep.words import catalogue

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import steady

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals and SIGKILL are POSIX"),
]

ROUNDS = 30


def test_steady_typing_killed_at_random_keeps_all_but_the_last_seconds(tmp_path: Path) -> None:
    pytest.importorskip("textual")
    seed = int(os.environ.get("PEERPREP_KILL_SEED") or random.SystemRandom().randrange(10**6))
    welcomed(tmp_path)

    def env_for(data_dir: Path) -> dict[str, str]:
        return {**env(tmp_path), "PEERPREP_DATA_DIR": str(data_dir)}

    # a word only part 1's starter has ("selv" is in the status line's "Gemmes af sig selv")
    starter = "introducere"
    assert starter in catalogue("da").part("introduction").starter
    rounds = steady.run_rounds(
        ROUNDS,
        [sys.executable, "-m", "peerprep", "new"],
        env_for,
        tmp_path / "rounds",
        starter,
        seed=seed,
    )
    problems = [one.problem for one in rounds if one.problem]
    worst = max(one.lag for one in rounds)
    print(f"{len(rounds)} kills while typing, worst lag {worst:.2f} s, seed {seed}")
    assert len(rounds) == ROUNDS
    assert not problems, f"{problems} (PEERPREP_KILL_SEED={seed})"
    # the kills came late enough to test the promise: words older than 2.5 s existed
    assert sum(1 for one in rounds if one.on_disk) >= ROUNDS - 2
