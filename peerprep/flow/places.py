"""Where a sheet, or a preparation's own file, is suggested to go - one rule for every face.

- A shared computer: the first USB stick or card that is in; with none, no folder at
  all: the person types one, and is told that a file saved on the computer itself stays
  there for others to find (flow.taking_along does not count such a file as taken along).
- A personal computer: the usual export folder (folders.default_export_dir); when a cloud
  service copies that folder to the internet (folders.cloud_service), the person is told
  so, and a folder in the home folder that no service copies is offered as well.

Only looks (drives and folders); writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from peerprep.flow.said import Said

if TYPE_CHECKING:
    from collections.abc import Mapping


@dataclass(frozen=True)
class ExportPlace:
    """Where a face suggests saving the sheet, and what to tell the person about it.

    folder     the folder to suggest; None: suggest none, the person types a place
    removable  `folder` is a USB stick or a card
    cloud      the service that copies `folder` to the internet ("OneDrive"), or None
    notes      sentences to say beside the folder (why there is none; the cloud service)
    others     other folders to offer: the sticks and cards in, and on a personal computer
               whose usual folder a cloud service copies, a folder in the home folder
    """

    folder: Path | None
    removable: bool = False
    cloud: str | None = None
    notes: tuple[Said, ...] = ()
    others: tuple[Path, ...] = ()


def export_place(shared: bool, environ: Mapping[str, str] | None = None) -> ExportPlace:
    """Where to suggest saving the sheet, by this module's rules (both faces ask here).

    A shared computer: the first USB stick or card, else no folder at all (the note says
    why and that a file saved on this computer stays here). A personal computer: the usual
    export folder (folders.default_export_dir); when a cloud service copies it, a note
    says so and a folder of the home folder no service copies is offered too.
    """
    from peerprep.drives import removable_places
    from peerprep.folders import cloud_service, default_export_dir

    sticks = removable_places()
    if shared:
        if sticks:
            return ExportPlace(sticks[0], removable=True, others=tuple(sticks[1:]))
        return ExportPlace(None, notes=(Said("export.place.shared_choose"),))
    usual = default_export_dir()
    service = cloud_service(usual, environ)
    if service is None:
        return ExportPlace(usual, others=tuple(sticks))
    others = list(sticks)
    home = Path.home() / "peerprep"
    if cloud_service(home, environ) is None:
        others.append(home)
    note = Said("export.place.cloud", {"path": str(usual), "service": service})
    if others:
        note = Said(
            "export.place.cloud_other",
            {"path": str(usual), "service": service, "other": str(others[0])},
        )
    return ExportPlace(usual, cloud=service, notes=(note,), others=tuple(others))


def carry_place(shared: bool) -> ExportPlace:
    """Where to suggest saving the preparation itself, to open it again elsewhere
    (`save_copy`): the first USB stick or card, else no folder (the person types one; on
    a shared computer the note says that a file saved here stays for others to find)."""
    from peerprep.drives import removable_places

    sticks = removable_places()
    if sticks:
        return ExportPlace(sticks[0], removable=True, others=tuple(sticks[1:]))
    return ExportPlace(None, notes=(Said("export.place.shared_choose"),) if shared else ())
