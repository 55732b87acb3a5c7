"""Two programs, one preparation: the editing lock, tested with real processes.

Each holder is a separate Python process that takes the lock through the store, says
"locked" on its standard output and then waits for a line on its standard input: "release"
to let go politely, or nothing at all when the test kills it with SIGKILL.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerprep.model import Preparation
from peerprep.store import LockedError, Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and /proc are POSIX")

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from peerprep.store import LockedError, Store

    store = Store(Path(sys.argv[1]))
    try:
        lock = store.lock(sys.argv[2])
    except LockedError as error:
        print("refused", error.holder.pid, flush=True)
        sys.exit(0)
    print("locked", lock.info.pid, flush=True)
    if sys.stdin.readline().strip() == "release":
        lock.release()
        print("released", flush=True)
    """
)


class Holder:
    """A real process that holds (or tried to hold) the lock on one preparation."""

    def __init__(self, root: Path, prep_id: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(root), prep_id],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def answer(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        assert line, self.process.stderr.read() if self.process.stderr else "no answer"
        return line

    def release(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("release\n")
        self.process.stdin.flush()
        assert self.answer() == "released"
        assert self.process.wait(timeout=30) == 0

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def close(self) -> None:
        if self.process.poll() is None:
            self.kill()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream:
                stream.close()


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


@pytest.fixture
def prep_id(store: Store) -> str:
    prep = Preparation.new("da")
    prep.set_part("introduction", "Jeg hedder Sam.")
    store.save(prep)
    return prep.id


@pytest.fixture
def holders() -> Iterator[list[Holder]]:
    started: list[Holder] = []
    yield started
    for holder in started:
        holder.close()


def _start(holders: list[Holder], store: Store, prep_id: str) -> Holder:
    holder = Holder(store.root, prep_id)
    holders.append(holder)
    return holder


def test_second_instance_is_refused_and_told_who_holds_it(
    store: Store, prep_id: str, holders: list[Holder]
) -> None:
    first = _start(holders, store, prep_id)
    assert first.answer() == f"locked {first.pid}"

    with pytest.raises(LockedError) as caught:
        store.lock(prep_id)
    assert caught.value.holder.pid == first.pid
    assert caught.value.key == "errors.locked"
    holder = store.lock_holder(prep_id)
    assert holder is not None and holder.pid == first.pid

    second = _start(holders, store, prep_id)  # a second real program is refused too
    assert second.answer() == f"refused {first.pid}"


def test_after_the_first_lets_go_the_lock_is_gone(
    store: Store, prep_id: str, holders: list[Holder]
) -> None:
    first = _start(holders, store, prep_id)
    assert first.answer().startswith("locked")
    first.release()

    assert not (store.locks_dir / f"{prep_id}.lock").exists()
    assert store.lock_holder(prep_id) is None
    lock = store.lock(prep_id)
    assert lock.took_over is None  # nothing stale: it was simply free
    lock.release()
    assert not lock.path.exists()


def test_a_lock_left_by_a_killed_program_is_taken_over_with_a_note(
    store: Store, prep_id: str, holders: list[Holder]
) -> None:
    first = _start(holders, store, prep_id)
    assert first.answer().startswith("locked")
    first.kill()

    lock_path = store.locks_dir / f"{prep_id}.lock"
    assert lock_path.exists(), "SIGKILL gives no chance to clean up: the lock stays behind"
    assert store.lock_holder(prep_id) is None  # ...but it protects nothing any more

    lock = store.lock(prep_id)
    assert lock.took_over is not None and lock.took_over.pid == first.pid
    assert lock.info.pid == os.getpid()
    assert json.loads(lock_path.read_text(encoding="utf-8"))["pid"] == os.getpid()

    # And another program now meets our lock, not the dead one's.
    second = _start(holders, store, prep_id)
    assert second.answer() == f"refused {os.getpid()}"
    lock.release()


def test_a_reused_pid_does_not_keep_a_stale_lock(
    store: Store, prep_id: str, holders: list[Holder]
) -> None:
    """The pid in the lock is alive, but that process started after the lock was taken:
    the number was reused by the system, so the lock is stale."""
    bystander = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                                 stdin=subprocess.PIPE)  # fmt: skip
    try:
        an_hour_ago = dt.datetime.now().timestamp() - 3600
        _write_lock(store, prep_id, pid=bystander.pid, created_at=an_hour_ago)
        lock = store.lock(prep_id)
        assert lock.took_over is not None and lock.took_over.pid == bystander.pid
        lock.release()
    finally:
        bystander.kill()
        bystander.wait(timeout=30)


def test_a_live_older_holder_is_respected(store: Store, prep_id: str) -> None:
    # pid 1 is alive and started long before this lock was written.
    _write_lock(store, prep_id, pid=1, created_at=dt.datetime.now().timestamp())
    with pytest.raises(LockedError):
        store.lock(prep_id)


def test_a_lock_from_another_computer_is_respected(store: Store, prep_id: str) -> None:
    """A USB stick shared between machines: we cannot see the other machine's processes."""
    _write_lock(store, prep_id, pid=999_999, created_at=0.0, host=socket.gethostname() + "-other")
    with pytest.raises(LockedError) as caught:
        store.lock(prep_id)
    assert caught.value.holder.host.endswith("-other")


def test_a_broken_lock_file_protects_nothing(store: Store, prep_id: str) -> None:
    store.locks_dir.mkdir(parents=True, exist_ok=True)
    (store.locks_dir / f"{prep_id}.lock").write_bytes(b"\x00{not json")
    lock = store.lock(prep_id)
    assert lock.info.pid == os.getpid()
    lock.release()


@pytest.mark.slow
def test_many_programs_racing_for_one_lock_only_one_wins(
    store: Store, prep_id: str, holders: list[Holder]
) -> None:
    for _round in range(5):
        racers = [_start(holders, store, prep_id) for _ in range(8)]
        answers = [racer.answer() for racer in racers]
        winners = [r for r, a in zip(racers, answers, strict=True) if a.startswith("locked")]
        assert len(winners) == 1, answers
        winner = winners[0]
        assert all(a == f"refused {winner.pid}" for a in answers if not a.startswith("locked"))
        # Half the rounds end politely, half with a kill: the next round must win either way.
        if _round % 2:
            winner.kill()
        else:
            winner.release()
        for racer in racers:
            racer.process.wait(timeout=30)


def _write_lock(store: Store, prep_id: str, *, pid: int, created_at: float, host: str = "") -> None:
    store.locks_dir.mkdir(parents=True, exist_ok=True)
    info = {"pid": pid, "host": host or socket.gethostname(), "created_at": created_at}
    (store.locks_dir / f"{prep_id}.lock").write_text(json.dumps(info), encoding="utf-8")


# --- two real full-screen programs ------------------------------------------------------------


@pytest.mark.slow
def test_two_full_screen_programs_the_second_reads_only_and_says_so(
    store: Store, prep_id: str, tmp_path: Path
) -> None:
    pytest.importorskip("textual")
    from terminal import env, ptyrun, screen_text, welcomed

    from peerprep.words import catalogue

    cat = catalogue("da")
    welcomed(tmp_path)
    path = store.path_of(prep_id)
    before = path.read_bytes()
    screen = screen_text

    argv = [sys.executable, "-m", "peerprep", "open", prep_id]
    first = ptyrun.spawn(argv, env=env(tmp_path))
    second = None
    try:
        shown = cat.part("important").starter.split()[-1]  # part 1 is written: it opens at 2
        assert first.drain_until(lambda: shown in screen(first), 30.0), screen(first)[-400:]
        holder = store.lock_holder(prep_id)
        assert holder is not None and holder.pid == first.pid

        second = ptyrun.spawn(argv, env=env(tmp_path))
        title = cat.text("tui.locked.title")
        assert second.drain_until(lambda: title in screen(second), 30.0), screen(second)[-600:]
        assert str(first.pid) in screen(second)  # it says who has it open
        second.send("\x11")  # Ctrl+Q: the reader leaves
        assert second.wait(30.0) == 0
        assert store.lock_holder(prep_id).pid == first.pid  # the reader took nothing away

        first.send("\x11")
        assert first.wait(30.0) == 0
    finally:
        first.close()
        if second is not None:
            second.close()
    assert not (store.locks_dir / f"{prep_id}.lock").exists(), "the lock outlived its program"
    assert path.read_bytes() == before  # nobody typed: nothing was written over
