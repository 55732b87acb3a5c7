"""Keys typed while the program starts are the person's words too: `peerprep new` on a real
pseudo-terminal, typed into before its first frame, keeps them in part 1 and saves them
(part 1 is shown before the preparation is made: flow.editing.EditingSession.new_later)."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

import pytest
from terminal import env, ptyrun, screen_text, welcomed

from peerprep.fileformat import decode
from peerprep.words import catalogue

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

SAVE_DELAY = 1.0  # the program's own: it saves about this long after typing stops
TYPED = "hej æøå"


def _part_1(data_dir: Path) -> list[str]:
    folder = data_dir / "preparations"
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    return [decode(path.read_bytes()).statement.introduction for path in files]


def test_keys_typed_before_the_first_frame_land_in_part_1_and_are_saved(tmp_path: Path) -> None:
    pytest.importorskip("textual")
    welcomed(tmp_path)
    data_dir = tmp_path / "data"
    proc = ptyrun.spawn([sys.executable, "-m", "peerprep", "new"], env=env(tmp_path))
    try:
        proc.send(TYPED)  # at once: the program has not drawn anything yet
        starter = catalogue("da").part("introduction").starter.split()[-1]
        assert proc.drain_until(lambda: starter in screen_text(proc), 30.0), screen_text(proc)
        # the autosave, with no other key: the words were in part 1 all along
        assert proc.drain_until(lambda: _part_1(data_dir) == [TYPED], SAVE_DELAY + 10.0), (
            _part_1(data_dir),
            screen_text(proc)[-400:],
        )
    finally:
        proc.kill(signal.SIGKILL)  # no quitting: what was saved is what counts
        proc.close()
    assert _part_1(data_dir) == [TYPED]


def test_the_first_frame_of_new_does_not_wait_for_pydantic(tmp_path: Path) -> None:
    """What the first frame needs is loaded before it; the preparation's model (pydantic)
    after it. Checked where the frame is shown (Textual's Ready), not timed."""
    pytest.importorskip("textual")
    welcomed(tmp_path)
    out = tmp_path / "at-first-frame.json"
    script = (
        "import sys, json\n"
        "from textual.app import App\n"
        "from textual import events\n"
        "original = App.on_event\n"
        "async def on_event(self, event):\n"
        "    await original(self, event)\n"
        "    if isinstance(event, events.Ready):\n"
        f"        open({str(out)!r}, 'w').write(json.dumps(['pydantic' in sys.modules,"
        " type(self.screen).__name__]))\n"
        "        self.exit()\n"
        "App.on_event = on_event\n"
        "from peerprep.cli import main\n"
        "sys.exit(main(['new']))\n"
    )
    proc = ptyrun.spawn([sys.executable, "-c", script], env=env(tmp_path))
    try:
        assert proc.wait(60.0) == 0, screen_text(proc)[-400:]
    finally:
        proc.close()
    assert json.loads(out.read_text(encoding="utf-8")) == [False, "StepScreen"]
