"""What the flow layer hands a face to say: a catalogue key and the values that fill it in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peerprep.words import Catalogue


@dataclass(frozen=True)
class Said:
    """One sentence for the person: `cat.text(key, **values)` in the face's language."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def text(self, cat: Catalogue) -> str:
        return cat.text(self.key, **self.values)
