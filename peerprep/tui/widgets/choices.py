"""Radio buttons and check boxes whose state shows as a shape, not only as a colour.

Textual draws every radio button with the same dot and every check box with the same
cross, and shows which one is on by colour alone. Without colour (NO_COLOR, a
monochrome screen, colour blindness) they all look the same. Here the mark is only
drawn when the choice is on.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox, RadioButton, RadioSet
from textual.widgets._toggle_button import ToggleButton


class _Boxed(ToggleButton):
    """The box drawn in the button's own colour on the widget's ground: "(" and ")" (or
    "[" "]") are letters, not half blocks painted in a background colour, so the box is
    as readable as the words beside it, also without colour."""

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble(
            (self.BUTTON_LEFT, style), (self.BUTTON_INNER, style), (self.BUTTON_RIGHT, style)
        )


class Choice(RadioButton, _Boxed):
    """One choice of several: (●) when chosen, ( ) when not."""

    BUTTON_LEFT = "("
    BUTTON_RIGHT = ")"

    @property
    def BUTTON_INNER(self) -> str:
        return "●" if self.value else " "


class Tick(Checkbox, _Boxed):
    """On or off: [✓] when on, [ ] when off."""

    BUTTON_LEFT = "["
    BUTTON_RIGHT = "]"

    @property
    def BUTTON_INNER(self) -> str:
        return "✓" if self.value else " "


class Choices(RadioSet):
    """One choice of several, where the arrow keys choose at once (as a radio group does
    everywhere else): the marked choice is the chosen one, with no Enter needed."""

    def action_next_button(self) -> None:
        super().action_next_button()
        self._press_marked()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self._press_marked()

    def on_mount(self) -> None:
        # Textual marks the first choice as it mounts; the marked one is the chosen one.
        self.call_after_refresh(self._mark_pressed)

    def _mark_pressed(self) -> None:
        if self.pressed_index >= 0:
            self._selected = self.pressed_index

    def _press_marked(self) -> None:
        if not self.has_focus:
            return  # Textual moving the mark as it mounts: not the person's choice
        index = self._selected
        if index is not None:
            button = self._nodes[index]
            if isinstance(button, RadioButton) and not button.value:
                button.value = True
