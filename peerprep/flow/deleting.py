"""Deleting one preparation: refused while it is open in another program, named before it
happens, and carried out once, the same way for the full screen, plain mode and `delete`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from peerprep.errors import StoreError
from peerprep.flow.said import Said
from peerprep.flow.taking_over import takeable
from peerprep.locks import LockedError, LockInfo, is_mine
from peerprep.words.naming import display_title

if TYPE_CHECKING:
    from peerprep.model import Preparation
    from peerprep.store import PreparationStore
    from peerprep.words import Catalogue


class OpenElsewhere(StoreError):
    """The preparation is open in another program: deleting it there would have that
    program write it back at once. Close it there first. `holder` is who has it;
    `takeable`: on another computer, so `--force` may take it over (flow.taking_over)."""

    def __init__(self, holder: LockInfo) -> None:
        super().__init__("errors.locked_delete", pid=holder.pid, host=holder.host)
        self.holder = holder
        self.takeable = takeable(holder)


@dataclass(frozen=True)
class DeletePlan:
    """A delete the person is about to be asked about."""

    prep: Preparation
    taken_from: LockInfo | None = None  # another computer's lock it will take over

    def title(self, cat: Catalogue) -> str:
        return display_title(cat, self.prep)

    def what_goes(self) -> list[Said]:
        """The things a delete takes away, named so the person knows what they agree to."""
        prep = self.prep
        items = [Said("delete.parts", {"n": prep.parts_filled()})]
        if prep.questions:
            items.append(Said("delete.questions", {"n": len(prep.questions)}))
        if not prep.meeting.is_empty():
            items.append(Said("delete.meeting"))
        if not prep.after_meeting.is_empty():
            items.append(Said("delete.notes"))
        return items


def _refuse_if_open_elsewhere(
    store: PreparationStore, prep_id: str, force: bool
) -> LockInfo | None:
    holder = store.lock_holder(prep_id)
    if holder is None or is_mine(holder):
        return None
    if not force or not takeable(holder):
        raise OpenElsewhere(holder)
    return holder


def plan_delete(store: PreparationStore, prep_id: str, *, force: bool = False) -> DeletePlan:
    """Load the preparation to be asked about; refused before the question when it is
    open in another program (a "yes" that cannot be carried out is a broken promise).
    With `force`, a lock from another computer does not stop it: it is named in the
    plan (`taken_from`) so the question can say whose it was.

    Raises:
        StoreError: no such preparation ("errors.unknown_id"), or it cannot be read.
        OpenElsewhere: another program has it open.
    """
    prep = store.load(prep_id)
    holder = _refuse_if_open_elsewhere(store, prep.id, force)
    return DeletePlan(prep, taken_from=holder)


def delete(store: PreparationStore, plan: DeletePlan) -> None:
    """Delete it, after the person said yes. The face lets go of it first if it is the
    preparation open here (EditingSession.forget).

    Raises:
        OpenElsewhere: it was opened in another program while the person was asked.
        StoreError: it cannot be deleted (a read-only folder: the key says why).
    """
    try:
        store.delete(plan.prep.id, force=plan.taken_from is not None)
    except LockedError as error:
        raise OpenElsewhere(error.holder) from error
