"""Carry your own: save to a folder of one's choice, open from a file (good, broken, hostile)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerprep import crypto, protection
from peerprep.cli import main
from peerprep.flow import preparation_file as transfer
from peerprep.model import Preparation
from peerprep.store import MemoryStore, Store
from peerprep.words import catalogue
from peerprep.words.naming import MAX_STEM

CAT = catalogue("da")


@pytest.fixture(autouse=True)
def no_machine_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERPREP_SITE_CONFIG_DIR", str(tmp_path / "site"))
    monkeypatch.setattr(crypto, "DEFAULT_N", 2**10)


def _prep(title: str = "Mit netværksmøde", text: str = "at få ro") -> Preparation:
    prep = Preparation.new("da")
    prep.title = title
    prep.set_part("important", text)
    return prep


def _tree(root: Path) -> dict[str, bytes]:
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


# --- saving to a folder -------------------------------------------------------------------


def test_save_to_folder_writes_the_json_file(tmp_path: Path) -> None:
    prep = _prep()
    target = transfer.save_to_folder(CAT, prep, tmp_path)
    assert target == tmp_path / "Mit netværksmøde.json"
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == prep.id
    assert transfer.read_file(target).to_json() == prep.to_json()


def test_save_never_overwrites(tmp_path: Path) -> None:
    theirs = tmp_path / "Mit netværksmøde.json"
    theirs.write_text("somebody else's file", encoding="utf-8")
    first = transfer.save_to_folder(CAT, _prep(), tmp_path)
    second = transfer.save_to_folder(CAT, _prep(), tmp_path)
    assert first.name == "Mit netværksmøde (2).json"
    assert second.name == "Mit netværksmøde (3).json"
    assert theirs.read_text(encoding="utf-8") == "somebody else's file"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left


def test_save_to_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(transfer.TransferError) as caught:
        transfer.save_to_folder(CAT, _prep(), tmp_path / "gone")
    assert caught.value.key == "shared.save_no_folder"
    assert not (tmp_path / "gone").exists()


@pytest.mark.parametrize(
    "title",
    ["../../etc/passwd", "CON", "nul.txt", "a/b\\c:d*e?f\"g<h>i|j", "\x00\x1b[31m", "   ...   ",
     "\u202eexe.txt", "x" * 500, "..", "Møde\nmed\tlinjer"],
)  # fmt: skip
def test_unsafe_titles_make_safe_names_inside_the_folder(tmp_path: Path, title: str) -> None:
    prep = _prep(title=title[:200])
    target = transfer.save_to_folder(CAT, prep, tmp_path)
    assert target.parent == tmp_path
    name = target.name
    assert len(name) <= MAX_STEM + len(" (99).json")
    assert not any(ch in name for ch in '/\\:*?"<>|\x00\n\t\u202e')
    assert name.split(".")[0].lower() not in {"con", "nul"}


def test_untitled_preparation_is_named_by_its_meeting(tmp_path: Path) -> None:
    prep = _prep(title="")
    target = transfer.save_to_folder(CAT, prep, tmp_path)
    begun = prep.created_at.astimezone().date().isoformat()
    assert target.name == f"Forberedelse begyndt {begun}.json"  # words.naming's one rule


# --- opening a good file --------------------------------------------------------------------


def test_import_good_file(tmp_path: Path, data_dir: Path) -> None:
    prep = _prep()
    source = transfer.save_to_folder(CAT, prep, tmp_path)
    before = source.read_bytes()
    store = Store(data_dir)
    result = transfer.import_file(store, source)
    assert not result.renamed and not result.already_there
    assert store.load(prep.id).statement.important == "at få ro"
    assert source.read_bytes() == before


def test_import_same_twice_changes_nothing(tmp_path: Path, data_dir: Path) -> None:
    prep = _prep()
    source = transfer.save_to_folder(CAT, prep, tmp_path)
    store = Store(data_dir)
    transfer.import_file(store, source)
    before = _tree(data_dir)
    assert transfer.import_file(store, source).already_there
    assert _tree(data_dir) == before


def test_import_never_overwrites_different_words(tmp_path: Path, data_dir: Path) -> None:
    store = Store(data_dir)
    mine = _prep(text="mine ord")
    store.save(mine)
    other = mine.model_copy(deep=True)
    other.set_part("important", "andre ord")
    source = tmp_path / "other.json"
    source.write_text(other.to_json(), encoding="utf-8")
    result = transfer.import_file(store, source)
    assert result.renamed and result.prep.id != mine.id
    assert store.load(mine.id).statement.important == "mine ord"
    assert store.load(result.prep.id).statement.important == "andre ord"


def test_import_into_memory_store_writes_nothing(tmp_path: Path, isolated: Path) -> None:
    source = transfer.save_to_folder(CAT, _prep(), tmp_path)
    before = _tree(isolated)
    store = MemoryStore()
    transfer.import_file(store, source)
    assert len(store.list().preparations) == 1
    assert _tree(isolated) == before


def test_import_an_older_version_file(tmp_path: Path, data_dir: Path) -> None:
    old = {"version": 0, "id": "old-one", "created": "2024-01-02T10:00:00+01:00",
           "lang": "da", "meeting_kind": "jobcenter", "important": "mit arbejde"}  # fmt: skip
    source = tmp_path / "old.json"
    source.write_text(json.dumps(old), encoding="utf-8")
    result = transfer.import_file(Store(data_dir), source)
    assert result.prep.statement.important == "mit arbejde"
    assert result.prep.meeting.kind == "jobcenter"


# --- broken and hostile files ----------------------------------------------------------------


def _write(tmp_path: Path, content: bytes, name: str = "file.json") -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


def _deep(depth: int) -> bytes:
    return b'{"statement": ' * depth + b"1" + b"}" * depth


BROKEN = {
    "empty": b"",
    "spaces": b"   \n",
    "not utf-8": b"\xff\xfe\x00garbage\x80",
    "not json": b"{ this is not json",
    "a list": b"[1, 2, 3]",
    "a string": b'"hello"',
    "null": b"null",
    "future version": json.dumps({"schema_version": 99, "id": "x"}).encode(),
    "duplicate keys": b'{"schema_version": 1, "schema_version": 1}',
    "statement is a list": json.dumps({"schema_version": 1, "statement": ["a"]}).encode(),
    "part is a number": json.dumps({"schema_version": 1, "statement": {"important": 7}}).encode(),
    "id with a path": json.dumps({"schema_version": 1, "id": "../../x"}).encode(),
    "version is text": json.dumps({"schema_version": "1"}).encode(),
    "bool version": json.dumps({"schema_version": True}).encode(),
    "part too long": json.dumps(
        {"schema_version": 1, "statement": {"important": "x" * 100_000}}
    ).encode(),
    "deeply nested": _deep(100_000),
    "nested lists": b"[" * 500_000 + b"]" * 500_000,
    "huge number": b'{"schema_version": ' + b"9" * 100_000 + b"}",
    "NaN": b'{"schema_version": NaN}',
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_are_refused_and_nothing_is_touched(
    tmp_path: Path, data_dir: Path, name: str
) -> None:
    store = Store(data_dir)
    store.save(_prep())
    source = _write(tmp_path, BROKEN[name])
    before_store, before_source = _tree(data_dir), _tree(source.parent)
    with pytest.raises(transfer.TransferError) as caught:
        transfer.import_file(store, source)
    assert caught.value.key == "shared.import_bad"
    message = transfer.describe(CAT, caught.value)
    assert message.startswith("Filen file.json kan ikke åbnes: ")
    assert "errors." not in message and "Intet er ændret" in message
    assert _tree(data_dir) == before_store  # not even a quarantine folder
    assert _tree(source.parent) == before_source


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    source = tmp_path / "huge.json"
    with source.open("wb") as handle:
        handle.truncate(transfer.MAX_FILE_BYTES + 1)  # sparse: big, but costs no disk
    with pytest.raises(transfer.TransferError) as caught:
        transfer.read_file(source)
    assert caught.value.key == "shared.import_too_big"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(transfer.TransferError) as caught:
        transfer.read_file(tmp_path)
    assert caught.value.key == "shared.import_not_a_file"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(transfer.TransferError) as caught:
        transfer.read_file(tmp_path / "nope.json")
    assert caught.value.key == "shared.import_missing"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
def test_a_pipe_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(transfer.TransferError) as caught:
        transfer.read_file(fifo)
    assert caught.value.key == "shared.import_not_a_file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="POSIX devices")
def test_an_endless_device_does_not_hang(tmp_path: Path) -> None:
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(transfer.TransferError) as caught:
        transfer.read_file(link)
    assert caught.value.key == "shared.import_not_a_file"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=4),
    max_leaves=20,
)  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=200),
        json_values.map(lambda v: json.dumps(v).encode()),
        st.dictionaries(
            st.sampled_from(["schema_version", "id", "title", "statement", "meeting", "questions"]),
            json_values,
        ).map(lambda v: json.dumps({"schema_version": 1, **v}).encode()),
    )
)
def test_any_file_is_opened_or_refused_plainly(tmp_path: Path, content: bytes) -> None:
    source = tmp_path / "fuzz.json"
    source.write_bytes(content)
    store = MemoryStore()
    try:
        transfer.import_file(store, source)
    except transfer.TransferError as error:
        assert transfer.describe(CAT, error)
        assert store.list().preparations == []
    else:
        assert len(store.list().preparations) == 1


# --- locked files ---------------------------------------------------------------------------


def test_import_an_encrypted_file(tmp_path: Path, data_dir: Path) -> None:
    passphrase = "en lang nok kode"
    prep = _prep()
    sealed = _write(tmp_path, crypto.Cipher.create(passphrase).seal(prep.to_json().encode()))
    with pytest.raises(transfer.TransferError) as plain:
        transfer.import_file(Store(data_dir), sealed)
    assert plain.value.key == "shared.import_locked"

    store = Store(data_dir)
    store.save(_prep("Noget andet"))
    cipher = protection.protect(store, passphrase)
    assert transfer.import_file(Store(data_dir, cipher=cipher), sealed).prep.id == prep.id

    other = protection.protect(Store(tmp_path / "other"), "en helt anden kode")
    with pytest.raises(transfer.TransferError) as wrong:
        transfer.read_file(sealed, other)
    assert wrong.value.key == "shared.import_wrong_passphrase"


# --- the command line -----------------------------------------------------------------------


def test_cli_import(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = transfer.save_to_folder(CAT, _prep(), tmp_path)
    assert main(["import", str(source)]) == 0
    assert "Åbnet og gemt: Mit netværksmøde" in capsys.readouterr().out
    assert main(["import", str(source)]) == 0
    assert "allerede" in capsys.readouterr().out
    bad = _write(tmp_path, b"{broken")
    assert main(["--lang", "en", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert (
        err.strip()
        == "The file file.json cannot be opened: the file is broken. Nothing was changed."
    )
