"""Settings: private atomic file, lenient reading, removal."""

from __future__ import annotations

import errno
import json
import os
import stat
import typing
from pathlib import Path

import pytest

from peerprep import settings
from peerprep.choices import THEMES
from peerprep.settings import Settings, SettingsError


def test_defaults_when_there_is_no_file(config_dir: Path) -> None:
    assert settings.load(config_dir) == Settings()
    assert not config_dir.exists(), "reading creates nothing"


def test_save_and_load(config_dir: Path) -> None:
    chosen = Settings(language="en", theme="peerprep-high-contrast", peer_mode=True)
    path = settings.save(config_dir, chosen)
    assert path == config_dir / "settings.json"
    assert settings.load(config_dir) == chosen
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(config_dir.stat().st_mode) == 0o700


@pytest.mark.parametrize("raw", [b"", b"{broken", b"[]", b"\xff\xfe", b"null", b"[" * 100_000])
def test_a_broken_file_gives_defaults_and_is_left_alone(config_dir: Path, raw: bytes) -> None:
    config_dir.mkdir(parents=True)
    path = config_dir / "settings.json"
    path.write_bytes(raw)
    assert settings.load(config_dir) == Settings()
    assert path.read_bytes() == raw


def test_one_bad_value_costs_only_that_value(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    data = {"language": "en", "theme": "a-theme-from-the-future", "privacy_minutes": 0,
            "peer_mode": True, "new_setting": [1, 2]}  # fmt: skip
    (config_dir / "settings.json").write_text(json.dumps(data), encoding="utf-8")
    loaded = settings.load(config_dir)
    assert loaded.language == "en" and loaded.peer_mode is True
    assert loaded.theme == Settings().theme
    assert loaded.privacy_minutes == Settings().privacy_minutes
    assert loaded.extra == {"new_setting": [1, 2]}, "a newer version's setting is kept"


def test_a_failed_save_says_why(config_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(SettingsError) as caught:
        settings.save(config_dir, Settings())
    assert caught.value.key == "errors.disk_full"


def test_remove_deletes_the_file_and_an_empty_folder(config_dir: Path) -> None:
    settings.save(config_dir, Settings(peer_mode=True))
    assert settings.remove(config_dir) == [config_dir / "settings.json"]
    assert not config_dir.exists()
    assert settings.remove(config_dir) == []


def test_remove_keeps_a_folder_with_other_things_in_it(config_dir: Path) -> None:
    settings.save(config_dir, Settings())
    (config_dir / "other.txt").write_text("x", encoding="utf-8")
    settings.remove(config_dir)
    assert (config_dir / "other.txt").exists()


def test_the_theme_names_agree_with_keys() -> None:
    assert typing.get_args(settings.Theme) == THEMES
    assert settings.THEMES == THEMES


def test_config_dir_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PEERPREP_CONFIG_DIR", str(tmp_path / "c"))
    assert settings.resolve_config_dir() == tmp_path / "c"
    assert settings.resolve_config_dir(tmp_path / "d") == tmp_path / "d"
    monkeypatch.delenv("PEERPREP_CONFIG_DIR")
    assert settings.resolve_config_dir().name == "peerprep"


def test_a_hand_edited_file_is_read_leniently_and_bad_values_fall_back(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    data = {"peer_mode": "yes", "privacy_minutes": "7", "cursor_blink": 0,
            "speech_speed": 12, "theme": "peerprep-high-contrast"}  # fmt: skip
    (config_dir / "settings.json").write_text(json.dumps(data), encoding="utf-8")
    loaded = settings.load(config_dir)
    assert loaded.peer_mode is True and loaded.privacy_minutes == 7
    assert loaded.cursor_blink is False and loaded.theme == "peerprep-high-contrast"
    assert loaded.speech_speed == Settings().speech_speed  # below 50: the default


def test_a_setting_is_checked_when_it_changes(config_dir: Path) -> None:
    chosen = Settings()
    with pytest.raises(ValueError):
        chosen.theme = "no-such-theme"  # type: ignore[assignment]
    with pytest.raises(ValueError):
        Settings(erase_minutes=0)
    assert chosen.theme == Settings().theme
    settings.save(config_dir, chosen)
    written = json.loads((config_dir / "settings.json").read_text(encoding="utf-8"))
    assert list(written) == [
        "language", "theme", "peer_mode", "cursor_blink", "welcomed", "large_print",
        "privacy_minutes", "erase_minutes", "read_aloud", "speech_voice", "speech_speed",
    ]  # fmt: skip
