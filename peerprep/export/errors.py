"""The one exception of the export layer: a failure a person can meet, as a catalogue key."""

from __future__ import annotations

from peerprep.errors import PeerprepError


class ExportError(PeerprepError):
    """Export, open or print failed. `key` names the catalogue text; `values` fill it in
    (show it with `cat.text(error.key, **error.values)`)."""
