"""The quiet line that says whether the words are saved: "Saved 14.32" only for what is on
disk; "Not saved yet" while newer words are only in memory; "Saving …"; "Not saved:
<reason>"; and on a shared computer, where nothing is written, never "saved" at all.
A date typed so that it cannot be read is not saved, and the line says so: "Saved 14.32,
not the date" (flow.meeting_when)."""

from __future__ import annotations

from textual.widgets import Static

from peerprep.flow.editing import SaveState
from peerprep.words import Catalogue
from peerprep.words.dates import format_date

# Short reasons for the status line; the full sentence (with the folder) is in the dialog.
SAVE_REASONS = ("disk_full", "read_only", "folder_missing", "write_failed")
# What "saved" would be said for; in memory (a shared computer) it is never said.
_SAVING_KINDS = ("idle", "pending", "saving", "saved")


def status_text(cat: Catalogue, state: SaveState) -> str:
    """The words for a save state. The words carry the meaning; colour only repeats it."""
    if state.in_memory and state.kind in _SAVING_KINDS:
        return cat.text("shared.status")  # a shared computer keeps nothing: never "saved"
    if state.kind == "pending":
        return cat.text("tui.save.pending")
    if state.unread and state.kind in ("idle", "saved"):
        what = cat.text(f"tui.save.unread.{'both' if len(state.unread) > 1 else state.unread[0]}")
        if state.kind == "saved" and state.at is not None:
            return cat.text("tui.save.saved_but", time=format_date(cat, state.at.time()), what=what)
        return cat.text("tui.save.auto_but", what=what)
    if state.kind == "saved" and state.at is not None:
        return cat.text("tui.save.saved", time=format_date(cat, state.at.time()))
    if state.kind == "failed":
        name = state.error_key.rsplit(".", 1)[-1]
        reason = cat.text(f"tui.save.reason.{name if name in SAVE_REASONS else 'write_failed'}")
        return cat.text("tui.save.failed", reason=reason)
    if state.kind == "read_only":
        return cat.text("tui.save.read_only")
    if state.kind == "saving":
        return cat.text("tui.save.saving")
    return cat.text("tui.save.auto")


class SaveStatus(Static):
    """Mirrors app.save_state. A click when saving failed offers to save elsewhere."""

    def on_mount(self) -> None:
        self.watch(self.app, "save_state", self._show)

    def _show(self, state: SaveState) -> None:
        cat = self.app.cat  # type: ignore[attr-defined]
        text = status_text(cat, state)
        side = getattr(self.app, "shared_side", None)
        if side is not None and side.in_memory and state.kind in _SAVING_KINDS:
            text = cat.text("shared.status")  # a shared computer keeps nothing: never "Saved"
        self.update(text)
        self.set_class(state.kind == "failed", "-failed")
        self.set_class(state.kind == "read_only", "-read-only")

    def on_click(self) -> None:
        offer = getattr(self.app, "action_save", None)
        if callable(offer) and self.has_class("-failed"):
            offer()
