"""Radio buttons and check boxes whose state shows as a shape, not only as a colour.

Textual draws every radio button with the same dot and every check box with the same
cross, and shows which one is on by colour alone. Without colour (NO_COLOR, a
monochrome screen, colour blindness) they all look the same. Here the mark is only
drawn when the choice is on.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class Choice(RadioButton):
    """One choice of several: ● when chosen, empty when not."""

    @property
    def BUTTON_INNER(self) -> str:
        return "●" if self.value else " "


class Tick(Checkbox):
    """On or off: ✓ when on, empty when off."""

    @property
    def BUTTON_INNER(self) -> str:
        return "✓" if self.value else " "
