"""Passphrase protection: round trip, wrong passphrase, tampering, only ciphertext on disk."""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerprep import crypto, protection
from peerprep.cli import main
from peerprep.model import Preparation
from peerprep.store import Store, StoreError

PASSPHRASE = "korrekt hest batteri hæfteklamme"
SECRET = "Jeg hører stemmer om natten"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real cost (2^17) is for people; tests use a cheap one, except where noted.
    monkeypatch.setattr(crypto, "DEFAULT_N", 2**10)
    monkeypatch.setenv("PEERPREP_SITE_CONFIG_DIR", "/nonexistent-peerprep-site")


def _prep(text: str = SECRET, title: str = "Behandlingsmøde") -> Preparation:
    prep = Preparation.new("da")
    prep.title = title
    prep.set_part("help_with", text)
    return prep


def _all_bytes(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _contains_anywhere(root: Path, text: str) -> list[Path]:
    needles = [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    return [p for p, data in _all_bytes(root).items() if any(n in data for n in needles)]


# --- the envelope ---------------------------------------------------------------------


def test_round_trip_and_envelope_records_format_and_kdf() -> None:
    cipher = crypto.Cipher.create(PASSPHRASE)
    sealed = cipher.seal(SECRET.encode("utf-8"))
    data = json.loads(sealed)
    assert data["format"] == "peerprep-encrypted"
    assert data["version"] == 1
    assert data["cipher"] == "AES-256-GCM"
    assert data["kdf"]["name"] == "scrypt"
    assert {"n", "r", "p", "length", "salt"} <= set(data["kdf"])
    assert SECRET.encode("utf-8") not in sealed
    assert crypto.is_envelope(sealed)
    assert cipher.open(sealed) == SECRET.encode("utf-8")
    # another cipher with the same passphrase (a new session) opens it too
    assert crypto.Cipher(PASSPHRASE, crypto.KdfParams.fresh()).open(sealed) == SECRET.encode()


def test_real_default_cost_is_memory_hard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    cipher = crypto.Cipher.create(PASSPHRASE)
    kdf = json.loads(cipher.seal(b"x"))["kdf"]
    assert kdf["n"] >= 2**17 and kdf["r"] >= 8  # OWASP's minimum for scrypt
    assert 128 * kdf["n"] * kdf["r"] >= 128 * 1024 * 1024


def test_each_seal_uses_a_fresh_nonce() -> None:
    cipher = crypto.Cipher.create(PASSPHRASE)
    one, two = json.loads(cipher.seal(b"same")), json.loads(cipher.seal(b"same"))
    assert one["nonce"] != two["nonce"] and one["ciphertext"] != two["ciphertext"]


def test_passphrase_is_normalised() -> None:
    composed, decomposed = "hæfteklamme åben", "hæfteklamme a\u030aben"
    sealed = crypto.Cipher.create(composed).seal(b"text")
    assert crypto.Cipher(decomposed, crypto.KdfParams.fresh()).open(sealed) == b"text"


def test_wrong_passphrase_does_not_open() -> None:
    sealed = crypto.Cipher.create(PASSPHRASE).seal(b"text")
    with pytest.raises(crypto.TamperedError):
        crypto.Cipher("forkert kode her", crypto.KdfParams.fresh()).open(sealed)


def _tamper(sealed: bytes, change) -> bytes:
    data = json.loads(sealed)
    change(data)
    return json.dumps(data).encode("utf-8")


def _flip_ciphertext(data: dict) -> None:
    raw = bytearray(base64.b64decode(data["ciphertext"]))
    raw[3] ^= 0x01
    data["ciphertext"] = base64.b64encode(bytes(raw)).decode()


def _flip_nonce(data: dict) -> None:
    raw = bytearray(base64.b64decode(data["nonce"]))
    raw[0] ^= 0x80
    data["nonce"] = base64.b64encode(bytes(raw)).decode()


def _flip_salt(data: dict) -> None:
    raw = bytearray(base64.b64decode(data["kdf"]["salt"]))
    raw[0] ^= 0x01
    data["kdf"]["salt"] = base64.b64encode(bytes(raw)).decode()


def _cut_tag(data: dict) -> None:
    data["ciphertext"] = base64.b64encode(base64.b64decode(data["ciphertext"])[:-1]).decode()


@pytest.mark.parametrize(
    "change",
    [
        _flip_ciphertext,
        _flip_nonce,
        _flip_salt,
        _cut_tag,
        lambda d: d["kdf"].update(r=d["kdf"]["r"] + 1),
        lambda d: d["kdf"].update(n=d["kdf"]["n"] * 2),
        lambda d: d["kdf"].update(n=3),  # not a power of two
        lambda d: d["kdf"].update(n=2**30),  # would need gigabytes: refused before deriving
        lambda d: d["kdf"].update(p=10**9),
        lambda d: d["kdf"].update(n="1024"),
        lambda d: d["kdf"].update(n=True),
        lambda d: d.update(nonce="not base64 !!"),
        lambda d: d.update(ciphertext=12),
        lambda d: d.pop("nonce"),
        lambda d: d["kdf"].pop("salt"),
    ],
)
def test_tampering_is_detected(change) -> None:
    cipher = crypto.Cipher.create(PASSPHRASE)
    sealed = _tamper(cipher.seal(b"the words"), change)
    with pytest.raises(crypto.TamperedError):
        cipher.open(sealed)


@pytest.mark.parametrize(
    "change",
    [lambda d: d.update(version=2), lambda d: d.update(cipher="ROT13"),
     lambda d: d["kdf"].update(name="md5")],
)  # fmt: skip
def test_unknown_envelope_versions_are_named(change) -> None:
    cipher = crypto.Cipher.create(PASSPHRASE)
    with pytest.raises(crypto.CryptoError) as caught:
        cipher.open(_tamper(cipher.seal(b"x"), change))
    assert caught.value.key == "crypto.unknown_version"


def test_a_plain_preparation_is_not_an_envelope() -> None:
    prep = _prep(text="peerprep-encrypted is just words here")
    assert not crypto.is_envelope(prep.to_json().encode("utf-8"))
    assert not crypto.is_envelope(b"\x00\xff" * 50)


def test_repr_shows_no_secret() -> None:
    cipher = crypto.Cipher.create(PASSPHRASE)
    assert PASSPHRASE not in repr(cipher) and "salt" not in repr(cipher)


def test_new_passphrase_rules() -> None:
    with pytest.raises(crypto.CryptoError) as short:
        crypto.check_new_passphrase("kort")
    assert short.value.key == "crypto.too_short"
    with pytest.raises(crypto.CryptoError) as differ:
        crypto.check_new_passphrase(PASSPHRASE, PASSPHRASE + "x")
    assert differ.value.key == "crypto.not_same"
    crypto.check_new_passphrase(PASSPHRASE, PASSPHRASE)


# --- a protected folder ---------------------------------------------------------------


def test_protect_encrypts_every_file_and_unprotect_gives_plain_json(data_dir: Path) -> None:
    store = Store(data_dir)
    preps = [_prep(f"{SECRET} {i}") for i in range(3)]
    for prep in preps:
        store.save(prep)
    cipher = protection.protect(store, PASSPHRASE)
    assert crypto.is_protected(data_dir)
    assert _contains_anywhere(data_dir, SECRET) == []
    for path in (data_dir / "preparations").glob("*.json"):
        assert crypto.is_envelope(path.read_bytes())

    # a new session: the passphrase opens everything; without it, nothing
    opened = Store(data_dir, cipher=crypto.unlock(data_dir, PASSPHRASE))
    assert {p.statement.help_with for p in opened.list().preparations} == {
        p.statement.help_with for p in preps
    }
    with pytest.raises(crypto.CryptoError) as caught:
        Store(data_dir).load(preps[0].id)
    assert caught.value.key == "crypto.needs_passphrase"

    # a save while protected stays encrypted
    changed = opened.load(preps[0].id)
    changed.set_part("so_that", "jeg kan sove igen")
    opened.save(changed.touched())
    assert _contains_anywhere(data_dir, "jeg kan sove igen") == []

    assert protection.unprotect(store, cipher) == 3
    assert not crypto.is_protected(data_dir)
    for path in (data_dir / "preparations").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["schema_version"] == 1
    assert Store(data_dir).load(preps[0].id).statement.so_that == "jeg kan sove igen"


def test_wrong_passphrase_changes_nothing(data_dir: Path) -> None:
    store = Store(data_dir)
    store.save(_prep())
    protection.protect(store, PASSPHRASE)
    before = _all_bytes(data_dir)
    with pytest.raises(crypto.WrongPassphrase):
        crypto.unlock(data_dir, "ikke den rigtige kode")
    with pytest.raises(crypto.WrongPassphrase):
        protection.protect(Store(data_dir), "ikke den rigtige kode")
    assert _all_bytes(data_dir) == before


def test_tampered_file_is_quarantined_the_others_still_load(data_dir: Path) -> None:
    store = Store(data_dir)
    good, bad = _prep("god"), _prep("dårlig")
    store.save(good)
    store.save(bad)
    cipher = protection.protect(store, PASSPHRASE)
    path = data_dir / "preparations" / f"{bad.id}.json"
    path.write_bytes(_tamper(path.read_bytes(), _flip_ciphertext))
    listing = Store(data_dir, cipher=cipher).list()
    assert [p.id for p in listing.preparations] == [good.id]
    assert [q.reason for q in listing.quarantined] == ["crypto.tampered"]
    assert listing.quarantined[0].moved_to.exists()  # set aside, never deleted


def test_protect_interrupted_half_way_can_be_finished(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(data_dir)
    preps = [_prep(f"del {i}") for i in range(4)]
    for prep in preps:
        store.save(prep)
    real_save = Store.save
    calls = {"n": 0}

    def dying_save(self: Store, prep: Preparation) -> Path:
        calls["n"] += 1
        if calls["n"] > 2:
            raise StoreError("errors.disk_full", path="x")
        return real_save(self, prep)

    monkeypatch.setattr(Store, "save", dying_save)
    with pytest.raises(StoreError):
        protection.protect(store, PASSPHRASE)
    monkeypatch.setattr(Store, "save", real_save)
    # half plain, half sealed: the marker asks for the passphrase, and everything reads
    assert crypto.is_protected(data_dir)
    mixed = Store(data_dir, cipher=crypto.unlock(data_dir, PASSPHRASE))
    assert len(mixed.list().preparations) == 4
    protection.protect(Store(data_dir), PASSPHRASE)  # again: finishes the job
    assert _contains_anywhere(data_dir, "del ") == []


def test_a_file_from_another_salt_opens_with_the_same_passphrase(data_dir: Path) -> None:
    elsewhere = crypto.Cipher.create(PASSPHRASE)
    prep = _prep()
    store = Store(data_dir)
    protection.protect(store, PASSPHRASE)
    (data_dir / "preparations").mkdir(exist_ok=True)
    (data_dir / "preparations" / f"{prep.id}.json").write_bytes(
        elsewhere.seal(prep.to_json().encode("utf-8"))
    )
    opened = Store(data_dir, cipher=crypto.unlock(data_dir, PASSPHRASE))
    assert opened.load(prep.id).statement.help_with == SECRET


def test_broken_marker_is_a_plain_message(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    crypto.protection_path(data_dir).write_text("{}", encoding="utf-8")
    with pytest.raises(crypto.CryptoError) as caught:
        crypto.unlock(data_dir, PASSPHRASE)
    assert caught.value.key == "crypto.marker_broken"


# --- the command line -----------------------------------------------------------------


def _run(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def test_cli_protect_list_unprotect(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(data_dir).save(_prep())
    # the warning comes first; no recovery is said before anything happens
    assert _run(["--lang", "en", "protect"], monkeypatch, "no\n") == 1
    out = capsys.readouterr().out
    assert "nobody can open them again" in out and not crypto.is_protected(data_dir)

    answers = f"yes\n{PASSPHRASE}\n{PASSPHRASE}\n"
    assert _run(["--lang", "en", "protect"], monkeypatch, answers) == 0
    assert crypto.is_protected(data_dir)
    assert _contains_anywhere(data_dir, SECRET) == []
    capsys.readouterr()

    assert _run(["--lang", "en", "list"], monkeypatch, "wrong passphrase\n") == 1
    assert "not right" in capsys.readouterr().err
    assert _run(["--lang", "en", "list"], monkeypatch, PASSPHRASE + "\n") == 0
    assert "Behandlingsmøde" in capsys.readouterr().out

    monkeypatch.setenv("PEERPREP_PASSPHRASE", PASSPHRASE)  # the less safe way, for scripts
    assert _run(["--lang", "en", "list"], monkeypatch) == 0
    monkeypatch.delenv("PEERPREP_PASSPHRASE")

    assert _run(["--lang", "en", "unprotect"], monkeypatch, PASSPHRASE + "\n") == 0
    assert not crypto.is_protected(data_dir)
    assert _contains_anywhere(data_dir, SECRET) != []


def test_cli_protect_refuses_two_different_passphrases(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(data_dir).save(_prep())
    assert _run(["protect", "--yes"], monkeypatch, f"{PASSPHRASE}\n{PASSPHRASE}!\n") == 1
    assert "ikke ens" in capsys.readouterr().err
    assert not crypto.is_protected(data_dir)


def test_cli_without_anyone_to_ask_says_so(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(data_dir)
    prep = _prep()
    store.save(prep)
    protection.protect(store, PASSPHRASE)
    assert _run(["show", prep.id], monkeypatch, "") == 1  # stdin closed: nobody to ask
    assert "låst med en kode" in capsys.readouterr().err


def test_wipe_needs_no_passphrase_and_removes_the_marker(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(data_dir)
    store.save(_prep())
    protection.protect(store, PASSPHRASE)
    assert _run(["wipe", "--yes"], monkeypatch) == 0
    assert not data_dir.exists()


def test_passphrase_is_never_written_anywhere(
    isolated: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(data_dir).save(_prep())
    answers = f"{PASSPHRASE}\n{PASSPHRASE}\n"
    assert _run(["protect", "--yes"], monkeypatch, answers) == 0
    assert _run(["list"], monkeypatch, PASSPHRASE + "\n") == 0
    assert _run(["where"], monkeypatch, PASSPHRASE + "\n") == 0
    assert _run(["unprotect"], monkeypatch, PASSPHRASE + "\n") == 0
    assert _run(["protect", "--yes"], monkeypatch, answers) == 0
    assert _contains_anywhere(isolated, PASSPHRASE) == []
    # nor a key derived from it: the envelope holds only salt, nonce and ciphertext
    marker = json.loads(crypto.protection_path(data_dir).read_text(encoding="utf-8"))
    assert set(marker) == {"format", "version", "cipher", "kdf", "nonce", "ciphertext"}


# --- protection and other programs --------------------------------------------------------


@pytest.fixture
def open_elsewhere(data_dir: Path) -> Iterator[Preparation]:
    """A preparation that another running program has open (it holds the editing lock)."""
    prep = _prep("åben i et andet vindue")
    Store(data_dir).save(prep)
    code = (
        "import sys\n"
        "from peerprep.store import Store\n"
        f"lock = Store(sys.argv[1]).lock({prep.id!r})\n"
        "print('locked', flush=True)\n"
        "sys.stdin.read()\n"
    )
    other = subprocess.Popen(
        [sys.executable, "-c", code, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert other.stdout is not None and other.stdout.readline() == b"locked\n"
        yield prep
    finally:
        other.kill()
        other.wait(timeout=30)


def test_protect_and_unprotect_wait_while_a_preparation_is_open_elsewhere(
    data_dir: Path, open_elsewhere: Preparation
) -> None:
    """The other program would go on writing plain text into a locked folder (or locked
    files into a plain one): refused, and nothing changes."""
    before = _all_bytes(data_dir)
    with pytest.raises(crypto.CryptoError) as caught:
        protection.protect(Store(data_dir), PASSPHRASE)
    assert caught.value.key == "crypto.open_elsewhere"
    assert _all_bytes(data_dir) == before and not crypto.is_protected(data_dir)


def test_unprotect_waits_too(data_dir: Path) -> None:
    store = Store(data_dir)
    store.save(_prep())
    cipher = protection.protect(store, PASSPHRASE)
    code = (
        "import sys\n"
        "from peerprep import crypto\n"
        "from peerprep.store import Store\n"
        "store = Store(sys.argv[1], cipher=crypto.unlock(sys.argv[1], sys.argv[2]))\n"
        "lock = store.lock(store.list().preparations[0].id)\n"
        "print('locked', flush=True)\n"
        "sys.stdin.read()\n"
    )
    other = subprocess.Popen([sys.executable, "-c", code, str(data_dir), PASSPHRASE],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)  # fmt: skip
    try:
        assert other.stdout is not None and other.stdout.readline() == b"locked\n"
        with pytest.raises(crypto.CryptoError) as caught:
            protection.unprotect(store, cipher)
        assert caught.value.key == "crypto.open_elsewhere"
        assert crypto.is_protected(data_dir) and _contains_anywhere(data_dir, SECRET) == []
    finally:
        other.kill()
        other.wait(timeout=30)


def test_a_running_program_never_writes_plain_text_into_a_folder_protected_meanwhile(
    data_dir: Path,
) -> None:
    """It opened the folder before protection went on (another program did that): its
    next save is refused with a sentence that says so; the file stays encrypted."""
    from peerprep.flow.editing import EditingSession

    running = Store(data_dir)
    prep = _prep()
    running.save(prep)
    session = EditingSession(running)
    session.open(prep.id)
    session.set_part("so_that", "jeg kan sove igen")
    protection.protect(Store(data_dir), PASSPHRASE)  # the lock is this process's own
    state = session.save_now()
    assert state.kind == "failed" and state.error_key == "crypto.protected_meanwhile"
    assert _contains_anywhere(data_dir, "sove igen") == []
    assert _contains_anywhere(data_dir, SECRET) == []
    assert session.prep is not None and session.prep.statement.so_that == "jeg kan sove igen"


def test_cli_protect_again_finishes_an_interrupted_protect(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Interrupted (the marker is there, two files are still plain): `where` says so,
    and `peerprep protect` asks for the passphrase and finishes, instead of saying
    "already locked" and doing nothing."""
    store = Store(data_dir)
    for i in range(2):
        store.save(_prep(f"{SECRET} {i}"))
    protection.protect(Store(data_dir), PASSPHRASE)
    Store(data_dir, cipher=None, unprotecting=True).save(_prep(f"{SECRET} sen"))  # left plain
    store.quarantine_dir.mkdir()
    (store.quarantine_dir / "x.20240101-000000.json").write_text(f'{{"gammel": "{SECRET}"}}')
    assert protection.plain_left(data_dir) == 2
    monkeypatch.setenv("PEERPREP_PASSPHRASE", PASSPHRASE)
    assert _run(["--lang", "en", "where"], monkeypatch) == 0
    assert "2 files are not locked yet" in capsys.readouterr().out
    assert _run(["--lang", "en", "protect"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "not finished" in out and "Number of preparations: 3" in out
    assert protection.plain_left(data_dir) == 0
    assert _contains_anywhere(data_dir, SECRET) == []
    assert _run(["--lang", "en", "protect"], monkeypatch) == 0
    assert "already locked" in capsys.readouterr().out


def test_files_put_aside_are_locked_too_and_unlocked_again(data_dir: Path) -> None:
    store = Store(data_dir)
    store.save(_prep())
    store.quarantine_dir.mkdir()
    aside = store.quarantine_dir / "20240101-000000-abcdef.20240102-000000.json"
    original = f'{{"broken": "{SECRET}"'.encode()
    aside.write_bytes(original)
    cipher = protection.protect(store, PASSPHRASE)
    assert crypto.is_envelope(aside.read_bytes())
    assert _contains_anywhere(data_dir, SECRET) == []
    protection.unprotect(store, cipher)
    assert aside.read_bytes() == original


def test_files_of_the_other_kind_never_hide_the_rest(data_dir: Path) -> None:
    """A locked file copied into a folder that is not protected, and a preparation with a
    field that looks like the envelope's marker: every preparation is still listed, the
    locked file is named, and nobody is asked for a passphrase this folder does not have."""
    store = Store(data_dir)
    good = _prep("mine ord", title="God")
    store.save(good)
    locked = crypto.Cipher.create(PASSPHRASE).seal(_prep().to_json().encode())
    locked_path = store.preparations_dir / "20240101-000000-10c4ed.json"
    locked_path.write_bytes(locked)
    odd = json.loads(_prep("også mine", title="Med mærke").to_json())
    odd["format"] = "peerprep-encrypted"
    odd["ciphertext"] = "ikke krypteret"
    odd_path = store.preparations_dir / f"{odd['id']}.json"
    odd_path.write_text(json.dumps(odd), encoding="utf-8")
    listing = store.list()
    assert sorted(p.title for p in listing.preparations) == ["God", "Med mærke"]
    assert [(s.path, s.reason) for s in listing.skipped] == [(locked_path, "rows.why.envelope")]
    assert locked_path.read_bytes() == locked  # left exactly as it was
    with pytest.raises(StoreError) as caught:
        store.load(locked_path.stem)
    assert caught.value.key == "crypto.envelope_here"


@pytest.mark.parametrize("kind", ["fifo", "folder", "broken link"])
def test_anything_in_the_markers_place_means_protected(
    data_dir: Path, kind: str, no_hang: None
) -> None:
    """Protection fails closed like shared mode: the folder asks for a passphrase, the
    marker cannot check it, and no plain text is written into the folder."""
    store = Store(data_dir)
    store.save(_prep())
    marker = crypto.protection_path(data_dir)
    if kind == "fifo":
        os.mkfifo(marker)
    elif kind == "folder":
        marker.mkdir()
    else:
        marker.symlink_to(data_dir / "gone")
    assert store.protected
    with pytest.raises(crypto.CryptoError) as caught:
        crypto.unlock(data_dir, PASSPHRASE)
    assert caught.value.key == "crypto.marker_broken"
    with pytest.raises(crypto.CryptoError):
        store.save(_prep("ny tekst"))
    assert _contains_anywhere(data_dir, "ny tekst") == []
