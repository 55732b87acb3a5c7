"""A lock this program cannot prove is live: what to say about it, for every face the same.

A preparation open on another computer (a USB stick or a network folder) is locked by a
program this one cannot look at. That lock may be real, or left behind: the stick was
pulled out after a crash, or the other computer's clock is ahead so the lock never seems
old (locks.FOREIGN_LOCK_SECONDS). Only the person can know, so each face asks a plain
question that names the computer and the time the lock came from, and says what taking
over means: the full screen (tui.dialogs.locked), plain mode (plain.menus.open_one), and
`--force` on `open`, `delete` and `wipe`. A program seen running on this computer keeps
its lock (locks.provably_live): there the person can close the other window.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from peerprep.locks import LockInfo, provably_live
from peerprep.words.dates import format_date

if TYPE_CHECKING:
    from peerprep.words import Catalogue


def takeable(holder: LockInfo | None) -> bool:
    """May the person take this lock over (after the question)?"""
    return holder is not None and not provably_live(holder)


def since(cat: Catalogue, holder: LockInfo) -> str:
    """When the lock was made, by the other computer's clock ("03.12.2026 kl. 13.30"),
    or "an unknown time" when the lock's time is no time at all."""
    try:
        moment = dt.datetime.fromtimestamp(holder.created_at)
    except (OverflowError, OSError, ValueError):
        return cat.text("takeover.unknown_time")
    return format_date(cat, moment.replace(microsecond=0))


def about(cat: Catalogue, holder: LockInfo) -> list[str]:
    """What the question says before it asks: where and since when it is open, that this
    program cannot see it, and what taking over means."""
    return [
        cat.text("takeover.where", host=holder.host or "?", when=since(cat, holder)),
        cat.text("takeover.cannot_see"),
        cat.text("takeover.warning"),
    ]
