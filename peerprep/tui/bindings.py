"""Keys in the person's language: every Binding has an id, and its words come from the catalogue.

Textual keeps a copy of the class's bindings on each node. `localize(node, cat)` replaces
the description and tooltip of each binding that has an id with the catalogue texts
`tui.keys.<id>.label` and `tui.keys.<id>.tip`, so the footer and the help screen speak the
person's language, and switch when the language does. The English words written in the
BINDINGS lists are only what a developer reads; a test proves every id has both texts.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from peerprep.words import Catalogue


def label_key(binding_id: str) -> str:
    return f"tui.keys.{binding_id}.label"


def tip_key(binding_id: str) -> str:
    return f"tui.keys.{binding_id}.tip"


def localize(node: DOMNode, cat: Catalogue) -> None:
    """Give the node's bindings their words in the catalogue's language."""
    table = node._bindings.key_to_bindings  # the node's own copy; see the module docstring
    for key, bindings in table.items():
        table[key] = [_translated(binding, cat) for binding in bindings]


def adopt(node: DOMNode, key: str, binding_id: str, cat: Catalogue) -> None:
    """Give a binding of one of Textual's own widgets (which has no id) our id and words,
    so the footer does not show it in English (the open list of a Select: Escape)."""
    table = node._bindings.key_to_bindings
    if key in table:
        table[key] = [_translated(replace(b, id=binding_id), cat) for b in table[key]]


def _translated(binding: Binding, cat: Catalogue) -> Binding:
    if not binding.id or not cat.has(label_key(binding.id)):
        return binding
    return replace(
        binding,
        description=cat.text(label_key(binding.id)),
        tooltip=cat.text(tip_key(binding.id)),
    )


_NAMED = {
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "delete": "Delete",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "space": "Space",
    "plus": "+",
}


def key_display(key: str) -> str:
    """'f6' -> 'F6', 'ctrl+q' -> 'Ctrl+Q', 'escape' -> 'Esc': plain to one who never saw '^q'."""
    first = key.split(",")[0].strip()
    parts = first.split("+")
    shown: list[str] = []
    for part in parts[:-1]:
        shown.append(part.capitalize())
    last = parts[-1]
    if last in _NAMED:
        shown.append(_NAMED[last])
    elif len(last) > 1 and last[0] == "f" and last[1:].isdigit():
        shown.append(last.upper())
    else:
        shown.append(last.upper() if len(last) == 1 else last.capitalize())
    return "+".join(shown)


def key_of(node: DOMNode, binding_id: str) -> str:
    """How the key bound under `binding_id` on `node` is shown ('F2'); '' when unbound."""
    for bindings in node._bindings.key_to_bindings.values():
        for binding in bindings:
            if binding.id == binding_id:
                return binding.key_display or key_display(binding.key)
    return ""
