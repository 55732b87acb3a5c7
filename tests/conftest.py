"""Shared test isolation: every test gets its own data and config folder, and no network."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

_NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}

# No test may depend on how fast the machine is: hypothesis' per-example deadline is a
# timed assertion in disguise, so it is off for every test.
settings.register_profile("peerprep", deadline=None)
settings.load_profile("peerprep")


class NetworkForbidden(RuntimeError):
    """Raised when code under test reaches for the network."""


def _no_network(event: str, args: tuple) -> None:
    # The program must never open a network socket. An audit hook sees every socket the
    # interpreter creates, including ones made deep inside a library.
    if event == "socket.__new__" and len(args) > 1 and args[1] in _NETWORK_FAMILIES:
        raise NetworkForbidden("peerprep tried to open a network socket")
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        raise NetworkForbidden("peerprep tried to look up a network address")


sys.addaudithook(_no_network)

# The quick part (`pytest -m "not slow"`, under two minutes) leaves these out; CI runs
# everything. Each starts whole programs: the full screen (every test boots the app),
# kills and fuzzing, a fresh interpreter per module and the type check, all three faces.
SLOW_PATHS = (
    "tests/tui/",
    "tests/stress/",
    "tests/test_layers.py",
    "tests/flow/test_faces_agree.py",
)
# Stress tests run for a time budget or a number of rounds of their own (test_tui_keys.py
# took four minutes on a loaded two-core machine).
STRESS_TIMEOUT = 600


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(str(config.rootpath))
    for item in items:
        where = Path(str(item.path)).relative_to(root).as_posix()
        if where.startswith(SLOW_PATHS):
            item.add_marker(pytest.mark.slow)
        if where.startswith("tests/stress/") and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(STRESS_TIMEOUT))


@pytest.fixture(autouse=True)
def isolated(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point every folder the program may use at tmp_path; keep the developer's own out."""
    data = tmp_path / "data"
    config = tmp_path / "config"
    monkeypatch.setenv("PEERPREP_DATA_DIR", str(data))
    monkeypatch.setenv("PEERPREP_CONFIG_DIR", str(config))
    # A ward's machine-wide file on the developer's computer must not switch modes here.
    monkeypatch.setenv("PEERPREP_SITE_CONFIG_DIR", str(tmp_path / "site"))
    # Sheets go to a folder of the test's own, never the developer's Documents folder, and
    # a relative path given to the program lands in the test's folder, not the checkout.
    monkeypatch.setenv("PEERPREP_EXPORT_DIR", str(tmp_path / "exports"))
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    monkeypatch.delenv("PEERPREP_LANG", raising=False)
    monkeypatch.delenv("PEERPREP_SHARED", raising=False)
    monkeypatch.delenv("PEERPREP_PASSPHRASE", raising=False)
    # A bug must surface in a test as its traceback, not as the one polite line a person
    # would see (tests of that line unset this).
    monkeypatch.setenv("PEERPREP_DEBUG", "1")
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    # No print service (a test that needs one makes its own socket), and the answer of the
    # last test's is not kept (export.printing keeps it for a session).
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-print-service"))
    printing = sys.modules.get("peerprep.export.printing")
    if printing is not None:
        printing.forget_printer()
    return tmp_path


@pytest.fixture
def data_dir(isolated: Path) -> Path:
    return isolated / "data"


@pytest.fixture
def config_dir(isolated: Path) -> Path:
    return isolated / "config"


@pytest.fixture
def store(data_dir: Path):
    from peerprep.store import Store

    return Store(data_dir)


@pytest.fixture
def no_hang() -> Iterator[None]:
    """A test that could hang for good when the code it guards breaks (a read of a pipe)
    fails after HANG_SECONDS instead (POSIX: SIGALRM interrupts a blocking read)."""
    import signal

    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(signum: int, frame: object) -> None:
        raise Hung(f"still waiting after {HANG_SECONDS} s: the program would hang")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


HANG_SECONDS = 20


class Hung(BaseException):
    """Not an OSError (the code under test may catch those): it goes all the way up."""


# --- a real printer: a private CUPS scheduler (tests/print_scheduler.py) ------------------


@pytest.fixture(scope="session")
def print_scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A private CUPS scheduler for the whole run, started when a test first needs it;
    None where this machine has no CUPS (CI installs it)."""
    import print_scheduler as cups

    if not cups.available():
        yield None
        return
    with cups.scheduler(tmp_path_factory.mktemp("cups")) as running:
        yield running


@pytest.fixture
def cups_printer(print_scheduler: object, monkeypatch: pytest.MonkeyPatch) -> object:
    """The real `lp`/`lpstat` pointed at the private scheduler, whose default printer is
    idle and accepting, with nothing printed yet. `printed()` reads back what it got."""
    if print_scheduler is None:
        pytest.skip("no CUPS here (cupsd, lp, lpstat); CI installs cups-daemon and cups-client")
    print_scheduler.reset()  # type: ignore[attr-defined]
    monkeypatch.setenv("CUPS_SERVER", str(print_scheduler.socket))  # type: ignore[attr-defined]
    return print_scheduler
