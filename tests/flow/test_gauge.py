"""The gauge's measure of a new, empty preparation is what part 1 of `peerprep new` shows
before the preparation is made (flow.gauge.EMPTY): the two must agree."""

from __future__ import annotations

import pytest

from peerprep.flow.gauge import EMPTY, measure
from peerprep.model import Preparation


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_new_preparation_measures_as_the_empty_gauge(language: str) -> None:
    assert measure(Preparation.new(language)) == EMPTY


def test_the_first_letters_move_the_measure() -> None:
    prep = Preparation.new("da")
    prep.set_part("introduction", "Jeg hedder Sam og elsker at stå på skateboard.")
    assert measure(prep).share > EMPTY.share
