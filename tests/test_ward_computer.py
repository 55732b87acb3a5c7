"""Ward IT's machine-wide file, read line by line, and what shared mode decides from it.

The file is written by hand (Notepad), so every form a person may type is read the same
way: comments with # or ;, a [section] line, quotes around a value, any case, dashes for
underscores. The minutes are used only inside their bounds (the same as the settings),
and every line that cannot be used is named with its number. tests/flow/test_shared_mode.py
has the file's place and failing closed; this is its grammar and its decisions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peerprep.flow.shared_mode import SharedMode, session_settings, settings_keeper
from peerprep.machine import (
    DEFAULT_ERASE_MINUTES,
    DEFAULT_PRIVACY_MINUTES,
    MACHINE_FILE,
    MachineConfig,
    parse_machine_config,
    read_machine_config,
)
from peerprep.settings import DiskSettings, MemorySettings, Settings

PATH = Path("/etc/xdg/peerprep") / MACHINE_FILE


def _read(text: str) -> MachineConfig:
    return parse_machine_config(text, PATH)


def test_a_plain_file_from_ward_it() -> None:
    found = _read("# peerprep on the ward\nshared = yes\nprivacy_minutes = 5\nerase_minutes = 30\n")
    assert found == MachineConfig(PATH, True, True, 5, 30, ())
    assert found.shared is True


@pytest.mark.parametrize(
    "text",
    [
        '; written by IT\n[peerprep]\nShared = "No"\n',
        "# a comment\nshared='no'\n",
        "   \n\nSHARED = NEJ\n",
        "shared = 0",
    ],
)
def test_every_way_of_saying_no(text: str) -> None:
    found = _read(text)
    assert found.shared is False and found.problems == ()


@pytest.mark.parametrize("word", ["yes", "YES", "ja", "1", "on", "true", '"yes"', "'j'"])
def test_every_way_of_saying_yes(word: str) -> None:
    found = _read(f"shared = {word}\n")
    assert found.shared is True and found.problems == ()


def test_names_may_use_dashes_and_any_case() -> None:
    found = _read("Privacy-Minutes = 7\nERASE-minutes = 45\n")
    assert (found.privacy_minutes, found.erase_minutes, found.problems) == (7, 45, ())


@pytest.mark.parametrize(
    ("line", "privacy", "erase"),
    [
        ("privacy_minutes = 1", 1, None),
        ("privacy_minutes = 240", 240, None),
        ("privacy_minutes = 0", None, None),
        ("privacy_minutes = 241", None, None),
        ("erase_minutes = 1", None, 1),
        ("erase_minutes = 1440", None, 1440),
        ("erase_minutes = 0", None, None),
        ("erase_minutes = 1441", None, None),
        ("erase_minutes = -5", None, None),
        ("privacy_minutes = fem", None, None),
    ],
)
def test_minutes_are_used_only_inside_their_bounds(
    line: str, privacy: int | None, erase: int | None
) -> None:
    found = _read(line + "\n")
    assert (found.privacy_minutes, found.erase_minutes) == (privacy, erase)
    used = privacy is not None or erase is not None
    assert found.problems == (() if used else (f"1: {line}",))


def _settings_accept(name: str, minutes: int) -> bool:
    try:
        Settings(**{name: minutes})
    except ValueError:
        return False
    return True


def test_the_bounds_are_the_settings_bounds() -> None:
    for name in ("privacy_minutes", "erase_minutes"):
        # the settings' own bounds, found by asking them: the lowest and highest accepted
        accepted = [n for n in range(0, 2000) if _settings_accept(name, n)]
        low, high = accepted[0], accepted[-1]
        assert accepted == list(range(low, high + 1)) and low >= 1
        assert getattr(_read(f"{name} = {low}"), name) == low  # the edges are read ...
        assert getattr(_read(f"{name} = {high}"), name) == high
        assert getattr(_read(f"{name} = {high + 1}"), name) is None  # ... and no further


def test_every_line_that_cannot_be_used_is_named_with_its_number() -> None:
    long = "colour = " + "x" * 100
    text = "\n".join([
        "# fine",
        "shared = maybe",  # 2: not yes, not no: shared, and said
        "privacy_minutes = 3",
        "this line has no equals sign",  # 4
        "erase_minutes = lots",  # 5
        "privacy_minutes = 999",  # 6
        long,  # 7: an unknown name, cut at 60 characters
    ])  # fmt: skip
    found = _read(text)
    assert found.shared is True
    assert found.problems == (
        "2: shared = maybe",
        "4: this line has no equals sign",
        "5: erase_minutes = lots",
        "6: privacy_minutes = 999",
        f"7: {long[:60]}",
    )
    assert found.privacy_minutes is None  # the last line about it wins: 999 is out of bounds


@pytest.mark.parametrize(
    "line",
    [
        "no equals sign here but a very long line that goes on and on and on and on",
        "shared = " + "perhaps " * 12,
        "privacy_minutes = " + "5" * 70,
        "erase_minutes = " + "9" * 70,
    ],
    ids=["no-sign", "shared", "privacy", "erase"],
)
def test_a_long_line_is_named_by_its_first_sixty_characters(line: str) -> None:
    assert len(line) > 61
    assert _read(line).problems == (f"1: {line[:60]}",)


@pytest.mark.parametrize("value", ["5X", "X5", "5 min", "fem", "5.0", "nej5"])
def test_minutes_are_a_plain_number_or_nothing(value: str) -> None:
    found = _read(f"privacy_minutes = {value}\nerase_minutes = {value}")
    assert (found.privacy_minutes, found.erase_minutes) == (None, None)
    assert len(found.problems) == 2


def test_a_file_that_says_nothing_about_minutes_fixes_none() -> None:
    found = _read("shared = yes\n")
    assert found.privacy_minutes is None and found.erase_minutes is None
    mode = SharedMode(on=True, machine=found)
    assert mode.locked and not mode.timers_fixed
    assert (mode.privacy_minutes, mode.erase_minutes) == (
        DEFAULT_PRIVACY_MINUTES,
        DEFAULT_ERASE_MINUTES,
    )


def test_no_file_means_not_found_and_not_shared(tmp_path: Path) -> None:
    found = read_machine_config([tmp_path / "a", tmp_path / "b"])
    assert found == MachineConfig(tmp_path / "a" / MACHINE_FILE)
    assert not found.found and found.shared is False
    assert read_machine_config([]).path == Path(MACHINE_FILE)


def test_a_file_that_says_shared_wins_wherever_it_is(tmp_path: Path) -> None:
    """Fails closed (issue 12): a "no" in a folder looked at first cannot switch off a
    "yes" placed by IT in another; where every file says no, the first is named."""
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, text in ((first, "shared = no\n"), (second, "shared = yes\n")):
        folder.mkdir()
        (folder / MACHINE_FILE).write_text(text, encoding="utf-8")
    found = read_machine_config([tmp_path / "none", first, second])
    assert found.path == second / MACHINE_FILE and found.shared is True
    assert read_machine_config([second, first]).shared is True
    (second / MACHINE_FILE).write_text("shared = no\n", encoding="utf-8")
    found = read_machine_config([tmp_path / "none", first, second])
    assert found.path == first / MACHINE_FILE and found.shared is False


def test_a_byte_order_mark_from_notepad_is_no_problem(tmp_path: Path) -> None:
    (tmp_path / MACHINE_FILE).write_bytes("\ufeffshared = nej\r\n".encode())
    found = read_machine_config([tmp_path])
    assert found.shared is False and found.problems == ()


# --- what shared mode decides ---------------------------------------------------------------


def _machine(**values: object) -> MachineConfig:
    return MachineConfig(PATH, found=True, **values)  # type: ignore[arg-type]


def test_ward_it_minutes_go_into_the_session_settings() -> None:
    mode = SharedMode(on=True, machine=_machine(shared=True, privacy_minutes=1, erase_minutes=7))
    settings = session_settings(mode)
    assert (settings.privacy_minutes, settings.erase_minutes) == (1, 7)
    assert mode.timers(Settings()) == (1, 7)


def test_minutes_in_a_file_that_says_no_decide_nothing() -> None:
    """`shared = no` with minutes: the person turned shared mode on themselves, so their
    own settings decide the minutes, not a file that does not lock the mode."""
    mode = SharedMode(on=True, by_flag=True, machine=_machine(shared=False, privacy_minutes=1,
                                                               erase_minutes=2))  # fmt: skip
    assert not mode.locked and not mode.timers_fixed
    settings = Settings(privacy_minutes=4, erase_minutes=40)
    assert mode.timers(settings) == (4, 40)


def test_turning_it_off_keeps_the_machine_file_and_never_passes_it() -> None:
    machine = _machine(shared=False)
    off = SharedMode(on=True, by_flag=True, machine=machine).turn_off()
    assert off.on is False and off.machine is machine
    locked = SharedMode(on=True, machine=_machine(shared=True))
    assert locked.turn_off() is locked and locked.turn_off().on


def test_settings_are_kept_in_memory_only_while_shared(tmp_path: Path) -> None:
    on = settings_keeper(SharedMode(on=True, machine=_machine(shared=True)), tmp_path)
    assert isinstance(on, MemorySettings) and on.in_memory
    off = settings_keeper(SharedMode(on=False, machine=MachineConfig(PATH)), tmp_path)
    assert isinstance(off, DiskSettings)
