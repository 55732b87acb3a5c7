"""Plain mode in a data folder that cannot be written to (a write-protected USB stick):
the preparation opens to read, says why, the sheet can be saved as a file elsewhere, and
leaving claims no save ("Din tekst er gemt") that did not happen."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from read_only import read_only

from peerprep import cli
from peerprep.model import Preparation
from peerprep.store import Store


def _drive(monkeypatch: pytest.MonkeyPatch, answers: list[str], *argv: str) -> tuple[int, str]:
    data = "".join(a + "\n" for a in answers).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", out)
    code = cli.main(["--plain", "--lang", "da", *argv])
    out.flush()
    return code, out.buffer.getvalue().decode("utf-8")


def test_plain_mode_reads_a_read_only_folder_without_claiming_a_save(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, tmp_path: Path
) -> None:
    prep = Preparation.new("da")
    prep.set_part("introduction", "Jeg hedder Åse og går gerne ture.")
    Store(data_dir).save(prep)
    with read_only(data_dir, monkeypatch):
        code, out = _drive(monkeypatch, ["1"], "open", prep.id)  # 1: read the sheet
    assert code == 0
    assert "Der kan ikke gemmes i mappen, så du kan kun læse forberedelsen her." in out
    assert "Jeg hedder Åse og går gerne ture." in out
    assert "Skriv videre i en kopi" not in out  # a copy could not be saved there either
    assert "Din tekst er gemt" not in out and "ikke gemt" not in out
    assert "Farvel, og held og lykke med mødet." in out
