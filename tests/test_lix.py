"""The LIX measure: counted by hand on small texts, and its edge cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerprep.words.lix import lix, lix_of_many, measure, sentence_lengths, sentences, words


def test_counts_words_sentences_and_long_words_by_hand() -> None:
    # 10 words, 2 sentences, 1 long word (hvilken has 7 letters): 10/2 + 100*1/10 = 15
    text = "Skriv, hvad du vil have hjælp til. Ikke hvilken hjælp."
    found = measure(text)
    assert (found.words, found.sentences, found.long_words) == (10, 2, 1)
    assert lix(text) == pytest.approx(15.0)


def test_a_hard_official_sentence_scores_high() -> None:
    text = (
        "Kommunalbestyrelsen træffer afgørelse om tilkendelse af førtidspension "
        "efter indstilling fra rehabiliteringsteamet."
    )
    assert lix(text) > 55


def test_six_letters_is_short_and_seven_is_long() -> None:
    assert measure("hjælpe").long_words == 0
    assert measure("vigtigt").long_words == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mødet er kl. 14.30 i dag.", 1),
        ("Tag f.eks. en ven med. Det er fint.", 2),
        ("Hvad vil du? Skriv det her: kort.", 3),
        ("Første linje\nAnden linje", 2),
        ("Ingen punktum til sidst", 1),
        ("Datoen er 01.02.2025 og tiden 14:30.", 1),
    ],
)
def test_sentence_ends(text: str, expected: int) -> None:
    assert len(sentences(text)) == expected


def test_placeholders_are_not_read() -> None:
    assert words("Din tekst er gemt her: {path}") == ["Din", "tekst", "er", "gemt", "her"]


def test_joined_words_and_numbers() -> None:
    assert words("USB-nøgle id'et 14:30") == ["USB-nøgle", "id'et", "14:30"]
    assert measure("USB-nøgle").long_words == 1  # 8 letters; the hyphen is not a letter
    assert measure("01.02.2025").long_words == 0  # digits are not letters


def test_ellipsis_is_not_a_sentence() -> None:
    assert measure("… så jeg kan …") == measure("så jeg kan")


def test_empty_text_scores_zero() -> None:
    assert lix("") == 0.0
    assert lix("{path}") == 0.0
    assert lix_of_many([]) == 0.0


def test_labels_are_read_together() -> None:
    # 4 labels, 5 words, 1 long (Tilbage): 5/4 + 100/5 = 21.25
    assert lix_of_many(["Gem", "Tilbage", "Næste", "Slet det"]) == pytest.approx(21.25)


def test_sentence_lengths() -> None:
    assert sentence_lengths("Write what you want help with. Not which help.") == [6, 3]


@given(st.text(max_size=300))
def test_never_crashes_and_stays_in_range(text: str) -> None:
    found = measure(text)
    assert found.long_words <= found.words
    assert 0.0 <= found.lix <= found.words + 100
    if found.words:
        assert found.sentences >= 1
