"""Summaries a face shows about preparations: a row of the list, "where is my data", and
the report of files that could not be read. One answer for the full screen, plain mode and
the command line; each face lays it out its own way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from peerprep.choices import PART_KEYS
from peerprep.flow.said import Said
from peerprep.words.dates import format_date, local_today, say_date, say_moment
from peerprep.words.naming import display_title, one_line

if TYPE_CHECKING:
    from pathlib import Path

    from peerprep.flow.shared_mode import SharedMode
    from peerprep.model import Preparation
    from peerprep.settings import Settings
    from peerprep.store import Listing, PreparationStore
    from peerprep.words import Catalogue

# characters of the person's own words shown to tell preparations apart: one line of a
# list at 80 columns, with a mark and the quotes
EXCERPT = 60


def excerpt(prep: Preparation, limit: int = EXCERPT) -> str:
    """The first words the person wrote (the first part with any), on one line."""
    for key in PART_KEYS:
        words = one_line(prep.statement.get(key))
        if words:
            return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"
    return ""


def changed_text(cat: Catalogue, prep: Preparation, today: dt.date | None = None) -> str:
    """When it was last changed: "i dag kl. 18.21" today, else the date."""
    changed = prep.updated_at.astimezone()
    if changed.date() == (today or local_today()):
        return cat.text("rows.today_at", time=format_date(cat, changed.time()))
    return format_date(cat, changed.date())


@dataclass(frozen=True)
class Row:
    """One preparation in a list, in words: every face shows these, in its own layout
    (line-by-line mode, read aloud, says the `said_*` forms)."""

    id: str
    title: str  # words.naming.display_title
    own_title: bool  # the title is the person's own (else it names the meeting already)
    kind: str  # the meeting kind's name
    date: str  # the meeting's date, or "no date" in words
    parts_filled: int  # 0..4
    changed: str  # when it was last changed (changed_text)
    excerpt: str  # the first words written, or ""
    said_date: str = ""  # the meeting's date in words a voice reads well, or "no date"
    said_changed: str = ""  # when it was last changed, in words ("i dag klokken 18:21")

    def cells(self, cat: Catalogue) -> tuple[str, ...]:
        """The row as the command line's columns: id, title, meeting, date, parts, changed,
        first words (as the full screen's and plain mode's lists show them: preparations
        with no name of their own are all "begun" on the day, and only their words tell
        them apart)."""
        parts = cat.text("cli.parts_filled", n=self.parts_filled)
        return (self.id, self.title, self.kind, self.date, parts, self.changed, self.excerpt)


def row(cat: Catalogue, prep: Preparation, today: dt.date | None = None) -> Row:
    meeting = prep.meeting
    return Row(
        id=prep.id,
        title=display_title(cat, prep),
        own_title=bool(one_line(prep.title)),
        kind=cat.kind(meeting.kind).name,
        date=format_date(cat, meeting.date) if meeting.date else cat.text("rows.no_date"),
        parts_filled=prep.parts_filled(),
        changed=changed_text(cat, prep, today),
        excerpt=excerpt(prep),
        said_date=(
            say_date(cat, meeting.date, today=today) if meeting.date else cat.text("rows.no_date")
        ),
        said_changed=say_moment(cat, prep.updated_at, today),
    )


def row_data(cat: Catalogue, prep: Preparation) -> dict[str, object]:
    """A row for `peerprep list --json`: machine-readable values and the display title."""
    return {
        "id": prep.id,
        "title": prep.title,
        "display_title": display_title(cat, prep),
        "meeting_kind": prep.meeting.kind,
        "meeting_date": prep.meeting.date.isoformat() if prep.meeting.date else None,
        "parts_filled": prep.parts_filled(),
        "updated_at": prep.updated_at.isoformat(),
        "first_words": excerpt(prep),
    }


def listing_report(listing: Listing) -> list[Said]:
    """One sentence for each file that was put aside or could not be opened: every face
    says them all (none is dropped)."""
    said: list[Said] = []
    for item in listing.quarantined:
        said.append(
            Said(
                "rows.quarantined",
                {
                    "name": item.original.name,
                    "reason": Said(item.reason, dict(item.values)),
                    "path": str(item.moved_to),
                },
            )
        )
    for skipped in listing.skipped:
        said.append(
            Said("rows.skipped", {"path": str(skipped.path), "reason": Said(skipped.reason)})
        )
    return said


def say(cat: Catalogue, said: Said) -> str:
    """A Said in words, with any Said among its values said first (a reason in a note)."""
    values = {
        name: one_line(say(cat, value)) if isinstance(value, Said) else value
        for name, value in said.values.items()
    }
    return cat.text(said.key, **values)


def listing_problems(cat: Catalogue, listing: Listing) -> list[str]:
    """listing_report in words."""
    return [say(cat, said) for said in listing_report(listing)]


def where_lines(
    store: PreparationStore,
    config_dir: Path,
    mode: SharedMode | None = None,
    settings: Settings | None = None,
) -> list[Said]:
    """ "Where is my data", the same lines in every face: the data folder (or that nothing
    is kept), protection, files put aside, settings, exports (on a shared computer: only
    where the person chooses; a cloud service that copies the export folder, named), the
    shared computer's minutes in force when it is one, and the machine-wide file."""
    from peerprep.flow.places import export_place
    from peerprep.machine import machine_config_path

    lines: list[Said] = []
    if store.in_memory:
        lines.append(Said("where.memory"))
    else:
        lines.append(Said("where.data", {"path": str(store.root)}))
        if store.protected:
            from peerprep.protection import plain_left

            lines.append(Said("where.protected"))
            left = plain_left(store.root)
            if left:
                lines.append(Said("where.not_locked_yet", {"n": left}))
        put_aside = store.quarantined_files()
        if put_aside:
            lines.append(
                Said(
                    "where.quarantine", {"count": len(put_aside), "path": str(put_aside[0].parent)}
                )
            )
    shared_on = mode is not None and mode.on
    if not shared_on:
        lines.append(Said("where.config", {"path": str(config_dir)}))
    if shared_on:
        lines.append(Said("where.export_shared"))
    else:
        place = export_place(shared=False)
        lines.append(Said("where.export", {"path": str(place.folder)}))
        if place.cloud is not None:
            lines.append(Said("where.export_cloud", {"service": place.cloud}))
    if mode is not None and mode.on:
        if settings is None:
            from peerprep.flow.shared_mode import session_settings

            settings = session_settings(mode)
        cover, erase = mode.timers(settings)
        lines.append(Said("shared.data.cover", {"n": cover}))
        lines.append(Said("shared.data.erase", {"n": erase}))
    if mode is not None and mode.locked:
        lines.append(Said("where.machine_on", {"path": str(mode.machine.path)}))
    else:
        lines.append(Said("where.machine_none", {"path": str(machine_config_path())}))
    return lines
