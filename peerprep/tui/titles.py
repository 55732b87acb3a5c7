"""How a preparation is named on screen: its title, or its meeting, or when it was begun."""

from __future__ import annotations

from peerprep.content import Catalogue, display_title, format_date
from peerprep.keys import PART_KEYS
from peerprep.model import Preparation

# characters of the person's own words shown to tell preparations apart: one line of the
# list at 80 columns, with the mark and the quotes
EXCERPT = 60


def title_of(cat: Catalogue, prep: Preparation) -> str:
    """The person's title, or the meeting and its date; else when it was begun."""
    if prep.title.strip() or prep.meeting.kind != "other" or prep.meeting.date is not None:
        return display_title(cat, prep)
    begun = format_date(cat, prep.created_at.astimezone().date())
    return cat.text("tui.home.untitled", date=begun)


def excerpt(prep: Preparation) -> str:
    """The first words the person wrote, on one line."""
    for key in PART_KEYS:
        words = " ".join(prep.statement.get(key).split())
        if words:
            return words if len(words) <= EXCERPT else words[: EXCERPT - 1].rstrip() + "…"
    return ""
