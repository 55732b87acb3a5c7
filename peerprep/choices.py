"""The fixed choices of the product: the four parts, the meeting kinds, the languages, themes.

Kept apart from model.py so that light code (the catalogues, the command line) can know
them without loading pydantic.
"""

from __future__ import annotations

PART_KEYS: tuple[str, ...] = ("introduction", "important", "help_with", "so_that")
MEETING_KINDS: tuple[str, ...] = (
    "treatment",
    "discharge",
    "network",
    "caseworker",
    "jobcenter",
    "rehabilitation_team",
    "other",
)
LANGUAGES: tuple[str, ...] = ("da", "en")

# The colour themes a person can choose: Textual's own light and dark, the terminal's
# own ANSI colours, and ours (peerprep.tui.themes). Here, not in settings.py, so that
# `peerprep --help` can name them without loading pydantic.
THEMES: tuple[str, ...] = (
    "textual-dark",
    "textual-light",
    "ansi-dark",
    "ansi-light",
    "peerprep-high-contrast",
)
