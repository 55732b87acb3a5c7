"""Steps in a row, line by line, where the word for back is one step back.

The walk through a preparation (the meeting, the four parts, the questions) and the
meeting's fields are each a row of steps. The word for back (plain.commands) goes to the
step before, as the scheme announced at the start says ("Skriv tilbage for at gå et trin
tilbage"); only from the first step does it leave the row (Back), for the menu that
began it. A newcomer typed it in part 3 and landed in the preparation's menu.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from peerprep.plain.console import Back

Step = Callable[[], None]


def one_by_one(steps: Sequence[Step]) -> None:
    """Run `steps` in order; a step that raises Back runs the step before it again.

    Raises:
        Back: the word for back at the first step (or there are no steps before it).
        Quit, EndOfInput, Hangup: as any step raises them.
    """
    index = 0
    while index < len(steps):
        try:
            steps[index]()
        except Back:
            if index == 0:
                raise
            index -= 1
            continue
        index += 1
