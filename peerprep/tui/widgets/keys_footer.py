"""The footer: the keys that work now, "F1 Help" first, and only keys that fit whole.

Textual's footer lists the keys of the focused widget first and the program's own keys
(help among them) last, and a narrow terminal cuts the row off at its edge. At 40 columns
that cut "F1 Hjælp", so a person at a small terminal never learned where help is (a
newcomer's report). Help comes first, as in most full-screen terminal programs (htop,
Midnight Commander); a key that would be cut off is left out whole, never shown as "F3
Eksempl"; every key is in the help (F1), at every size.

Which keys fit is counted, not measured on the screen: a compact footer key is its key,
a space and its words, one cell apart from the next (Textual's ``Footer`` CSS,
``FooterKey.-compact``). Measuring laid-out regions after a refresh left the row cut
whenever the keys changed before their first layout (a full test run at 40x15 showed
"F1 Help F4 After F5 Sheet F6 Next meetin").
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

_GAP = 1
"""Cells between two keys: ``margin-right: 1`` of a key in a compact footer."""


def _is_help(widget: Widget) -> bool:
    """The key that opens help ("help" on a screen, "app.help" in a dialog)."""
    return str(getattr(widget, "action", "")).rsplit(".", 1)[-1] == "help"


def key_width(key: FooterKey) -> int:
    """Cells a compact footer key takes: "F1" + " " + "Hjælp" is 8, "F1" alone 2."""
    text = f"{key.key_display} {key.description}" if key.description else key.key_display
    return cell_len(text)


def fit(keys: list[Widget], width: int) -> None:
    """Show the keys from the first while each fits whole in ``width`` cells; hide the rest.

    Args:
        keys: the footer's keys in their order (help first).
        width: the cells the footer has; 0 or less before it is laid out shows them all.
    """
    if width <= 0:
        for key in keys:
            key.display = True
        return
    used = 0
    fits = True
    for key in keys:
        size = key_width(key) if isinstance(key, FooterKey) else width  # no binding groups
        fits = fits and used + size <= width
        key.display = fits
        used += size + _GAP


class KeysFooter(Footer):
    """Footer(show_command_palette=False, compact=True), help first, nothing cut off."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)

    def compose(self) -> ComposeResult:
        keys = sorted(super().compose(), key=lambda key: not _is_help(key))  # stable sort
        fit(keys, self._width())
        yield from keys

    def _width(self) -> int:
        """The footer's cells: its own once laid out, the terminal's before (it is docked
        along the bottom of a full-size screen)."""
        return self.size.width or self.app.size.width

    def on_resize(self, event: Resize) -> None:
        fit(list(self.children), event.size.width)
