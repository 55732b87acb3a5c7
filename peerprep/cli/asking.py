"""Asking a yes/no question on the terminal, for the commands that delete or lock."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from peerprep.errors import CommandError

if TYPE_CHECKING:
    from peerprep.words import Catalogue


def confirm(cat: Catalogue, question: str) -> bool:
    """Ask; with nobody there to answer (end of input), refuse rather than guess.

    Raises:
        CommandError: ("errors.needs_yes") the input ended before an answer.
    """
    try:
        answer = input(question)
    except EOFError:
        print(file=sys.stderr)
        raise CommandError("errors.needs_yes") from None
    return answer.strip().lower() in {cat.text("cli.yes_word"), "y", "j", "yes", "ja"}
