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

from peerprep import crypto, protection
from peerprep.flow import summaries, wiping
from peerprep.flow.preparation_file import Imported, imported_message
from peerprep.flow.taking_along import has_words
from peerprep.store import PreparationStore, Store, StoreError

if TYPE_CHECKING:
    from peerprep.tui.app import PeerprepApp
    from peerprep.words import Catalogue


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
    def store(self) -> PreparationStore:
        return self.peer_app.session.store

    def compose(self) -> ComposeResult:
        self.border_title = self.t("shared.data.heading")
        store = self.store
        app = self.peer_app
        mode = app.shared_mode
        lines = summaries.where_lines(store, app.config_dir, mode, app.settings)
        yield Static(Content("\n".join(summaries.say(self.cat, line) for line in lines)),
                     id="data-where")  # fmt: skip
        if mode is not None and mode.locked:
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
        preparations = [p for p in self.store.list().preparations if has_words(p)]
        if not preparations:
            app.notify(self.t("shared.data.nothing_to_save"))
            return
        app.push_screen(SaveToFolderDialog(preparations))

    @on(Button.Pressed, "#data-open")
    def _open(self) -> None:
        from peerprep.tui.dialogs.folder import OpenFileDialog

        self.peer_app.push_screen(OpenFileDialog(), self._opened)

    def _opened(self, imported: Imported | None) -> None:
        if imported is None:
            return
        app = self.peer_app
        said = imported_message(self.cat, imported, in_memory=self.store.in_memory)
        app.notify(said.text(self.cat))
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
                store.cipher = protection.protect(store, passphrase)
                key = "crypto.turned_on"
            else:
                cipher = store.cipher or crypto.unlock(store.root, passphrase)
                protection.unprotect(store, cipher)
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

    def what_goes(self, summary: wiping.WipeSummary) -> list[str]:
        return [said.text(self.cat) for said in summary.what_goes()]

    @on(Button.Pressed, "#data-wipe")
    def _wipe(self) -> None:
        from peerprep.tui.dialogs.confirm import ConfirmDialog

        app = self.peer_app
        app.commit_screens()
        app.session.save_now()
        summary = wiping.wipe_summary(self.store, app.keeper)
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
            wiping.wipe_everything(self.store, app.keeper)
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
