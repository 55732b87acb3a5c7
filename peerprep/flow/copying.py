"""Copy for a new meeting: what was copied, said once; and a mistaken copy undone in one step.

The copy takes the four answers and the questions along (Preparation.copy_for_new_meeting);
the meeting and the notes from after it start empty. The person is told which preparation
it came from, what came along and that the earlier one is untouched, so an empty meeting
form does not read as "my meeting details are gone". Undoing deletes the copy and
nothing else; while the copy holds words of its own (a meeting typed into it, a changed
answer) the face asks first, as for any delete.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from peerprep.flow.said import Said
from peerprep.words.naming import display_title

if TYPE_CHECKING:
    from peerprep.flow.editing import EditingSession
    from peerprep.model import Preparation
    from peerprep.words import Catalogue


@dataclass(frozen=True)
class Copied:
    """A copy just made: the one it came from, as it was, and the copy's id."""

    source: Preparation
    copy_id: str

    def what(self, cat: Catalogue) -> list[Said]:
        """What came along and where the copy starts, in sentences for the person."""
        source = self.source
        title = display_title(cat, source)
        said = [Said("copy.made", {"title": title})]
        parts = source.parts_filled()
        questions = len(source.questions)
        if parts and questions:
            said.append(Said("copy.came_along", {"parts": parts, "n": questions}))
        elif parts:
            said.append(Said("copy.parts_came", {"n": parts}))
        elif questions:
            said.append(Said("copy.questions_came", {"n": questions}))
        said.append(Said("copy.starts", {"title": title}))
        return said

    def untouched(self, copy: Preparation) -> bool:
        """True while the copy holds nothing the person added to it: undoing loses nothing."""
        fresh = self.source.copy_for_new_meeting()
        return (
            copy.statement == fresh.statement
            and copy.questions == fresh.questions
            and copy.meeting.is_empty()
            and copy.after_meeting.is_empty()
            and not copy.title.strip()
        )


def start_copy(session: EditingSession, prep_id: str, language: str) -> Copied:
    """Open a new preparation with the words of `prep_id` (saved at once).

    Raises:
        StoreError: the earlier one cannot be read; nothing is opened then.
    """
    source = session.store.load(prep_id)
    fresh = session.start_from(prep_id, language)
    return Copied(source=source, copy_id=fresh.id)


def undo_copy(session: EditingSession, copied: Copied) -> None:
    """Delete the copy (the one open in `session`); the earlier preparation is untouched.

    Raises:
        StoreError: the copy cannot be deleted (a read-only folder: the key says why).
    """
    from peerprep.flow import deleting

    prep = session.prep
    if prep is None or prep.id != copied.copy_id:
        raise ValueError("the open preparation is not the copy")
    # Written first (a save may be on its way in a thread), so no late save brings it back.
    session.save_now()
    if session.store.exists(prep.id):
        session.delete(deleting.DeletePlan(prep))
    else:
        session.discard()
