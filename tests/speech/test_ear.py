"""Text for the ear: dates, times and keys in words, no symbols read out, and text in
another script cut out for a voice of its own language."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerprep.choices import LANGUAGES
from peerprep.export.speech.ear import (
    SCRIPT_LANGUAGES,
    Chunk,
    for_the_ear,
    language_of,
    own_words,
    program_words,
    spoken_date,
    spoken_time,
)
from peerprep.words import catalogue

DA, EN = catalogue("da"), catalogue("en")
THIS_YEAR = dt.date(2025, 6, 1)

# What a voice would read out as a name ("asterisk", "caret", "bullet") or spell.
SYMBOLS = set("*#_`~|^•·▶◀►◄✓✔✗…↑↓←→")


@pytest.mark.parametrize(
    ("cat", "value", "said"),
    [
        (DA, dt.date(2025, 12, 2), "tirsdag den 2. december"),
        (DA, dt.date(2026, 1, 1), "torsdag den 1. januar 2026"),
        (EN, dt.date(2025, 12, 2), "Tuesday the 2nd of December"),
        (EN, dt.date(2025, 3, 1), "Saturday the 1st of March"),
        (EN, dt.date(2025, 3, 3), "Monday the 3rd of March"),
        (EN, dt.date(2025, 3, 11), "Tuesday the 11th of March"),
        (EN, dt.date(2025, 3, 12), "Wednesday the 12th of March"),
        (EN, dt.date(2025, 3, 13), "Thursday the 13th of March"),
        (EN, dt.date(2025, 3, 21), "Friday the 21st of March"),
        (EN, dt.date(2025, 3, 22), "Saturday the 22nd of March"),
        (EN, dt.date(2024, 3, 24), "Sunday the 24th of March 2024"),
    ],
)
def test_dates_in_words(cat, value: dt.date, said: str) -> None:
    assert spoken_date(cat, value, today=THIS_YEAR) == said


def test_times_in_words() -> None:
    assert spoken_time(DA, dt.time(10, 0)) == "klokken 10"
    assert spoken_time(DA, dt.time(9, 5)) == "klokken 9:05"
    assert spoken_time(EN, dt.time(10, 0)) == "10 o'clock"
    assert spoken_time(EN, dt.time(14, 30)) == "14:30"


@pytest.mark.parametrize(
    ("text", "heard"),
    [
        ("Tryk Ctrl+S for at gemme", "Tryk kontrol S for at gemme."),
        ("Tryk ^S for at gemme.", "Tryk kontrol S for at gemme."),
        ("Ctrl+↑ Ctrl+↓ flytter", "kontrol pil op kontrol pil ned flytter."),
        ("Tryk F5 for at gemme arket.", "Tryk F5 for at gemme arket."),
        ("Tryk Esc for at gå tilbage.", "Tryk Escape for at gå tilbage."),
        ("◀ Tilbage", "Tilbage."),
        ("Næste ▶", "Næste."),
        ("Gemmer …", "Gemmer."),
        ("✓ Ring til Mette (tilføjet)", "Ring til Mette (tilføjet)."),
        ("Det er *meget* vigtigt", "Det er meget vigtigt."),
        ("• sove\n• spise\n- gå ture", "sove. spise. gå ture."),
        ("Jeg er glad 🙂 i dag", "Jeg er glad i dag."),
        (
            "Mødet d. 12.03.2025 kl. 10.30 var svært.",
            "Mødet den 12. marts 2025 klokken 10:30 var svært.",
        ),
        ("Vi ses 2025-12-02 kl 9", "Vi ses den 2. december 2025 klokken 9."),
        ("Han kommer 1/2/26.", "Han kommer den 1. februar 2026."),
        ("Den 31.02.2025 findes ikke", "Den 31.02.2025 findes ikke."),
        ("klokken 10 er fint", "klokken 10 er fint."),
    ],
)
def test_danish_for_the_ear(text: str, heard: str) -> None:
    assert for_the_ear(DA, text) == heard


def test_english_for_the_ear() -> None:
    assert for_the_ear(EN, "Press Ctrl+S to save") == "Press control S to save."
    assert for_the_ear(EN, "See you at 10.30 on 2/12/2025") == (
        "See you at 10:30 on the 2nd of December 2025."
    )
    assert for_the_ear(EN, "I arrive at 3 stations") == "I arrive at 3 stations.", (
        "'at 3' is not surely a time"
    )


@given(
    st.text(
        alphabet=st.sampled_from(sorted(SYMBOLS | set("abc æøå 12.:/+-\nCtrlF5^"))), max_size=80
    )
)
def test_no_symbol_is_ever_left_for_a_voice_to_name(text: str) -> None:
    for cat in (DA, EN):
        heard = for_the_ear(cat, text)
        assert not SYMBOLS & set(heard), heard


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_of_the_program_is_fit_for_the_ear(language: str) -> None:
    """Whatever screen is read, its texts reach the voice without symbols to name."""
    cat = catalogue(language)
    for key in sorted(cat.keys()):
        for text in cat.list(key):
            heard = for_the_ear(cat, text)
            assert not SYMBOLS & set(heard), (key, heard)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("أريد أن أعود إلى عملي", "ar"),
        ("من می‌خواهم به خانه بروم", "fa"),  # Persian: پ چ ژ گ are not Arabic letters
        ("میں گھر جانا چاہتا ہوں اور ٹھیک ہونا", "ur"),
        ("Я хочу додому", "ru"),
        ("Я хочу їсти", "uk"),
        ("אני רוצה הביתה", "he"),
        ("Θέλω να πάω σπίτι", "el"),
        ("家に帰りたいです", "ja"),
        ("我想回家", "zh"),
        ("Jeg vil gerne hjem", "da"),
        ("Jeg hedder Ali علي og bor her", "da"),  # mostly Latin: the main voice
    ],
)
def test_the_script_tells_the_language(text: str, language: str) -> None:
    assert language_of(text, "da") == language


def test_every_script_language_has_a_name_in_every_language() -> None:
    for language in LANGUAGES:
        cat = catalogue(language)
        for code in {code for _, code in SCRIPT_LANGUAGES} | {"fa", "ur", "uk"} | set(LANGUAGES):
            assert cat.has(f"speech.languages.{code}"), (language, code)


def test_an_arabic_paragraph_is_a_chunk_of_its_own() -> None:
    text = "Jeg vil gerne hjem.\n\nأريد أن أعود إلى عملي\n\nTak for i dag."
    assert own_words(DA, text) == [
        Chunk("Jeg vil gerne hjem.", "da"),
        Chunk("أريد أن أعود إلى عملي.", "ar"),
        Chunk("Tak for i dag.", "da"),
    ]


def test_a_word_in_another_script_inside_a_sentence_is_not_spelled() -> None:
    assert own_words(DA, "Jeg hedder Ali علي og bor her") == [
        Chunk("Jeg hedder Ali.", "da"),
        Chunk("علي.", "ar"),
        Chunk("og bor her.", "da"),
    ]


def test_the_persons_words_may_be_read_in_another_language_than_the_catalogue() -> None:
    assert own_words(DA, "Hello there", "en") == [Chunk("Hello there.", "en")]


def test_program_words_join_into_one_chunk() -> None:
    assert program_words(DA, "Del 1 af 4.", "Sådan vil jeg introducere mig selv") == [
        Chunk("Del 1 af 4. Sådan vil jeg introducere mig selv.", "da")
    ]


def test_nothing_to_say_gives_no_chunk() -> None:
    assert own_words(DA, "  \n\n ▶ … ") == []
    assert for_the_ear(DA, "———") == ""
