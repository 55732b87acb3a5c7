"""The open preparation in line-by-line mode: who holds it, saving after each answer, leaving.

Saving happens after every answer. When a save fails (a full disk, a USB stick pulled
out) the person hears why in one sentence, the text stays in memory and the next answer
tries again; if the program must end before a save works, the whole text is printed so
that nothing the person wrote is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerprep.content import Catalogue, display_title
from peerprep.model import Preparation
from peerprep.plain.console import Console
from peerprep.store import Lock, LockedError, Store, StoreError


@dataclass
class Session:
    console: Console
    store: Store
    language: str
    prep: Preparation | None = None
    lock: Lock | None = None
    unsaved: bool = False
    rescued: bool = False  # a last save failed and the text was printed instead
    hinted: bool = False  # the long "how to write an answer" has been said once

    @property
    def cat(self) -> Catalogue:
        return self.console.cat

    @property
    def current(self) -> Preparation:
        if self.prep is None:  # a programming error: every caller opens one first
            raise RuntimeError("no preparation is open")
        return self.prep

    def title(self) -> str:
        return display_title(self.cat, self.current)

    # opening and closing

    def open(self, prep: Preparation) -> bool:
        """Take the editing lock and make `prep` the open preparation. False if it is busy."""
        self.close()
        try:
            lock = self.store.lock(prep.id)
        except LockedError as error:
            self.console.tell(error.key, **error.values)
            return False
        except StoreError as error:
            self.console.tell(error.key, **error.values)
            return False
        self.prep, self.lock = prep, lock
        self.unsaved = False
        return True

    def close(self) -> None:
        """Let go of the open preparation: one last save if one is owed, then the lock."""
        if self.prep is not None and self.unsaved and not self.save(quiet=True):
            self.rescue()
        if self.lock is not None:
            self.lock.release()
        self.prep, self.lock, self.unsaved = None, None, False

    def forget(self) -> None:
        """The open preparation was deleted: drop it without saving."""
        if self.lock is not None:
            self.lock.release()
        self.prep, self.lock, self.unsaved = None, None, False

    # saving

    def changed(self) -> bool:
        """Autosave after an answer. Says "Saved." in words, or why not."""
        self.unsaved = True
        return self.save()

    def save(self, quiet: bool = False) -> bool:
        try:
            self.store.save(self.current.touched())
        except StoreError as error:
            self.console.tell(error.key, **error.values)
            return False
        self.unsaved = False
        if not quiet:
            self.console.tell("plain.saved")
        return True

    def rescue(self) -> None:
        """The last save failed: print everything, so the person can copy it by hand."""
        from peerprep.plain.review import statement_lines

        self.rescued = True
        self.console.blank()
        self.console.tell("plain.rescue")
        for line in statement_lines(self.cat, self.current):
            self.console.say(line)

    def fit(self, text: str, limit: int) -> str:
        """Keep what fits in a field; print the rest back so it is not lost."""
        if len(text) <= limit:
            return text
        self.console.tell("plain.too_long", limit=limit)
        self.console.say(text[limit:])
        return text[:limit]
