"""The settings screen's "my data" part: where things are, carry your own, delete for real.

Shows the data folder (or that nothing is kept, on a shared computer) and the export
folder plainly; offers "save to a folder of my choice", "open from a file", passphrase
protection on a personal computer, and "delete all my data" with a question that names
exactly what goes. The work is done by transfer, crypto and shared; this only asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from peerprep import crypto, leaving, shared
from peerprep.export.places import default_export_dir
from peerprep.store import Store, StoreError
from peerprep.transfer import Imported

if TYPE_CHECKING:
    from peerprep.content import Catalogue
    from peerprep.tui.app import PeerprepApp


class MyData(Vertical):
    DEFAULT_CSS = """
    MyData {
        height: auto;
        border: round $primary-muted;
        padding: 0 1;
        margin-top: 1;
    }
    MyData > Static {
        height: auto;
        margin-bottom: 1;
    }
    MyData .data-buttons {
        height: auto;
        margin-bottom: 1;
    }
    MyData .data-buttons Button {
        margin-right: 1;
    }
    """

    @property
    def peer_app(self) -> PeerprepApp:
        return cast("PeerprepApp", self.app)

    @property
    def cat(self) -> Catalogue:
        return self.peer_app.cat

    def t(self, key: str, **values: object) -> str:
        return self.cat.text(key, **values)

    @property
    def store(self) -> Store | shared.MemoryStore:
        return cast("Store | shared.MemoryStore", self.peer_app.session.store)

    @property
    def side(self) -> object | None:
        return getattr(self.peer_app, "shared_side", None)

    def compose(self) -> ComposeResult:
        self.border_title = self.t("shared.data.heading")
        store = self.store
        if store.in_memory:
            yield Static(Content(self.t("shared.where_memory")), id="data-where")
        else:
            yield Static(Content(self.t("cli.where_data", path=str(store.root))), id="data-where")
            if store.protected:
                yield Static(Content(self.t("shared.where_protected")))
        yield Static(Content(self.t("shared.where_export", path=str(default_export_dir()))),
                     id="data-export")  # fmt: skip
        side = self.side
        mode = getattr(side, "mode", None)
        if isinstance(mode, shared.SharedMode) and mode.on:
            cover, erase = mode.timers(self.peer_app.settings)
            yield Static(Content(self.t("shared.data.timers", cover=cover, erase=erase)))
            if mode.locked:
                yield Static(Content(self.t("shared.machine_locked")), id="data-locked")
        with Horizontal(classes="data-buttons"):
            yield Button(self.t("shared.data.save"), id="data-save", compact=True)
            yield Button(self.t("shared.data.open"), id="data-open", compact=True)
        with Horizontal(classes="data-buttons"):
            if not store.in_memory:
                key = "shared.data.unprotect" if store.protected else "shared.data.protect"
                yield Button(self.t(key), id="data-protect", compact=True)
            yield Button(self.t("shared.data.wipe"), id="data-wipe", variant="error",
                         compact=True)  # fmt: skip

    # --- carry your own -----------------------------------------------------------------------

    @on(Button.Pressed, "#data-save")
    def _save(self) -> None:
        from peerprep.tui.dialogs.folder import SaveToFolderDialog

        app = self.peer_app
        app.commit_screens()
        app.session.save_now()
        preparations = [p for p in self.store.list().preparations if shared.has_words(p)]
        if not preparations:
            app.notify(self.t("shared.data.nothing_to_save"))
            return
        app.push_screen(SaveToFolderDialog(preparations), self._saved)

    def _saved(self, saved: object) -> None:
        mark = getattr(self.store, "mark_taken", None)
        for prep in saved if isinstance(saved, list) else []:
            if callable(mark):
                mark(prep)

    @on(Button.Pressed, "#data-open")
    def _open(self) -> None:
        from peerprep.tui.dialogs.folder import OpenFileDialog

        self.peer_app.push_screen(OpenFileDialog(), self._opened)

    def _opened(self, imported: Imported | None) -> None:
        if imported is None:
            return
        from peerprep.content import display_title

        app = self.peer_app
        title = display_title(self.cat, imported.prep)
        if imported.already_there:
            app.notify(self.t("shared.import_already", title=title))
        elif imported.renamed:
            app.notify(self.t("shared.imported_copy", title=title))
        else:
            app.notify(self.t("shared.imported", title=title))
        app.open_preparation(imported.prep.id)

    # --- passphrase ---------------------------------------------------------------------------

    @on(Button.Pressed, "#data-protect")
    def _protect(self) -> None:
        from peerprep.tui.dialogs.passphrase import PassphraseDialog

        store = self.store
        if store.in_memory:
            return
        root = store.root
        if store.protected:
            dialog = PassphraseDialog("remove", check=lambda p: crypto.unlock(root, p))
            self.peer_app.push_screen(dialog, self._remove_protection)
        else:
            self.peer_app.push_screen(PassphraseDialog("new"), self._add_protection)

    def _add_protection(self, passphrase: str | None) -> None:
        if passphrase:
            self.peer_app.commit_screens()
            self.peer_app.session.save_now()
            self._change_protection(passphrase, on=True)

    def _remove_protection(self, passphrase: str | None) -> None:
        if passphrase:
            self.peer_app.commit_screens()
            self.peer_app.session.save_now()
            self._change_protection(passphrase, on=False)

    @work(thread=True, exclusive=True, group="protection")
    def _change_protection(self, passphrase: str, on: bool) -> None:
        store = cast("Store", self.store)
        try:
            if on:
                store.cipher = crypto.protect(store, passphrase)
                key = "crypto.turned_on"
            else:
                cipher = store.cipher or crypto.unlock(store.root, passphrase)
                crypto.unprotect(store, cipher)
                store.cipher = None
                key = "crypto.turned_off"
            count = len(store.list().preparations)
        except StoreError as error:
            self.app.call_from_thread(self._told, error.key, error.values, "error")
            return
        self.app.call_from_thread(self._told, key, {"n": count}, "information")

    def _told(self, key: str, values: dict[str, object], severity: str) -> None:
        self.peer_app.notify(self.t(key, **values), severity=severity)  # type: ignore[arg-type]
        self.refresh(recompose=True)

    # --- delete all my data -------------------------------------------------------------------

    def what_goes(self, summary: leaving.WipeSummary) -> list[str]:
        t = self.t
        if summary.in_memory:
            return [
                t("shared.wipe.memory", n=summary.preparations),
                t("shared.wipe.settings_memory"),
            ]
        items = [t("shared.wipe.preparations", n=summary.preparations, path=str(summary.data_dir))]
        if summary.quarantined:
            items.append(t("shared.wipe.quarantine", n=summary.quarantined))
        items.append(t("shared.wipe.locks"))
        if summary.protected:
            items.append(t("shared.wipe.protection"))
        if summary.settings_file is not None:
            items.append(t("shared.wipe.settings", path=str(summary.settings_file)))
        return items

    @on(Button.Pressed, "#data-wipe")
    def _wipe(self) -> None:
        from peerprep.tui.dialogs.confirm import ConfirmDialog

        app = self.peer_app
        app.commit_screens()
        app.session.save_now()
        summary = leaving.wipe_summary(self.store, app.keeper)  # type: ignore[arg-type]
        dialog = ConfirmDialog(
            question=self.t("shared.wipe.question"),
            items=self.what_goes(summary),
            warning=self.t("shared.wipe.warning"),
            yes=self.t("shared.wipe.yes"),
            no=self.t("shared.wipe.no"),
        )
        app.push_screen(dialog, self._wipe_answer)

    def _wipe_answer(self, yes: bool | None) -> None:
        if not yes:
            return
        app = self.peer_app
        app.session.discard()
        try:
            leaving.wipe_everything(self.store, app.keeper)  # type: ignore[arg-type]
        except StoreError as error:
            app.notify(self.t(error.key, **error.values), severity="error")
            return
        fresh = app.keeper.load()
        fresh.welcomed = True
        app.settings = fresh
        app.theme = app.run_theme or fresh.theme  # --theme holds for the whole run
        if isinstance(self.store, Store):
            self.store.cipher = None
        app.notify(self.t("shared.wipe.done"))
        app.go_home()
