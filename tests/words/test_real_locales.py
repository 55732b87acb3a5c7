"""The language and the terminal's encoding from real locales, not a mocked locale module.

The locales are real: the system's where it has them (CI builds da_DK.UTF-8 and
en_GB.UTF-8 with localedef), else built here with localedef into a folder of the test
run's own (LOCPATH), which needs no root. Where neither can be done (no localedef, or no
locale sources: Debian's `locales` package) the tests skip and say so.

- No locale variable at all and a Danish (English) locale set for the process: the
  program speaks Danish (English); this is the path a Windows computer takes.
- The whole program under LANG=da_DK.UTF-8 and LANG=en_GB.UTF-8 speaks that language.
- Plain mode in a real Latin-1 Danish terminal (da_DK.ISO-8859-1, as an old terminal or
  a Windows console is set up): Danish letters typed in Latin-1 are saved as the letters
  they are, and what is printed is Latin-1 the terminal can show.
"""

from __future__ import annotations

import json
import locale
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from peerprep.words import catalogue
from peerprep.words.language import resolve_language

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def _system_has(name: str) -> bool:
    try:
        listed = subprocess.run(["locale", "-a"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    wanted = name.lower().replace("-", "").replace("utf8", "utf-8").replace("utf-8", "utf8")
    return any(
        line.strip().lower().replace("-", "") == wanted for line in listed.stdout.splitlines()
    )


@pytest.fixture(scope="session")
def locale_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], dict]]:
    """A function: locale name ("da_DK.UTF-8") -> the environment variables that make it
    available (LOCPATH when it had to be built here). Skips when it cannot be had."""
    built = tmp_path_factory.mktemp("locales")
    cache: dict[str, dict[str, str]] = {}

    def get(name: str) -> dict[str, str]:
        if name in cache:
            return cache[name]
        if _system_has(name):
            cache[name] = {}
            return cache[name]
        source, _, charset = name.partition(".")
        localedef = shutil.which("localedef")
        if localedef is None or not Path("/usr/share/i18n/locales", source).exists():
            pytest.skip(f"no {name} locale here and none can be built (localedef, locales)")
        done = subprocess.run(
            [localedef, "-i", source, "-f", charset, str(built / name)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if not (built / name).is_dir():  # localedef warns (exit 1) on harmless things
            pytest.skip(f"localedef could not build {name}: {done.stderr.strip()[:200]}")
        cache[name] = {"LOCPATH": str(built)}
        return cache[name]

    yield get


@pytest.fixture
def process_locale(
    locale_folder: Callable[[str], dict], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str], None]]:
    """Set the test process's own locale for real (setlocale), with no locale variable
    left to say anything; the old locale comes back afterwards."""
    saved = locale.setlocale(locale.LC_ALL)
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)

    def use(name: str) -> None:
        for variable, value in locale_folder(name).items():
            monkeypatch.setenv(variable, value)
        locale.setlocale(locale.LC_ALL, name)

    try:
        yield use
    finally:
        locale.setlocale(locale.LC_ALL, saved)


@pytest.mark.parametrize("name", ["da_DK.UTF-8", "en_GB.UTF-8"])
def test_with_no_locale_variable_the_language_is_danish(
    process_locale: Callable[[str], None], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no variable names a locale (only Windows does without; elsewhere Python then
    runs in C.UTF-8, which its locale module reports as "en_US"), the language is Danish,
    as documented (issue 12), whatever Python's own locale says."""
    process_locale(name)
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    assert locale.getlocale()[0] == name.split(".")[0]  # real, not a stand-in
    assert resolve_language(None) == "da"


def _environment(tmp_path: Path, extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env.pop("PEERPREP_LANG", None)
    env.pop("PYTHONIOENCODING", None)
    env.pop("PYTHONUTF8", None)
    env.update(
        PEERPREP_DATA_DIR=str(tmp_path / "Åses data"),
        PEERPREP_CONFIG_DIR=str(tmp_path / "config"),
    )
    env.update(extra)
    return env


def _child_locale(env: dict[str, str]) -> str:
    """The locale a child process really gets from this environment."""
    code = "import locale; print(locale.setlocale(locale.LC_ALL, ''))"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    return done.stdout.strip()


@pytest.mark.slow  # whole programs
@pytest.mark.parametrize(("name", "language"), [("da_DK.UTF-8", "da"), ("en_GB.UTF-8", "en")])
def test_the_whole_program_speaks_the_language_of_a_real_locale(
    locale_folder: Callable[[str], dict], tmp_path: Path, name: str, language: str
) -> None:
    from peerprep.model import Preparation
    from peerprep.store import Store

    env = _environment(tmp_path, {"LANG": name, **locale_folder(name)})
    assert _child_locale(env) == name
    prep = Preparation.new(language)
    prep.title = "Åse på Ærø"
    Store(tmp_path / "Åses data").save(prep)
    done = subprocess.run(
        [sys.executable, "-m", "peerprep", "list"], env=env, capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert catalogue(language).text("cli.list_header") in out
    assert "Åse på Ærø" in out


@pytest.mark.slow  # whole programs
def test_plain_mode_in_a_real_latin_1_terminal(
    locale_folder: Callable[[str], dict], tmp_path: Path
) -> None:
    name = "da_DK.ISO-8859-1"
    env = _environment(tmp_path, {"LANG": name, **locale_folder(name)})
    assert _child_locale(env) == name
    # new, no meeting now, part 1 in Latin-1 bytes, the other parts and questions skipped
    typed = "\n".join(["", "Søren på Ærø spiser blåbærgrød.", "", "", "", "", "", ""]) + "\n"
    done = subprocess.run(
        [sys.executable, "-m", "peerprep", "--plain", "new"],
        env=env,
        input=typed.encode("latin-1"),
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    [path] = (tmp_path / "Åses data" / "preparations").glob("*.json")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["statement"]["introduction"] == "Søren på Ærø spiser blåbærgrød."
    out = done.stdout.decode("latin-1")  # the terminal's own encoding, byte for byte
    assert catalogue("da").part("introduction").starter in out
    with pytest.raises(UnicodeDecodeError):
        done.stdout.decode("utf-8")  # it really was written in Latin-1, not UTF-8
