"""The composition root: what one run of the program is made of, built once, used by all.

The command line reads the arguments and makes a `Context`; every command and both faces
get their language, folders, store, settings and shared mode from it, so that the same
question always has the same answer. Nothing here parses arguments or draws a screen.

Exit codes of the program, the same for every command and face:

    EXIT_OK (0)       done
    EXIT_FAILURE (1)  something the person should read about; said in one line
    EXIT_USAGE (2)    the command line itself was wrong, or there is no terminal to use
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peerprep.crypto import Cipher
    from peerprep.flow.shared_mode import SharedMode
    from peerprep.flow.taking_along import TakenAlong
    from peerprep.settings import DiskSettings, MemorySettings
    from peerprep.store import MemoryStore, PreparationStore, Store
    from peerprep.words import Catalogue

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
class Start:
    """Where a face opens: home (None), a new preparation ("new"), or one ("open", id).
    `force`: take over the lock of another computer's program (`open --force`)."""

    command: str | None = None
    prep_id: str | None = None
    force: bool = False


@dataclass
class Context:
    """What every command and face needs, decided once per run.

    language       the language of the words on screen ("da" or "en")
    language_chosen  True when the person named it (--lang): it then wins over settings
    data_dir       the data folder (folders.resolve_data_dir)
    data_dir_chosen  True when the person named it (--data-dir): on a shared computer
                   their own folder (a USB stick) is used instead of memory
    config_dir     the settings folder
    shared_flag    --shared was given
    theme          --theme for this run only (never saved), or None
    ask_passphrase False where a dialog, not the terminal, asks for a passphrase
    """

    language: str
    data_dir: Path
    config_dir: Path
    language_chosen: bool = False
    data_dir_chosen: bool = False
    shared_flag: bool = False
    theme: str | None = None
    ask_passphrase: bool = True
    _memory: MemoryStore | None = field(default=None, init=False, repr=False)
    _cipher: Cipher | None = field(default=None, init=False, repr=False)
    _shared: SharedMode | None = field(default=None, init=False, repr=False)
    _taken: TakenAlong | None = field(default=None, init=False, repr=False)

    @property
    def cat(self) -> Catalogue:
        from peerprep.words import catalogue

        return catalogue(self.language)

    @property
    def shared(self) -> SharedMode:
        """Shared-computer mode for this run (flag, environment, machine-wide file)."""
        if self._shared is None:
            from peerprep.flow.shared_mode import resolve

            self._shared = resolve(flag=self.shared_flag)
        return self._shared

    @property
    def in_memory(self) -> bool:
        """Shared mode keeps preparations in memory, unless the person named --data-dir."""
        return self.shared.on and not self.data_dir_chosen

    @property
    def taken(self) -> TakenAlong:
        """The record of what the person took along (exported, printed, saved) this run."""
        if self._taken is None:
            from peerprep.flow.taking_along import TakenAlong

            self._taken = TakenAlong(shared=self.shared.on)
        return self._taken

    def store(self, unlock: bool = True) -> PreparationStore:
        """The preparations: in memory on a shared computer; else the data folder, opened
        with the passphrase when it is protected (unless `unlock` is False, as for wipe).

        Raises:
            WrongPassphrase: three wrong passphrases typed at the terminal.
            CryptoError: the folder is protected and nobody is there to ask.
        """
        if self.in_memory:
            if self._memory is None:
                from peerprep.store import MemoryStore

                self._memory = MemoryStore()
            return self._memory
        return self.disk_store(unlock=unlock)

    def disk_store(self, unlock: bool = True) -> Store:
        """The data folder's store (see `store`), also where shared mode keeps nothing."""
        from peerprep.store import Store

        store = Store(self.data_dir, cipher=self._cipher)
        if unlock and self._cipher is None and store.protected:
            from peerprep.crypto import unlock_interactively

            self._cipher = unlock_interactively(
                self.data_dir,
                self.cat.text("crypto.prompt"),
                self.cat.text("crypto.wrong_passphrase"),
                self.ask_passphrase,
            )
            store.cipher = self._cipher
        return store

    def unlock(self, passphrase: str) -> Cipher:
        """Check the passphrase of a protected data folder.

        Raises:
            WrongPassphrase: it is not the folder's passphrase.
        """
        from peerprep.crypto import unlock

        self._cipher = unlock(self.data_dir, passphrase)
        return self._cipher

    def settings_keeper(self) -> MemorySettings | DiskSettings:
        """Where settings are kept: in memory on a shared computer, else the config folder."""
        from peerprep.flow.shared_mode import settings_keeper

        return settings_keeper(self.shared, self.config_dir)

    def screen_language(self, settings_language: str | None) -> str:
        """The language on screen: --lang, else the one chosen in the settings, else the
        environment's (already in `language`)."""
        if not self.language_chosen and settings_language:
            return settings_language
        return self.language
