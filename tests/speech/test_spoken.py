"""What is read: a part's screen, the person's answer, the whole sheet in its printed order."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from peerprep.choices import PART_KEYS
from peerprep.export.layout import build_sheet
from peerprep.export.speech import Chunk, spoken_answer, spoken_part, spoken_sheet
from peerprep.model import Preparation
from peerprep.words import catalogue

DA, EN = catalogue("da"), catalogue("en")
TODAY = dt.date(2025, 3, 3)


def _prep(language: str = "da") -> Preparation:
    prep = Preparation.new(language)
    prep.title = "Møde om udskrivning"
    prep.meeting.kind = "discharge"
    prep.meeting.date = dt.date(2025, 3, 12)
    prep.meeting.time = dt.time(10, 30)
    prep.meeting.place = "Afsnit P3"
    prep.meeting.companion = "Min søster Ida"
    prep.set_part("introduction", "Jeg hedder Åse.\nJeg elsker min hund.")
    prep.set_part("important", "at se mine børn hver uge.")
    prep.set_part("so_that", "jeg kan arbejde igen.\n\nأريد أن أعود إلى عملي")
    prep.questions = ["Hvornår kan jeg komme hjem?", "Hvem ringer jeg til?"]
    prep.after_meeting.agreed = "Ny tid om to uger."
    prep.updated_at = dt.datetime(2025, 3, 3, 12, 0, tzinfo=dt.timezone.utc)
    return prep


def _text(chunks: list[Chunk]) -> str:
    return " ".join(c.text for c in chunks)


def test_a_part_screen_is_where_one_is_the_starter_and_what_it_is_for() -> None:
    heard = _text(spoken_part(DA, "help_with"))
    part = DA.part("help_with")
    assert heard.startswith("Del 3 af 4. Jeg vil gerne have hjælp til. ")
    assert all(sentence in heard for sentence in part.about)
    assert not any(prompt in heard for prompt in part.prompts)


def test_only_the_help_shown_is_read_in_the_screens_order() -> None:
    part = DA.part("introduction")
    heard = _text(spoken_part(DA, "introduction", ["peer", "prompts"]))
    assert heard.index("Idéer.") < heard.index(part.prompts[0]) < heard.index("Til den, der")
    assert heard.index("Til den, der") < heard.index(part.peer[-1].rstrip("?"))
    assert part.examples[0] not in heard
    with pytest.raises(KeyError):
        spoken_part(DA, "introduction", ["tips"])
    with pytest.raises(KeyError):
        spoken_part(DA, "elsewhere")


def test_the_answer_is_the_persons_words_each_in_its_language() -> None:
    prep = _prep()
    assert spoken_answer(DA, prep, "introduction") == [
        Chunk("Jeg hedder Åse. Jeg elsker min hund.", "da")
    ]
    assert spoken_answer(DA, prep, "so_that") == [
        Chunk("jeg kan arbejde igen.", "da"),
        Chunk("أريد أن أعود إلى عملي.", "ar"),
    ]
    # In an English program a Danish sheet's words are still read in Danish.
    assert spoken_answer(EN, prep, "introduction")[0].language == "da"


def test_an_empty_answer_says_so() -> None:
    prep = _prep()
    assert _text(spoken_answer(DA, prep, "help_with")) == "Du har ikke skrevet noget her endnu."
    assert _text(spoken_answer(EN, prep, "help_with")) == "You have not written anything here yet."


def test_the_sheet_is_heard_in_its_printed_order_with_dates_in_words() -> None:
    prep = _prep()
    heard = _text(spoken_sheet(prep, today=TODAY))
    sheet = build_sheet(prep, DA)
    order = [
        sheet.heading,
        "Møde om udskrivning",
        "Møde: Udskrivningsmøde",
        "Dato: onsdag den 12. marts",
        "Tid: klokken 10:30",
        "Sted: Afsnit P3",
        "Bisidder: Min søster Ida",
        *(p.starter.replace("…", "").strip() for p in sheet.parts),
        "Mine spørgsmål til mødet",
        "Spørgsmål 1: Hvornår kan jeg komme hjem?",
        "Spørgsmål 2: Hvem ringer jeg til?",
        "Noter fra mødet",
        "Det aftalte vi: Ny tid om to uger.",
        "Forberedt mandag den 3. marts.",
    ]
    positions = [heard.find(piece) for piece in order]
    assert -1 not in positions, [p for p, i in zip(order, positions, strict=True) if i < 0]
    assert positions == sorted(positions), "read in the sheet's order"
    assert not re.search(r"\d+\.\d+\.\d{4}", heard), "no date is read as numbers"
    assert "Ikke udfyldt endnu." in heard  # help_with is empty on the sheet too
    # A starter that runs on flows into the person's words.
    assert "Det er vigtigt for mig at, se mine børn hver uge." in heard


def test_the_arabic_paragraph_of_the_sheet_goes_to_an_arabic_voice() -> None:
    chunks = spoken_sheet(_prep(), today=TODAY)
    assert [c.language for c in chunks] == ["da", "ar", "da"]
    assert chunks[1].text == "أريد أن أعود إلى عملي."


def test_one_part_of_the_sheet() -> None:
    heard = _text(spoken_sheet(_prep(), part="introduction", today=TODAY))
    assert heard == "Sådan vil jeg introducere mig selv. Jeg hedder Åse. Jeg elsker min hund."
    with pytest.raises(KeyError):
        spoken_sheet(_prep(), part="nope")


def test_an_english_sheet_in_english() -> None:
    prep = _prep("en")
    heard = _text(spoken_sheet(prep, today=TODAY))
    assert "Date: Wednesday the 12th of March." in heard
    assert "Time: 10:30." in heard
    assert heard.startswith(EN.text("sheet.heading"))


def test_an_empty_sheet_reads_its_starters_and_says_what_is_missing() -> None:
    prep = Preparation.new("da")
    heard = _text(spoken_sheet(prep, today=TODAY))
    for key in PART_KEYS:
        assert DA.part(key).starter.replace("…", "").strip() in heard
    assert heard.count("Ikke udfyldt endnu.") == len(PART_KEYS)
    assert "Ingen spørgsmål endnu." in heard
