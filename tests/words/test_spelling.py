"""One spelling of a word across every Danish catalogue, the one Danish authorities use.

"jobcentret", not "jobcenteret": the definite form jobnet.dk, borger.dk and the
municipalities write (Retskrivningsordbogen allows both). A newcomer met both.
"""

from __future__ import annotations

import re

import pytest

from peerprep.resources import asset

# (the form we write, a pattern of the forms we do not)
SPELLINGS = [("jobcentret", re.compile(r"\bjobcenteret", re.IGNORECASE))]


def _danish_lines() -> list[tuple[str, str]]:
    return [
        (path.name, line.strip())
        for path in sorted(asset("lang", "da").glob("*.json"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


@pytest.mark.parametrize(("ours", "other"), SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_one_spelling_in_every_danish_catalogue(ours: str, other: re.Pattern[str]) -> None:
    lines = _danish_lines()
    wrong = [f"{name}: {line}" for name, line in lines if other.search(line)]
    assert not wrong, f"write {ours!r}:\n" + "\n".join(wrong)
    assert any(ours in line.lower() for _, line in lines)  # the word is still in use
