"""Every file the program reads accepts a byte-order mark (Windows Notepad and PowerShell 5.1
write one): settings, preparations, a lock, the machine's shared-computer file, the
protection marker, the catalogues. Unknown settings survive a save (docs/format.md)."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from peerprep import locks, settings
from peerprep.settings import DiskSettings
from peerprep.words import catalogues

FIXTURES = Path(__file__).parent / "fixtures"
BOM = b"\xef\xbb\xbf"


def test_settings_with_a_bom_are_read_and_unknown_keys_kept(config_dir: Path) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    raw = (FIXTURES / "settings-bom.json").read_bytes()
    assert raw.startswith(BOM)
    path = config_dir / "settings.json"
    path.write_bytes(raw)
    keeper = DiskSettings(config_dir)  # what the full screen uses
    loaded = keeper.load()
    assert (loaded.language, loaded.theme, loaded.welcomed) == ("da", "textual-light", True)
    loaded.peer_mode = True  # the person changes a setting: the file is written again
    keeper.save(loaded)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["my_note"] == "keep"  # the setting this version does not know
    assert (data["language"], data["theme"], data["peer_mode"]) == ("da", "textual-light", True)
    assert settings.load(config_dir).extra == {"my_note": "keep"}


def test_a_lock_with_a_bom_still_names_its_holder(tmp_path: Path) -> None:
    info = locks.LockInfo(pid=os.getpid(), host=locks.hostname(), created_at=time.time())
    path = tmp_path / "x.lock"
    path.write_bytes(BOM + info.to_bytes())
    assert locks.read(path) == info


def test_a_machine_file_with_a_bom_is_read(tmp_path: Path) -> None:
    from peerprep.machine import read_machine_config

    (tmp_path / "peerprep.conf").write_bytes(BOM + b"shared = yes\nprivacy_minutes = 7\n")
    config = read_machine_config([tmp_path])
    assert config.found and config.shared and config.privacy_minutes == 7


def test_a_protection_marker_with_a_bom_is_read(tmp_path: Path) -> None:
    from peerprep import crypto
    from peerprep.protection import protect
    from peerprep.store import Store

    passphrase = "korrekt hest batteri hæfteklamme"
    cipher = protect(Store(tmp_path), passphrase, n=2**10)  # a cheap cost: a test
    marker = crypto.protection_path(tmp_path)
    marker.write_bytes(BOM + marker.read_bytes())
    assert crypto.unlock(tmp_path, passphrase).open(cipher.seal(b"hej")) == b"hej"


def test_a_catalogue_file_with_a_bom_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lang = tmp_path / "lang"
    shutil.copytree(catalogues.asset("lang"), lang)
    tui = lang / "da" / "tui.json"
    tui.write_bytes(BOM + tui.read_bytes())
    monkeypatch.setattr(catalogues, "asset", lambda *parts: tmp_path.joinpath(*parts))
    cat = catalogues.catalogue.__wrapped__("da")
    assert cat.text("tui.save.pending") == "Ikke gemt endnu"
