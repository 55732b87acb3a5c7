"""Where typst is not installed (no wheel for Windows on ARM), the program still runs, the
PDF export says why in one sentence and points to HTML, and HTML still works."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from peerprep.export.errors import ExportError
from peerprep.export.service import export_preparation
from peerprep.model import Preparation
from peerprep.store import Store
from peerprep.words import catalogue

# A process in which `import typst` fails, as it does where pip left typst out.
WITHOUT_TYPST = (
    "import sys; sys.modules['typst'] = None; from peerprep.__main__ import main; sys.exit(main())"
)


def test_the_pdf_export_raises_the_no_engine_error_and_writes_nothing(
    preparation: Callable[..., Preparation], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "typst", None)  # import typst -> ImportError
    with pytest.raises(ExportError) as caught:
        export_preparation(preparation(), fmt="pdf", destination=tmp_path)
    assert caught.value.key == "export.errors.no_pdf_engine"
    assert list(tmp_path.iterdir()) == []
    html = export_preparation(preparation(), fmt="html", destination=tmp_path)
    assert "Jeg hedder Åse" in html.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_sentence_says_why_and_what_to_do_instead(lang: str) -> None:
    text = catalogue(lang).text("export.errors.no_pdf_engine")
    assert "\n" not in text and "PDF" in text and "HTML" in text


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_TYPST, *args],
        cwd=cwd, env={**os.environ, "PEERPREP_LANG": "da"},
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip


def test_the_command_line_without_typst(
    preparation: Callable[..., Preparation], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a person on Windows on ARM meets: `--version` and `list` work, the PDF export
    fails with one Danish sentence naming HTML and leaves no file, `--format html` works."""
    data = tmp_path / "data"
    monkeypatch.setenv("PEERPREP_DATA_DIR", str(data))
    Store(data).save(preparation())

    version = _run(["--version"], tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("peerprep ")
    listed = _run(["list"], tmp_path)
    assert listed.returncode == 0 and "Møde om udskrivning" in listed.stdout

    pdf = _run(["export", "--latest", "-o", str(tmp_path / "sheet.pdf")], tmp_path)
    assert pdf.returncode == 1
    assert pdf.stderr.strip().splitlines() == [
        catalogue("da").text("export.errors.no_pdf_engine")
    ], pdf.stderr
    assert not (tmp_path / "sheet.pdf").exists()

    html = _run(["export", "--latest", "--format", "html", "-o", str(tmp_path)], tmp_path)
    assert html.returncode == 0, html.stderr
    [sheet] = tmp_path.glob("*.html")
    assert "Jeg hedder Åse" in sheet.read_text(encoding="utf-8")
