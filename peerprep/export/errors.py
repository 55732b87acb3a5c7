"""The one exception of the export layer: a failure a person can meet, as a catalogue key."""

from __future__ import annotations


class ExportError(Exception):
    """Export, open or print failed. `key` names the catalogue text; `values` fill it in."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key, values)
        self.key = key
        self.values = values
