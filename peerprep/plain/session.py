"""Line-by-line mode's side of the editing session: saying what saving did, and never
losing words when it fails.

The session itself (open, lock, read-only, numbered saves, limits, close) is
flow.editing.EditingSession, the same one the full screen uses. This adds what only a
line-by-line face does: "Saved." in words after each answer (on a shared computer
"Noted.", never "saved"), forgetting the session when a shared computer's erase minutes
pass, and, if the program must end while a save fails, the whole text printed so that
nothing the person wrote is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peerprep.errors import StoreError
from peerprep.flow.editing import EditingSession, Opened, fit_text
from peerprep.model import Preparation
from peerprep.plain.console import Console
from peerprep.plain.reading import statement_lines
from peerprep.words import Catalogue
from peerprep.words.naming import display_title

if TYPE_CHECKING:
    from peerprep.flow.context import Context
    from peerprep.store import PreparationStore


@dataclass
class Session:
    """The face's state: the console, the run's context, the editing session."""

    console: Console
    context: Context
    editing: EditingSession = field(init=False)
    rescued: bool = False  # a last save failed and the text was printed instead
    hinted: bool = False  # the long "how to write an answer" has been said once

    def __post_init__(self) -> None:
        self.editing = EditingSession(self.context.store())

    @property
    def store(self) -> PreparationStore:
        return self.editing.store

    @property
    def language(self) -> str:
        return self.context.language

    @property
    def cat(self) -> Catalogue:
        return self.console.cat

    @property
    def prep(self) -> Preparation | None:
        return self.editing.prep

    @property
    def read_only(self) -> bool:
        return self.editing.read_only

    @property
    def current(self) -> Preparation:
        if self.editing.prep is None:  # a programming error: every caller opens one first
            raise RuntimeError("no preparation is open")
        return self.editing.prep

    def title(self) -> str:
        return display_title(self.cat, self.current)

    # opening and closing

    def new(self) -> bool:
        """A new preparation in the screen's language. False (and why, said) if that failed."""
        self.close()
        try:
            self.editing.new(self.language)
        except StoreError as error:
            self.console.tell(error.key, **error.values)
            return False
        return True

    def open(self, prep_id: str) -> Opened | None:
        """Open one for editing (read-only when another program has it: the caller offers
        a copy). None (and why, said) if it cannot be opened."""
        self.close()
        try:
            return self.editing.open(prep_id)
        except StoreError as error:
            self.console.tell(error.key, **error.values)
            return None

    def open_copy(self) -> None:
        """Work on a copy of the open (read-only) preparation; saved at once."""
        self.editing.open_copy()
        self.save()

    def start_from(self, prep_id: str) -> bool:
        """Copy for a new meeting: the words and questions come along, the meeting not."""
        self.close()
        try:
            self.editing.start_from(prep_id, self.language)
        except StoreError as error:
            self.console.tell(error.key, **error.values)
            return False
        return self.save(quiet=True)

    def close(self) -> None:
        """Let go of the open preparation: one last save if one is owed, then the lock.
        When that save fails, everything is printed so that nothing is lost."""
        if self.editing.prep is None:
            return
        state = self.editing.close()
        if state.kind == "failed":
            self.rescue()
            self.editing.discard()

    def forget(self) -> None:
        """The open preparation is being deleted: let go of it without saving."""
        self.editing.discard()

    def erase(self) -> None:
        """A shared computer's erase minutes passed: forget this session (flow.leaving).
        On a folder the person named (--data-dir) their words are theirs: saved and
        closed instead."""
        from peerprep.flow.leaving import erase_session

        if not self.store.in_memory:
            self.close()
            return
        self.editing.discard()
        erase_session(self.store, self.context.taken, self.context.settings_keeper())
        self.hinted = False

    # saving

    def changed(self) -> bool:
        """An answer was given: save now, and say so in words (or why not)."""
        self.editing.changed()
        return self.save()

    def save(self, quiet: bool = False) -> bool:
        state = self.editing.save_now()
        if state.kind == "failed":
            self.console.tell(state.error_key, **state.values)
            return False
        if not quiet and state.kind == "saved":
            self.console.tell("plain.kept_in_memory" if state.in_memory else "plain.saved")
        return True

    def rescue(self) -> None:
        """The last save failed: print everything, so the person can copy it by hand."""
        self.rescued = True
        self.console.blank()
        self.console.tell("plain.rescue")
        for line in statement_lines(self.cat, self.current):
            self.console.say(line)

    def fit(self, text: str, limit: int) -> str:
        """Keep what fits in a field; print the rest back so it is not lost."""
        fitted = fit_text(text, limit)
        if fitted.cut:
            self.console.tell("plain.too_long", limit=limit)
            self.console.say(fitted.rest)
        return fitted.kept
