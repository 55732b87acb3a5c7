"""The quiet line that says whether the words are saved: "Saved 14.32" / "Saving …" /
"Not saved: <reason>"."""

from __future__ import annotations

from textual.widgets import Static

from peerprep.flow.editing import SaveState
from peerprep.words import Catalogue
from peerprep.words.dates import format_date

# Short reasons for the status line; the full sentence (with the folder) is in the dialog.
_REASONS = ("disk_full", "read_only", "folder_missing", "write_failed")


def status_text(cat: Catalogue, state: SaveState) -> str:
    """The words for a save state. The words carry the meaning; colour only repeats it."""
    if state.kind == "saved" and state.at is not None:
        return cat.text("tui.save.saved", time=format_date(cat, state.at.time()))
    if state.kind == "failed":
        name = state.error_key.rsplit(".", 1)[-1]
        reason = cat.text(f"tui.save.reason.{name if name in _REASONS else 'write_failed'}")
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
        if side is not None and side.in_memory and state.kind in ("idle", "saving", "saved"):
            text = cat.text("shared.status")  # a shared computer keeps nothing: never "Saved"
        self.update(text)
        self.set_class(state.kind == "failed", "-failed")
        self.set_class(state.kind == "read_only", "-read-only")

    def on_click(self) -> None:
        offer = getattr(self.app, "action_save", None)
        if callable(offer) and self.has_class("-failed"):
            offer()
