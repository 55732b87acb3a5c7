"""The footer: the keys that work now, "F1 Help" first, and only keys that fit whole.

Textual's footer lists the keys of the focused widget first and the program's own keys
(help among them) last, and a narrow terminal cuts the row off at its edge. At 40 columns
that cut "F1 Hjælp", so a person at a small terminal never learned where help is (a
newcomer's report). Help comes first, as in most full-screen terminal programs (htop,
Midnight Commander); a key that would be cut off is left out whole, never shown as "F3
Eksempl"; every key is in the help (F1), at every size.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer


def _is_help(widget: Widget) -> bool:
    """The key that opens help ("help" on a screen, "app.help" in a dialog)."""
    return str(getattr(widget, "action", "")).rsplit(".", 1)[-1] == "help"


class KeysFooter(Footer):
    """Footer(show_command_palette=False, compact=True), help first, nothing cut off."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        yield from sorted(keys, key=lambda key: not _is_help(key))  # stable: others keep order

    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        for key in self.children:
            key.display = True  # wider now, maybe: each key gets its chance again
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Leave out, whole, each key from the first one that reaches past the edge."""
        edge = self.content_region.right
        cut = False
        for key in self.children:
            if key.display and (cut or key.region.right > edge):
                cut = True
                key.display = False
