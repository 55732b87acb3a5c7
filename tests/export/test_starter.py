"""One rule for the starter: the sheet never prints it twice; the saved text keeps it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerprep.export import service
from peerprep.export.layout import build_sheet
from peerprep.export.starter import as_continuation, continues, stem, without_starter
from peerprep.model import Preparation
from peerprep.words import catalogue

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "case-starter-repeated.json"
IMPORTANT = "Det er vigtigt for mig at …"
SO_THAT = "… så jeg kan …"
INTRO = "Sådan vil jeg introducere mig selv"


@pytest.mark.parametrize(
    ("answer", "starter", "sheet"),
    [
        ("Det er vigtigt for mig at have ro om natten.", IMPORTANT, "have ro om natten."),
        ("det er vigtigt for mig at have ro.", IMPORTANT, "have ro."),
        ("så jeg kan sove igen.", SO_THAT, "sove igen."),
        ("… så jeg kan sove igen.", SO_THAT, "sove igen."),
        ("Så jeg kan: sove igen.", SO_THAT, "sove igen."),
        ("Jeg vil gerne have hjælp til\nat sove.", "Jeg vil gerne have hjælp til …", "at sove."),
        (f"{INTRO}: Jeg hedder Åse.", INTRO, "Jeg hedder Åse."),
        ("It is important to me that I sleep.", "It is important to me that …", "I sleep."),
        # the starter's last words, where the answer goes on from it ("at … at")
        ("at jeg får sovet om natten.", IMPORTANT, "jeg får sovet om natten."),
        ("… for mig at have ro.", IMPORTANT, "have ro."),
        ("kan sove igen.", SO_THAT, "sove igen."),
        ("jeg kan sove igen.", SO_THAT, "sove igen."),
        ("til at sove.", "Jeg vil gerne have hjælp til …", "at sove."),
        ("that I sleep.", "It is important to me that …", "I sleep."),
        ("with my letters.", "I would like help with …", "my letters."),
        # left as written: not the starter, or nothing but the starter
        ("atten gange.", IMPORTANT, "atten gange."),
        ("at", IMPORTANT, "at"),
        ("Selv om jeg er træt.", INTRO, "Selv om jeg er træt."),  # a heading: whole only
        ("mig selv: Åse.", INTRO, "mig selv: Åse."),
        ("Jeg har brug for ro.", SO_THAT, "Jeg har brug for ro."),
        ("have ro om natten.", IMPORTANT, "have ro om natten."),
        ("Jeg hedder Åse. Det er vigtigt for mig at sove.", IMPORTANT,
         "Jeg hedder Åse. Det er vigtigt for mig at sove."),
        ("Det er vigtigt for mig atten gange.", IMPORTANT, "Det er vigtigt for mig atten gange."),
        ("Det er vigtigt for mig at", IMPORTANT, "Det er vigtigt for mig at"),
        ("", IMPORTANT, ""),
    ],
)  # fmt: skip
def test_a_repeated_starter_is_left_out_on_the_sheet(answer: str, starter: str, sheet: str) -> None:
    assert without_starter(answer, starter) == sheet


def test_which_starters_the_answer_continues() -> None:
    assert continues(IMPORTANT) and continues(SO_THAT)
    assert not continues(INTRO)
    assert stem(SO_THAT) == "så jeg kan"


def test_examples_are_shown_as_continuations() -> None:
    example = "Det er vigtigt for mig at komme i skole igen."
    assert as_continuation(example, IMPORTANT) == "… komme i skole igen."
    assert as_continuation("… så jeg kan være der for mine børn.", SO_THAT) == (
        "… være der for mine børn."
    )
    assert as_continuation("Jeg hedder Ali.", INTRO) == "Jeg hedder Ali."


def _fixture() -> Preparation:
    return Preparation.model_validate(json.loads(FIXTURE.read_text(encoding="utf-8")))


def test_the_sheet_prints_each_starter_once_and_the_saved_text_is_kept() -> None:
    prep = _fixture()
    before = prep.model_dump_json()
    sheet = build_sheet(prep, catalogue("da"))
    parts = {part.key: part for part in sheet.parts}
    assert parts["important"].paragraphs[0].text == "have ro om natten."
    assert parts["so_that"].paragraphs[0].text == "sove igen."
    assert parts["help_with"].paragraphs[0].text.startswith("at få styr på søvnen")
    assert prep.model_dump_json() == before  # the person's words are not changed
    assert prep.statement.important == "Det er vigtigt for mig at have ro om natten."


def test_the_pdf_says_the_starter_once() -> None:
    sheet = build_sheet(_fixture(), catalogue("da"))
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(service.render(sheet, "pdf"))).pages
    )
    words = " ".join(text.split())
    assert words.count("Det er vigtigt for mig at") == 1
    assert words.count("så jeg kan") == 1
    assert "have ro om natten" in words and "sove igen" in words
