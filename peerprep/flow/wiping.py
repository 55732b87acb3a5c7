""" "Delete all my data": what will go, counted and named before it happens, and then all
of it: preparations, files put aside, locks, the passphrase marker and the settings.
Sheets the person exported are theirs and stay where they put them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from peerprep.flow.said import Said

if TYPE_CHECKING:
    from peerprep.settings import SettingsKeeper
    from peerprep.store import PreparationStore


@dataclass(frozen=True)
class WipeSummary:
    """What "delete all my data" will take away, counted beforehand."""

    in_memory: bool
    preparations: int
    quarantined: int
    protected: bool
    settings_file: Path | None  # None: kept in memory, or there is none
    data_dir: Path | None

    def what_goes(self) -> list[Said]:
        """The things that go, one sentence each, to name in the question."""
        if self.in_memory:
            return [Said("wipe.memory", {"n": self.preparations}), Said("wipe.settings_memory")]
        items = [Said("wipe.preparations", {"n": self.preparations, "path": str(self.data_dir)})]
        if self.quarantined:
            items.append(Said("wipe.quarantine", {"n": self.quarantined}))
        items.append(Said("wipe.locks"))
        if self.protected:
            items.append(Said("wipe.protection"))
        if self.settings_file is not None:
            items.append(Said("wipe.settings", {"path": str(self.settings_file)}))
        return items


def wipe_summary(store: PreparationStore, keeper: SettingsKeeper) -> WipeSummary:
    """Count what a wipe would take away. Raises StoreError when the folder cannot be read."""
    listing = store.list()
    quarantined = store.quarantined_files()
    return WipeSummary(
        in_memory=store.in_memory,
        preparations=len(listing.preparations),
        quarantined=len(quarantined),
        protected=store.protected,
        settings_file=keeper.file(),
        data_dir=None if store.in_memory else store.root,
    )


def wipe_everything(
    store: PreparationStore, keeper: SettingsKeeper, *, force: bool = False
) -> list[Path]:
    """Preparations, quarantine, locks, the passphrase marker, settings. Not exports.
    Returns what went. `force`: another computer's lock does not stop it (the person
    was told whose it is: flow.taking_over).

    Raises:
        LockedError: a preparation is open in another program (nothing is deleted then).
        StoreError, SettingsError: a file cannot be deleted (the key says why).
    """
    gone = list(store.wipe(force=force))
    gone.extend(keeper.remove())
    return gone
