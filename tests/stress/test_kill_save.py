"""SIGKILL in the middle of a save: a real process saving in a tight loop, killed at random.

The full-screen and plain rounds (test_kill.py) only rarely hit the millisecond a save
takes. Here every kill lands while a save is likely under way, so the promise of
files.atomic_write is tested head on: the file on disk is always one whole version, never
a mix, never cut short; a temporary file left by the killed save is removed by the next
`Store.list()`, which is what every start of the program does first.

The check can fail: with atomic_write swapped for a writer that writes the file in place,
the first round already finds a file cut short (tried by hand when this was written).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from peerprep.fileformat import decode
from peerprep.files import TEMP_SUFFIX
from peerprep.store import Store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

ROUNDS = 60
BUDGET_SECONDS = 45.0

SAVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from peerprep.model import PART_KEYS, Preparation
    from peerprep.store import Store

    store = Store(Path(sys.argv[1]))
    prep = Preparation.new("da")
    prep.id = sys.argv[2]
    version = int(sys.argv[3])
    print("saving", flush=True)
    while True:
        version += 1
        prep.title = f"version {version}"
        for index, key in enumerate(PART_KEYS):
            # 4 x 5,000 characters, different in every version, so a mix would show.
            prep.set_part(key, (f"{version}:{index} æøå " * 500)[:5000])
        store.save(prep)
    """
)


def _whole(raw: bytes) -> int:
    """The version in the file, after checking that the file is one whole version."""
    prep = decode(raw)
    version = int(prep.title.split()[1])
    for index, key in enumerate(("introduction", "important", "help_with", "so_that")):
        expected = (f"{version}:{index} æøå " * 500)[:5000]
        assert prep.statement.get(key) == expected, f"part {key} is not from version {version}"
    return version


def test_sigkill_in_the_middle_of_saves(data_dir: Path) -> None:
    seed = int(os.environ.get("PEERPREP_KILL_SEED") or random.SystemRandom().randrange(10**6))
    rng = random.Random(seed)
    store = Store(data_dir)
    prep_id = "20250101-000000-5a7e00"
    path = data_dir / "preparations" / f"{prep_id}.json"
    version = 0
    leftovers_seen = 0
    began = time.monotonic()
    rounds = 0
    while rounds < ROUNDS and time.monotonic() - began < BUDGET_SECONDS:
        rounds += 1
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(data_dir), prep_id, str(version)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert saver.stdout is not None and saver.stdout.readline() == b"saving\n"
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(saver.pid, signal.SIGKILL)
        saver.wait(timeout=30)
        saver.stdout.close()
        assert saver.stderr is not None
        saver.stderr.close()

        if path.exists():
            raw = path.read_bytes()
            try:
                new_version = _whole(raw)
            except Exception as error:
                pytest.fail(f"round {rounds} (seed {seed}): {error}; file starts {raw[:120]!r}")
            assert new_version >= version, "an older version came back"
            version = new_version
        temps = list(path.parent.glob(f".*{TEMP_SUFFIX}")) if path.parent.exists() else []
        leftovers_seen += bool(temps)
        assert len(temps) <= 1, temps
        # What every start does first: the killed save's leftover goes, the file stays.
        listing = store.list()
        assert [p.id for p in listing.preparations] == ([prep_id] if path.exists() else [])
        assert listing.quarantined == []
        assert list(path.parent.glob(f".*{TEMP_SUFFIX}")) == []
    print(f"{rounds} kills mid-save, {leftovers_seen} left a temp file, last version {version}")
    assert rounds >= 15
    assert version > 0, "no save ever finished: the kills came too early to test anything"
