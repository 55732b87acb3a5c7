"""The store's listing reads a file again only when it changed, and never remembers a
broken one: what a person sees in the list is what is on disk, at any count."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

import peerprep.store.disk as disk
from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.store.memory import MemoryStore


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the files the store decodes."""
    counted: list[int] = []
    original = disk.decode

    def counting(raw: bytes) -> Preparation:
        counted.append(1)
        return original(raw)

    monkeypatch.setattr(disk, "decode", counting)
    return counted


def _saved(store: Store, title: str) -> Preparation:
    prep = Preparation.new("da")
    prep.title = title
    prep.set_part("introduction", f"Ord fra {title}")
    store.save(prep)
    return prep


def test_a_second_listing_reads_only_what_changed(store: Store, reads: list[int]) -> None:
    first, second = _saved(store, "Første"), _saved(store, "Anden")
    assert {p.title for p in store.list().preparations} == {"Første", "Anden"}
    assert len(reads) == 2
    reads.clear()
    assert {p.title for p in store.list().preparations} == {"Første", "Anden"}
    assert reads == [], "nothing changed, nothing read again"
    second.title = "Anden, ændret"
    # a minute later (times are kept to the second: "now" could tie with the first save)
    store.save(second.touched(second.updated_at + dt.timedelta(minutes=1)))
    titles = [p.title for p in store.list().preparations]
    assert titles == ["Anden, ændret", "Første"], "the changed file's new content"
    assert len(reads) == 1
    store.delete(first.id)
    assert [p.title for p in store.list().preparations] == ["Anden, ændret"]


def test_a_file_changed_in_place_by_hand_is_read_again(store: Store) -> None:
    prep = _saved(store, "Gammel titel")
    store.list()
    path = store.path_of(prep.id)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] = "Ny titel, længere end før"
    with path.open("w", encoding="utf-8") as handle:  # the same file, not replaced
        json.dump(data, handle, ensure_ascii=False)
    assert [p.title for p in store.list().preparations] == ["Ny titel, længere end før"]


def test_a_listed_file_that_breaks_is_put_aside_and_reported(store: Store) -> None:
    good, other = _saved(store, "God"), _saved(store, "Bliver ødelagt")
    store.list()
    store.path_of(other.id).write_text("{ødelagt", encoding="utf-8")
    listing = store.list()
    assert [p.id for p in listing.preparations] == [good.id], "not served from memory"
    assert [q.original.name for q in listing.quarantined] == [f"{other.id}.json"]


def test_a_broken_file_left_in_place_is_reported_at_every_listing(store: Store) -> None:
    good = _saved(store, "God")
    broken = store.preparations_dir / "20250101-000000-abcdef.json"
    broken.write_text("ikke json", encoding="utf-8")
    store.quarantine_dir.parent.mkdir(parents=True, exist_ok=True)
    store.quarantine_dir.write_text("", encoding="utf-8")  # nowhere to move it to
    for _ in range(2):
        listing = store.list()
        assert [p.id for p in listing.preparations] == [good.id]
        assert [s.path for s in listing.skipped] == [broken]
    assert broken.exists(), "left where it was, never deleted"


def test_newest_reads_the_last_changed_first_and_list_gives_their_own_order(
    store: Store,
) -> None:
    preps = []
    for n in range(5):
        prep = Preparation.new("da")
        prep.title = f"Nummer {n}"
        store.save(prep.touched(prep.updated_at + dt.timedelta(minutes=n)))
        preps.append(prep)
    # File times that disagree with the preparations' own times (copied from a stick):
    # the first look goes by the file, the whole list by the preparation.
    for age, prep in enumerate(preps):
        os.utime(store.path_of(prep.id), (1_000_000 + age, 1_000_000 + age))
    first = store.newest(2)
    assert {p.id for p in first.preparations} == {preps[4].id, preps[3].id}
    assert len(store.newest(10).preparations) == 5
    by_time = sorted(preps, key=lambda p: p.updated_at, reverse=True)
    assert [p.id for p in store.list().preparations] == [p.id for p in by_time]


def test_newest_puts_a_broken_file_aside_like_list(store: Store) -> None:
    _saved(store, "God")
    (store.preparations_dir / "20990101-000000-abcdef.json").write_bytes(b"")
    first = store.newest(5)
    assert [q.reason for q in first.quarantined] == ["errors.file_empty"]
    assert len(first.preparations) == 1


def test_memory_store_has_the_same_first_look() -> None:
    memory = MemoryStore()
    for n in range(3):
        prep = Preparation.new("da")
        prep.title = f"{n}"
        memory.save(prep)
    assert len(memory.newest(2).preparations) == 2
    assert len(memory.newest(9).preparations) == 3
