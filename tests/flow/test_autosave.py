"""When the autosave comes: a second after typing stops, two at most after the first change."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerprep.flow import autosave
from peerprep.flow.autosave import AutosaveClock
from peerprep.flow.editing import EditingSession
from peerprep.store import MemoryStore, Store


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_shipped_figures() -> None:
    # The promise: a second's pause, and never more than about two seconds of
    # typing only in memory. Changing these changes what a kill may take.
    assert autosave.SAVE_AFTER_PAUSE == 1.0
    assert autosave.SAVE_AT_THE_LATEST == 2.0
    clock = AutosaveClock()
    assert (clock.pause, clock.ceiling) == (1.0, 2.0)


def test_a_pause_saves_a_second_after_the_last_change() -> None:
    now = Clock()
    clock = AutosaveClock(clock=now)
    assert clock.due_in() is None
    clock.changed()
    now.now += 0.4
    clock.changed()
    assert clock.due_in() == 1.0


def test_steady_typing_is_saved_two_seconds_after_the_first_change() -> None:
    now = Clock()
    clock = AutosaveClock(clock=now)
    clock.changed()
    for _ in range(12):  # a key every 150 ms: the pause never comes
        now.now += 0.15
        clock.changed()
    assert now.now - 100.0 > 1.5
    assert clock.due_in() == 100.0 + 2.0 - now.now
    now.now = 102.5
    clock.changed()
    assert clock.due_in() == 0.0  # overdue: now
    clock.started()  # the save took its copy
    assert clock.due_in() is None
    clock.changed()
    assert clock.due_in() == 1.0  # the next round begins with this change


def test_a_key_that_waited_counts_from_when_it_was_typed() -> None:
    # Keys typed while the focus moves wait to be handed on (tui/key_order.py); the
    # ceiling counts from the typing, or a kill could take more than two seconds of it.
    now = Clock()
    clock = AutosaveClock(clock=now)
    clock.key_waiting()  # 100.0: typed, held while part 1 is built
    now.now += 0.3
    clock.key_waiting()  # a second key held: the first one's time stays
    now.now += 0.9  # 101.2: handed on, now in the text
    clock.changed()
    assert clock.due_in() == pytest.approx(0.8)  # at 102.0: from the typing, not 101.2
    now.now += 0.1
    clock.key_waiting()  # held as the save takes its copy: not in that copy
    clock.started()
    now.now += 1.2  # 102.5: handed on at last
    clock.changed()
    assert clock.due_in() == pytest.approx(0.8)  # at 103.3: from when it was typed (101.3)
    clock.started()
    clock.changed()
    assert clock.due_in() == 1.0  # nothing waits any more: as before


def test_the_session_says_when_and_what_to_tell(data_dir: Path) -> None:
    now = Clock()
    session = EditingSession(Store(data_dir), AutosaveClock(clock=now))
    session.new("da")
    assert session.save_due_in() is None
    assert session.status().kind == "idle"
    session.set_part("introduction", "hej")
    assert session.save_due_in() == 1.0
    assert session.status().kind == "pending"  # only in memory: never "saved"
    assert session.save_now().kind == "saved"
    assert session.status().kind == "saved" and session.save_due_in() is None
    session.set_part("introduction", "hej igen")
    assert session.status().kind == "pending"
    assert session.saved_this_run


def test_in_memory_it_never_claims_a_save() -> None:
    session = EditingSession(MemoryStore())
    session.new("da")
    session.set_part("introduction", "hej")
    assert session.status().in_memory
    session.save_now()
    assert session.status().kind == "saved" and session.status().in_memory
    assert not session.saved_this_run  # nothing went to a disk
