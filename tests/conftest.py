"""Shared test isolation: every test gets its own data and config folder, and no network."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

_NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}


def _no_network(event: str, args: tuple) -> None:
    # The program must never open a network socket. An audit hook sees every socket the
    # interpreter creates, including ones made deep inside a library.
    if event == "socket.__new__" and len(args) > 1 and args[1] in _NETWORK_FAMILIES:
        raise RuntimeError("peerprep tried to open a network socket")
    if event == "socket.getaddrinfo":
        raise RuntimeError("peerprep tried to look up a network address")


sys.addaudithook(_no_network)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every folder the program may use at tmp_path; keep the developer's own out."""
    data = tmp_path / "data"
    config = tmp_path / "config"
    monkeypatch.setenv("PEERPREP_DATA_DIR", str(data))
    monkeypatch.setenv("PEERPREP_CONFIG_DIR", str(config))
    monkeypatch.delenv("PEERPREP_LANG", raising=False)
    monkeypatch.delenv("PEERPREP_SHARED", raising=False)
    monkeypatch.delenv("PEERPREP_PASSPHRASE", raising=False)
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    return tmp_path


@pytest.fixture
def data_dir(isolated: Path) -> Path:
    return isolated / "data"


@pytest.fixture
def config_dir(isolated: Path) -> Path:
    return isolated / "config"
