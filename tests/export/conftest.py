"""Fixtures for the sheet: sample preparations, an export folder in tmp_path, PDF reading."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerprep.model import Preparation

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FIXED = dt.datetime(2025, 3, 3, 12, 0, tzinfo=dt.timezone.utc)

ANSWERS = {
    "introduction": "Jeg hedder Åse. Jeg er 34 år og elsker at gå lange ture med min hund.",
    "important": "Det er vigtigt for mig at se mine børn hver uge og have ro om aftenen.",
    "help_with": "Jeg vil gerne have hjælp til at sove bedre og til at åbne min post.",
    "so_that": "… så jeg kan passe mit arbejde i butikken og være en god mor.",
}
QUESTIONS = ["Hvornår kan jeg komme hjem?", "Hvem ringer jeg til, hvis det bliver svært?"]


def make_preparation(language: str = "da", *, repeat: int = 1) -> Preparation:
    prep = Preparation.new(language)
    prep.id = "20250303-120000-abcdef"
    prep.title = "Møde om udskrivning"
    prep.meeting.kind = "discharge"
    prep.meeting.date = dt.date(2025, 3, 12)
    prep.meeting.time = dt.time(10, 0)
    prep.meeting.place = "Afsnit P3"
    prep.meeting.attendees = ["Overlæge Hansen", "Kontaktperson Mette"]
    prep.meeting.companion = "Min søster Ida"
    for key, text in ANSWERS.items():
        prep.set_part(key, " ".join([text] * repeat))
    prep.questions = list(QUESTIONS)
    prep.created_at = prep.updated_at = FIXED
    return prep


def empty_preparation(language: str = "da") -> Preparation:
    prep = Preparation.new(language)
    prep.id = "20250303-120000-000000"
    prep.created_at = prep.updated_at = FIXED
    return prep


def fixture_preparation(name: str) -> Preparation:
    """A preparation file from tests/fixtures, read as the store reads it."""
    from peerprep.fileformat import decode

    return decode((FIXTURES / name).read_bytes())


@pytest.fixture
def preparation() -> Callable[..., Preparation]:
    return make_preparation


@pytest.fixture
def empty() -> Callable[..., Preparation]:
    return empty_preparation


@pytest.fixture(name="fixture_preparation")
def _fixture_preparation() -> Callable[[str], Preparation]:
    return fixture_preparation


@pytest.fixture
def export_dir(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = isolated / "exports"
    monkeypatch.setenv("PEERPREP_EXPORT_DIR", str(folder))
    return folder


def read_pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in read_pdf(data).pages)


@pytest.fixture
def pdf_reader() -> Callable[[bytes], PdfReader]:
    return read_pdf


@pytest.fixture
def text_of() -> Callable[[bytes], str]:
    return pdf_text
