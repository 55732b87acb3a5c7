"""Every screen and dialog can be seen and used: at 80x24 and 120x40 every field shows
its whole frame and label, a text area at least three lines to write on; at 40x15 and
60x20 (a large terminal font) whatever has the focus is in view, as Tab walks it all.
Stylesheets are scoped: a rule for one screen cannot reach another's widgets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Button, Input, RadioSet, Select, TextArea

from .places import PLACES, Place, make_for, visible_rows

STYLES = Path(__file__).resolve().parents[2] / "assets" / "tui"
TEXT_AREA_LINES = 3  # lines to write on, inside the frame


def _shown(widget: Widget) -> bool:
    node: Widget | None = widget
    while node is not None and isinstance(node, Widget):
        if not node.display or not node.visible:
            return False
        node = node.parent  # type: ignore[assignment]
    return True


def _inputs(app) -> list[Widget]:
    return [w for w in app.screen.query("Input, TextArea, Select, RadioSet") if _shown(w)]


def _problem(widget: Widget) -> str | None:
    """Why the person cannot see enough of this widget to use it (None: they can)."""
    if isinstance(widget, TextArea):
        lines = visible_rows(widget, widget.content_region)
        if lines < TEXT_AREA_LINES:
            return f"{lines} visible lines to write on"
        return None
    if isinstance(widget, (Input, Select)):
        # the frame carries the label: all three rows, and room to type
        rows = visible_rows(widget)
        if rows < widget.region.height or widget.region.height < 3:
            return f"{rows} of {widget.region.height} rows visible"
        if widget.content_region.width < 8:
            return f"{widget.content_region.width} columns to type in"
        return None
    rows = visible_rows(widget)
    if rows < min(widget.region.height, widget.screen.size.height - 2):
        return f"{rows} of {widget.region.height} rows visible"
    return None


async def _walk_inputs(app, pilot) -> list[str]:
    problems = []
    for widget in _inputs(app):
        target = widget
        if isinstance(widget, RadioSet):
            target = widget.query("RadioButton").first()
        if target.focusable:
            target.focus()
        else:
            widget.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.pause()
        problem = _problem(widget)
        if problem:
            problems.append(f"#{widget.id} ({type(widget).__name__}): {problem}")
    return problems


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("place", PLACES, ids=[p.name for p in PLACES])
async def test_every_field_and_text_area_can_be_seen(
    make_app, store, place: Place, size: tuple[int, int]
) -> None:
    app = make_for(place, make_app, store)
    async with app.run_test(size=size) as pilot:
        await place.go(app, pilot)
        problems = await _walk_inputs(app, pilot)
        assert not problems, f"{place.name} at {size}: {problems}"


def _focus_problem(app) -> str | None:
    widget = app.focused
    if widget is None:
        return None
    height = app.screen.size.height
    if isinstance(widget, TextArea):
        lines = visible_rows(widget, widget.content_region)
        return None if lines >= TEXT_AREA_LINES else f"a text area with {lines} lines"
    rows = visible_rows(widget)
    want = min(widget.region.height, height - 2)
    if isinstance(widget, Button):
        want = widget.region.height  # a button is pressed blind otherwise
    if rows < max(1, want):
        return f"{type(widget).__name__}#{widget.id}: {rows} of {widget.region.height} rows"
    return None


@pytest.mark.parametrize("size", [(40, 15), (60, 20)], ids=["40x15", "60x20"])
@pytest.mark.parametrize("place", PLACES, ids=[p.name for p in PLACES])
async def test_small_terminals_keep_the_focus_in_view(
    make_app, store, place: Place, size: tuple[int, int]
) -> None:
    app = make_for(place, make_app, store)
    async with app.run_test(size=size) as pilot:
        await place.go(app, pilot)
        problems = []
        seen: set[int] = set()
        for _ in range(len(app.screen.focus_chain) + 1):
            await pilot.pause()
            await pilot.pause()
            widget = app.focused
            problem = _focus_problem(app)
            if problem:
                problems.append(problem)
            if widget is not None:
                seen.add(id(widget))
            await pilot.press("tab")
        assert not problems, f"{place.name} at {size}: {problems}"
        # a dialog's buttons, too, are reached and seen
        for button in app.screen.query(Button):
            if _shown(button) and not button.disabled:
                assert id(button) in seen, f"{place.name}: Tab never reached #{button.id}"


_RULE = re.compile(r"(?P<selector>[^{}]+)\{[^{}]*\}")


def _selectors(path: Path) -> list[str]:
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    found = []
    for match in _RULE.finditer(text):
        found += [s.strip() for s in match.group("selector").split(",") if s.strip()]
    return found


def test_stylesheets_are_scoped_to_their_screens() -> None:
    """A rule that names an id or a class starts with the screen or dialog it is for (or
    PeerScreen / PeerDialog for what all of them share): `#home { height: 1fr }` in the
    home screen's file once stretched a button of another screen 21 rows tall."""
    from peerprep.tui import app as app_module

    names = app_module.STYLESHEETS
    assert names
    widget_types = {"Screen", "SaveStatus", "SheetGauge", "RadioSet", "Input", "TextArea",
                    "OptionList", "Checkbox", "SelectCurrent", "Select", "Button", "RadioButton",
                    "DialogBox"}  # fmt: skip
    unscoped = []
    for name in names:
        for selector in _selectors(STYLES / name):
            first = selector.split()[0]
            head = re.split(r"[.#:>]", first)[0]
            if not head or (head not in widget_types and not head.endswith(("Screen", "Dialog"))):
                unscoped.append(f"{name}: {selector}")
            elif head in widget_types and (
                "#" in selector or (name != "app.tcss" and "." in selector)
            ):
                # a widget type alone is the look everywhere; with an id it is a leak
                unscoped.append(f"{name}: {selector}")
    assert not unscoped, unscoped
